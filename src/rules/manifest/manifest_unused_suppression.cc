// manifest-unused-suppression: an x-leadlint-ignore entry that suppresses nothing or names an unknown rule.
// No check function: emitted by the engine (engine/engine.cc) after suppressions are applied.
#include "rules/rule.h"

namespace leadlint {

extern constinit const Rule kManifestUnusedSuppression{
    .id = "manifest-unused-suppression",
    .severity = Severity::kNote,
    .summary = "an x-leadlint-ignore entry that suppresses nothing or names an unknown rule",
    .stage = "run",
};

}  // namespace leadlint
