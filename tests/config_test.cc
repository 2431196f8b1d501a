// leadlint.json, inline suppressions, baselines, .gitignore, ignore globs and
// standard input, through the real binary as a CI job would use them.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "load/glob.h"
#include "test_util.h"

namespace leadlint {
namespace {

namespace fs = std::filesystem;
using testing::RunBinary;

class ConfigTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("leadlint-config-" + std::to_string(getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / ".git");  // a repository root: config discovery stops nowhere special
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const std::string& name, const std::string& text) {
    fs::create_directories((dir_ / name).parent_path());
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }
  testing::ProcessResult Run(std::vector<std::string> args, const std::string& stdin_text = "") {
    args.insert(args.begin(), {"check", "--color", "never"});
    return RunBinary(args, dir_.string(), stdin_text);
  }
  fs::path dir_;
};

// An 18-character Salesforce id (error) next to an ignored table configuration (warning).
constexpr const char* kOffer = R"({
  "$schema": "https://leadlint.dev/schemas/manifest-v1.schema.json",
  "offer": {
    "id": "contoso",
    "type": "powerBiApp",
    "listings": [{"storefront": "appsource"}],
    "leads": {
      "leadDestination": "salesforce",
      "salesforceLeadConfiguration": {"objectIdentifier": "00D5g000004XyZaEAK"},
      "tableLeadConfiguration": {"storageAccountConnectionString": "****"}
    }
  }
}
)";

TEST_F(ConfigTest, UnknownKeysAndRulesAreConfigurationErrorsWithPositions) {
  Write("leadlint.json",
        "{\n  \"rules\": {\"leads-ignored-feld\": \"off\", \"manifest-schema\": \"loud\"},\n  \"prfile\": 1\n}\n");
  Write("o.json", kOffer);
  auto r = Run({"o.json"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  const std::string config = (dir_ / "leadlint.json").string();
  EXPECT_NE(r.err.find(config + ":2:13: error: unknown rule 'leads-ignored-feld'; did you mean 'leads-ignored-field'? "
                                "(run 'leadlint rules' for the list) [config]"),
            std::string::npos)
      << r.err;
  EXPECT_NE(
      r.err.find(
          config +
          ":2:61: error: 'manifest-schema' must be one of 'error', 'warning', 'note', 'off'; got 'loud' [config]"),
      std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find(config + ":3:3: error: unknown key 'prfile'; did you mean 'profile'? [config]"),
            std::string::npos)
      << r.err;
}

TEST_F(ConfigTest, RuleSeveritiesProfileAndFailOn) {
  Write("leadlint.json",
        R"({"rules": {"leads-ignored-field": "off", "leads-invalid-field": "warning"}, "failOn": "error"})");
  Write("o.json", kOffer);
  auto r = Run({"o.json"});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("o.json:9:59: warning: 'objectIdentifier' must be exactly 15 letters or digits; got 18 "
                       "characters [leads-invalid-field]"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("leads-ignored-field"), std::string::npos) << r.out;
  EXPECT_EQ(Run({"--fail-on", "warning", "o.json"}).exit_code, 1);
  EXPECT_EQ(Run({"--no-config", "o.json"}).exit_code, 1);
}

TEST_F(ConfigTest, InlineSuppressionAndUnusedNote) {
  std::string offer = kOffer;
  offer.replace(offer.find("{\"objectIdentifier\""), 1, "{\"x-leadlint-ignore\": [\"leads-invalid-field\"], ");
  offer.replace(offer.find("{\"storageAccountConnectionString\""), 1,
                "{\"x-leadlint-ignore\": [\"leads-plaintext-secret\", \"leads-nope\"], ");
  Write("o.json", offer);
  auto r = Run({"o.json"});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(r.out.find("leads-invalid-field]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("o.json:10:56: note: unused suppression: no 'leads-plaintext-secret' finding in this object "
                       "[manifest-unused-suppression]"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("o.json:10:82: warning: 'x-leadlint-ignore' names an unknown rule 'leads-nope'; it suppresses "
                       "nothing [manifest-unused-suppression]"),
            std::string::npos)
      << r.out;
}

TEST_F(ConfigTest, BaselineSurvivesInsertedLinesAndReportsNewFindings) {
  Write("o.json", kOffer);
  auto w = Run({"--write-baseline", "baseline.json", "o.json"});
  EXPECT_EQ(w.exit_code, 0) << w.err;
  // Insert lines above the finding: the baseline must still match it.
  std::string moved = kOffer;
  moved.insert(moved.find("  \"offer\""), "  \"x-note\": \"moved\",\n\n\n");
  Write("o.json", moved);
  auto r = Run({"--baseline", "baseline.json", "o.json"});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("no problems found"), std::string::npos) << r.out;
  // A new problem is still reported.
  std::string worse = moved;
  worse.replace(worse.find("\"powerBiApp\""), 12, "\"powerBiAppp\"");
  Write("o.json", worse);
  r = Run({"--baseline", "baseline.json", "o.json"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("'type' must be one of"), std::string::npos) << r.out;
  EXPECT_EQ(Run({"--baseline", "missing.json", "o.json"}).exit_code, 2);
}

TEST_F(ConfigTest, GitignoreAndIgnoreGlobs) {
  Write(".gitignore", "generated/\n*.local.json\n!keep.local.json\n");
  Write("leadlint.json", R"({"ignore": ["drafts/**"]})");
  Write("generated/a.json", kOffer);
  Write("offers/b.local.json", kOffer);
  Write("offers/keep.local.json", kOffer);
  Write("drafts/x/c.json", kOffer);
  auto r = Run({"."});
  EXPECT_NE(r.out.find("offers/keep.local.json:9:59"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("generated/"), std::string::npos) << r.out;
  // Ignored files are named among the skipped, never checked.
  EXPECT_EQ(r.out.find("b.local.json:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("skipped: leadlint.json, offers/b.local.json\n"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("drafts/"), std::string::npos) << r.out;
  auto all = Run({"--no-gitignore", "."});
  EXPECT_NE(all.out.find("generated/a.json:9:59"), std::string::npos) << all.out;
  // A folder named explicitly is checked even though .gitignore excludes it.
  auto named = Run({"generated"});
  EXPECT_NE(named.out.find("generated/a.json:9:59"), std::string::npos) << named.out;
}

TEST_F(ConfigTest, WalkedMarkdownWithoutMsFrontMatterIsLeftAlone) {
  Write("azure-docs/README.md", "# Docs\n\nSee [x](./nowhere.md).\n");
  Write("azure-docs.de-de/README.md", "# Doku\n");
  auto r = Run({"--allow-empty", "."});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  // Not checked (no finding about the broken link), only named as skipped.
  EXPECT_EQ(r.out.find("README.md:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2 files skipped"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("skipped: azure-docs.de-de/README.md, azure-docs/README.md\n"), std::string::npos) << r.out;
  // Without --allow-empty the run fails closed: nothing was checked.
  EXPECT_EQ(Run({"."}).exit_code, 2);
}

TEST_F(ConfigTest, StandardInput) {
  auto r = Run({"--stdin-filename", "offers/new.json", "-"}, kOffer);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("offers/new.json:9:59: error: 'objectIdentifier'"), std::string::npos) << r.out;
}

TEST(Glob, GitignoreSemantics) {
  EXPECT_TRUE(GlobMatch("**/*.json", "a/b/c.json"));
  EXPECT_TRUE(GlobMatch("**/*.json", "c.json"));
  EXPECT_TRUE(GlobMatch("a/**/z", "a/z"));
  EXPECT_FALSE(GlobMatch("a/*/z", "a/b/c/z"));
  EXPECT_TRUE(GlobMatch("[a-c]?.json", "bx.json"));
  EXPECT_FALSE(GlobMatch("[!a-c]?.json", "bx.json"));
  IgnoreList list;
  list.AddLines("/r", "build/\n/top.json\nsub/*.json\n!sub/keep.json\n# comment\n");
  EXPECT_TRUE(list.Ignored("/r/build/x.json", false));
  EXPECT_TRUE(list.Ignored("/r/a/build", true));
  EXPECT_FALSE(list.Ignored("/r/build", false));
  EXPECT_TRUE(list.Ignored("/r/top.json", false));
  EXPECT_FALSE(list.Ignored("/r/a/top.json", false));
  EXPECT_TRUE(list.Ignored("/r/sub/x.json", false));
  EXPECT_FALSE(list.Ignored("/r/sub/keep.json", false));
  EXPECT_FALSE(list.Ignored("/other/build/x.json", false));
}

}  // namespace
}  // namespace leadlint
