// manifest-duplicate-key: a key appears twice in one JSON object.
// No check function: emitted by the JSON reader (src/parse).
#include "rules/rule.h"

namespace leadlint {

extern constinit const Rule kManifestDuplicateKey{
    .id = "manifest-duplicate-key",
    .severity = Severity::kError,
    .summary = "a key appears twice in one JSON object",
    .stage = "parse",
};

}  // namespace leadlint
