// l10n-stale-translation: the translation was not made from the current source.
//
// ms.openlocfilehash is the CRLF SHA-1 of the source version a translation was
// made from (DESIGN §2a), so a hash that is not the current source's is
// certain proof of staleness, whether or not that older version can be found.
// The message names the version when the history has it; when it does not, it
// says so, and that the source checkout may be older than the translation.
#include <string>

#include "rules/doc_rule.h"
#include "rules/rule.h"

namespace leadlint {
namespace {

// "MM/DD/YYYY" -> YYYYMMDD, or 0.
int DateKey(const DocModel* doc) {
  if (doc == nullptr) return 0;
  const FrontMatterEntry* e = doc->front_matter.Find("ms.date");
  if (e == nullptr) return 0;
  int m = 0, d = 0, y = 0;
  if (std::sscanf(e->value.c_str(), "%d/%d/%d", &m, &d, &y) != 3) return 0;
  return y * 10000 + m * 100 + d;
}

void CheckL10nStaleTranslation(const DocCheckInput& in, DocContext& ctx) {
  if (!in.translation || in.freshness != "stale") return;
  const FrontMatterEntry* e = in.doc->front_matter.Find("ms.openlocfilehash");
  if (e == nullptr) return;
  const std::string current =
      "the current source '" + in.current_source_path + "' has SHA-1 " + in.current_source_hash.substr(0, 12);
  if (!in.translated_from.empty()) {
    ctx.Report(e->value_offset, e->value.size(),
               "translated from an older version of the source ('" + in.translated_from + "'); " + current +
                   ": update the translation");
    return;
  }
  std::string newer;
  int mine = DateKey(in.doc);
  int theirs = DateKey(in.current_source);
  if (mine != 0 && theirs != 0 && mine > theirs) {
    newer =
        "; its ms.date is later than the source's, so the source checkout is probably older than the "
        "translation (update the checkout)";
  } else {
    newer = "; the source checkout may also be older than the translation";
  }
  ctx.Report(e->value_offset, e->value.size(),
             "'ms.openlocfilehash' '" + e->value.substr(0, 12) + "' is not the SHA-1 of the current source: " +
                 current + "; the version it was made from is not in the history (--docs-history, git)" + newer);
}

}  // namespace

extern constinit const Rule kL10nStaleTranslation{
    .id = "l10n-stale-translation",
    .severity = Severity::kWarning,
    .summary = "not made from the current source (ms.openlocfilehash differs)",
    .stage = "doc",
    .check = &CheckL10nStaleTranslation,
};

}  // namespace leadlint
