// docs-unused-suppression: a leadlint-disable comment in Markdown that suppresses nothing or names an unknown rule.
// No check function: emitted by the docs pass (engine/docs.cc), after the document rules ran.
#include "rules/rule.h"

namespace leadlint {

extern constinit const Rule kDocsUnusedSuppression{
    .id = "docs-unused-suppression",
    .severity = Severity::kNote,
    .summary = "a leadlint-disable comment in Markdown that suppresses nothing or names an unknown rule",
    .stage = "run",
};

}  // namespace leadlint
