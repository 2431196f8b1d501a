// scripts/new-rule, run in a temporary copy of the files it reads and edits:
// the rule is registered in sorted position (rules.h, registry.cc, the
// docs/rules.md index), its file opens with '// <id>:' and defines its rule
// object, and its expected.txt is a placeholder the golden test rejects.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "test_util.h"

namespace leadlint {
namespace {

namespace fs = std::filesystem;

// The lines of `text` that start with `prefix`, in order.
std::vector<std::string> LinesStartingWith(const std::string& text, const std::string& prefix) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (line.rfind(prefix, 0) == 0) out.push_back(line);
    start = end + 1;
  }
  return out;
}

class NewRuleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (std::system("command -v bash >/dev/null 2>&1 && command -v python3 >/dev/null 2>&1") != 0) {
      GTEST_SKIP() << "bash or python3 is not available";
    }
    tmp_ = fs::temp_directory_path() / ("leadlint-new-rule-" + std::to_string(::getpid()));
    fs::remove_all(tmp_);
    const fs::path src(testing::SourceDir());
    const auto copy = fs::copy_options::recursive;
    for (const char* dir : {"scripts", "src/rules", "docs/rules"}) {
      fs::create_directories(tmp_ / dir);
      fs::copy(src / dir, tmp_ / dir, copy);
    }
    fs::copy(src / "docs" / "rules.md", tmp_ / "docs" / "rules.md");
    fs::create_directories(tmp_ / "fixtures/rules/leads-office365-renewal");
    fs::copy(src / "fixtures/rules/leads-office365-renewal", tmp_ / "fixtures/rules/leads-office365-renewal", copy);
  }
  void TearDown() override {
    if (!tmp_.empty()) fs::remove_all(tmp_);
  }
  int NewRule(const std::string& args) {
    std::string command = "bash '" + (tmp_ / "scripts" / "new-rule").string() + "' " + args + " >/dev/null 2>&1";
    return std::system(command.c_str());
  }
  std::string Read(const std::string& path) { return testing::ReadFileOrEmpty((tmp_ / path).string()); }

  fs::path tmp_;
};

TEST_F(NewRuleTest, RegistersTheRuleInSortedPosition) {
  ASSERT_EQ(NewRule("leads-example-check file 'an example for the test'"), 0);

  std::string source = Read("src/rules/leads/leads_example_check.cc");
  EXPECT_EQ(source.rfind("// leads-example-check: an example for the test.\n", 0), 0u) << source;
  EXPECT_NE(source.find("extern constinit const Rule kLeadsExampleCheck{"), std::string::npos) << source;
  EXPECT_NE(source.find(".check = &CheckLeadsExampleCheck,"), std::string::npos) << source;

  std::vector<std::string> registry = LinesStartingWith(Read("src/rules/registry.cc"), "    &k");
  auto it = std::find(registry.begin(), registry.end(), "    &kLeadsExampleCheck,");
  ASSERT_NE(it, registry.end());
  EXPECT_EQ(*(it - 1), "    &kLeadsDynamicsInstanceUrl,");
  EXPECT_EQ(*(it + 1), "    &kLeadsIgnoredField,");

  std::vector<std::string> declarations = LinesStartingWith(Read("src/rules/rules.h"), "extern const Rule ");
  auto d = std::find(declarations.begin(), declarations.end(), "extern const Rule kLeadsExampleCheck;");
  ASSERT_NE(d, declarations.end());
  EXPECT_EQ(*(d + 1), "extern const Rule kLeadsIgnoredField;");

  std::vector<std::string> index = LinesStartingWith(Read("docs/rules.md"), "| [`");
  auto row = std::find(index.begin(), index.end(),
                       "| [`leads-example-check`](rules/leads-example-check.md) | error | an example for the test |");
  ASSERT_NE(row, index.end());
  EXPECT_EQ((row + 1)->rfind("| [`leads-ignored-field`]", 0), 0u);

  EXPECT_EQ(Read("docs/rules/leads-example-check.md").rfind("# leads-example-check\n", 0), 0u);
  EXPECT_TRUE(fs::is_regular_file(tmp_ / "fixtures/rules/leads-example-check/bad/example.json"));
  EXPECT_TRUE(fs::is_regular_file(tmp_ / "fixtures/rules/leads-example-check/good/example.json"));
  // The golden test requires findings on bad/ in the expectation: the
  // placeholder has none, so the new rule fails until it is filled in.
  std::string expected = Read("fixtures/rules/leads-example-check/expected.txt");
  EXPECT_FALSE(expected.empty());
  EXPECT_EQ(expected.find("bad/"), std::string::npos) << expected;
}

TEST_F(NewRuleTest, FirstAndLastPositionsAndRefusals) {
  ASSERT_EQ(NewRule("docs-aaa-first doc 'first of all'"), 0);
  ASSERT_EQ(NewRule("manifest-zzz-last offer 'last of all'"), 0);
  std::vector<std::string> registry = LinesStartingWith(Read("src/rules/registry.cc"), "    &k");
  ASSERT_FALSE(registry.empty());
  EXPECT_EQ(registry.front(), "    &kDocsAaaFirst,");
  EXPECT_EQ(registry.back(), "    &kManifestZzzLast,");
  EXPECT_TRUE(fs::is_regular_file(tmp_ / "fixtures/rules/docs-aaa-first/bad/example.md"));

  EXPECT_NE(NewRule("docs-aaa-first doc 'again'"), 0);            // exists
  EXPECT_NE(NewRule("other-family file 'wrong family'"), 0);      // unknown family
  EXPECT_NE(NewRule("leads-Bad-Case file 'not kebab-case'"), 0);  // not kebab-case
  EXPECT_NE(NewRule("leads-by-engine run 'no check'"), 0);        // emitted rules are written by hand
}

}  // namespace
}  // namespace leadlint
