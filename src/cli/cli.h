// The command line: `leadlint check|rules|explain|version`. Returns the process
// exit code (DESIGN §4): 0 clean, 1 findings at or above --fail-on, 2 usage or
// configuration error, 3 internal error.
#pragma once

#include <iosfwd>

namespace leadlint::cli {

inline constexpr int kExitClean = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitInternal = 3;

int Run(int argc, char** argv);
int Run(int argc, char** argv, std::ostream& out, std::ostream& err);

}  // namespace leadlint::cli
