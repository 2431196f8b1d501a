// The rule catalog reports and the CLI read: every registered rule with its
// default severity, summary and documentation page (RuleDescriptor, base/).
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "base/run_result.h"

namespace leadlint {

// Sorted by id; built once from the rule registry and the embedded rule pages.
std::span<const RuleDescriptor> RuleCatalog();
// The rule with this id, or nullptr.
const RuleDescriptor* FindRuleDescriptor(std::string_view id);
// The closest rule id to a misspelt one ("" if none is close).
std::string SuggestRuleId(std::string_view id);

}  // namespace leadlint
