// manifest-limit: a size, depth or length limit was exceeded.
// No check function: emitted by the JSON reader (src/parse) and the engine (engine/engine.cc).
#include "rules/rule.h"

namespace leadlint {

extern constinit const Rule kManifestLimit{
    .id = "manifest-limit",
    .severity = Severity::kError,
    .summary = "a size, depth or length limit was exceeded",
    .stage = "parse",
};

}  // namespace leadlint
