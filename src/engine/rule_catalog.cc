// The catalog of base/run_result.h, from rules/registry.cc and docs/rules/*.md.
#include "engine/rule_catalog.h"

#include <algorithm>
#include <vector>

#include "rules/rule.h"
#include "schema/embedded_schemas.h"

namespace leadlint {

std::span<const RuleDescriptor> RuleCatalog() {
  static const std::vector<RuleDescriptor> catalog = [] {
    std::vector<RuleDescriptor> out;
    for (const Rule& rule : AllRules()) {
      RuleDescriptor d{rule.id, rule.severity, rule.summary, {}};
      const std::string page = std::string(rule.id) + ".md";
      for (const EmbeddedFile& f : EmbeddedRuleDocs()) {
        if (f.name == page) d.help_markdown = f.text;
      }
      out.push_back(d);
    }
    return out;
  }();
  return catalog;
}

const RuleDescriptor* FindRuleDescriptor(std::string_view id) {
  const auto catalog = RuleCatalog();
  auto it = std::lower_bound(catalog.begin(), catalog.end(), id,
                             [](const RuleDescriptor& r, std::string_view key) { return r.id < key; });
  return it != catalog.end() && it->id == id ? &*it : nullptr;
}

std::string SuggestRuleId(std::string_view id) { return SuggestRule(id); }

}  // namespace leadlint
