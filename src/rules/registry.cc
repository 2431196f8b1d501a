// The one sorted table of rules. `leadlint rules`, `leadlint explain`, the JSON
// report's rule list and the docs index are all generated from it; a test checks
// that it is sorted and that every rule has a doc page and fixtures.
#include <algorithm>
#include <string>
#include <vector>

#include "rules/checks.h"
#include "rules/rule.h"

namespace leadlint {

const std::vector<RuleInfo>& AllRules() {
  static const std::vector<RuleInfo> rules = {
      {"docs-broken-link", Severity::kError, "a relative link to a file or anchor that does not exist", "doc", nullptr,
       nullptr, CheckDocsBrokenLink},
      {"docs-front-matter", Severity::kError, "front matter keys missing or invalid (title, ms.date, locale, hashes)",
       "doc", nullptr, nullptr, CheckDocsFrontMatter},
      {"docs-limit", Severity::kError, "a Markdown line or table is beyond the size leadlint parses safely", "parse",
       nullptr, nullptr, nullptr},
      {"docs-link-unverified", Severity::kNote,
       "a link or image outside the checked tree, or site-relative: it could not be verified", "doc", nullptr,
       nullptr, CheckDocsLinkUnverified},
      {"docs-missing-image", Severity::kError, "an image whose file does not exist in the checked tree", "doc",
       nullptr, nullptr, CheckDocsMissingImage},
      {"docs-rule-table", Severity::kError, "a lead-sharing page whose storefront rule tables cannot be extracted",
       "doc", nullptr, nullptr, CheckDocsRuleTable},
      {"docs-unmapped-term", Severity::kError, "a source Listing or Leads term the rule model gives no meaning",
       "doc", nullptr, nullptr, CheckDocsUnmappedTerm},
      {"docs-unused-suppression", Severity::kNote,
       "a leadlint-disable comment in Markdown that suppresses nothing or names an unknown rule", "doc", nullptr,
       nullptr, nullptr},
      {"l10n-anchor-parity", Severity::kError, "heading anchors differ from the source", "doc", nullptr, nullptr,
       CheckL10nAnchorParity},
      {"l10n-do-not-translate", Severity::kError,
       "a product name (AppSource, Azure Marketplace, Partner Center, Co-Sell) translated or altered", "doc", nullptr,
       nullptr, CheckL10nDoNotTranslate},
      {"l10n-inconsistent-term", Severity::kWarning, "one source term rendered two ways in the same file", "doc",
       nullptr, nullptr, CheckL10nInconsistentTerm},
      {"l10n-link-parity", Severity::kWarning, "link targets differ from the source", "doc", nullptr, nullptr,
       CheckL10nLinkParity},
      {"l10n-markup-parity", Severity::kWarning,
       "bold, italic, code, link or image counts of an aligned block differ from the source, or a marker is left as text",
       "doc", nullptr, nullptr, CheckL10nMarkupParity},
      {"l10n-source-unknown", Severity::kWarning,
       "a translation with no source to pair it with (until issue 12: a hash of no available version, now stale)",
       "doc", nullptr, nullptr, CheckL10nSourceUnknown},
      {"l10n-stale-translation", Severity::kWarning, "not made from the current source (ms.openlocfilehash differs)", "doc", nullptr,
       nullptr, CheckL10nStaleTranslation},
      {"l10n-table-shape", Severity::kError, "tables, rows, cells or list items differ from the source", "doc",
       nullptr, nullptr, CheckL10nTableShape},
      {"l10n-verbatim-parity", Severity::kWarning,
       "inline code, URLs, identifiers or product names of an aligned block missing or changed in the translation",
       "doc", nullptr, nullptr, CheckL10nVerbatimParity},
      {"leads-crm-recommended", Severity::kWarning,
       "a storefront rule asks for a CRM that the profile does not require: leads only reach the Referrals workspace",
       "offer", nullptr, CheckLeadsCrmRecommended},
      {"leads-destination-not-allowed", Severity::kError,
       "the lead destination does not deliver leads where the storefront or profile requires", "offer", nullptr,
       CheckLeadsDestinationNotAllowed},
      {"leads-dynamics-instance-url", Severity::kWarning,
       "the Dynamics 365 instance URL is not https:// on a Microsoft-hosted domain", "file",
       CheckLeadsDynamicsInstanceUrl, nullptr},
      {"leads-ignored-field", Severity::kWarning, "lead settings the service ignores", "file",
       CheckLeadsIgnoredField, nullptr},
      {"leads-invalid-field", Severity::kError, "a lead destination setting the service would reject", "file",
       CheckLeadsInvalidField, nullptr},
      {"leads-missing-destination", Severity::kError,
       "no lead destination where the storefront rules or the profile require a CRM", "offer", nullptr,
       CheckLeadsMissingDestination},
      {"leads-offer-not-on-storefront", Severity::kError, "an offer listed on a storefront that does not sell its type",
       "offer", nullptr, CheckLeadsOfferNotOnStorefront},
      {"leads-office365-renewal", Severity::kWarning,
       "Dynamics 365 with Office 365 authentication: the password must be renewed every 90 days", "file",
       CheckLeadsOffice365Renewal, nullptr},
      {"leads-plaintext-secret", Severity::kError, "a secret committed in plain text", "file",
       CheckLeadsPlaintextSecret, nullptr},
      {"leads-retired-destination", Severity::kWarning, "Azure Blob lead destination, retired since 2019", "offer",
       nullptr, CheckLeadsRetiredDestination},
      {"leads-undetermined", Severity::kNote,
       "whether a CRM destination is required depends on a fact the manifest does not state", "offer", nullptr,
       CheckLeadsUndetermined},
      {"manifest-duplicate-key", Severity::kError, "a key appears twice in one JSON object", "parse", nullptr,
       nullptr},
      {"manifest-duplicate-resource", Severity::kError,
       "a second customer-leads resource for one product, or a second product with the same key", "run", nullptr,
       nullptr},
      {"manifest-encoding", Severity::kError, "the file is not valid UTF-8 text", "parse", nullptr, nullptr},
      {"manifest-limit", Severity::kError, "a size, depth or length limit was exceeded", "parse", nullptr, nullptr},
      {"manifest-reference-key", Severity::kError,
       "a Product Ingestion reference or identity key spelt in a case the service rejects (externalID for externalId)",
       "file", CheckManifestReferenceKey, nullptr},
      {"manifest-schema", Severity::kError, "a leadlint manifest does not match its schema", "file",
       CheckManifestSchema, nullptr},
      {"manifest-schema-host", Severity::kWarning,
       "a Product Ingestion $schema on a host leadlint does not know; read as Product Ingestion anyway", "file",
       CheckManifestSchemaHost, nullptr},
      {"manifest-schema-version", Severity::kNote,
       "a Product Ingestion resource version newer than any leadlint knows; checked with the newest known rules", "file",
       CheckManifestSchemaVersion, nullptr},
      {"manifest-syntax", Severity::kError, "the file is not valid JSON", "parse", nullptr, nullptr},
      {"manifest-unknown-format", Severity::kError,
       "a file named on the command line is not an offer manifest in any supported format", "run", nullptr, nullptr},
      {"manifest-unreadable", Severity::kError, "a file or folder could not be read", "run", nullptr, nullptr},
      {"manifest-unresolved-product", Severity::kWarning,
       "lead settings refer to a product that is in none of the checked files", "run", nullptr, nullptr},
      {"manifest-unused-suppression", Severity::kNote,
       "an x-leadlint-ignore entry that suppresses nothing or names an unknown rule", "run", nullptr, nullptr},
  };
  return rules;
}

std::string SuggestRule(std::string_view id) {
  std::string best;
  size_t best_distance = 6;
  for (const RuleInfo& r : AllRules()) {
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

const RuleInfo* FindRule(std::string_view id) {
  const auto& rules = AllRules();
  auto it = std::lower_bound(rules.begin(), rules.end(), id,
                             [](const RuleInfo& r, std::string_view key) { return r.id < key; });
  if (it != rules.end() && it->id == id) return &*it;
  return nullptr;
}

}  // namespace leadlint
