// The rule each parser error and load problem is reported under. The stages
// below the rules (load, parse) report typed problems and know no rule ids;
// this is the one place that names the rules for them.
#pragma once

#include <string_view>

#include "base/finding.h"
#include "load/discover.h"
#include "parse/parse_error.h"

namespace leadlint {

std::string_view RuleFor(ParseErrorKind kind);
std::string_view RuleFor(LoadProblemKind kind);

// A parse error as an error finding of its rule (path, line and column unset).
Finding FindingFor(const ParseError& error);
// A load problem as an error finding of its rule, placed at 1:1 of its path.
Finding FindingFor(const LoadProblem& problem);

}  // namespace leadlint
