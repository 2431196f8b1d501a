// Helpers shared by several l10n-* rules (each rule is in its own file). The
// l10n-* rules compare a translation with the source version it was made from.
// Alignment is structural (table, row and item order, heading order, link
// targets), so the rules work in any language without a dictionary.
#pragma once

#include <string>

#include "rules/doc_rule.h"

namespace leadlint::l10n_util {

std::string Against(const DocCheckInput& in);

// Replace a locale path segment (/en-us/, /hu-hu/) so localized URLs compare equal.
std::string NormalizeUrl(std::string url);

}  // namespace leadlint::l10n_util
