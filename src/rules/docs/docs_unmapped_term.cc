// docs-unmapped-term: a source Listing or Leads term the rule model gives no meaning.
#include <algorithm>
#include <cctype>
#include <set>

#include "rules/doc_rule.h"
#include "rules/rule.h"

namespace leadlint {
namespace {

void CheckDocsUnmappedTerm(const DocCheckInput& in, DocContext& ctx) {
  const DocModel& doc = *in.doc;
  if (in.translation || !doc.lead_sharing) return;
  static const std::set<std::string> kListing = {"app", "consulting-services", "offer", "technology"};
  static const std::set<std::string> kLeads = {"your-crm", "azure-marketplace", "microsoft-field-seller-crm"};
  for (const RuleTable& t : doc.rule_tables) {
    const std::set<std::string>* known = t.kind == "listing" ? &kListing : t.kind == "leads" ? &kLeads : nullptr;
    if (known == nullptr) continue;
    for (const RuleTableRow& row : t.rows) {
      for (const DocTerm& item : row.items) {
        if (item.canonical.empty() || known->count(item.canonical) != 0) continue;
        std::string list;
        for (const std::string& k : *known) list += (list.empty() ? "" : ", ") + k;
        ctx.Report(item.offset, item.text.size(),
                   "the " + t.header.text + " term '" + item.text + "' ('" + item.canonical +
                       "') has no meaning in profile " + std::string(in.profile.name) + "; known terms: " + list);
      }
    }
  }
}

}  // namespace

extern constinit const Rule kDocsUnmappedTerm{
    .id = "docs-unmapped-term",
    .severity = Severity::kError,
    .summary = "a source Listing or Leads term the rule model gives no meaning",
    .stage = "doc",
    .check = &CheckDocsUnmappedTerm,
};

}  // namespace leadlint
