// docs-limit: a Markdown line or table is beyond the size leadlint parses safely.
// No check function: emitted by the Markdown reader (src/parse) and the docs pass (engine/docs.cc).
#include "rules/rule.h"

namespace leadlint {

extern constinit const Rule kDocsLimit{
    .id = "docs-limit",
    .severity = Severity::kError,
    .summary = "a Markdown line or table is beyond the size leadlint parses safely",
    .stage = "parse",
};

}  // namespace leadlint
