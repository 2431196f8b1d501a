// Report writers, one per format. Each takes the finished, sorted run result
// and writes to a stream; none of them reads files or decides severities.
#pragma once

#include <ostream>
#include <span>
#include <string>
#include <vector>

#include "base/run_result.h"

namespace leadlint {

struct ReportOptions {
  bool color = false;
  std::string profile;
  std::string version;
  std::string working_directory;  // absolute; SARIF's SRCROOT and relative URIs
  // --shard K/N (1-based K; 0 when not sharded): recorded in JSON and SARIF so
  // that `leadlint merge` can refuse a missing, repeated or foreign shard.
  int shard_index = 0;
  int shard_count = 0;
};

// The formats `--format` accepts, in the order `--help` lists them.
const std::vector<std::string>& ReportFormats();
// Writes `format` ("text", "json", "sarif", "junit", "github", "markdown", "html").
// Returns false for an unknown format.
bool WriteReport(const std::string& format, const RunResult& result, const ReportOptions& options, std::ostream& out);

void WriteTextReport(const RunResult& result, const ReportOptions& options, std::ostream& out);
void WriteJsonReport(const RunResult& result, const ReportOptions& options, std::ostream& out);
void WriteSarifReport(const RunResult& result, const ReportOptions& options, std::ostream& out);
void WriteJunitReport(const RunResult& result, const ReportOptions& options, std::ostream& out);
void WriteGithubReport(const RunResult& result, const ReportOptions& options, std::ostream& out);
void WriteMarkdownReport(const RunResult& result, const ReportOptions& options, std::ostream& out);
void WriteHtmlReport(const RunResult& result, const ReportOptions& options, std::ostream& out);

// `leadlint rules --format json`: one object per rule (id, severity, summary),
// one per line.
void WriteRuleListJson(std::span<const RuleDescriptor> rules, std::ostream& out);

// GitHub code scanning keeps at most this many results of one SARIF run; above
// it the SARIF writer records a tool-execution notification (and the CLI warns).
inline constexpr size_t kSarifResultLimit = 25000;
// "the SARIF report holds N results; GitHub code scanning keeps at most ...".
std::string SarifLimitMessage(size_t results);
// The same as a sentence (capital, full stop), as SARIF notifications carry it.
std::string SarifLimitSentence(size_t results);

}  // namespace leadlint
