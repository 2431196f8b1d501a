// The one sorted list of rules: pointers to the rule objects each rule file
// defines (rules/rules.h). `leadlint rules`, `leadlint explain`, the JSON
// report's rule list and the docs index are all generated from it; a test checks
// that it is sorted, unique, and that every rule has a doc page and fixtures.
#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "rules/rule.h"
#include "rules/rules.h"

namespace leadlint {

namespace {

// Addresses of constinit objects: constant-initialized, so the registry never
// depends on the order of dynamic initialization across files.
constinit const Rule* const kRules[] = {
    // BEGIN RULES (sorted; scripts/new-rule inserts here)
    &kDocsBrokenLink,
    &kDocsFrontMatter,
    &kDocsLimit,
    &kDocsLinkUnverified,
    &kDocsMissingImage,
    &kDocsRuleTable,
    &kDocsUnmappedTerm,
    &kDocsUnusedSuppression,
    &kL10nAnchorParity,
    &kL10nDoNotTranslate,
    &kL10nInconsistentTerm,
    &kL10nLinkParity,
    &kL10nMarkupParity,
    &kL10nSourceUnknown,
    &kL10nStaleTranslation,
    &kL10nTableShape,
    &kL10nVerbatimParity,
    &kLeadsCrmRecommended,
    &kLeadsDestinationNotAllowed,
    &kLeadsDynamicsInstanceUrl,
    &kLeadsIgnoredField,
    &kLeadsInvalidField,
    &kLeadsMissingDestination,
    &kLeadsOfferNotOnStorefront,
    &kLeadsOffice365Renewal,
    &kLeadsPlaintextSecret,
    &kLeadsRetiredDestination,
    &kLeadsUndetermined,
    &kManifestDuplicateKey,
    &kManifestDuplicateResource,
    &kManifestEncoding,
    &kManifestLimit,
    &kManifestReferenceKey,
    &kManifestSchema,
    &kManifestSchemaHost,
    &kManifestSchemaVersion,
    &kManifestSyntax,
    &kManifestUnknownFormat,
    &kManifestUnreadable,
    &kManifestUnresolvedProduct,
    &kManifestUnusedSuppression,
    // END RULES
};

}  // namespace

std::span<const Rule* const> RulePointers() { return kRules; }

std::string SuggestRule(std::string_view id) {
  std::string best;
  size_t best_distance = 6;
  for (const Rule& r : AllRules()) {
    // Levenshtein distance, two rows.
    std::vector<size_t> prev(r.id.size() + 1), cur(r.id.size() + 1);
    for (size_t j = 0; j <= r.id.size(); ++j) prev[j] = j;
    for (size_t i = 1; i <= id.size(); ++i) {
      cur[0] = i;
      for (size_t j = 1; j <= r.id.size(); ++j) {
        cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (id[i - 1] == r.id[j - 1] ? 0 : 1)});
      }
      std::swap(prev, cur);
    }
    if (prev[r.id.size()] < best_distance) {
      best_distance = prev[r.id.size()];
      best = std::string(r.id);
    }
  }
  return best;
}

const Rule* FindRule(std::string_view id) {
  std::span<const Rule* const> rules = RulePointers();
  auto it =
      std::lower_bound(rules.begin(), rules.end(), id, [](const Rule* r, std::string_view key) { return r->id < key; });
  if (it != rules.end() && (*it)->id == id) return *it;
  return nullptr;
}

const Rule& RuleById(std::string_view id) {
  const Rule* rule = FindRule(id);
  if (rule == nullptr) throw std::logic_error("leadlint: internal error: no rule has the id '" + std::string(id) + "'");
  return *rule;
}

}  // namespace leadlint
