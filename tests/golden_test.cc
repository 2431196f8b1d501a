// Golden fixture tests, one rule at a time (the clang-tidy way): for every
// fixtures/rules/<rule-id>/, every file under bad/ and good/ is checked with only
// that rule enabled, and the findings must equal expected.txt exactly: rule,
// file, line, column and message. Files under good/ must produce nothing.
// UPDATE_GOLDENS=1 rewrites expected.txt; a failure prints the difference.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <variant>

#include "engine/engine.h"
#include "rules/rule.h"
#include "rules/rules.h"
#include "test_util.h"

namespace leadlint {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> FilesUnder(const fs::path& dir) {
  std::vector<std::string> files;
  if (!fs::is_directory(dir)) return files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string Options(const fs::path& dir, const std::string& key) {
  std::ifstream in(dir / "options.txt");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(key + "=", 0) == 0) return line.substr(key.size() + 1);
  }
  return "";
}

class GoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenTest, FindingsMatchExpected) {
  const std::string rule = GetParam();
  const fs::path dir = fs::path(testing::SourceDir()) / "fixtures" / "rules" / rule;
  ASSERT_TRUE(fs::is_directory(dir)) << "rule '" << rule << "' has no fixtures folder " << dir;
  std::vector<std::string> bad = FilesUnder(dir / "bad");
  std::vector<std::string> good = FilesUnder(dir / "good");
  ASSERT_FALSE(bad.empty()) << "rule '" << rule << "' needs fixtures that make it fire (bad/)";
  ASSERT_FALSE(good.empty()) << "rule '" << rule << "' needs fixtures that keep it quiet (good/)";

  RunOptions options;
  options.paths = bad;
  options.paths.insert(options.paths.end(), good.begin(), good.end());
  options.only_rules = {rule};
  // A rule about other rules (manifest-unused-suppression) needs them running;
  // their own findings are not part of this golden.
  std::string also = Options(dir, "also");
  for (size_t start = 0; start < also.size();) {
    size_t end = also.find(',', start);
    if (end == std::string::npos) end = also.size();
    options.only_rules.insert(also.substr(start, end - start));
    start = end + 1;
  }
  options.jobs = 2;
  // Doc fixtures: never read versions from the repository's own git history.
  options.docs.use_git_history = false;
  if (std::string history = Options(dir, "history"); !history.empty()) {
    options.docs.history.push_back((dir / history).string());
  }
  if (std::string root = Options(dir, "docs-root"); !root.empty()) {
    options.docs.root = (dir / root).lexically_normal().string();
  }
  if (std::string source = Options(dir, "docs-source"); !source.empty()) {
    options.docs.source = (dir / source).string();
  }
  if (std::string profile = Options(dir, "profile"); !profile.empty()) {
    ASSERT_TRUE(FindProfile(profile, &options.profile)) << profile;
  }
  RunResult result = RunCheck(options);

  std::string prefix = dir.string() + "/";
  std::ostringstream actual;
  for (const Finding& f : result.findings) {
    std::string path(f.path.rfind(prefix, 0) == 0 ? f.path.substr(prefix.size()) : f.path.view());
    if (f.rule != rule && !also.empty()) continue;
    EXPECT_EQ(f.rule, rule);
    EXPECT_NE(path.rfind("good/", 0), 0u)
        << "a good fixture produced a finding: " << path << ":" << f.line << ":" << f.column << ": " << f.message;
    // Paths inside messages (a doc's source, a history version) are made relative too.
    std::string message = f.message;
    for (size_t p = message.find(prefix); p != std::string::npos; p = message.find(prefix, p))
      message.erase(p, prefix.size());
    actual << path << ':' << f.line << ':' << f.column << ": " << SeverityName(f.severity) << ": " << message << " ["
           << f.rule << "]\n";
  }
  const fs::path expected_path = dir / "expected.txt";
  if (std::getenv("UPDATE_GOLDENS") != nullptr) {
    std::ofstream(expected_path, std::ios::binary) << actual.str();
    GTEST_SKIP() << "rewrote " << expected_path;
  }
  std::string expected = testing::ReadFileOrEmpty(expected_path.string());
  // A rule that does nothing must not pass: its bad fixtures have to fire, and
  // the expectation (which scripts/new-rule writes as a placeholder) must say so.
  EXPECT_NE(actual.str().find("bad/"), std::string::npos)
      << "rule '" << rule << "' reports nothing on its bad/ fixtures";
  EXPECT_NE(expected.find("bad/"), std::string::npos)
      << expected_path << " lists no finding for bad/ (fill it in: UPDATE_GOLDENS=1 rewrites it after review)";
  EXPECT_EQ(expected, actual.str()) << "findings differ from " << expected_path
                                    << " (UPDATE_GOLDENS=1 rewrites it after review)";
}

std::vector<std::string> RuleIds() {
  std::vector<std::string> ids;
  for (const Rule& r : AllRules()) {
    // Rules the engine emits for the run as a whole are tested in engine_test.cc.
    if (r.id == "manifest-unreadable") continue;
    ids.emplace_back(r.id);
  }
  return ids;
}

INSTANTIATE_TEST_SUITE_P(Rules, GoldenTest, ::testing::ValuesIn(RuleIds()),
                         [](const ::testing::TestParamInfo<std::string>& param_info) {
                           std::string name = param_info.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

// The stage says which kind of check a rule has: file, offer and doc rules
// have that check; parse and run rules are emitted by a reader or an engine pass.
TEST(Registry, StageMatchesCheck) {
  for (const Rule& r : AllRules()) {
    if (r.stage == "file") {
      EXPECT_NE(r.file_check(), nullptr) << r.id;
    } else if (r.stage == "offer") {
      EXPECT_NE(r.offer_check(), nullptr) << r.id;
    } else if (r.stage == "doc") {
      EXPECT_NE(r.doc_check(), nullptr) << r.id;
    } else {
      EXPECT_TRUE(r.stage == "parse" || r.stage == "run") << r.id << ": unknown stage '" << r.stage << "'";
      EXPECT_TRUE(std::holds_alternative<NoCheck>(r.check)) << r.id << " is emitted, yet has a check";
    }
  }
}

// An id the program emits is always a registered rule: an unknown one is a bug,
// said loudly, never a finding that silently defaults to an error.
TEST(Registry, FindsEveryRuleAndRejectsUnknownIds) {
  for (const Rule& r : AllRules()) {
    EXPECT_EQ(FindRule(r.id), &r);
    EXPECT_EQ(&RuleById(r.id), &r);
  }
  EXPECT_EQ(FindRule("leads-no-such-rule"), nullptr);
  EXPECT_THROW(RuleById("leads-no-such-rule"), std::logic_error);
  EXPECT_EQ(&RuleById(kLeadsPlaintextSecret.id), &kLeadsPlaintextSecret);
}

TEST(Registry, SortedUniqueAndDocumented) {
  const auto& rules = AllRules();
  for (size_t i = 1; i < rules.size(); ++i) EXPECT_LT(rules[i - 1].id, rules[i].id);
  for (const Rule& r : rules) {
    fs::path doc = fs::path(testing::SourceDir()) / "docs" / "rules" / (std::string(r.id) + ".md");
    EXPECT_TRUE(fs::exists(doc)) << "missing doc page " << doc;
    std::string text = testing::ReadFileOrEmpty(doc.string());
    EXPECT_NE(text.find("# " + std::string(r.id)), std::string::npos) << doc << " must start with '# " << r.id << "'";
  }
}

// docs/rules.md is the index of the rule pages: one row per rule, in registry
// order, with the registry's severity and summary, so the index cannot drift.
TEST(Registry, RulesIndexMatchesTheRegistry) {
  std::string index = testing::ReadFileOrEmpty(testing::SourceDir() + "/docs/rules.md");
  std::string expected;
  for (const Rule& r : AllRules()) {
    std::string summary(r.summary);
    for (size_t p = summary.find('|'); p != std::string::npos; p = summary.find('|', p + 2)) summary.insert(p, "\\");
    expected += "| [`" + std::string(r.id) + "`](rules/" + std::string(r.id) + ".md) | " +
                std::string(SeverityName(r.severity)) + " | " + summary + " |\n";
  }
  size_t start = index.find("|---|---|---|\n");
  ASSERT_NE(start, std::string::npos);
  start += 14;
  size_t end = start;
  while (end < index.size() && index.compare(end, 3, "| [") == 0) end = index.find('\n', end) + 1;
  EXPECT_EQ(index.substr(start, end - start), expected);
}

// STYLE: one rule = src/rules/<family>/<id>.cc, defining its rule object, also
// for the rules the readers or the engine emit (no check function).
TEST(Registry, EveryRuleHasItsOwnFile) {
  for (const Rule& r : AllRules()) {
    std::string id(r.id);
    std::string file = id;
    std::replace(file.begin(), file.end(), '-', '_');
    fs::path source = fs::path(testing::SourceDir()) / "src" / "rules" / id.substr(0, id.find('-')) / (file + ".cc");
    EXPECT_TRUE(fs::exists(source)) << "missing " << source;
    std::string text = testing::ReadFileOrEmpty(source.string());
    EXPECT_EQ(text.rfind("// " + id + ":", 0), 0u) << source << " must open with '// " << id << ": ...'";
  }
}

}  // namespace
}  // namespace leadlint
