// Helpers shared by several l10n-* rules (each rule is in its own file). The
// l10n-* rules compare a translation with the source version it was made from.
// Alignment is structural (table, row and item order, heading order, link
// targets), so the rules work in any language without a dictionary.
#pragma once

#include <string>
#include <string_view>

#include "rules/doc_rule.h"

namespace leadlint::l10n_util {

std::string Against(const DocCheckInput& in);

// A link target as a key that is equal for links to the same thing: './' and
// '..' resolved, locale segments (/en-us/, /hu-hu/) dropped, learn.microsoft.com
// and docs.microsoft.com URLs as site-relative paths, the page's own file name
// or published URL plus '#anchor' as '#anchor'. `own_file` is the page's file
// name ("enable-lead-sharing.md").
std::string NormalizeUrl(std::string url, std::string_view own_file = "");

}  // namespace leadlint::l10n_util
