// A compact Markdown summary for a pull-request comment or
// $GITHUB_STEP_SUMMARY: totals, one row per offer, the first findings.
#include "report/report.h"
#include "report/text_helpers.h"

namespace leadlint {
namespace {

std::string MarkdownCell(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n')
      out += ' ';
    else if (c == '<')
      out += "&lt;";
    else if (c == '`')
      out += "'";
    else
      out.push_back(c);
  }
  return out;
}

void WriteOffers(const RunResult& result, const ReportOptions& options, std::ostream& out) {
  out << "| offer | type | storefronts | lead destination | verdict | decided by |\n|---|---|---|---|---|---|\n";
  for (const OfferSummary& o : result.offers) {
    std::string storefronts;
    for (const ListingSummary& l : o.listings) {
      if (!storefronts.empty()) storefronts += ", ";
      storefronts += l.storefront;
    }
    if (o.storefronts_assumed) storefronts += " (assumed)";
    const char* icon = o.verdict == "pass" ? "✅ pass" : o.verdict == "fail" ? "❌ fail" : "❔ undetermined";
    out << "| " << MarkdownCell(o.name.empty() ? o.path : o.name) << " (`" << MarkdownCell(o.path) << ":" << o.line
        << "`) | " << MarkdownCell(o.type) << " | " << MarkdownCell(storefronts) << " | "
        << MarkdownCell(o.destination.empty() ? std::string_view("—") : o.destination.view()) << " | " << icon << " | "
        << (o.decided_by.empty() ? std::string("—") : "`" + MarkdownCell(o.decided_by) + "`") << " (`"
        << options.profile << "`) |\n";
  }
  out << "\n";
}

void WriteFindings(const RunResult& result, std::ostream& out) {
  constexpr size_t kMaxRows = 50;
  out << "| | location | message | rule |\n|---|---|---|---|\n";
  for (size_t i = 0; i < result.findings.size() && i < kMaxRows; ++i) {
    const Finding& f = result.findings[i];
    const char* icon = f.severity == Severity::kError ? "❌" : f.severity == Severity::kWarning ? "⚠️" : "ℹ️";
    out << "| " << icon << " | `" << MarkdownCell(f.path) << ":" << f.line << ":" << f.column << "` | "
        << MarkdownCell(f.message) << " | `" << f.rule << "` |\n";
  }
  if (result.findings.size() > kMaxRows) {
    out << "\n… and " << result.findings.size() - kMaxRows << " more; see the full report.\n";
  }
}

}  // namespace

void WriteMarkdownReport(const RunResult& result, const ReportOptions& options, std::ostream& out) {
  const std::array<size_t, 3> counts = CountBySeverity(result.findings);
  const bool clean = counts[2] == 0;
  out << "### leadlint: "
      << (clean ? "✅ no errors" : "❌ " + std::to_string(counts[2]) + " error" + (counts[2] == 1 ? "" : "s")) << "\n\n";
  out << "| files checked | skipped | errors | warnings | notes | profile |\n|---:|---:|---:|---:|---:|---|\n";
  out << "| " << result.files_checked << " | " << result.files_skipped << " | " << counts[2] << " | " << counts[1]
      << " | " << counts[0] << " | `" << options.profile << "` |\n\n";
  if (!result.offers.empty()) WriteOffers(result, options, out);
  if (!result.findings.empty()) WriteFindings(result, out);
}

}  // namespace leadlint
