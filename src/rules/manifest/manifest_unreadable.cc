// manifest-unreadable: a file or folder could not be read.
// No check function: emitted by the file loader (src/load) and the engine passes.
#include "rules/rule.h"

namespace leadlint {

extern constinit const Rule kManifestUnreadable{
    .id = "manifest-unreadable",
    .severity = Severity::kError,
    .summary = "a file or folder could not be read",
    .stage = "run",
};

}  // namespace leadlint
