// l10n-source-unknown: the translation's ms.openlocfilehash matches no available version of the
// source.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "rules/checks.h"
#include "rules/doc_rule.h"

namespace leadlint {

void CheckL10nSourceUnknown(const DocCheckInput& in, DocContext& ctx) {
  if (!in.translation || in.freshness != "unknown") return;
  const FrontMatterEntry* e = in.doc->front_matter.Find("ms.openlocfilehash");
  if (e == nullptr || e->value.empty()) return;  // docs-front-matter reports the missing key
  ctx.Report("l10n-source-unknown", e->value_offset, e->value.size(),
             "'ms.openlocfilehash' " + e->value.substr(0, 12) + " matches no available version of the source ('" +
                 in.current_source_path + "', SHA-1 " + in.current_source_hash.substr(0, 12) +
                 "); it is stale or from a version not in --docs-history");
}

}  // namespace leadlint
