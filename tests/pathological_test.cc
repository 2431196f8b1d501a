// Hostile inputs against the built binary (issue: never crash, hang or leak):
// each case must end with the right finding at a place and the right exit code,
// never a signal, within its time budget (kBudget: wall seconds, generous enough
// for an ASan+UBSan build on a busy machine; like cmark's pathological tests it
// catches a hang or a quadratic blow-up, it does not measure speed).
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "test_util.h"

namespace leadlint {
namespace {

namespace fs = std::filesystem;

constexpr unsigned kBudget = 60;

testing::ProcessResult RunBinary(const std::vector<std::string>& args) {
  testing::ProcessResult r = testing::RunBinary(args, "", "", kBudget);
  EXPECT_NE(r.exit_code, testing::kOverBudget) << "over its time budget of " << kBudget << " s";
  return r;
}

class Pathological : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("leadlint-patho-" + std::to_string(getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  std::string Write(const std::string& name, const std::string& text) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
  // Runs `check` and returns stdout; asserts exit code 1 (findings) and no signal.
  std::string Check(std::vector<std::string> args, int expected_exit = 1) {
    args.insert(args.begin(), {"check", "--color", "never"});
    auto r = RunBinary(args);
    EXPECT_EQ(r.exit_code, expected_exit) << r.out << r.err;
    EXPECT_EQ(r.err, "");
    return r.out;
  }
  fs::path dir_;
};

constexpr const char* kV1Head =
    "{\"$schema\": \"https://leadlint.dev/schemas/manifest-v1.schema.json\", \"offer\": {\"id\": \"x\", \"type\": "
    "\"powerBiApp\", \"listings\": [{\"storefront\": \"appsource\"}], \"leads\": {\"leadDestination\": \"salesforce\", "
    "\"salesforceLeadConfiguration\": {\"objectIdentifier\": \"";

TEST_F(Pathological, NestedOneHundredThousandLevels) {
  std::string f = Write("deep.json", std::string(100000, '[') + std::string(100000, ']'));
  std::string out = Check({f});
  EXPECT_NE(out.find("deep.json:1:257: error: JSON nesting is deeper than the limit of 256 levels [manifest-limit]"),
            std::string::npos)
      << out.substr(0, 500);
}

TEST_F(Pathological, TenMegabyteStringInAPatternField) {
  std::string f = Write("long.json", std::string(kV1Head) + std::string(10u << 20, 'a') + "\"}}}}");
  std::string out = Check({f});
  EXPECT_NE(out.find("larger than the limit of 8388608 bytes; it was not checked [manifest-limit]"), std::string::npos)
      << out;
  // With the file limit raised, the string limit guards the regular expression.
  out = Check({"--max-file-size", "20000000", f});
  EXPECT_NE(out.find("long.json:1:250: error: a string of 10485760 bytes is longer than the limit of 65536 bytes; its "
                     "value is not checked [manifest-limit]"),
            std::string::npos)
      << out.substr(0, 800);
  EXPECT_EQ(out.find("objectIdentifier' must be"), std::string::npos);
}

TEST_F(Pathological, AMillionKeys) {
  std::string text = "{";
  text.reserve(14u << 20);
  for (int i = 0; i < 1000000; ++i) {
    if (i) text += ',';
    text += "\"k" + std::to_string(i) + "\":1";
  }
  text += "}";
  std::string f = Write("keys.json", text);
  std::string out = Check({"--max-file-size", "20000000", f});
  EXPECT_NE(out.find("keys.json:1:1: error: not an offer manifest"), std::string::npos) << out.substr(0, 500);
}

TEST_F(Pathological, EncodingProblems) {
  std::string utf8 = Write("utf8.json", std::string(kV1Head) + "\xC3\x28" + "\"}}}}");
  std::string nul = Write("nul.json", std::string("{\"a\":\0}", 7));
  std::string bin = Write("image.json", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  std::string empty = Write("empty.json", "");
  std::string bom = Write("bom.json", "\xEF\xBB\xBF{\"a\": }");
  std::string out = Check({utf8, nul, bin, empty, bom});
  EXPECT_NE(
      out.find(
          "utf8.json:1:251: error: invalid UTF-8 byte sequence; the file must be saved as UTF-8 [manifest-encoding]"),
      std::string::npos)
      << out;
  EXPECT_NE(out.find("nul.json:1:6: error: the file contains a NUL byte"), std::string::npos) << out;
  EXPECT_NE(out.find("image.json:3:1: error: the file contains a NUL byte"), std::string::npos) << out;
  EXPECT_NE(out.find("empty.json:1:1: error: the file is empty; expected a JSON value [manifest-syntax]"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("bom.json:1:7: error: unexpected '}'; expected a value [manifest-syntax]"), std::string::npos)
      << out;
}

TEST_F(Pathological, UnreadableSymlinkLoopAndFolderNamedJson) {
  Write("tree/ok.json", "{}");
  fs::create_directories(dir_ / "tree" / "x.json");
  fs::create_directory_symlink(dir_ / "tree", dir_ / "tree" / "loop");
  fs::create_symlink(dir_ / "tree" / "self.json", dir_ / "tree" / "self.json");  // a symlink to itself
  std::string locked = Write("tree/locked.json", "{}");
  chmod(locked.c_str(), 0);
  // Nothing here is a manifest: --allow-empty keeps the run from failing closed.
  std::string out = Check({"--allow-empty", (dir_ / "tree").string()}, geteuid() == 0 ? 0 : 1);
  if (geteuid() != 0) {
    EXPECT_NE(out.find("locked.json:1:1: error: cannot read"), std::string::npos) << out;
  }
  // ok.json ({} walked: skipped); the folder x.json and the loops are not files.
  // (root can read locked.json, which is then skipped as well.)
  EXPECT_NE(out.find(geteuid() == 0 ? "2 files skipped (not manifests or docs, or ignored)"
                                    : "1 file skipped (not manifests or docs, or ignored)"),
            std::string::npos)
      << out;
  // Named explicitly: a folder named x.json is walked, a symlink loop is a finding.
  std::string loop = (dir_ / "tree" / "self.json").string();
  out = Check({"--allow-empty", loop});
  EXPECT_NE(out.find("self.json:1:1: error: cannot read '" + loop + "': no such file or folder [manifest-unreadable]"),
            std::string::npos)
      << out;
  chmod(locked.c_str(), 0644);
}

TEST_F(Pathological, DevicesAreNotRead) {
  std::string out = Check({"--allow-empty", "/dev/zero"});
  EXPECT_NE(out.find("/dev/zero:1:1: error: '/dev/zero' is not a regular file (a device, pipe or socket); not read "
                     "[manifest-unreadable]"),
            std::string::npos)
      << out;
}

TEST_F(Pathological, ARunThatChecksNothingFailsClosed) {
  Write("only/package.json", "{\"name\": \"x\"}");
  Write("only/notes.md", "# notes\n");
  auto r = RunBinary({"check", "--color", "never", (dir_ / "only").string()});
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  const std::string only = (dir_ / "only").string();
  EXPECT_EQ(r.out,
            "no problems found in 0 files checked; 2 files skipped (not manifests or docs, or ignored) "
            "[profile partner-center-2025]\nskipped: " +
                only + "/notes.md, " + only + "/package.json\n");
  EXPECT_EQ(r.err,
            "leadlint: nothing was checked: no offer manifest and no doc among the inputs (2 skipped, not "
            "manifests or docs, or ignored: " +
                only + "/notes.md, " + only +
                "/package.json); name the files "
                "to check, or pass --allow-empty (\"allowEmpty\": true in leadlint.json) to accept an empty run\n");
  EXPECT_EQ(RunBinary({"check", "--allow-empty", only}).exit_code, 0);
  // An unreadable input is a finding, and the run still checked nothing.
  EXPECT_EQ(RunBinary({"check", "/dev/zero"}).exit_code, 2);
  Write("only/leadlint.json", "{\"allowEmpty\": true}");
  auto configured = RunBinary({"check", "--config", (dir_ / "only" / "leadlint.json").string(), only});
  EXPECT_EQ(configured.exit_code, 0) << configured.err;
}

TEST_F(Pathological, LongSingleLineDoesNotFloodTheExcerpt) {
  std::string f = Write("minified.json", "[" + std::string(100000, '1') + ",]");
  std::string out = Check({f});
  EXPECT_LT(out.size(), 2000u) << out.substr(0, 300);
}

constexpr const char* kDocHead =
    "---\ntitle: t\ndescription: d\nms.date: 01/02/2020\nms.topic: article\nms.contentlocale: hu-HU\n---\n\n";

TEST_F(Pathological, MarkdownTableWithTenThousandColumns) {
  std::string row = "|";
  for (int i = 0; i < 10000; ++i) row += " a |";
  std::string f = Write("wide.md", std::string(kDocHead) + row + "\n" + row + "\n");
  std::string out = Check({f});
  EXPECT_NE(out.find("wide.md:9:1: error: a table row with 10000 columns is wider than the limit of 256 columns; the "
                     "document is not checked [docs-limit]"),
            std::string::npos)
      << out.substr(0, 600);
}

TEST_F(Pathological, MarkdownNestedListsAndQuotes) {
  std::string lists;
  for (int i = 0; i < 5000; ++i) lists += std::string(static_cast<size_t>(i % 200) * 2, ' ') + "- item\n";
  std::string quotes;
  for (int i = 1; i <= 3000; ++i) quotes += std::string(static_cast<size_t>(i % 1000), '>') + " quote\n";
  std::string a = Write("lists.md", std::string(kDocHead) + lists);
  std::string b = Write("quotes.md", std::string(kDocHead) + quotes + "[x](./missing.md)\n");
  // --docs-root: the folder is the complete tree, so a missing target is an error.
  std::string out = Check({"--docs-root", dir_.string(), a, b});
  EXPECT_NE(out.find("quotes.md:"), std::string::npos) << out.substr(0, 600);
  EXPECT_NE(out.find("link target './missing.md' does not exist [docs-broken-link]"), std::string::npos);
}

TEST_F(Pathological, MarkdownLineOverTheLimitAndBinaryMarkdown) {
  std::string f = Write("long.md", std::string(kDocHead) + std::string(70000, 'x') + "\n");
  std::string g = Write("binary.md", std::string("\0\x01\x02---\n\xff\xfe", 9));
  auto r = RunBinary({"check", "--color", "never", f, g});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(
      r.out.find("long.md:9:1: error: a line of 70000 bytes is longer than the limit of 65536 bytes; the document "
                 "is not checked [docs-limit]"),
      std::string::npos)
      << r.out.substr(0, 600);
  EXPECT_NE(r.out.find("binary.md:1:1: error: the document has no YAML front matter"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace leadlint
