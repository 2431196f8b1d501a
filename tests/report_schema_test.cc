// Report goldens against their schemas: the JSON report of every golden
// fixture folder (fixtures/rules/<rule-id>/, all rules on) must validate against
// schemas/report.schema.json, and its SARIF must be 2.1.0 with every result's
// ruleIndex pointing at its own rule.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "engine/engine.h"
#include "report/report.h"
#include "schema/schema_store.h"
#include "test_util.h"

namespace leadlint {
namespace {

namespace fs = std::filesystem;

// schemas/report.schema.json, as embedded in the binary, compiled once.
const valijson::Schema& ReportSchema() {
  static const valijson::Schema* schema = [] {
    auto* compiled = new valijson::Schema;
    const nlohmann::json doc = nlohmann::json::parse(EmbeddedSchema("report.schema.json"));
    valijson::adapters::NlohmannJsonAdapter adapter(doc);
    valijson::SchemaParser().populateSchema(adapter, *compiled);
    return compiled;
  }();
  return *schema;
}

// Every schema error of `report`, one per line ("" when it validates).
std::string SchemaErrors(const std::string& report) {
  const nlohmann::json doc = nlohmann::json::parse(report);
  valijson::adapters::NlohmannJsonAdapter adapter(doc);
  valijson::ValidationResults results;
  valijson::Validator().validate(ReportSchema(), adapter, &results);
  std::string errors;
  valijson::ValidationResults::Error error;
  while (results.popError(error)) {
    for (const std::string& part : error.context) errors += part;
    errors += ": " + error.description + "\n";
  }
  return errors;
}

// Why `sarif` is not a SARIF 2.1.0 log whose results point at their rules ("" if it is).
std::string SarifProblems(const std::string& sarif) {
  const nlohmann::json doc = nlohmann::json::parse(sarif);
  std::string problems;
  if (doc.value("version", "") != "2.1.0") problems += "version is not 2.1.0\n";
  if (!doc.contains("runs") || doc["runs"].size() != 1) return problems + "not exactly one run\n";
  const nlohmann::json& run = doc["runs"][0];
  const nlohmann::json& rules = run["tool"]["driver"]["rules"];
  for (const nlohmann::json& r : run["results"]) {
    const size_t index = r.value("ruleIndex", rules.size());
    if (index >= rules.size() || rules[index].value("id", "") != r.value("ruleId", "")) {
      problems += "result of " + r.value("ruleId", "?") + " has ruleIndex " + std::to_string(index) + "\n";
    }
  }
  return problems;
}

std::vector<std::string> FixtureFolders() {
  std::vector<std::string> folders;
  for (const auto& e : fs::directory_iterator(fs::path(testing::SourceDir()) / "fixtures" / "rules")) {
    if (e.is_directory()) folders.push_back(e.path().string());
  }
  std::sort(folders.begin(), folders.end());
  return folders;
}

std::string Write(const std::string& format, const RunResult& result, const ReportOptions& options) {
  std::ostringstream out;
  EXPECT_TRUE(WriteReport(format, result, options, out));
  return out.str();
}

TEST(ReportSchema, EveryGoldenFixtureReportValidates) {
  const std::vector<std::string> folders = FixtureFolders();
  ASSERT_GT(folders.size(), 20u);
  size_t findings = 0;
  for (const std::string& folder : folders) {
    RunOptions run;
    run.paths = {folder};
    run.jobs = 1;
    run.docs.use_git_history = false;
    RunResult result = RunCheck(run);
    findings += result.findings.size();
    ReportOptions options;
    options.profile = std::string(run.profile.name);
    options.version = "0.0.0-test";
    options.working_directory = testing::SourceDir();
    EXPECT_EQ(SchemaErrors(Write("json", result, options)), "") << folder;
    EXPECT_EQ(SarifProblems(Write("sarif", result, options)), "") << folder;
    // A shard's report carries the shard key, which the schema allows.
    options.shard_index = 2;
    options.shard_count = 3;
    EXPECT_EQ(SchemaErrors(Write("json", result, options)), "") << folder << " (shard)";
  }
  EXPECT_GT(findings, 0u);
}

// The check is not vacuous: a report that breaks the schema, or a SARIF
// result that points at another rule, is caught.
TEST(ReportSchema, BrokenReportsAreCaught) {
  RunOptions run;
  run.paths = {testing::SourceDir() + "/fixtures/rules/manifest-syntax"};
  run.jobs = 1;
  RunResult result = RunCheck(run);
  ASSERT_FALSE(result.findings.empty());
  ReportOptions options;
  options.profile = std::string(run.profile.name);
  options.version = "0.0.0-test";
  nlohmann::ordered_json report = nlohmann::ordered_json::parse(Write("json", result, options));
  ASSERT_EQ(SchemaErrors(report.dump()), "");

  nlohmann::ordered_json wrong_severity = report;
  wrong_severity["findings"][0]["severity"] = "fatal";
  EXPECT_NE(SchemaErrors(wrong_severity.dump()), "");
  nlohmann::ordered_json extra_key = report;
  extra_key["summary"]["unknown"] = 1;
  EXPECT_NE(SchemaErrors(extra_key.dump()), "");
  nlohmann::ordered_json no_findings = report;
  no_findings.erase("findings");
  EXPECT_NE(SchemaErrors(no_findings.dump()), "");

  nlohmann::ordered_json sarif = nlohmann::ordered_json::parse(Write("sarif", result, options));
  ASSERT_EQ(SarifProblems(sarif.dump()), "");
  sarif["runs"][0]["results"][0]["ruleIndex"] = 0;
  if (sarif["runs"][0]["tool"]["driver"]["rules"][0]["id"] == sarif["runs"][0]["results"][0]["ruleId"]) {
    sarif["runs"][0]["results"][0]["ruleIndex"] = 1;
  }
  EXPECT_NE(SarifProblems(sarif.dump()), "");
  sarif["version"] = "2.0.0";
  EXPECT_NE(SarifProblems(sarif.dump()).find("version"), std::string::npos);
}

}  // namespace
}  // namespace leadlint
