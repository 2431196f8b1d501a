// Helpers shared by several docs-* rules (each rule is in its own file). The
// docs-* rules look at one document on its own.
#pragma once

#include <string>
#include <string_view>

namespace leadlint::docs_util {

std::string Lower(std::string_view s);

}  // namespace leadlint::docs_util
