// Autofix (`--fix`, `--unsafe-fixes`, `--diff`): applies the byte-range edits
// that rules attach to findings (base/fix.h) to a file's original text, in
// passes until nothing changes (at most 10, as ESLint caps its loop). After each
// pass the text is checked again; a fix that would leave the file unparseable or
// no longer a manifest is dropped and reported. Nothing is re-serialized.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/engine.h"

namespace leadlint {

struct AppliedFix {
  std::string rule;
  std::string description;
  bool safe = true;
};

struct FixResult {
  std::string text;                 // the fixed text (the input when nothing applied)
  std::vector<AppliedFix> applied;  // in the order they were applied
  std::vector<AppliedFix> dropped;  // fixes that would have left the file invalid
  int passes = 0;
};

// Applies `edits` to `text`; false (and `out` untouched) when two overlap.
bool ApplyEdits(std::string_view text, std::vector<Edit> edits, std::string* out);

// Fixes one file's text: safe fixes, and unsafe ones too when `unsafe`.
FixResult FixText(const std::string& path, const std::string& text, const RunOptions& options, bool unsafe);

// A unified diff (3 lines of context) from `before` to `after`, with `a/` and
// `b/` path prefixes as git writes them; "" when they are equal. Secret values
// on the printed lines are masked.
std::string UnifiedDiff(const std::string& path, std::string_view before, std::string_view after);

}  // namespace leadlint
