// `leadlint extract` (docs/usage.md): what leadlint reads from a lead-sharing page.
#pragma once

#include <ostream>
#include <string>

namespace leadlint {

enum class ExtractStatus { kComplete, kIncomplete, kUnreadable };

// Writes the storefront rule tables of `path` (aligned with `source_path`'s when
// given) as JSON to `out`; problems and a missing table go to `err`.
ExtractStatus ExtractRuleTablesJson(const std::string& path, const std::string& source_path, std::ostream& out,
                                    std::ostream& err);

}  // namespace leadlint
