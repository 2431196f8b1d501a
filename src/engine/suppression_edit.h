// "Suppress this finding here" (the editor's code action): where to write an
// x-leadlint-ignore entry for a rule in a JSON document.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace leadlint {

struct Insertion {
  size_t offset = 0;  // byte offset in the document
  std::string text;   // inserted there
};

// The insertion that suppresses `rule` in the innermost object holding byte
// `at`: a new entry of its "x-leadlint-ignore" list, or a new list. nullopt when
// the text is not valid JSON or holds no object around `at`.
std::optional<Insertion> JsonSuppressionInsertion(std::string_view text, size_t at, const std::string& rule);

}  // namespace leadlint
