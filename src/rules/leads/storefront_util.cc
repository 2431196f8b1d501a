// Helpers shared by the storefront and profile rules.
#include "rules/leads/storefront_util.h"

#include <string>

namespace leadlint::storefront_util {

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += "; ";
    out += items[i];
  }
  return out;
}

}  // namespace leadlint::storefront_util
