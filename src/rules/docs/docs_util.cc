// Helpers shared by several docs-* rules.
#include "rules/docs/docs_util.h"

#include <cctype>

namespace leadlint::docs_util {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace leadlint::docs_util
