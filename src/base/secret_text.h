// Recognising and hiding secrets in text (DESIGN §1b). Masked values and
// deploy-time placeholders are how publishers keep secrets out of a repository;
// RedactSecrets is the last line of defence before anything is printed.
#pragma once

#include <string>
#include <string_view>

namespace leadlint {

// True for ${NAME}, $(NAME) and {{NAME}}: values resolved at deploy time.
bool IsPlaceholderValue(std::string_view value);
// True for a masked value ('****') or a placeholder.
bool IsMaskedOrPlaceholder(std::string_view value);

// Masks the values of secret-looking assignments in free text (`AccountKey=`,
// `sig=`, `code=`, `password`/`applicationKey`/`clientSecret` JSON members).
// Applied to every message and excerpt before output.
std::string RedactSecrets(std::string_view text);

// True if a lead-configuration key names a value that is a secret (DESIGN §1b).
bool IsSecretKey(std::string_view key);

}  // namespace leadlint
