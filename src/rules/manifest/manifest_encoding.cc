// manifest-encoding: the file is not valid UTF-8 text.
// No check function: emitted by the engine (engine/engine.cc) while reading a manifest.
#include "rules/rule.h"

namespace leadlint {

extern constinit const Rule kManifestEncoding{
    .id = "manifest-encoding",
    .severity = Severity::kError,
    .summary = "the file is not valid UTF-8 text",
    .stage = "parse",
};

}  // namespace leadlint
