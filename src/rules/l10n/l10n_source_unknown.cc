// l10n-source-unknown: a translation with no source to pair it with.
//
// Until issue 12 this rule reported a hash that matched no available source
// version; such a translation is certainly stale and is now reported by
// l10n-stale-translation. The id is kept (ids are never reused) for the case
// its name fits best: the source itself is unknown, so nothing about the
// translation's freshness or parity can be checked.
#include <string>

#include "rules/doc_rule.h"
#include "rules/rule.h"

namespace leadlint {
namespace {

void CheckL10nSourceUnknown(const DocCheckInput& in, DocContext& ctx) {
  if (!in.translation || !in.without_source) return;
  const FrontMatterEntry* e = in.doc->front_matter.Find("ms.openlocfilehash");
  size_t at = e != nullptr ? e->value_offset : 0;
  std::string where = in.expected_source.empty() ? std::string("no source tree was found")
                                                 : "'" + in.expected_source + "' does not exist";
  ctx.Report(at, e != nullptr ? e->value.size() : 1,
             "no English source to compare this translation with (" + where +
                 "); pair it with --docs-source SOURCE --docs-translations TREE, or 'docs' in leadlint.json");
}

}  // namespace

extern constinit const Rule kL10nSourceUnknown{
    .id = "l10n-source-unknown",
    .severity = Severity::kWarning,
    .summary =
        "a translation with no source to pair it with (until issue 12: a hash of no available version, now stale)",
    .stage = "doc",
    .check = &CheckL10nSourceUnknown,
};

}  // namespace leadlint
