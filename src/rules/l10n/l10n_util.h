// Helpers shared by several l10n-* rules (each rule is in its own file). The
// l10n-* rules compare a translation with the source version it was made from.
// Alignment is structural (table, row and item order, heading order, link
// targets), so the rules work in any language without a dictionary.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/doc_rule.h"

namespace leadlint::l10n_util {

std::string Against(const DocCheckInput& in);

// A link target as a key that is equal for links to the same thing: './' and
// '..' resolved, locale segments (/en-us/, /hu-hu/) dropped, learn.microsoft.com
// and docs.microsoft.com URLs as site-relative paths, the page's own file name
// or published URL plus '#anchor' as '#anchor'. `own_file` is the page's file
// name ("enable-lead-sharing.md").
std::string NormalizeUrl(std::string url, std::string_view own_file = "");

// Blocks of a translation aligned with its source's: sections are paired by
// heading (in order when both have as many headings, else by anchor), and the
// blocks of paired sections in order when their kinds match one for one.
// Sections that cannot be aligned are named in `unaligned` (never guessed).
struct BlockAlignment {
  std::vector<std::pair<const MdBlock*, const MdBlock*>> pairs;  // (translation, source)
  std::vector<std::string> unaligned;                            // section names
  size_t first_unaligned_offset = 0;
};
BlockAlignment AlignBlocks(const MarkdownDoc& mine, const MarkdownDoc& theirs);

// The one note a rule gives for sections it could not align ("" when none).
std::string UnalignedNote(const BlockAlignment& a, std::string_view what);

}  // namespace leadlint::l10n_util
