// "Did you mean": the closest of a set of known words to a misspelt one, by
// Levenshtein distance. Used for rule ids, configuration keys and profile
// names, command-line words and unresolved product references.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace leadlint {

// Edit distance between `a` and `b`, or `limit` + 1 when it is above `limit`
// (the length difference alone rules most candidates out cheaply).
size_t EditDistance(std::string_view a, std::string_view b, size_t limit);

// The candidate closest to `word`, compared without regard to ASCII case, when
// it is close enough to be a likely typo (at most a third of the word's
// length, and at most `max_distance` edits); "" otherwise. Ties go to the first.
std::string Nearest(std::string_view word, const std::vector<std::string_view>& candidates, size_t max_distance = 5);

// ASCII lower case.
std::string AsciiLower(std::string_view s);

}  // namespace leadlint
