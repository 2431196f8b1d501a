// The do-not-translate glossary (DESIGN §2, docs/glossary.md): per locale, the
// renderings of product names that are Microsoft's own localized names
// (allowed) and those that machine translation is known to produce (wrong),
// each with its evidence; leadlint.json's `glossary` extends or overrides it.
// Matching is by code point, case-insensitive for cased scripts, and takes
// inflected forms ("Azure piactéren" for "Azure piactér").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/doc.h"

namespace leadlint::l10n_util {

struct LocaleGlossaryEntry {
  const char* locale;  // "ru" (every ru-* locale) or "zh-cn" (that locale only)
  GlossaryRendering rendering;
};

// The built-in entries, for docs/glossary.md and tests.
const std::vector<LocaleGlossaryEntry>& BuiltInGlossary();

// Built-in entries for `locale` (lower case) with `user` entries added: a user
// rendering equal to a built-in one of the other kind replaces it.
std::vector<GlossaryRendering> EffectiveGlossary(std::string_view locale, const std::vector<GlossaryRendering>& user);

struct RenderingMatch {
  size_t begin = 0;  // byte offsets in the searched text
  size_t end = 0;
};

// Every match of a rendering pattern in `text`.
std::vector<RenderingMatch> FindRendering(std::string_view text, std::string_view pattern);

// Whether `text` keeps `term`: the name itself, or an allowed rendering of it.
bool KeepsTerm(std::string_view text, std::string_view term, const std::vector<GlossaryRendering>& glossary);

}  // namespace leadlint::l10n_util
