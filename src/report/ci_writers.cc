// Writers for CI systems and pull requests: JUnit XML (one test case per file
// and rule family), GitHub workflow annotations, and a compact Markdown summary
// for a pull-request comment or $GITHUB_STEP_SUMMARY. Also the format table.
#include <map>
#include <set>

#include "report/report.h"

namespace leadlint {
namespace {

std::string Family(const std::string& rule) { return rule.substr(0, rule.find('-')); }

}  // namespace

std::string MarkupEscape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        // XML 1.0 forbids most control characters even as references.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r') {
          out += "\xEF\xBF\xBD";
        } else {
          out.push_back(c);
        }
    }
  }
  return out;
}

namespace {

std::string XmlEscape(std::string_view s) { return MarkupEscape(s); }

std::string Line(const Finding& f) {
  return f.path + ":" + std::to_string(f.line) + ":" + std::to_string(f.column) + ": " +
         std::string(SeverityName(f.severity)) + ": " + f.message + " [" + f.rule + "]";
}

// GitHub workflow command escaping (actions/toolkit: escapeData / escapeProperty).
std::string GithubData(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out.push_back(c);
  }
  return out;
}

std::string GithubProperty(std::string_view s) {
  std::string out;
  for (char c : GithubData(s)) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out.push_back(c);
  }
  return out;
}

std::string MarkdownCell(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += ' ';
    else if (c == '<') out += "&lt;";
    else if (c == '`') out += "'";
    else out.push_back(c);
  }
  return out;
}

}  // namespace

void WriteJunitReport(const RunResult& result, const ReportOptions& options, std::ostream& out) {
  static const char* kFamilies[] = {"manifest", "leads"};
  std::map<std::pair<std::string, std::string>, std::vector<const Finding*>> groups;
  std::set<std::string> files(result.checked.begin(), result.checked.end());
  for (const Finding& f : result.findings) {
    groups[{f.path.str(), Family(f.rule.str())}].push_back(&f);
    files.insert(f.path.str());
  }
  size_t tests = 0;
  size_t failures = 0;
  std::string body;
  static const char* kDocFamilies[] = {"docs", "l10n"};
  for (const std::string& file : files) {
    const bool markdown = (file.size() > 3 && file.substr(file.size() - 3) == ".md") ||
                          (file.size() > 9 && file.substr(file.size() - 9) == ".markdown");
    const auto& families = markdown ? kDocFamilies : kFamilies;
    for (const char* family : families) {
      ++tests;
      auto it = groups.find({file, family});
      body += "    <testcase classname=\"" + XmlEscape(file) + "\" name=\"" + family + "\" file=\"" + XmlEscape(file) +
              "\" time=\"0\"";
      if (it == groups.end()) {
        body += "/>\n";
        continue;
      }
      size_t counted = 0;
      std::string text;
      std::string notes;
      for (const Finding* f : it->second) {
        if (f->severity == Severity::kNote) {
          notes += Line(*f) + "\n";
        } else {
          ++counted;
          text += Line(*f) + "\n";
        }
      }
      body += ">\n";
      if (counted > 0) {
        ++failures;
        body += "      <failure type=\"" + std::string(family) + "\" message=\"" + std::to_string(counted) + " " +
                family + (counted == 1 ? " finding" : " findings") + "\">" + XmlEscape(text) + "</failure>\n";
      }
      if (!notes.empty()) body += "      <system-out>" + XmlEscape(notes) + "</system-out>\n";
      body += "    </testcase>\n";
    }
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites name=\"leadlint\" tests=\"" << tests << "\" failures=\"" << failures << "\" errors=\"0\" time=\"0\">\n";
  out << "  <testsuite name=\"leadlint " << XmlEscape(options.profile) << "\" tests=\"" << tests << "\" failures=\""
      << failures << "\" errors=\"0\" skipped=\"0\" time=\"0\">\n";
  out << body;
  out << "  </testsuite>\n</testsuites>\n";
}

void WriteGithubReport(const RunResult& result, const ReportOptions&, std::ostream& out) {
  for (const Finding& f : result.findings) {
    const char* command = f.severity == Severity::kError ? "error" : f.severity == Severity::kWarning ? "warning" : "notice";
    out << "::" << command << " file=" << GithubProperty(f.path) << ",line=" << f.line << ",col=" << f.column
        << ",title=" << GithubProperty("leadlint " + f.rule) << "::" << GithubData(f.message + " [" + f.rule + "]")
        << "\n";
  }
}

void WriteMarkdownReport(const RunResult& result, const ReportOptions& options, std::ostream& out) {
  size_t counts[3] = {0, 0, 0};
  for (const Finding& f : result.findings) ++counts[static_cast<int>(f.severity)];
  const bool clean = counts[2] == 0;
  out << "### leadlint: " << (clean ? "✅ no errors" : "❌ " + std::to_string(counts[2]) + " error" + (counts[2] == 1 ? "" : "s"))
      << "\n\n";
  out << "| files checked | skipped | errors | warnings | notes | profile |\n|---:|---:|---:|---:|---:|---|\n";
  out << "| " << result.files_checked << " | " << result.files_skipped << " | " << counts[2] << " | " << counts[1]
      << " | " << counts[0] << " | `" << options.profile << "` |\n\n";
  if (!result.offers.empty()) {
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
          << (o.decided_by.empty() ? std::string("—") : "`" + MarkdownCell(o.decided_by) + "`") << " (`" << options.profile
          << "`) |\n";
    }
    out << "\n";
  }
  if (!result.findings.empty()) {
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
}

const std::vector<std::string>& ReportFormats() {
  static const std::vector<std::string> formats = {"text", "json", "sarif", "junit", "github", "markdown", "html"};
  return formats;
}

bool WriteReport(const std::string& format, const RunResult& result, const ReportOptions& options, std::ostream& out) {
  if (format == "text") WriteTextReport(result, options, out);
  else if (format == "json") WriteJsonReport(result, options, out);
  else if (format == "sarif") WriteSarifReport(result, options, out);
  else if (format == "junit") WriteJunitReport(result, options, out);
  else if (format == "github") WriteGithubReport(result, options, out);
  else if (format == "markdown") WriteMarkdownReport(result, options, out);
  else if (format == "html") WriteHtmlReport(result, options, out);
  else return false;
  return true;
}

}  // namespace leadlint
