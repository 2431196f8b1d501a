// How a leadlint.json (engine/config.h) shapes a run: the part of the
// configuration that is not about the command line (profile, rule severities,
// ignores, limits, the doc set and its glossary). The CLI applies command-line
// options on top; the editor server uses it as is.
#pragma once

#include "engine/config.h"
#include "engine/engine.h"

namespace leadlint {

// Applies `config` to `options`. Returns false (with `error`) for an unknown
// profile.
bool ApplyConfigToRun(const Config& config, RunOptions* options, std::string* error);

}  // namespace leadlint
