// A fix is a list of byte-range edits on the original text of one file, as
// ESLint and ruff apply them: nothing is re-serialized, so every byte outside
// the edited spans (line endings, BOM, indentation, escapes as written, the
// final newline) stays as it was. A rule attaches a fix to a finding when it
// knows the exact repair; `safe` fixes run with --fix, unsafe ones only with
// --unsafe-fixes as well.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace leadlint {

struct Edit {
  size_t offset = 0;        // first byte replaced
  size_t length = 0;        // bytes replaced (0: an insertion)
  std::string replacement;  // never holds a secret value
};

struct Fix {
  std::string description;  // what the fix does, in the imperative ("split 'contactEmail' into a list")
  bool safe = true;
  std::vector<Edit> edits;  // non-overlapping, in any order
};

}  // namespace leadlint
