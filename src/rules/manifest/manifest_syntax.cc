// manifest-syntax: the file is not valid JSON.
// No check function: emitted by the JSON reader (src/parse).
#include "rules/rule.h"

namespace leadlint {

extern constinit const Rule kManifestSyntax{
    .id = "manifest-syntax",
    .severity = Severity::kError,
    .summary = "the file is not valid JSON",
    .stage = "parse",
};

}  // namespace leadlint
