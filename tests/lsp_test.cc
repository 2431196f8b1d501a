// Scripted editor sessions against the language server, in process: the
// messages a client sends (initialize, open, incremental edits, code actions,
// hover, cancellation, malformed input, shutdown) and the exact replies and
// diagnostics that come back.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "lsp/server.h"

namespace leadlint {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

std::string Frame(const json& message) {
  std::string body = message.dump();
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

std::vector<json> Frames(const std::string& out) {
  std::vector<json> frames;
  size_t at = 0;
  while ((at = out.find("Content-Length: ", at)) != std::string::npos) {
    size_t length = std::stoul(out.substr(at + 16));
    size_t body = out.find("\r\n\r\n", at) + 4;
    frames.push_back(json::parse(out.substr(body, length)));
    at = body + length;
  }
  return frames;
}

struct Session {
  std::vector<json> replies;
  int exit_code = -1;
  std::string raw;
};

Session Serve(const std::vector<json>& messages, const std::string& tail = "") {
  std::string input;
  for (const json& m : messages) input += Frame(m);
  input += tail;
  std::istringstream in(input);
  std::ostringstream out;
  std::ostringstream log;
  Session s;
  s.exit_code = lsp::RunServer(in, out, log);
  s.raw = out.str();
  s.replies = Frames(s.raw);
  return s;
}

std::string ReadText(const std::string& uri) {
  std::ifstream in(uri.substr(7), std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

json Initialize(bool utf8 = false) {
  json caps = json::object();
  if (utf8) caps["general"] = {{"positionEncodings", {"utf-8", "utf-16"}}};
  return {{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"}, {"params", {{"capabilities", caps}}}};
}

json Notification(const std::string& method, json params) {
  return {{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

json Request(int id, const std::string& method, json params) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}};
}

class LspTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("leadlint-lsp-" + std::to_string(getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_ / "offer");
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  std::string Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
    return "file://" + (dir_ / name).string();
  }
  fs::path dir_;
};

// A product and its customer-leads; a non-BMP character precedes the faulty value.
const std::string kLeads =
    "{\n  \"$schema\": \"https://schema.mp.microsoft.com/schema/customer-leads/2022-03-01-preview3\",\n"
    "  \"product\": {\"externalId\": \"soc\"}, \"x-note\": \"\xF0\x9F\x98\x80\", \"leadDestination\": \"Salesforce\",\n"
    "  \"salesforceLeadConfiguration\": {\"objectIdentifier\": \"00D5g000004PrOs\"}\n}\n";
const std::string kProduct =
    "{\"$schema\": \"https://schema.mp.microsoft.com/schema/product/2022-03-01-preview3\",\n"
    " \"identity\": {\"externalId\": \"soc\"}, \"type\": \"managedService\"}\n";

TEST_F(LspTest, DiagnosticsFollowEditsWithVersionsAndEncodings) {
  const std::string uri = Write("offer/leads.json", kLeads);
  Write("offer/product.json", kProduct);
  // "Salesforce" starts after 70 code points on line 3; the emoji is 2 UTF-16 units and 4 bytes.
  json fix_value = Notification(
      "textDocument/didChange",
      {{"textDocument", {{"uri", uri}, {"version", 2}}},
       {"contentChanges",
        {{{"range", {{"start", {{"line", 2}, {"character", 71}}}, {"end", {{"line", 2}, {"character", 83}}}}},
          {"text", "\"salesforce\""}}}}});
  json break_it = Notification("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", 3}}},
                                                          {"contentChanges", {{{"text", kLeads}}}}});
  Session s =
      Serve({Initialize(), Notification("initialized", json::object()),
             Notification("textDocument/didOpen",
                          {{"textDocument", {{"uri", uri}, {"languageId", "json"}, {"version", 1}, {"text", kLeads}}}}),
             fix_value, break_it, Request(2, "shutdown", nullptr), Notification("exit", nullptr)});
  EXPECT_EQ(s.exit_code, 0);
  ASSERT_EQ(s.replies.size(), 5u) << s.raw;
  EXPECT_EQ(s.replies[0]["result"]["capabilities"]["positionEncoding"], "utf-16");
  const json& first = s.replies[1]["params"];
  EXPECT_EQ(first["version"], 1);
  ASSERT_EQ(first["diagnostics"].size(), 1u);
  EXPECT_EQ(first["diagnostics"][0]["code"], "leads-invalid-field");
  EXPECT_EQ(first["diagnostics"][0]["range"],
            json::parse(R"({"start": {"line": 2, "character": 71}, "end": {"line": 2, "character": 83}})"));
  EXPECT_EQ(first["diagnostics"][0]["codeDescription"]["href"], "https://leadlint.dev/rules/leads-invalid-field");
  EXPECT_EQ(s.replies[2]["params"]["version"], 2);
  EXPECT_EQ(s.replies[2]["params"]["diagnostics"], json::array());
  EXPECT_EQ(s.replies[3]["params"]["version"], 3);
  EXPECT_EQ(s.replies[3]["params"]["diagnostics"].size(), 1u);
  EXPECT_EQ(s.replies[4]["result"], nullptr);

  // With UTF-8 offered, columns count bytes.
  Session u =
      Serve({Initialize(true), Notification("textDocument/didOpen",
                                            {{"textDocument", {{"uri", uri}, {"version", 1}, {"text", kLeads}}}})});
  EXPECT_EQ(u.exit_code, 1);  // no shutdown before the end of input
  ASSERT_EQ(u.replies.size(), 2u);
  EXPECT_EQ(u.replies[0]["result"]["capabilities"]["positionEncoding"], "utf-8");
  EXPECT_EQ(u.replies[1]["params"]["diagnostics"][0]["range"]["start"]["character"], 73);
}

TEST_F(LspTest, AnUnsavedEditOfOneFileRefreshesTheOther) {
  const std::string leads =
      Write("offer/leads.json",
            "{\"$schema\": \"https://schema.mp.microsoft.com/schema/customer-leads/2022-03-01-preview3\",\n"
            " \"product\": {\"externalId\": \"soc\"}, \"leadDestination\": \"none\"}\n");
  const std::string product = Write("offer/product.json", kProduct);
  std::string vm = kProduct;
  vm.replace(vm.find("managedService"), 14, "azureVirtualMachine");
  Session s = Serve(
      {Initialize(),
       Notification("textDocument/didOpen",
                    {{"textDocument", {{"uri", leads}, {"version", 1}, {"text", ReadText(leads)}}}}),
       Notification("textDocument/didOpen", {{"textDocument", {{"uri", product}, {"version", 1}, {"text", kProduct}}}}),
       Notification("textDocument/didChange",
                    {{"textDocument", {{"uri", product}, {"version", 2}}}, {"contentChanges", {{{"text", vm}}}}})});
  // Each change republishes every open document: leads.json first fails
  // (a managed service needs a CRM), then passes once the unsaved product is a VM.
  std::vector<json> for_leads;
  for (const json& r : s.replies) {
    if (r.value("method", "") == "textDocument/publishDiagnostics" && r["params"]["uri"] == leads)
      for_leads.push_back(r["params"]);
  }
  ASSERT_EQ(for_leads.size(), 3u) << s.raw;
  ASSERT_EQ(for_leads[1]["diagnostics"].size(), 1u);
  EXPECT_EQ(for_leads[1]["diagnostics"][0]["code"], "leads-missing-destination");
  // The product lives in another file: related information points at it.
  const json related = for_leads[1]["diagnostics"][0]["relatedInformation"];
  ASSERT_EQ(related.size(), 1u) << related.dump();
  EXPECT_EQ(related[0]["location"]["uri"], product);
  // "managedService" (with its quotes) on the product's second line.
  EXPECT_EQ(related[0]["location"]["range"].dump(),
            R"({"end":{"character":60,"line":1},"start":{"character":44,"line":1}})");
  EXPECT_EQ(related[0]["message"], "the product 'soc' whose listings this lead configuration serves");
  EXPECT_EQ(for_leads[2]["diagnostics"], json::array());
}

// A translation's diagnostics follow an unsaved edit of its English source: the
// source buffer's hash no longer matches the translation's ms.openlocfilehash.
TEST_F(LspTest, AnUnsavedEditOfTheEnglishSourceRefreshesItsTranslation) {
  const fs::path fixtures = fs::path(LEADLINT_SOURCE_DIR) / "fixtures" / "html-report";
  fs::copy(fixtures, dir_ / "docs", fs::copy_options::recursive);
  const std::string source_uri = "file://" + (dir_ / "docs/azure-docs/articles/enable-lead-sharing.md").string();
  const std::string translation_uri =
      "file://" + (dir_ / "docs/azure-docs.de-de/articles/enable-lead-sharing.md").string();
  const std::string source = ReadText(source_uri);
  Session s = Serve(
      {Initialize(),
       Notification(
           "textDocument/didOpen",
           {{"textDocument", {{"uri", translation_uri}, {"version", 1}, {"text", ReadText(translation_uri)}}}}),
       Notification("textDocument/didOpen",
                    {{"textDocument", {{"uri", source_uri}, {"version", 1}, {"text", source}}}}),
       Notification("textDocument/didChange", {{"textDocument", {{"uri", source_uri}, {"version", 2}}},
                                               {"contentChanges", {{{"text", source + "\nA new paragraph.\n"}}}}})});
  std::vector<json> for_translation;
  for (const json& r : s.replies) {
    if (r.value("method", "") == "textDocument/publishDiagnostics" && r["params"]["uri"] == translation_uri) {
      for_translation.push_back(r["params"]);
    }
  }
  auto stale = [](const json& params) {
    for (const json& d : params["diagnostics"]) {
      if (d["code"] == "l10n-stale-translation") return true;
    }
    return false;
  };
  ASSERT_EQ(for_translation.size(), 3u) << s.raw;
  EXPECT_FALSE(stale(for_translation[0]));
  EXPECT_FALSE(stale(for_translation[1]));
  EXPECT_TRUE(stale(for_translation[2])) << for_translation[2].dump();
}

TEST_F(LspTest, QuickFixesSuppressionHoverAndNoSecretEchoed) {
  const std::string text =
      "{\"$schema\": \"https://schema.mp.microsoft.com/schema/customer-leads/2022-03-01-preview3\",\n"
      " \"product\": {\"externalId\": \"soc\"}, \"leadDestination\": \"table\",\n"
      " \"tableLeadConfiguration\": {\"storageAccountConnectionString\": "
      "\"DefaultEndpointsProtocol=https;AccountName=soc;AccountKey=U0VDUkVUU0VDUkVU\"}}\n";
  const std::string uri = Write("offer/leads.json", text);
  Write("offer/product.json", kProduct);
  Session s = Serve(
      {Initialize(),
       Notification("textDocument/didOpen", {{"textDocument", {{"uri", uri}, {"version", 1}, {"text", text}}}}),
       Request(2, "textDocument/codeAction",
               {{"textDocument", {{"uri", uri}}},
                {"range", {{"start", {{"line", 2}, {"character", 0}}}, {"end", {{"line", 2}, {"character", 200}}}}},
                {"context", {{"diagnostics", json::array()}}}}),
       Request(3, "textDocument/hover",
               {{"textDocument", {{"uri", uri}}}, {"position", {{"line", 2}, {"character", 70}}}})});
  EXPECT_EQ(s.raw.find("U0VDUkVU"), std::string::npos) << "a secret was echoed";
  ASSERT_EQ(s.replies.size(), 4u) << s.raw;
  const json& actions = s.replies[2]["result"];
  ASSERT_EQ(actions.size(), 1u) << actions.dump();
  EXPECT_EQ(actions[0]["title"], "Suppress leads-plaintext-secret here");
  EXPECT_EQ(actions[0]["edit"]["changes"][uri][0]["newText"], "\"x-leadlint-ignore\": [\"leads-plaintext-secret\"], ");
  EXPECT_EQ(actions[0]["edit"]["changes"][uri][0]["range"]["start"], json::parse(R"({"line": 2, "character": 28})"));
  const std::string hover = s.replies[3]["result"]["contents"]["value"];
  EXPECT_EQ(hover.rfind("**leads-plaintext-secret** (error): a secret committed in plain text", 0), 0u) << hover;
}

TEST_F(LspTest, MalformedMessagesGetErrorsAndTheServerGoesOn) {
  Session s =
      Serve({Request(7, "textDocument/hover", json::object()), Initialize(), json{{"jsonrpc", "2.0"}, {"id", 2}},
             json{{"jsonrpc", "1.0"}, {"id", 3}, {"method", "x"}}, Request(4, "workspace/symbol", json::object()),
             Notification("$/cancelRequest", {{"id", 5}}), Request(5, "textDocument/hover", json::object()),
             Request(6, "textDocument/hover", {{"textDocument", json::object()}}), Request(8, "shutdown", nullptr),
             Request(9, "textDocument/hover", json::object()), Notification("exit", nullptr)},
            "");
  std::string bad = "Content-Length: 5\r\n\r\n{oops";
  Session p = Serve({Initialize()}, bad + "X-Header: 1\r\n\r\n" + Frame(Request(2, "shutdown", nullptr)) +
                                        Frame(Notification("exit", nullptr)));
  auto code = [](const json& r) { return r.contains("error") ? r["error"]["code"].get<int>() : 0; };
  ASSERT_EQ(s.replies.size(), 9u) << s.raw;
  EXPECT_EQ(code(s.replies[0]), -32002);       // before initialize
  EXPECT_EQ(code(s.replies[2]), -32600);       // no method
  EXPECT_EQ(code(s.replies[3]), -32600);       // not JSON-RPC 2.0
  EXPECT_EQ(code(s.replies[4]), -32601);       // unknown method
  EXPECT_EQ(code(s.replies[5]), -32800);       // cancelled
  EXPECT_EQ(code(s.replies[6]), -32603);       // a failure inside one request
  EXPECT_EQ(s.replies[7]["result"], nullptr);  // shutdown
  EXPECT_EQ(code(s.replies[8]), -32600);       // after shutdown
  EXPECT_EQ(s.exit_code, 0);
  ASSERT_EQ(p.replies.size(), 4u) << p.raw;
  EXPECT_EQ(code(p.replies[1]), -32700);  // not JSON
  EXPECT_EQ(code(p.replies[2]), -32700);  // no Content-Length
  EXPECT_EQ(p.exit_code, 0);
}

}  // namespace
}  // namespace leadlint
