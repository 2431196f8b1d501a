// manifest-unknown-format: a file named on the command line is not an offer manifest in any supported format.
// No check function: emitted by the engine (engine/engine.cc) for a file named on the command line.
#include "rules/rule.h"

namespace leadlint {

extern constinit const Rule kManifestUnknownFormat{
    .id = "manifest-unknown-format",
    .severity = Severity::kError,
    .summary = "a file named on the command line is not an offer manifest in any supported format",
    .stage = "run",
};

}  // namespace leadlint
