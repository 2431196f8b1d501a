// `leadlint rules --format json`: the rule catalog, one object per line, with
// the strings escaped by nlohmann like every other JSON leadlint writes.
#include <nlohmann/json.hpp>

#include "report/report.h"

namespace leadlint {

void WriteRuleListJson(std::span<const RuleDescriptor> rules, std::ostream& out) {
  auto quoted = [](std::string_view text) {
    return nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  };
  out << "[\n";
  for (size_t i = 0; i < rules.size(); ++i) {
    out << "  {\"id\": " << quoted(rules[i].id) << ", \"severity\": " << quoted(SeverityName(rules[i].severity))
        << ", \"summary\": " << quoted(rules[i].summary) << "}" << (i + 1 < rules.size() ? "," : "") << "\n";
  }
  out << "]\n";
}

}  // namespace leadlint
