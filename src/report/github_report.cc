// GitHub workflow annotations: one `::error`, `::warning` or `::notice`
// command per finding, which GitHub shows on the pull request's diff.
#include "report/report.h"

namespace leadlint {
namespace {

// GitHub workflow command escaping (actions/toolkit: escapeData / escapeProperty).
std::string GithubData(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else
      out.push_back(c);
  }
  return out;
}

std::string GithubProperty(std::string_view s) {
  std::string out;
  for (char c : GithubData(s)) {
    if (c == ':')
      out += "%3A";
    else if (c == ',')
      out += "%2C";
    else
      out.push_back(c);
  }
  return out;
}

}  // namespace

void WriteGithubReport(const RunResult& result, const ReportOptions&, std::ostream& out) {
  for (const Finding& f : result.findings) {
    const char* command = f.severity == Severity::kError     ? "error"
                          : f.severity == Severity::kWarning ? "warning"
                                                             : "notice";
    out << "::" << command << " file=" << GithubProperty(f.path) << ",line=" << f.line << ",col=" << f.column
        << ",title=" << GithubProperty("leadlint " + f.rule) << "::" << GithubData(f.message + " [" + f.rule + "]")
        << "\n";
  }
}

}  // namespace leadlint
