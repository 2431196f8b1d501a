// The language server: JSON-RPC dispatch, open documents, diagnostics, code
// actions and hover. One of the few translation units that include nlohmann.
#include "lsp/server.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "engine/config.h"
#include "engine/engine.h"
#include "engine/rule_catalog.h"
#include "engine/run_config.h"
#include "engine/suppression_edit.h"
#include "load/file_source.h"
#include "lsp/transport.h"

namespace leadlint::lsp {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

// JSON-RPC and LSP error codes.
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInternalError = -32603;
constexpr int kServerNotInitialized = -32002;
constexpr int kRequestCancelled = -32800;

std::string UriToPath(const std::string& uri) {
  std::string path = uri.rfind("file://", 0) == 0 ? uri.substr(7) : uri;
  std::string out;
  for (size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '%' && i + 2 < path.size() && std::isxdigit(static_cast<unsigned char>(path[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(path[i + 2]))) {
      out.push_back(static_cast<char>(std::stoi(path.substr(i + 1, 2), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(path[i]);
    }
  }
  return out;
}

// file:// URI of an absolute path, with the characters RFC 3986 reserves escaped.
std::string PathToUri(const std::string& path) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out = "file://";
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

std::string Canonical(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::absolute(path, ec), ec);
  return p.lexically_normal().generic_string();
}

// Byte offsets <-> LSP positions in the negotiated encoding.
class Positions {
 public:
  Positions(std::string_view text, bool utf8) : text_(text), utf8_(utf8) {
    starts_.push_back(0);
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') starts_.push_back(i + 1);
    }
  }
  json At(size_t offset) const {
    offset = std::min(offset, text_.size());
    size_t line = static_cast<size_t>(std::upper_bound(starts_.begin(), starts_.end(), offset) - starts_.begin()) - 1;
    size_t units = 0;
    for (size_t i = starts_[line]; i < offset;) {
      Step(&i, &units);
    }
    return json{{"line", line}, {"character", units}};
  }
  // The byte offset of a position; clamped to the line's end.
  size_t Offset(size_t line, size_t character) const {
    if (line >= starts_.size()) return text_.size();
    size_t end = LineEnd(line);
    size_t i = starts_[line];
    size_t units = 0;
    while (i < end && units < character) Step(&i, &units);
    return i;
  }
  // The byte offset of a 1-based line and a 1-based column in code points.
  size_t FromLineColumn(int line, int column) const {
    if (line < 1 || static_cast<size_t>(line) > starts_.size()) return text_.size();
    size_t i = starts_[static_cast<size_t>(line) - 1];
    size_t end = LineEnd(static_cast<size_t>(line) - 1);
    for (int c = 1; c < column && i < end; ++c) i += Length(static_cast<unsigned char>(text_[i]));
    return std::min(i, end);
  }
  size_t LineEndAt(size_t offset) const {
    size_t line = static_cast<size_t>(std::upper_bound(starts_.begin(), starts_.end(), offset) - starts_.begin()) - 1;
    return LineEnd(line);
  }

 private:
  static size_t Length(unsigned char lead) { return lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1; }
  void Step(size_t* i, size_t* units) const {
    size_t n = Length(static_cast<unsigned char>(text_[*i]));
    *units += utf8_ ? n : (n == 4 ? 2 : 1);
    *i += n;
  }
  size_t LineEnd(size_t line) const {
    size_t end = line + 1 < starts_.size() ? starts_[line + 1] - 1 : text_.size();
    if (end > starts_[line] && end <= text_.size() && end > 0 && text_[end - 1] == '\r') --end;
    return end;
  }
  std::string_view text_;
  bool utf8_;
  std::vector<size_t> starts_;
};

struct Document {
  std::string path;  // canonical
  std::string text;
  int version = 0;
};

struct Checked {
  std::shared_ptr<StringPool> memory;  // the findings' text lives here
  std::vector<Finding> findings;
};

class Server {
 public:
  Server(std::ostream& out, std::ostream& log) : out_(out), log_(log) {}

  int Run(std::istream& in) {
    while (!exited_) {
      std::optional<Frame> frame = ReadFrame(in);
      if (!frame) break;
      if (frame->malformed) {
        SendError(nullptr, kParseError, "malformed message header: a Content-Length is required");
        continue;
      }
      json message = json::parse(frame->body, nullptr, false);
      if (message.is_discarded()) {
        SendError(nullptr, kParseError, "the message is not valid JSON");
        continue;
      }
      Dispatch(message);
    }
    return shutdown_ ? 0 : 1;
  }

 private:
  void Send(const json& message) { WriteFrame(out_, message.dump(-1, ' ', false, json::error_handler_t::replace)); }
  void Reply(const json& id, json result) { Send({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}}); }
  void SendError(const json& id, int code, const std::string& message) {
    Send({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
  }
  void Notify(const std::string& method, json params) {
    Send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
  }

  void Dispatch(const json& message) {
    if (!message.is_object() || message.value("jsonrpc", "") != "2.0") {
      SendError(message.is_object() && message.contains("id") ? message["id"] : json(nullptr), kInvalidRequest,
                "not a JSON-RPC 2.0 message");
      return;
    }
    const bool has_id = message.contains("id");
    if (!message.contains("method")) {
      if (has_id && (message.contains("result") || message.contains("error"))) return;  // a reply to our request
      SendError(has_id ? message["id"] : json(nullptr), kInvalidRequest, "a request needs a 'method'");
      return;
    }
    if (!message["method"].is_string() ||
        (has_id && !message["id"].is_string() && !message["id"].is_number_integer())) {
      SendError(has_id ? message["id"] : json(nullptr), kInvalidRequest,
                "'method' must be a string and 'id' a string or integer");
      return;
    }
    const std::string method = message["method"];
    const json params = message.value("params", json::object());
    if (!has_id) {
      try {
        HandleNotification(method, params);
      } catch (const std::exception& e) {
        log_ << "leadlint lsp: " << method << ": " << e.what() << "\n";
      }
      return;
    }
    const json id = message["id"];
    if (cancelled_.erase(id.dump()) != 0) {
      SendError(id, kRequestCancelled, "the request was cancelled");
      return;
    }
    if (shutdown_) {
      SendError(id, kInvalidRequest, "the server is shutting down");
      return;
    }
    if (!initialized_ && method != "initialize") {
      SendError(id, kServerNotInitialized, "the server is not initialized");
      return;
    }
    try {
      HandleRequest(id, method, params);
    } catch (const std::exception& e) {
      SendError(id, kInternalError, std::string("internal error in ") + method + ": " + e.what());
    }
  }

  void HandleRequest(const json& id, const std::string& method, const json& params) {
    if (method == "initialize") {
      Reply(id, Initialize(params));
    } else if (method == "shutdown") {
      shutdown_ = true;
      Reply(id, nullptr);
    } else if (method == "textDocument/diagnostic") {
      Reply(id, PullDiagnostics(params));
    } else if (method == "textDocument/codeAction") {
      Reply(id, CodeActions(params));
    } else if (method == "textDocument/hover") {
      Reply(id, Hover(params));
    } else {
      SendError(id, kMethodNotFound, "method '" + method + "' is not supported");
    }
  }

  void HandleNotification(const std::string& method, const json& params) {
    if (method == "exit") {
      exited_ = true;
    } else if (method == "$/cancelRequest") {
      if (params.contains("id")) cancelled_.insert(params["id"].dump());
    } else if (!initialized_) {
      return;  // notifications before initialize are dropped, as the protocol says
    } else if (method == "textDocument/didOpen") {
      const json& d = params.at("textDocument");
      Document doc;
      doc.path = Canonical(UriToPath(d.at("uri")));
      doc.text = d.at("text");
      doc.version = d.value("version", 0);
      overlay_.Set(doc.path, doc.text);
      docs_[d.at("uri")] = std::move(doc);
      Changed();
    } else if (method == "textDocument/didChange") {
      const json& d = params.at("textDocument");
      auto it = docs_.find(d.at("uri"));
      if (it == docs_.end()) return;
      Document& doc = it->second;
      for (const json& change : params.at("contentChanges")) {
        if (!change.contains("range")) {
          doc.text = change.at("text");
          continue;
        }
        Positions positions(doc.text, utf8_);
        const json& r = change["range"];
        size_t begin = positions.Offset(r["start"]["line"], r["start"]["character"]);
        size_t end = positions.Offset(r["end"]["line"], r["end"]["character"]);
        if (end < begin) std::swap(begin, end);
        doc.text.replace(begin, end - begin, change.at("text").get<std::string>());
      }
      doc.version = d.value("version", doc.version + 1);
      overlay_.Set(doc.path, doc.text);
      Changed();
    } else if (method == "textDocument/didClose") {
      auto it = docs_.find(params.at("textDocument").at("uri"));
      if (it == docs_.end()) return;
      overlay_.Remove(it->second.path);
      const std::string uri = it->first;
      docs_.erase(it);
      checked_.erase(uri);
      if (!pull_) Notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", json::array()}});
      Changed();
    } else if (method == "textDocument/didSave" || method == "workspace/didChangeWatchedFiles" ||
               method == "workspace/didChangeConfiguration") {
      Changed();  // leadlint.json, a glossary or a referenced file may have changed on disk
    }
  }

  json Initialize(const json& params) {
    initialized_ = true;
    const json caps = params.value("capabilities", json::object());
    if (caps.contains("general") && caps["general"].contains("positionEncodings")) {
      for (const json& e : caps["general"]["positionEncodings"]) utf8_ = utf8_ || e == "utf-8";
    }
    pull_ = caps.contains("textDocument") && caps["textDocument"].contains("diagnostic");
    refresh_ = caps.contains("workspace") && caps["workspace"].contains("diagnostics") &&
               caps["workspace"]["diagnostics"].value("refreshSupport", false);
    return {{"capabilities",
             {{"positionEncoding", utf8_ ? "utf-8" : "utf-16"},
              {"textDocumentSync", {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
              {"diagnosticProvider", {{"interFileDependencies", true}, {"workspaceDiagnostics", false}}},
              {"codeActionProvider", {{"codeActionKinds", json::array({"quickfix"})}}},
              {"hoverProvider", true}}},
            {"serverInfo", {{"name", "leadlint"}, {"version", LEADLINT_VERSION}}}};
  }

  // Every open document is checked again after any change: an edit to one
  // (an English source, a product) can change another's findings.
  void Changed() {
    for (auto& [uri, doc] : docs_) checked_[uri] = Check(doc);
    if (!pull_) {
      for (auto& [uri, doc] : docs_) {
        Notify("textDocument/publishDiagnostics",
               {{"uri", uri}, {"version", doc.version}, {"diagnostics", Diagnostics(doc, checked_[uri].findings)}});
      }
    } else if (refresh_ && docs_.size() > 1) {
      Send({{"jsonrpc", "2.0"},
            {"id", "refresh-" + std::to_string(++requests_)},
            {"method", "workspace/diagnostic/refresh"}});
    }
  }

  Checked Check(const Document& doc) {
    Checked result;
    const bool is_json = doc.path.size() > 5 && doc.path.compare(doc.path.size() - 5, 5, ".json") == 0;
    const bool is_md = doc.path.size() > 3 && doc.path.compare(doc.path.size() - 3, 3, ".md") == 0;
    if (!is_json && !is_md) return result;
    FileSourceScope files(&overlay_);
    RunOptions options;
    options.jobs = 1;
    const std::string folder = fs::path(doc.path).parent_path().generic_string();
    if (std::string config_path = FindConfig(folder); !config_path.empty()) {
      Config config;
      std::vector<Finding> errors;
      std::string text;
      std::string error;
      bool too_large = false;
      size_t size = 0;
      if (CurrentFiles().Read(config_path, 1u << 20, &text, &error, &too_large, &size) &&
          LoadConfigText(config_path, text, &config, &errors)) {
        ApplyConfigToRun(config, &options, &error);
      }
    }
    // A manifest is checked with its folder (the other Product Ingestion
    // documents of the offer); a doc on its own or with its configured doc set.
    std::error_code ec;
    options.paths = {is_json && fs::exists(doc.path, ec) ? folder : doc.path};
    RunResult run = RunCheck(options);
    result.memory = run.memory;
    for (Finding& f : run.findings) {
      if (Canonical(f.path.str()) == doc.path) result.findings.push_back(std::move(f));
    }
    return result;
  }

  json Range(const Document& doc, const Positions& positions, const Finding& f) const {
    size_t begin = f.line > 0 ? positions.FromLineColumn(f.line, f.column) : std::min(f.offset, doc.text.size());
    size_t end = std::min(begin + std::max<size_t>(f.length, 1), positions.LineEndAt(begin));
    if (end < begin) end = begin;
    return {{"start", positions.At(begin)}, {"end", positions.At(end)}};
  }

  // The other places of a finding, in the client's encoding: an open buffer's
  // text, else the file's.
  json RelatedInformation(const std::vector<RelatedPlace>& places) const {
    json out = json::array();
    for (const RelatedPlace& r : places) {
      const std::string path = Canonical(r.path.str());
      std::string text;
      const Document* open = nullptr;
      for (const auto& [uri, d] : docs_) {
        if (d.path == path) open = &d;
      }
      if (open != nullptr) {
        text = open->text;
      } else {
        std::string error;
        bool too_large = false;
        size_t size = 0;
        if (!overlay_.Read(path, 64u << 20, &text, &error, &too_large, &size)) continue;
      }
      Positions positions(text, utf8_);
      const size_t begin = r.line > 0 ? positions.FromLineColumn(r.line, r.column) : std::min(r.offset, text.size());
      const size_t end = std::max(begin, std::min(begin + std::max<size_t>(r.length, 1), positions.LineEndAt(begin)));
      out.push_back(
          {{"location",
            {{"uri", PathToUri(path)}, {"range", {{"start", positions.At(begin)}, {"end", positions.At(end)}}}}},
           {"message", r.message}});
    }
    return out;
  }

  json Diagnostics(const Document& doc, const std::vector<Finding>& findings) const {
    Positions positions(doc.text, utf8_);
    json items = json::array();
    for (const Finding& f : findings) {
      const std::string rule = f.rule.str();
      json d = {{"range", Range(doc, positions, f)},
                {"severity", f.severity == Severity::kError     ? 1
                             : f.severity == Severity::kWarning ? 2
                                                                : 3},
                {"code", rule},
                {"codeDescription", {{"href", "https://leadlint.dev/rules/" + rule}}},
                {"source", "leadlint"},
                {"message", f.message}};
      if (f.related && !f.related->empty()) d["relatedInformation"] = RelatedInformation(*f.related);
      items.push_back(std::move(d));
    }
    return items;
  }

  const Document* Find(const json& params) const {
    auto it = docs_.find(params.at("textDocument").at("uri"));
    return it == docs_.end() ? nullptr : &it->second;
  }

  json PullDiagnostics(const json& params) {
    const Document* doc = Find(params);
    if (doc == nullptr) return {{"kind", "full"}, {"items", json::array()}};
    const std::string uri = params["textDocument"]["uri"];
    if (checked_.count(uri) == 0) checked_[uri] = Check(*doc);
    return {{"kind", "full"},
            {"resultId", std::to_string(doc->version)},
            {"items", Diagnostics(*doc, checked_[uri].findings)}};
  }

  json Edit(const Positions& positions, size_t offset, size_t length, const std::string& text) const {
    return {{"range", {{"start", positions.At(offset)}, {"end", positions.At(offset + length)}}}, {"newText", text}};
  }

  // The suppression of one finding where it stands: an `x-leadlint-ignore`
  // entry in the innermost JSON object around it, or a Markdown comment on the
  // line before it.
  std::optional<json> Suppression(const Document& doc, const Positions& positions, const Finding& f) const {
    const std::string rule = f.rule.str();
    const size_t at = f.line > 0 ? positions.FromLineColumn(f.line, f.column) : f.offset;
    if (doc.path.size() > 3 && doc.path.compare(doc.path.size() - 3, 3, ".md") == 0) {
      size_t line_start = doc.text.rfind('\n', at == 0 ? 0 : at - 1);
      line_start = line_start == std::string::npos || at == 0 ? 0 : line_start + 1;
      const bool crlf = doc.text.find("\r\n") != std::string::npos;
      return Edit(positions, line_start, 0,
                  "<!-- leadlint-disable-next-line " + rule + " -->" + (crlf ? "\r\n" : "\n"));
    }
    const std::optional<Insertion> insertion = JsonSuppressionInsertion(doc.text, at, rule);
    if (!insertion) return std::nullopt;
    return Edit(positions, insertion->offset, 0, insertion->text);
  }

  json CodeActions(const json& params) {
    const Document* doc = Find(params);
    json actions = json::array();
    if (doc == nullptr) return actions;
    const std::string uri = params["textDocument"]["uri"];
    if (checked_.count(uri) == 0) checked_[uri] = Check(*doc);
    Positions positions(doc->text, utf8_);
    const json& range = params.at("range");
    const size_t from = positions.Offset(range["start"]["line"], range["start"]["character"]);
    const size_t to = positions.Offset(range["end"]["line"], range["end"]["character"]);
    for (const Finding& f : checked_[uri].findings) {
      json diagnostic = Diagnostics(*doc, {f})[0];
      const size_t begin = f.line > 0 ? positions.FromLineColumn(f.line, f.column) : f.offset;
      const size_t end = std::max(begin + std::max<size_t>(f.length, 1), begin);
      if (end < from || begin > to) continue;
      if (f.fix) {
        json edits = json::array();
        for (const leadlint::Edit& e : f.fix->edits)
          edits.push_back(Edit(positions, e.offset, e.length, e.replacement));
        actions.push_back({{"title", f.fix->description + (f.fix->safe ? "" : " (unsafe)")},
                           {"kind", "quickfix"},
                           {"diagnostics", json::array({diagnostic})},
                           {"isPreferred", f.fix->safe},
                           {"edit", {{"changes", {{uri, edits}}}}}});
      }
      if (std::optional<json> edit = Suppression(*doc, positions, f)) {
        actions.push_back({{"title", "Suppress " + f.rule.str() + " here"},
                           {"kind", "quickfix"},
                           {"diagnostics", json::array({diagnostic})},
                           {"edit", {{"changes", {{uri, json::array({*edit})}}}}}});
      }
    }
    return actions;
  }

  json Hover(const json& params) {
    const Document* doc = Find(params);
    if (doc == nullptr) return nullptr;
    const std::string uri = params["textDocument"]["uri"];
    if (checked_.count(uri) == 0) checked_[uri] = Check(*doc);
    Positions positions(doc->text, utf8_);
    const json& p = params.at("position");
    const size_t at = positions.Offset(p["line"], p["character"]);
    for (const Finding& f : checked_[uri].findings) {
      const size_t begin = f.line > 0 ? positions.FromLineColumn(f.line, f.column) : f.offset;
      const size_t end = std::min(begin + std::max<size_t>(f.length, 1), positions.LineEndAt(begin));
      if (at < begin || at > end) continue;
      const RuleDescriptor* rule = FindRuleDescriptor(f.rule.view());
      std::string text = "**" + f.rule.str() + "** (" + std::string(SeverityName(f.severity)) + ")";
      if (rule != nullptr) text += ": " + std::string(rule->summary);
      text += "\n\n" + f.message + "\n\n";
      if (f.fix) {
        text += "Fix: " + f.fix->description +
                (f.fix->safe ? " (a quick fix, safe)" : " (a quick fix, unsafe: check it)") + ".\n\n";
      }
      text += "Details and how to fix: [" + f.rule.str() + "](https://leadlint.dev/rules/" + f.rule.str() +
              ") or `leadlint explain " + f.rule.str() + "`.";
      return {{"contents", {{"kind", "markdown"}, {"value", text}}}, {"range", Range(*doc, positions, f)}};
    }
    return nullptr;
  }

  std::ostream& out_;
  std::ostream& log_;
  bool initialized_ = false;
  bool shutdown_ = false;
  bool exited_ = false;
  bool utf8_ = false;
  bool pull_ = false;
  bool refresh_ = false;
  long long requests_ = 0;
  std::set<std::string> cancelled_;
  std::map<std::string, Document> docs_;
  std::map<std::string, Checked> checked_;
  OverlayFiles overlay_;
};

}  // namespace

int RunServer(std::istream& in, std::ostream& out, std::ostream& log) {
  Server server(out, log);
  return server.Run(in);
}

}  // namespace leadlint::lsp
