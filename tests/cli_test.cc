// The command line as a CI owner meets it (issue 11): every option of `check`
// takes its values one documented way and none is silently turned into a path;
// outputs never overwrite what the run reads and are written atomically;
// baselines match from any folder and report stale entries; single named
// Product Ingestion files get their folder's verdict; YAML, --version, init,
// explain, merge and extract say what they do. Every test runs the real binary.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "base/fingerprint.h"
#include "cli/output_file.h"
#include "engine/config.h"
#include "engine/engine.h"
#include "engine/rule_catalog.h"
#include "report/report.h"
#include "test_util.h"

namespace leadlint {
namespace {

namespace fs = std::filesystem;
using testing::ReadFileOrEmpty;
using testing::RunBinary;

class Dir {
 public:
  Dir() {
    path_ = fs::temp_directory_path() / ("leadlint-cli-" + std::to_string(getpid()) + "-" + std::to_string(counter_++));
    fs::remove_all(path_);
    fs::create_directories(path_);
    path_ = fs::canonical(path_);
  }
  ~Dir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string Write(const std::string& name, const std::string& text) const {
    fs::path p = path_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
  std::string Read(const std::string& name) const { return ReadFileOrEmpty((path_ / name).string()); }
  std::string path() const { return path_.string(); }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
  static inline int counter_ = 0;
};

constexpr const char* kPi = "https://product-ingestion.azureedge.net/schema";

std::string PiDoc(const std::string& resources) {
  return std::string("{\n  \"$schema\": \"") + kPi + "/configure/2022-03-01-preview2\",\n  \"resources\": [\n" +
         resources + "\n  ]\n}\n";
}

// A VM whose test drive (in its own file) makes a CRM destination required.
void WriteVmOffer(const Dir& dir, const std::string& folder) {
  dir.Write(folder + "/product.json",
            PiDoc(std::string("    {\"$schema\": \"") + kPi +
                  "/product/2022-03-01-preview2\", \"identity\": {\"externalId\": \"contoso-vm\"}, \"type\": "
                  "\"azureVirtualMachine\", \"alias\": \"Contoso VM\"}"));
  dir.Write(folder + "/customer-leads.json",
            PiDoc(std::string("    {\"$schema\": \"") + kPi +
                  "/customer-leads/2022-03-01-preview2\",\n     \"product\": {\"externalId\": \"contoso-vm\"},\n"
                  "     \"leadDestination\": \"none\"}"));
  dir.Write(folder + "/test-drive.json",
            PiDoc(std::string("    {\"$schema\": \"") + kPi +
                  "/test-drive/2022-03-01-preview2\", \"product\": {\"externalId\": \"contoso-vm\"}, \"enabled\": "
                  "true}"));
}

constexpr const char* kPowerBiNone = R"({"$schema": "https://leadlint.dev/schemas/manifest-v1.schema.json",
 "offer": {"id": "pbi", "type": "powerBiApp", "listings": [{"storefront": "appsource", "testDrive": true}],
           "leads": {"leadDestination": "none"}}}
)";

// The finding lines of a text report (without source lines and carets).
std::string FindingLines(const std::string& report) {
  std::istringstream in(report);
  std::string line;
  std::string out;
  static const std::regex finding(R"(^[^ ].*:\d+:\d+: (error|warning|note): .*\]$)");
  while (std::getline(in, line)) {
    if (std::regex_match(line, finding)) out += line + "\n";
  }
  return out;
}

// ---------------------------------------------------------------------------
// Options

// Every option `check --help` lists, with a value that is valid in the
// fixture below. A new option fails this test until it is added here, to
// docs/usage.md and to the checks below.
struct OptionCase {
  std::string name;               // long name as --help prints it
  std::vector<std::string> args;  // a valid use (paths are added after)
};

TEST(Options, EveryOptionOfCheckIsListedDocumentedAndAccepted) {
  Dir dir;
  dir.Write("offers/pbi.json", kPowerBiNone);
  dir.Write("cfg.json", "{\"failOn\": \"error\"}\n");
  const std::string doc_source =
      testing::SourceDir() + "/fixtures/html-report/azure-docs/articles/enable-lead-sharing.md";
  const std::string doc_translation =
      testing::SourceDir() + "/fixtures/html-report/azure-docs.de-de/articles/enable-lead-sharing.md";
  ASSERT_EQ(RunBinary({"check", "offers", "--write-baseline", "base.json"}, dir.path()).exit_code, 0);
  fs::create_directories(dir / "history");
  const std::vector<OptionCase> cases = {
      {"--help", {"--help"}},
      {"--format", {"--format", "json"}},
      {"--output", {"--output", "report.txt"}},
      {"--fail-on", {"--fail-on", "none"}},
      {"--profile", {"--profile", "partner-center-2020"}},
      {"--jobs", {"--jobs", "1"}},
      {"--color", {"--color", "never"}},
      {"--rule", {"--rule", "leads-missing-destination"}},
      {"--max-file-size", {"--max-file-size", "100000"}},
      {"--config", {"--config", "cfg.json"}},
      {"--no-config", {"--no-config"}},
      {"--no-gitignore", {"--no-gitignore"}},
      {"--baseline", {"--baseline", "base.json"}},
      {"--write-baseline", {"--write-baseline", "new-base.json"}},
      {"--stdin-filename", {"--stdin-filename", "x.json"}},
      {"--quiet", {"--quiet"}},
      {"--docs-source", {"--docs-source", doc_source}},
      {"--docs-translations", {"--docs-source", doc_source, "--docs-translations", doc_translation}},
      {"--docs-history", {"--docs-history", "history"}},
      {"--no-git-history", {"--no-git-history"}},
      {"--shard", {"--shard", "1/1"}},
      {"--max-depth", {"--max-depth", "64"}},
      {"--allow-empty", {"--allow-empty"}},
      {"--docs-root", {"--docs-root", "."}},
      {"--fix", {"--fix"}},
      {"--unsafe-fixes", {"--diff", "--unsafe-fixes"}},
      {"--diff", {"--diff"}},
  };
  // The options --help lists are exactly these.
  const std::string help = RunBinary({"check", "--help"}).out;
  std::set<std::string> listed;
  static const std::regex option(R"(^  (?:-[a-zA-Z],)?(--[a-z-]+))");
  std::istringstream in(help);
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (std::regex_search(line, m, option)) listed.insert(m[1]);
  }
  std::set<std::string> tested;
  for (const OptionCase& c : cases) tested.insert(c.name);
  EXPECT_EQ(listed, tested) << help;

  // docs/usage.md shows this very --help and describes every option.
  const std::string usage = ReadFileOrEmpty(testing::SourceDir() + "/docs/usage.md");
  EXPECT_NE(usage.find("```text\n" + help + "```"), std::string::npos) << "usage.md does not show 'check --help':\n"
                                                                       << help;
  for (const OptionCase& c : cases) {
    if (c.name != "--help") {
      EXPECT_NE(usage.find("`" + c.name), std::string::npos) << c.name << " is not described in usage.md";
    }
    std::vector<std::string> args = {"check", "offers"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    auto r = RunBinary(args, dir.path());
    EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << c.name << " exit " << r.exit_code << ": " << r.err;
  }
}

TEST(Options, RepeatedAndCommaListedValuesAreTheSame) {
  Dir dir;
  dir.Write("offers/pbi.json", kPowerBiNone);
  dir.Write("offers/broken.json", "{\"a\": }\n");
  dir.Write("offers/unknown.json",
            "{\"$schema\": \"https://leadlint.dev/schemas/manifest-v1.schema.json\", \"offer\": 1}\n");
  auto repeated = RunBinary(
      {"check", "--color", "never", "--rule", "leads-missing-destination", "--rule", "manifest-syntax", "offers"},
      dir.path());
  auto listed = RunBinary(
      {"check", "--color", "never", "--rule", "leads-missing-destination,manifest-syntax", "offers"}, dir.path());
  auto upper = RunBinary({"check", "--color", "never", "--rule=LEADS-Missing-Destination,Manifest-Syntax", "offers"},
                         dir.path());
  EXPECT_EQ(repeated.exit_code, 1);
  EXPECT_EQ(FindingLines(repeated.out),
            "offers/broken.json:1:7: error: unexpected '}'; expected a value [manifest-syntax]\n"
            "offers/pbi.json:3:41: error: 'leadDestination' is 'none' but this Power BI app needs a CRM destination "
            "('table', 'dynamics', 'httpsEndpoint', 'marketo' or 'salesforce'): a test drive is enabled "
            "(profile partner-center-2025) [leads-missing-destination]\n");
  EXPECT_EQ(listed.out, repeated.out);
  EXPECT_EQ(upper.out, repeated.out);

  // Doc-set paths: repeated, or a comma list.
  const std::string fixtures = testing::SourceDir() + "/fixtures/html-report/";
  const std::string source = fixtures + "azure-docs/articles/enable-lead-sharing.md";
  const std::string de = fixtures + "azure-docs.de-de/articles/enable-lead-sharing.md";
  dir.Write("fr/enable-lead-sharing.md", ReadFileOrEmpty(de));
  const std::string fr = dir / "fr/enable-lead-sharing.md";
  auto docs_repeated = RunBinary({"check", "--format", "json", "--docs-source", source, "--docs-translations", de,
                                  "--docs-translations", fr, "--no-git-history"});
  auto docs_listed = RunBinary(
      {"check", "--format", "json", "--docs-source", source, "--docs-translations", de + "," + fr, "--no-git-history"});
  EXPECT_EQ(docs_repeated.out, docs_listed.out);
  EXPECT_NE(docs_repeated.out.find("\"path\": \"" + fr + "\""), std::string::npos) << docs_repeated.out;
  EXPECT_NE(docs_repeated.out.find("\"path\": \"" + de + "\""), std::string::npos) << docs_repeated.out;
  size_t paired = 0;  // both translations are paired with the source
  for (size_t at = docs_repeated.out.find("\"source\": \"" + source + "\""); at != std::string::npos;
       at = docs_repeated.out.find("\"source\": \"" + source + "\"", at + 1)) {
    ++paired;
  }
  EXPECT_EQ(paired, 2u) << docs_repeated.out;
  fs::create_directories(dir / "h1");
  fs::create_directories(dir / "h2");
  auto history_repeated = RunBinary({"check", "--format", "json", "--docs-source", source, "--docs-history", dir / "h1",
                                     "--docs-history", dir / "h2", "--no-git-history", "--", de});
  auto history_listed = RunBinary({"check", "--format", "json", "--docs-source", source, "--docs-history",
                                   dir / "h1" + "," + dir / "h2", "--no-git-history", "--", de});
  EXPECT_EQ(history_repeated.exit_code, history_listed.exit_code) << history_listed.err;
  EXPECT_EQ(history_repeated.out, history_listed.out);
  auto history_missing =
      RunBinary({"check", "--docs-source", source, "--docs-history", dir / "h1" + "," + dir / "h3", "--", de});
  EXPECT_EQ(history_missing.exit_code, 2);
  EXPECT_EQ(history_missing.err, "leadlint: '" + dir / "h3" + "' (--docs-history) does not exist\n");
}

TEST(Options, AWordAfterARepeatableOptionsValueIsNeverSilentlyAPath) {
  Dir dir;
  dir.Write("offers/pbi.json", kPowerBiNone);
  dir.Write("a.md", "# a\n");
  dir.Write("b.md", "# b\n");
  auto rule = RunBinary({"check", "--rule", "leads-missing-destination", "manifest-syntax", "offers"}, dir.path());
  EXPECT_EQ(rule.exit_code, 2);
  EXPECT_EQ(rule.out, "");
  EXPECT_EQ(
      rule.err,
      "leadlint: 'manifest-syntax' after '--rule leads-missing-destination' is not a file or folder to check: "
      "'--rule' takes one value per occurrence; repeat the option ('--rule leads-missing-destination --rule "
      "manifest-syntax') or separate the values with commas ('--rule leads-missing-destination,manifest-syntax')\n");
  auto docs = RunBinary({"check", "--docs-source", "a.md", "--docs-translations", "a.md", "b.md"}, dir.path());
  EXPECT_EQ(docs.exit_code, 2);
  EXPECT_EQ(docs.err,
            "leadlint: 'b.md' after '--docs-translations a.md' would be checked as a path of its own: "
            "'--docs-translations' takes one value per occurrence; repeat the option ('--docs-translations a.md "
            "--docs-translations b.md') or separate the values with commas ('--docs-translations a.md,b.md'), or put "
            "the paths to check before the options or after '--'\n");
  auto formats = RunBinary({"check", "--format", "json,sarif", "offers"}, dir.path());
  EXPECT_EQ(formats.exit_code, 2);
  EXPECT_EQ(formats.err,
            "leadlint: --format takes one format per occurrence ('json,sarif'); repeat it, each with its own --output "
            "FILE: '--format json --output report.json --format sarif --output report.sarif'\n");
  // After '--' every word is a path; an existing path after --rule's value is a path.
  EXPECT_EQ(RunBinary({"check", "--rule", "leads-missing-destination", "offers"}, dir.path()).exit_code, 1);
  EXPECT_EQ(RunBinary({"check", "--rule", "leads-missing-destination", "--", "offers"}, dir.path()).exit_code, 1);
}

TEST(Options, AMissingPathIsReportedEvenWhenRuleSelectsOtherRules) {
  Dir dir;
  dir.Write("offers/pbi.json", kPowerBiNone);
  auto r =
      RunBinary({"check", "--color", "never", "--rule", "leads-invalid-field", "--", "offers", "ofers"}, dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(FindingLines(r.out),
            "ofers:1:1: error: cannot read 'ofers': no such file or folder [manifest-unreadable]\n");
}

// ---------------------------------------------------------------------------
// Commands

TEST(Commands, VersionExplainRulesAndUnknownCommands) {
  // `leadlint lsp` is a command: at the end of its input without shutdown it exits 1.
  auto lsp = RunBinary({"lsp"});
  EXPECT_EQ(lsp.exit_code, 1) << lsp.err;
  EXPECT_EQ(lsp.err, "");
  auto v1 = RunBinary({"--version"});
  auto v2 = RunBinary({"-V"});
  auto v3 = RunBinary({"version"});
  EXPECT_EQ(v1.exit_code, 0);
  EXPECT_EQ(v1.out, "leadlint " LEADLINT_VERSION "\n");
  EXPECT_EQ(v2.out, v1.out);
  EXPECT_EQ(v3.out, v1.out);
  auto upper = RunBinary({"explain", "LEADS-MISSING-DESTINATION"});
  EXPECT_EQ(upper.exit_code, 0);
  EXPECT_EQ(upper.out, RunBinary({"explain", "leads-missing-destination"}).out);
  auto typo = RunBinary({"explain", "LEADS-MISING-DESTINATION"});
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_EQ(typo.err,
            "leadlint: unknown rule 'LEADS-MISING-DESTINATION'; did you mean 'leads-missing-destination'?\n"
            "run 'leadlint rules' to list every rule\n");
  auto rule = RunBinary({"check", "--rule", "leads-mising-destination", "."});
  EXPECT_EQ(rule.exit_code, 2);
  EXPECT_EQ(rule.err,
            "leadlint: unknown rule 'leads-mising-destination'; did you mean 'leads-missing-destination'? (run "
            "'leadlint rules' for the list)\n");
  auto command = RunBinary({"chek", "."});
  EXPECT_EQ(command.exit_code, 2);
  EXPECT_EQ(command.err,
            "leadlint: unknown command 'chek'; did you mean 'check'? (run 'leadlint --help' for the commands)\n");
  auto profile = RunBinary({"check", "--profile", "partner-center-222", "."});
  EXPECT_EQ(profile.exit_code, 2);
  EXPECT_EQ(profile.err,
            "leadlint: unknown profile 'partner-center-222'; did you mean 'partner-center-2022'? (expected "
            "cloud-partner-portal-2018, partner-center-2020, partner-center-2022 or partner-center-2025)\n");
}

TEST(Commands, UsageShowsTheHelpOfEveryCommandAsPrinted) {
  const std::string usage = ReadFileOrEmpty(testing::SourceDir() + "/docs/usage.md");
  for (std::vector<std::string> args : std::vector<std::vector<std::string>>{{"--help"},
                                                                             {"check", "--help"},
                                                                             {"extract", "--help"},
                                                                             {"merge", "--help"},
                                                                             {"rules", "--help"},
                                                                             {"explain", "--help"}}) {
    const std::string help = RunBinary(args).out;
    EXPECT_NE(usage.find("```text\n" + help + "```"), std::string::npos) << args[0] << ":\n" << help;
  }
}

TEST(Commands, InitWritesAValidStarterAndNeverOverwrites) {
  Dir dir;
  auto first = RunBinary({"init"}, dir.path());
  EXPECT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(first.out, "leadlint: wrote a starter configuration to 'leadlint.json'\n");
  const std::string written = dir.Read("leadlint.json");
  EXPECT_NE(written.find("\"$comment\""), std::string::npos);
  Config config;
  std::vector<Finding> errors;
  EXPECT_TRUE(LoadConfig(dir / "leadlint.json", &config, &errors)) << (errors.empty() ? "" : errors[0].message);
  dir.Write("offers/pbi.json", kPowerBiNone);
  EXPECT_EQ(RunBinary({"check", "offers"}, dir.path()).exit_code, 1);  // the starter is read
  dir.Write("leadlint.json", "{\"failOn\": \"none\"}\n");
  auto again = RunBinary({"init"}, dir.path());
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_EQ(again.err, "leadlint: 'leadlint.json' already exists here; leadlint init never overwrites it\n");
  EXPECT_EQ(dir.Read("leadlint.json"), "{\"failOn\": \"none\"}\n");
}

TEST(Commands, ConfigErrorsSuggestTheNearestKeyAndProfile) {
  Dir dir;
  dir.Write("leadlint.json",
            "{\n  \"profile\": \"partner-center-2021\",\n  \"failon\": \"warning\",\n"
            "  \"docs\": {\"sorce\": \"x\"},\n  \"rules\": {\"leads-undetermined\": \"of\"}\n}\n");
  auto r = RunBinary({"check", "."}, dir.path());
  EXPECT_EQ(r.exit_code, 2);
  const std::string file = dir / "leadlint.json";
  EXPECT_EQ(
      r.err,
      file +
          ":2:14: error: 'profile' must be one of 'cloud-partner-portal-2018', 'partner-center-2020', "
          "'partner-center-2022', 'partner-center-2025'; got 'partner-center-2021'; did you mean "
          "'partner-center-2020'? [config]\n"
          "  \"profile\": \"partner-center-2021\",\n             ^\n" +
          file +
          ":3:3: error: unknown key 'failon'; did you mean 'failOn'? [config]\n  \"failon\": \"warning\",\n  ^\n" +
          file +
          ":4:12: error: unknown key 'sorce' in 'docs'; did you mean 'source'? [config]\n"
          "  \"docs\": {\"sorce\": \"x\"},\n           ^\n" +
          file +
          ":5:35: error: 'leads-undetermined' must be one of 'error', 'warning', 'note', 'off'; got 'of'; "
          "did you mean 'off'? [config]\n  \"rules\": {\"leads-undetermined\": \"of\"}\n                               "
          "   ^\n"
          "leadlint: invalid configuration in '" +
          file + "'\n");
}

TEST(Commands, MergeOfSarifWithoutFormatAndExtractWithoutTablesSayWhy) {
  Dir dir;
  dir.Write("offers/pbi.json", kPowerBiNone);
  ASSERT_EQ(RunBinary({"check", "offers", "--shard", "1/1", "-f", "sarif", "-o", "r.sarif"}, dir.path()).exit_code, 1);
  auto merge = RunBinary({"merge", "r.sarif"}, dir.path());
  EXPECT_EQ(merge.exit_code, 2);
  EXPECT_EQ(merge.err,
            "leadlint: 'r.sarif' is a SARIF log; merge SARIF reports with 'leadlint merge --format sarif'\n");
  EXPECT_EQ(RunBinary({"merge", "--format", "sarif", "r.sarif"}, dir.path()).exit_code, 0);
  ASSERT_EQ(RunBinary({"check", "offers", "--shard", "1/1", "-f", "json", "-o", "r.json"}, dir.path()).exit_code, 1);
  auto json_as_sarif = RunBinary({"merge", "--format", "sarif", "r.json"}, dir.path());
  EXPECT_EQ(json_as_sarif.exit_code, 2);
  EXPECT_EQ(json_as_sarif.err,
            "leadlint: 'r.json' is not a leadlint SARIF 2.1.0 log; it is a JSON report: merge JSON reports without "
            "'--format sarif'\n");

  dir.Write("README.md", "# Readme\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
  auto extract = RunBinary({"extract", "README.md"}, dir.path());
  EXPECT_EQ(extract.exit_code, 1);
  EXPECT_NE(extract.out.find("\"tables\": []"), std::string::npos) << extract.out;
  EXPECT_EQ(extract.err,
            "leadlint: 'README.md' has no storefront rule tables: a lead-sharing page has 4 (Audience, Campaign, "
            "Listing, Leads), each a table of 2 columns whose first, Storefront, names AppSource and Azure "
            "Marketplace\n");
}

// ---------------------------------------------------------------------------
// Outputs

TEST(Outputs, NeverOntoAnInputOrTheConfigurationAndNothingHalfWritten) {
  Dir dir;
  dir.Write("offers/pbi.json", kPowerBiNone);
  WriteVmOffer(dir, "offers/vm");
  dir.Write("leadlint.json", "{\"failOn\": \"error\"}\n");
  const std::string manifest = dir.Read("offers/pbi.json");
  struct Case {
    std::vector<std::string> args;
    std::string err;
  };
  const std::vector<Case> cases = {
      {{"check", "offers", "-o", "offers/pbi.json"},
       "leadlint: refusing to write --output 'offers/pbi.json': it is a file under 'offers', which this run checks; "
       "write it elsewhere\n"},
      {{"check", "offers", "--format", "json", "--output", "leadlint.json"},
       "leadlint: refusing to write --output 'leadlint.json': it is the configuration file in use; write it "
       "elsewhere\n"},
      {{"check", "offers/pbi.json", "--output", dir / "offers/pbi.json"},
       "leadlint: refusing to write --output '" + dir / "offers/pbi.json" +
           "': it is 'offers/pbi.json', a file this run checks; write it elsewhere\n"},
      {{"check", "offers/vm/product.json", "--output", "offers/vm/test-drive.json"},
       "leadlint: refusing to write --output 'offers/vm/test-drive.json': it is next to 'offers/vm/product.json', in "
       "the folder this run reads for references; write it elsewhere\n"},
      {{"check", "offers", "--write-baseline", "offers/pbi.json"},
       "leadlint: refusing to write --write-baseline 'offers/pbi.json': it is a file under 'offers', which this run "
       "checks; write it elsewhere\n"},
      {{"check", "offers", "-f", "json", "-o", "r.json", "-f", "sarif", "-o", "./r.json"},
       "leadlint: --output and --output both write './r.json'; give each its own file\n"},
  };
  for (const Case& c : cases) {
    auto r = RunBinary(c.args, dir.path());
    EXPECT_EQ(r.exit_code, 2) << c.args[3];
    EXPECT_EQ(r.err, c.err);
  }
  EXPECT_EQ(dir.Read("offers/pbi.json"), manifest);
  EXPECT_EQ(dir.Read("leadlint.json"), "{\"failOn\": \"error\"}\n");

  // merge -o onto one of its inputs.
  ASSERT_EQ(RunBinary({"check", "offers", "--shard", "1/1", "-f", "json", "-o", "shard.json"}, dir.path()).exit_code,
            1);
  const std::string shard = dir.Read("shard.json");
  auto merge = RunBinary({"merge", "shard.json", "-o", "shard.json"}, dir.path());
  EXPECT_EQ(merge.exit_code, 2);
  EXPECT_EQ(merge.err,
            "leadlint: refusing to write the merged report to 'shard.json': it is 'shard.json', which this run reads; "
            "write it elsewhere\n");
  EXPECT_EQ(dir.Read("shard.json"), shard);

  // A report is complete or absent, never a temporary file left behind.
  auto ok = RunBinary({"check", "offers", "-f", "json", "-o", "out/report.json"}, dir.path());
  EXPECT_EQ(ok.exit_code, 2);
  EXPECT_EQ(ok.err.rfind("leadlint: cannot write 'out/report.json': ", 0), 0u) << ok.err;
  fs::create_directories(dir / "out");
  ok = RunBinary({"check", "offers", "-f", "json", "-o", "out/report.json"}, dir.path());
  EXPECT_EQ(ok.exit_code, 1);
  EXPECT_EQ(ok.err, "");
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir / "out")) names.push_back(e.path().filename().string());
  EXPECT_EQ(names, std::vector<std::string>{"report.json"});
  EXPECT_NE(dir.Read("out/report.json").find("\"findings\""), std::string::npos);
  // A report leadlint wrote before, inside the checked folder, may be written again.
  EXPECT_EQ(RunBinary({"check", ".", "-f", "json", "-o", "again.json"}, dir.path()).exit_code, 1);
  auto again = RunBinary({"check", ".", "-f", "json", "-o", "again.json"}, dir.path());
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_EQ(again.err, "");
  // A device is written in place, never replaced (the GitHub Action writes to /dev/null).
  auto null = RunBinary({"check", "offers", "-f", "json", "-o", "/dev/null"}, dir.path());
  EXPECT_EQ(null.exit_code, 1);
  EXPECT_EQ(null.err, "");
  EXPECT_TRUE(fs::is_character_file("/dev/null"));
}

TEST(Outputs, AnUncommittedWriteLeavesThePreviousFileAndNoTemporary) {
  Dir dir;
  const std::string target = dir.Write("report.json", "previous\n");
  {
    cli::AtomicFile file(target);
    std::string error;
    ASSERT_TRUE(file.Open(&error)) << error;
    file.stream() << "half a rep";
    // Destroyed without Commit, as when a writer fails or the run stops.
  }
  EXPECT_EQ(dir.Read("report.json"), "previous\n");
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir.path())) names.push_back(e.path().filename().string());
  EXPECT_EQ(names, std::vector<std::string>{"report.json"});
  cli::AtomicFile file(target);
  std::string error;
  ASSERT_TRUE(file.Open(&error)) << error;
  file.stream() << "complete\n";
  EXPECT_EQ(dir.Read("report.json"), "previous\n");  // not visible before the rename
  ASSERT_TRUE(file.Commit(&error)) << error;
  EXPECT_EQ(dir.Read("report.json"), "complete\n");
}

// ---------------------------------------------------------------------------
// Baselines

TEST(Baselines, MatchFromAnyFolderAndWithAbsolutePathsAndReportStaleEntries) {
  Dir dir;
  dir.Write("repo/offers/pbi.json", kPowerBiNone);
  dir.Write("repo/offers/other.json", kPowerBiNone);
  fs::create_directories(dir / "repo/ci");
  const std::string repo = dir / "repo";
  auto write = RunBinary({"check", "offers", "--write-baseline", "ci/baseline.json"}, repo);
  ASSERT_EQ(write.exit_code, 0) << write.err;
  EXPECT_EQ(write.out, "leadlint: wrote 2 findings to the baseline 'ci/baseline.json'\n");
  const std::string baseline = dir.Read("repo/ci/baseline.json");
  EXPECT_NE(baseline.find("\"leadlintBaseline\": 2"), std::string::npos);
  EXPECT_NE(baseline.find("\"path\": \"../offers/pbi.json\""), std::string::npos) << baseline;

  const std::string clean = "no problems found in 2 files checked; 2 in the baseline [profile partner-center-2025]\n";
  auto root = RunBinary({"check", "offers", "--baseline", "ci/baseline.json"}, repo);
  EXPECT_EQ(root.exit_code, 0) << root.out;
  EXPECT_EQ(root.out, clean);
  auto sub = RunBinary({"check", ".", "--baseline", "../ci/baseline.json"}, repo + "/offers");
  EXPECT_EQ(sub.exit_code, 0) << sub.out;
  EXPECT_EQ(sub.out, clean);
  auto absolute = RunBinary({"check", repo + "/offers", "--baseline", repo + "/ci/baseline.json"}, dir.path());
  EXPECT_EQ(absolute.exit_code, 0) << absolute.out;
  EXPECT_EQ(absolute.out, clean);
  EXPECT_EQ(absolute.err, "");

  // Fix one: its entry is stale, reported as a note and counted; a run over
  // another file does not call the entry stale.
  dir.Write("repo/offers/pbi.json", R"({"$schema": "https://leadlint.dev/schemas/manifest-v1.schema.json",
 "offer": {"id": "pbi", "type": "powerBiApp", "listings": [{"storefront": "appsource", "testDrive": true}],
           "leads": {"leadDestination": "httpsEndpoint", "httpsEndpointLeadConfiguration": {"httpsEndpointUrl": "https://leads.example.com/x"}}}}
)");
  auto fixed = RunBinary({"check", "offers", "--baseline", "ci/baseline.json"}, repo);
  EXPECT_EQ(fixed.exit_code, 0);
  EXPECT_EQ(fixed.out,
            "no problems found in 2 files checked; 1 in the baseline; 1 stale baseline entry [profile "
            "partner-center-2025]\n");
  EXPECT_EQ(fixed.err,
            "ci/baseline.json:5:5: note: stale baseline entry: no 'leads-missing-destination' finding in "
            "'../offers/pbi.json' matches it any more (fixed, or its line or message changed)\n"
            "leadlint: 1 stale entry in the baseline 'ci/baseline.json'; drop it with --write-baseline "
            "'ci/baseline.json'\n");
  auto json = RunBinary({"check", "offers", "--baseline", "ci/baseline.json", "--format", "json"}, repo);
  EXPECT_NE(json.out.find("\"baselined\": 1,\n    \"baselineStale\": 1"), std::string::npos) << json.out;
  auto other = RunBinary({"check", "offers/other.json", "--baseline", "ci/baseline.json"}, repo);
  EXPECT_EQ(other.err, "");
  // Written again, the stale entry is gone.
  ASSERT_EQ(
      RunBinary({"check", "offers", "--baseline", "ci/baseline.json", "--write-baseline", "ci/baseline.json"}, repo)
          .exit_code,
      0);
  auto pruned = RunBinary({"check", "offers", "--baseline", "ci/baseline.json"}, repo);
  EXPECT_EQ(pruned.out, "no problems found in 2 files checked; 1 in the baseline [profile partner-center-2025]\n");
  EXPECT_EQ(pruned.err, "");
}

TEST(Baselines, VersionOneIsReadFromItsFolderAndNewerVersionsAreRefused) {
  Dir dir;
  dir.Write("offers/pbi.json", kPowerBiNone);
  // A version 1 baseline: paths and fingerprints as reported from the folder it was written in.
  RunOptions options;
  options.paths = {"offers"};
  std::error_code ec;
  const fs::path cwd = fs::current_path();
  fs::current_path(dir.path());
  RunResult result = RunCheck(options);
  fs::current_path(cwd);
  ASSERT_EQ(result.findings.size(), 1u);
  std::vector<std::string> prints = Fingerprints(result.findings);
  dir.Write("v1.json",
            "{\n  \"leadlintBaseline\": 1,\n  \"findings\": [\n    {\"rule\": \"leads-missing-destination\", "
            "\"path\": \"offers/pbi.json\", \"fingerprint\": \"" +
                prints[0] + "\", \"message\": \"\"}\n  ]\n}\n");
  auto r = RunBinary({"check", "offers", "--baseline", "v1.json"}, dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(r.out, "no problems found in 1 file checked; 1 in the baseline [profile partner-center-2025]\n");
  EXPECT_EQ(r.err,
            "leadlint: note: 'v1.json' is a version 1 baseline, whose paths are relative to where it was written: it "
            "matches only from that folder with the same paths; write it again with --write-baseline to make it work "
            "from any folder\n");
  dir.Write("v9.json", "{\"leadlintBaseline\": 9, \"findings\": []}\n");
  auto v9 = RunBinary({"check", "offers", "--baseline", "v9.json"}, dir.path());
  EXPECT_EQ(v9.exit_code, 2);
  EXPECT_EQ(v9.err,
            "leadlint: 'v9.json' is a baseline of format version 9, which this leadlint (versions 1 and 2) cannot "
            "read; write it again with --write-baseline\n");
}

// ---------------------------------------------------------------------------
// Single files, duplicates, YAML

TEST(SingleFiles, ANamedProductIngestionFileGetsItsFoldersVerdict) {
  Dir dir;
  WriteVmOffer(dir, "offers/vm");
  const std::string expected =
      "offers/vm/customer-leads.json:6:25: error: 'leadDestination' is 'none' but this virtual machine needs a CRM "
      "destination ('table', 'dynamics', 'httpsEndpoint', 'marketo' or 'salesforce'): a test drive is enabled "
      "(profile partner-center-2025) [leads-missing-destination]\n";
  auto folder = RunBinary({"check", "--color", "never", "offers"}, dir.path());
  EXPECT_EQ(folder.exit_code, 1);
  EXPECT_EQ(FindingLines(folder.out), expected);
  for (const char* name : {"product", "customer-leads", "test-drive"}) {
    auto one = RunBinary({"check", "--color", "never", std::string("offers/vm/") + name + ".json"}, dir.path());
    EXPECT_EQ(one.exit_code, 1) << name;
    EXPECT_EQ(FindingLines(one.out), expected) << name;
    auto json = RunBinary({"check", "--format", "json", std::string("offers/vm/") + name + ".json"}, dir.path());
    EXPECT_NE(json.out.find("\"verdict\": \"fail\""), std::string::npos) << name << json.out;
  }
}

TEST(SingleFiles, ASiblingsSuppressionAppliesAsInAFolderRun) {
  Dir dir;
  WriteVmOffer(dir, "offers/vm");
  dir.Write("offers/vm/customer-leads.json",
            PiDoc(std::string("    {\"$schema\": \"") + kPi +
                  "/customer-leads/2022-03-01-preview2\", \"x-leadlint-ignore\": [\"leads-missing-destination\"],\n"
                  "     \"product\": {\"externalId\": \"contoso-vm\"}, \"leadDestination\": \"none\"}"));
  const std::string clean = "no problems found in 1 file checked; 1 suppressed inline [profile partner-center-2025]\n";
  auto folder = RunBinary({"check", "offers"}, dir.path());
  EXPECT_EQ(folder.exit_code, 0) << folder.out;
  EXPECT_EQ(folder.out, "no problems found in 3 files checked; 1 suppressed inline [profile partner-center-2025]\n");
  auto one = RunBinary({"check", "offers/vm/test-drive.json"}, dir.path());
  EXPECT_EQ(one.exit_code, 0) << one.out;
  EXPECT_EQ(one.out, clean);
}

TEST(Duplicates, ASecondCustomerLeadsInAnotherFileNamesTheFirst) {
  Dir dir;
  WriteVmOffer(dir, "offers/vm");
  dir.Write("offers/vm/customer-leads-old.json",
            PiDoc(std::string("    {\"$schema\": \"") + kPi +
                  "/customer-leads/2022-03-01-preview2\", \"product\": {\"externalId\": \"contoso-vm\"}, "
                  "\"leadDestination\": \"none\"}"));
  auto r = RunBinary({"check", "--color", "never", "--rule", "manifest-duplicate-resource", "offers"}, dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(FindingLines(r.out),
            "offers/vm/customer-leads.json:4:5: error: a second 'customer-leads' resource for the product "
            "'contoso-vm'; the first is at 'offers/vm/customer-leads-old.json:4:5': the service keeps one lead "
            "configuration per product, so one of them is lost [manifest-duplicate-resource]\n");
}

TEST(Yaml, NamedIsOneClearFindingAndWalkedIsCountedAsSkipped) {
  Dir dir;
  dir.Write("offers/offer.yaml", "offer:\n  id: x\n");
  dir.Write("offers/pbi.json", kPowerBiNone);
  auto named = RunBinary({"check", "--color", "never", "offers/offer.yaml"}, dir.path());
  // The one finding, and the run fails closed: nothing was checked.
  EXPECT_EQ(named.exit_code, 2);
  EXPECT_NE(named.err.find("leadlint: nothing was checked"), std::string::npos) << named.err;
  EXPECT_EQ(named.out,
            "offers/offer.yaml:1:1: error: YAML manifests are not supported; leadlint reads offer manifests as JSON: "
            "convert the file to JSON, or leave it out of the paths to check [manifest-unknown-format]\n\n"
            "1 problem (1 error, 0 warnings, 0 notes) in 0 files checked [profile partner-center-2025]\n");
  auto walked = RunBinary({"check", "--format", "json", "offers"}, dir.path());
  EXPECT_NE(walked.out.find("\"filesSkipped\": 1"), std::string::npos) << walked.out;
  EXPECT_NE(walked.out.find("\"skipped\": [\n    \"offers/offer.yaml\"\n  ]"), std::string::npos) << walked.out;
}

// ---------------------------------------------------------------------------
// SARIF at scale

RunResult ManyFindings(size_t n, const std::string& prefix) {
  RunResult result;
  result.rules = RuleCatalog();
  for (size_t i = 0; i < n; ++i) {
    Finding f;
    f.rule = "manifest-syntax";
    f.path = prefix + std::to_string(i / 100) + ".json";
    f.line = static_cast<int>(i % 100) + 1;
    f.column = 1;
    f.message = "expected a value";
    result.findings.push_back(std::move(f));
  }
  return result;
}

TEST(SarifScale, OverTheLimitTheRunCarriesANotificationAndMergedShardsStayOneRun) {
  const std::string note =
      "The SARIF report holds 25001 results; GitHub code scanning keeps at most 25000 per run: fix or baseline "
      "findings, or narrow the run (--rule, --quiet) before uploading.";
  ReportOptions options;
  options.working_directory = "/repo";
  options.version = "0.1.0";
  std::ostringstream big;
  WriteSarifReport(ManyFindings(25001, "a"), options, big);
  EXPECT_NE(big.str().find("\"toolExecutionNotifications\": [\n            {\n              \"level\": \"warning\",\n"
                           "              \"message\": {\n                \"text\": \"" +
                           note + "\""),
            std::string::npos);
  std::ostringstream small;
  WriteSarifReport(ManyFindings(25000, "a"), options, small);
  EXPECT_EQ(small.str().find("toolExecutionNotifications"), std::string::npos);

  // Two shards under the limit merge into one run over it.
  Dir dir;
  for (int k = 1; k <= 2; ++k) {
    options.shard_index = k;
    options.shard_count = 2;
    std::ofstream out(dir / ("shard-" + std::to_string(k) + ".sarif"));
    WriteSarifReport(ManyFindings(k == 1 ? 12500 : 12501, k == 1 ? "a" : "b"), options, out);
  }
  auto merged =
      RunBinary({"merge", "--format", "sarif", "shard-1.sarif", "shard-2.sarif", "-o", "all.sarif"}, dir.path());
  EXPECT_EQ(merged.exit_code, 0) << merged.err;
  EXPECT_EQ(merged.err,
            "leadlint: warning: the SARIF report holds 25001 results; GitHub code scanning keeps at most "
            "25000 per run: fix or baseline findings, or narrow the run (--rule, --quiet) before uploading\n");
  const std::string all = dir.Read("all.sarif");
  size_t runs = 0;
  for (size_t at = all.find("\"tool\": {"); at != std::string::npos; at = all.find("\"tool\": {", at + 1)) ++runs;
  EXPECT_EQ(runs, 1u);
  EXPECT_NE(all.find(note), std::string::npos);
}

}  // namespace
}  // namespace leadlint
