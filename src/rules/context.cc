// Reporting through rule contexts: rule id and default severity come from the
// rule object the context is bound to, never from the check's own code.
#include "rules/rule.h"

namespace leadlint {

void FileContext::Report(size_t offset, size_t length, std::string message) {
  Finding f;
  f.rule = std::string(rule_.id);
  f.severity = rule_.severity;
  f.path = file_.path();
  f.offset = offset;
  f.length = length;
  f.message = std::move(message);
  out_->push_back(std::move(f));
}

void FileContext::ReportWithFix(size_t offset, size_t length, std::string message, Fix fix) {
  Report(offset, length, std::move(message));
  out_->back().fix = std::make_shared<const Fix>(std::move(fix));
}

void FileContext::ReportAtKey(const JsonNode& node, std::string message) {
  if (node.key_length > 0) {
    Report(node.key_offset, node.key_length, std::move(message));
  } else {
    Report(node.offset, node.length, std::move(message));
  }
}

void FileContext::ReportAtValue(const JsonNode& node, std::string message) {
  Report(node.offset, node.length, std::move(message));
}

Finding FindingAt(const Rule& rule, const PooledString& path, const Place& place, std::string message) {
  Finding f;
  f.rule = rule.id;
  f.severity = rule.severity;
  f.path = path;
  f.offset = place.offset;
  f.length = place.length;
  f.line = place.line;
  f.column = place.column;
  f.message = std::move(message);
  return f;
}

void OfferContext::Report(const Offer& offer, const Place& place, std::string message) {
  out_->push_back(FindingAt(rule_, offer.path, place, std::move(message)));
}

}  // namespace leadlint
