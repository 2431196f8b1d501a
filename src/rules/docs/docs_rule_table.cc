// docs-rule-table: a lead-sharing page whose storefront rule tables cannot be extracted.
#include <algorithm>
#include <cctype>
#include <set>

#include "rules/doc_rule.h"
#include "rules/rule.h"

namespace leadlint {
namespace {

void CheckDocsRuleTable(const DocCheckInput& in, DocContext& ctx) {
  const DocModel& doc = *in.doc;
  if (!doc.lead_sharing) return;
  if (doc.rule_tables.size() != 4) {
    ctx.Report(doc.rule_tables.front().offset, 1,
               "found " + std::to_string(doc.rule_tables.size()) +
                   " storefront rule tables; a lead-sharing page has 4 (Audience, Campaign, Listing, Leads), each of "
                   "exactly 2 columns whose first, Storefront, names AppSource and Azure Marketplace");
  }
  if (in.translation) return;  // translations are aligned with their source instead (l10n-table-shape)
  std::set<std::string> kinds;
  for (const RuleTable& t : doc.rule_tables) {
    if (t.kind.empty()) {
      ctx.Report(t.header.offset, 1,
                 "the rule table's second column '" + t.header.text +
                     "' is not one of Audience, Campaign, Listing or Leads; its terms cannot be mapped");
    } else if (!kinds.insert(t.kind).second) {
      ctx.Report(t.header.offset, 1, "a second '" + t.header.text + "' table; each rule table appears once");
    }
    for (const RuleTableRow& row : t.rows) {
      if (row.storefront.canonical.empty()) {
        ctx.Report(
            row.storefront.offset, 1,
            "the Storefront column must name 'AppSource' or 'Azure Marketplace'; got '" + row.storefront.text + "'");
      }
      for (const DocTerm& item : row.items) {
        if (item.text.empty()) ctx.Report(item.offset, 1, "an empty term in the '" + t.header.text + "' table");
      }
    }
  }
}

}  // namespace

extern constinit const Rule kDocsRuleTable{
    .id = "docs-rule-table",
    .severity = Severity::kError,
    .summary = "a lead-sharing page whose storefront rule tables cannot be extracted",
    .stage = "doc",
    .check = &CheckDocsRuleTable,
};

}  // namespace leadlint
