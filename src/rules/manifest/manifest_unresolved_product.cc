// manifest-unresolved-product: lead settings refer to a product that is in none of the checked files.
// No check function: emitted by the engine (engine/engine.cc) after cross-file resolution.
#include "rules/rule.h"

namespace leadlint {

extern constinit const Rule kManifestUnresolvedProduct{
    .id = "manifest-unresolved-product",
    .severity = Severity::kWarning,
    .summary = "lead settings refer to a product that is in none of the checked files",
    .stage = "run",
};

}  // namespace leadlint
