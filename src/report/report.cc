// The format table: what `--format` accepts, and the writer of each.
#include "report/report.h"

namespace leadlint {

const std::vector<std::string>& ReportFormats() {
  static const std::vector<std::string> formats = {"text", "json", "sarif", "junit", "github", "markdown", "html"};
  return formats;
}

bool WriteReport(const std::string& format, const RunResult& result, const ReportOptions& options, std::ostream& out) {
  if (format == "text")
    WriteTextReport(result, options, out);
  else if (format == "json")
    WriteJsonReport(result, options, out);
  else if (format == "sarif")
    WriteSarifReport(result, options, out);
  else if (format == "junit")
    WriteJunitReport(result, options, out);
  else if (format == "github")
    WriteGithubReport(result, options, out);
  else if (format == "markdown")
    WriteMarkdownReport(result, options, out);
  else if (format == "html")
    WriteHtmlReport(result, options, out);
  else
    return false;
  return true;
}

}  // namespace leadlint
