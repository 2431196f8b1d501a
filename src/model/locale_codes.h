// Whether a part of a path names a locale: a known language (ISO 639-1, or
// one of the three-letter languages Microsoft Learn publishes in), an optional
// four-letter script, and a known region (ISO 3166-1 alpha-2, or a UN M.49
// area of three digits, as in es-419). "how-to" and "ci-cd" are folder names,
// not locales.
#pragma once

#include <string_view>

namespace leadlint {

bool IsKnownLanguage(std::string_view lower_code);
bool IsKnownRegion(std::string_view lower_code);
// `lower` is lower case: "de-de", "sr-latn-rs", "es-419".
bool IsKnownLocale(std::string_view lower);

}  // namespace leadlint
