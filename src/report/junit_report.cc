// JUnit XML for CI systems: one test case per file and rule family (manifest
// and leads for manifests, docs and l10n for Markdown); errors and warnings
// fail it, notes go to its system-out.
#include <map>
#include <set>

#include "report/report.h"
#include "report/text_helpers.h"

namespace leadlint {
namespace {

std::string Line(const Finding& f) {
  return f.path + ":" + std::to_string(f.line) + ":" + std::to_string(f.column) + ": " +
         std::string(SeverityName(f.severity)) + ": " + f.message + " [" + f.rule + "]";
}

bool IsMarkdown(const std::string& file) {
  return (file.size() > 3 && file.substr(file.size() - 3) == ".md") ||
         (file.size() > 9 && file.substr(file.size() - 9) == ".markdown");
}

// One <testcase> for `family` of `file`; counts it in `failures` when it fails.
std::string TestCase(const std::string& file, const char* family, const std::vector<const Finding*>* findings,
                     size_t* failures) {
  std::string body = "    <testcase classname=\"" + MarkupEscape(file) + "\" name=\"" + family + "\" file=\"" +
                     MarkupEscape(file) + "\" time=\"0\"";
  if (findings == nullptr) return body + "/>\n";
  size_t counted = 0;
  std::string text;
  std::string notes;
  for (const Finding* f : *findings) {
    if (f->severity == Severity::kNote) {
      notes += Line(*f) + "\n";
    } else {
      ++counted;
      text += Line(*f) + "\n";
    }
  }
  body += ">\n";
  if (counted > 0) {
    ++*failures;
    body += "      <failure type=\"" + std::string(family) + "\" message=\"" + std::to_string(counted) + " " + family +
            (counted == 1 ? " finding" : " findings") + "\">" + MarkupEscape(text) + "</failure>\n";
  }
  if (!notes.empty()) body += "      <system-out>" + MarkupEscape(notes) + "</system-out>\n";
  body += "    </testcase>\n";
  return body;
}

}  // namespace

void WriteJunitReport(const RunResult& result, const ReportOptions& options, std::ostream& out) {
  static const char* kFamilies[] = {"manifest", "leads"};
  static const char* kDocFamilies[] = {"docs", "l10n"};
  std::map<std::pair<std::string, std::string>, std::vector<const Finding*>> groups;
  std::set<std::string> files(result.checked.begin(), result.checked.end());
  for (const Finding& f : result.findings) {
    groups[{f.path.str(), std::string(RuleFamily(f.rule))}].push_back(&f);
    files.insert(f.path.str());
  }
  size_t tests = 0;
  size_t failures = 0;
  std::string body;
  for (const std::string& file : files) {
    for (const char* family : IsMarkdown(file) ? kDocFamilies : kFamilies) {
      ++tests;
      auto it = groups.find({file, family});
      body += TestCase(file, family, it == groups.end() ? nullptr : &it->second, &failures);
    }
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites name=\"leadlint\" tests=\"" << tests << "\" failures=\"" << failures
      << "\" errors=\"0\" time=\"0\">\n";
  out << "  <testsuite name=\"leadlint " << MarkupEscape(options.profile) << "\" tests=\"" << tests << "\" failures=\""
      << failures << "\" errors=\"0\" skipped=\"0\" time=\"0\">\n";
  out << body;
  out << "  </testsuite>\n</testsuites>\n";
}

}  // namespace leadlint
