// Reporting from document rules; positions resolve against the document.
#include "base/secret_text.h"
#include "rules/doc_rule.h"
#include "rules/rule.h"

namespace leadlint {

std::string_view DocContext::text() const { return doc_.file.contents(); }

void DocContext::AttachFix(Fix fix) {
  if (!out_->empty()) out_->back().fix = std::make_shared<const Fix>(std::move(fix));
}

void DocContext::Report(size_t offset, size_t length, std::string message) {
  ReportWithSeverity(rule_.severity, offset, length, std::move(message));
}

void DocContext::ReportWithSeverity(Severity severity, size_t offset, size_t length, std::string message) {
  Finding f;
  f.rule = std::string(rule_.id);
  f.severity = severity;
  f.path = doc_.path;
  f.offset = offset;
  f.length = length;
  LineCol lc = doc_.file.Locate(offset);
  f.line = lc.line;
  f.column = lc.column;
  std::string_view line = doc_.file.Line(lc.line);
  if (line.size() <= 400) {
    std::string excerpt = RedactSecrets(line);
    for (char& c : excerpt) {
      if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7F) c = '?';
    }
    f.excerpt = excerpt;
  }
  f.message = RedactSecrets(message);
  out_->push_back(std::move(f));
}

const std::vector<std::string>& DoNotTranslateTerms() {
  // Longest first, so "Microsoft AppSource" is matched before "AppSource".
  static const std::vector<std::string> terms = {"Microsoft AppSource", "Azure Marketplace", "Partner Center",
                                                 "AppSource", "Co-Sell"};
  return terms;
}

}  // namespace leadlint
