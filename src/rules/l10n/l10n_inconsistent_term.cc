// l10n-inconsistent-term: one source term rendered two ways in the same file.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "rules/doc_rule.h"
#include "rules/rule.h"

namespace leadlint {
namespace {

void CheckL10nInconsistentTerm(const DocCheckInput& in, DocContext& ctx) {
  if (!in.translation) return;
  struct Seen {
    std::string text;
    size_t offset;
  };
  std::map<std::string, Seen> first;
  auto visit = [&](const DocTerm& term) {
    if (term.canonical.empty() || term.text.empty()) return;
    // One source rendering should map to one translation; where the source
    // itself varies ("Microsoft AppSource" / "AppSource") so may the translation.
    auto [it, inserted] = first.emplace(term.canonical + '\x1f' + term.source_text, Seen{term.text, term.offset});
    if (inserted || it->second.text == term.text) return;
    LineCol lc = in.doc->file.Locate(it->second.offset);
    ctx.Report(term.offset, term.text.size(),
               "'" + term.text + "' renders '" + term.canonical + "' differently from '" + it->second.text +
                   "' at line " + std::to_string(lc.line) + "; use one rendering per term");
  };
  for (const RuleTable& t : in.doc->rule_tables) {
    for (const RuleTableRow& row : t.rows) {
      visit(row.storefront);
      for (const DocTerm& item : row.items) visit(item);
    }
  }
}

}  // namespace

extern constinit const Rule kL10nInconsistentTerm{
    .id = "l10n-inconsistent-term",
    .severity = Severity::kWarning,
    .summary = "one source term rendered two ways in the same file",
    .stage = "doc",
    .check = &CheckL10nInconsistentTerm,
};

}  // namespace leadlint
