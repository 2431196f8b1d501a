// Reporting through rule contexts: rule id and default severity come from the
// registry, never from the rule's own code, so one table governs both.
#include "rules/rule.h"

namespace leadlint {

void FileContext::Report(std::string_view rule, size_t offset, size_t length, std::string message) {
  Finding f;
  f.rule = std::string(rule);
  const RuleInfo* info = FindRule(rule);
  f.severity = info != nullptr ? info->severity : Severity::kError;
  f.path = file_.path();
  f.offset = offset;
  f.length = length;
  f.message = std::move(message);
  out_->push_back(std::move(f));
}

void FileContext::ReportWithFix(std::string_view rule, size_t offset, size_t length, std::string message, Fix fix) {
  Report(rule, offset, length, std::move(message));
  out_->back().fix = std::make_shared<const Fix>(std::move(fix));
}

void FileContext::ReportAtKey(std::string_view rule, const JsonNode& node, std::string message) {
  if (node.key_length > 0) {
    Report(rule, node.key_offset, node.key_length, std::move(message));
  } else {
    Report(rule, node.offset, node.length, std::move(message));
  }
}

void FileContext::ReportAtValue(std::string_view rule, const JsonNode& node, std::string message) {
  Report(rule, node.offset, node.length, std::move(message));
}

void OfferContext::Report(std::string_view rule, const Offer& offer, const Place& place, std::string message) {
  Finding f;
  f.rule = std::string(rule);
  const RuleInfo* info = FindRule(rule);
  f.severity = info != nullptr ? info->severity : Severity::kError;
  f.path = offer.path;
  f.offset = place.offset;
  f.length = place.length;
  f.line = place.line;
  f.column = place.column;
  f.message = std::move(message);
  out_->push_back(std::move(f));
}

}  // namespace leadlint
