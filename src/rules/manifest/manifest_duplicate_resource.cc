// manifest-duplicate-resource: a second customer-leads resource for one product, or a second product with the same key.
// No check function: emitted by the engine (engine/engine.cc), within a file and across files.
#include "rules/rule.h"

namespace leadlint {

extern constinit const Rule kManifestDuplicateResource{
    .id = "manifest-duplicate-resource",
    .severity = Severity::kError,
    .summary = "a second customer-leads resource for one product, or a second product with the same key",
    .stage = "run",
};

}  // namespace leadlint
