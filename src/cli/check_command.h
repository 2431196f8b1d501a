// `leadlint check` (docs/usage.md): leadlint.json applied under the command
// line, one run (with --fix or --diff), the baseline, the reports of every
// --format and the exit code.
#pragma once

#include <ostream>

#include "cli/options.h"

namespace leadlint::cli {

// Runs `check` with the parsed `args`; `argc` and `argv` are the whole command
// line, for the checks CLI11 cannot make. Returns the exit code (cli/cli.h).
int CmdCheck(const CheckArgs& args, int argc, char** argv, std::ostream& out, std::ostream& err);

}  // namespace leadlint::cli
