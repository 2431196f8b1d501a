// Text helpers the report writers share: markup escaping (JUnit's XML and the
// HTML report), a rule's family, and finding counts by severity.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "base/finding.h"

namespace leadlint {

// Escapes text for XML and HTML (both markup writers share it); control
// characters XML forbids become U+FFFD.
std::string MarkupEscape(std::string_view text);

// The family of a rule id: the part before the first '-' ("manifest", "leads",
// "docs", "l10n").
std::string_view RuleFamily(std::string_view rule);

// Findings per severity, indexed by Severity (note, warning, error).
std::array<size_t, 3> CountBySeverity(const std::vector<Finding>& findings);

}  // namespace leadlint
