// --fix, --unsafe-fixes and --diff of `leadlint check`: the rules' fixes
// (base/fix.h) applied to the manifests a run checked, one real file at a time
// (a file named twice, through two spellings or a symlink, is fixed once), never
// concurrently, and written atomically; or shown as a unified diff and not
// written at all.
#pragma once

#include <ostream>

#include "engine/engine.h"

namespace leadlint::cli {

struct FixSummary {
  int fixed = 0;  // fixes applied (or, with --diff, that would be)
  int files = 0;  // files changed (or that would be)
  bool write_failed = false;
};

// Fixes the JSON files `result` checked. With `diff_only`, prints the unified
// diff of each file to `out` and writes nothing. What was fixed, and the fixes
// dropped because they would leave a file invalid, are told on `err`.
FixSummary FixCheckedFiles(const RunOptions& options, const RunResult& result, bool unsafe, bool diff_only,
                           std::ostream& out, std::ostream& err);

}  // namespace leadlint::cli
