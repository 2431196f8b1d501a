// l10n-stale-translation: translated from an older version of the source.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "rules/checks.h"
#include "rules/doc_rule.h"

namespace leadlint {

void CheckL10nStaleTranslation(const DocCheckInput& in, DocContext& ctx) {
  if (!in.translation || in.freshness != "outdated") return;
  const FrontMatterEntry* e = in.doc->front_matter.Find("ms.openlocfilehash");
  size_t at = e != nullptr ? e->value_offset : 0;
  ctx.Report("l10n-stale-translation", at, e != nullptr ? e->value.size() : 1,
             "translated from an older version of the source ('" + in.translated_from + "'); the current source '" +
                 in.current_source_path + "' has SHA-1 " + in.current_source_hash.substr(0, 12) +
                 ": update the translation");
}

}  // namespace leadlint
