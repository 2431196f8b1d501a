// Helpers shared by several l10n-* rules.
#include "rules/l10n/l10n_util.h"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace leadlint::l10n_util {

std::string Against(const DocCheckInput& in) {
  if (in.compared_is_current) {
    return in.freshness == "stale"
               ? " (compared with the current source: the version it was translated from is not available)"
               : "";
  }
  return " (compared with '" + in.translated_from + "', the version it was translated from)";
}

std::string NormalizeUrl(std::string url) {
  for (size_t i = 0; i + 6 <= url.size(); ++i) {
    if (url[i] != '/') continue;
    std::string_view seg(url.data() + i + 1, std::min<size_t>(6, url.size() - i - 1));
    bool end = seg.size() == 5 || (seg.size() == 6 && (seg[5] == '/' || seg[5] == '?' || seg[5] == '#'));
    if (seg.size() >= 5 && end && std::isalpha(static_cast<unsigned char>(seg[0])) &&
        std::isalpha(static_cast<unsigned char>(seg[1])) && seg[2] == '-' &&
        std::isalpha(static_cast<unsigned char>(seg[3])) && std::isalpha(static_cast<unsigned char>(seg[4]))) {
      url.replace(i + 1, 5, "{locale}");
    }
  }
  return url;
}

}  // namespace leadlint::l10n_util
