// The report data object: what a finished run hands to the report writers.
// It lives in base so that report/ depends on nothing but base: the writers
// list rules from the catalog carried here, never from rules/.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/finding.h"
#include "base/string_pool.h"

namespace leadlint {

// One rule as reports list it (SARIF rules, `leadlint rules`, JSON rule list).
struct RuleDescriptor {
  std::string_view id;
  Severity severity = Severity::kError;
  std::string_view summary;
  std::string_view help_markdown;  // docs/rules/<id>.md, "" if none
};

// One per checked document, kept for the whole run: its text is pooled
// (base/string_pool.h).
struct DocSummary {
  PooledString path;
  PooledString locale;
  PooledString role;             // "source", "translation", "doc"
  PooledString source;           // the source path, for translations
  PooledString freshness;        // "fresh", "stale", "unknown" (no hash); translations with a source only
  PooledString translated_from;  // the matching older version
  int rule_tables = 0;
};

// The per-offer records live for the whole run (100,000 of them in a large
// repository), so their text is pooled (base/string_pool.h): stored once per
// distinct value, 16 bytes per field.
struct ListingSummary {
  PooledString storefront;   // "appsource", "azure-marketplace"
  PooledString kind;         // the Listing-table term: app, consulting-services, offer, technology
  bool assumed = false;      // storefront inferred from the offer type
  PooledString requirement;  // "your CRM", "marketplace keeps leads", "not sold here"
};

struct OfferSummary {
  PooledString path;
  PooledString name;
  PooledString format;
  PooledString type;
  bool storefronts_assumed = false;  // a listing's storefront was inferred
  PooledString destination;          // canonical, "" if absent
  PooledString verdict;              // "pass", "fail", "undetermined"
  PooledString decided_by;           // the rule whose finding set a fail or undetermined verdict
  // Shared by every offer with the same listings and reasons (SetOfferDetails).
  std::span<const ListingSummary> listings;  // one per storefront, in the manifest's order
  std::span<const PooledString> reasons;     // why a CRM destination is (or may be) required
  int line = 0;
  int column = 0;
};

// Points `summary` at a stored copy of `listings` and `reasons`. Copies are
// kept once per distinct combination in the current run's pool (offers of the
// same kind and storefronts share one) and freed with it.
void SetOfferDetails(OfferSummary* summary, const std::vector<ListingSummary>& listings,
                     const std::vector<PooledString>& reasons);

struct RunResult {
  // The run's memory: every pooled string of this result points into it.
  std::shared_ptr<StringPool> memory;
  std::vector<Finding> findings;  // sorted: path, line, column, rule, message
  std::vector<OfferSummary> offers;
  int files_checked = 0;  // manifests checked (including ones with errors)
  int files_skipped = 0;  // valid JSON of another shape met while walking
  std::vector<std::string> skipped;
  std::vector<PooledString> checked;  // every input that was checked, sorted
  int suppressed = 0;                 // findings hidden by x-leadlint-ignore
  int baselined = 0;                  // findings hidden by --baseline
  int other_shard_files = 0;          // --shard: inputs that belong to the other shards
  bool baseline_applied = false;      // --baseline was given
  int baseline_stale = 0;             // its entries for checked files that hid nothing
  std::vector<DocSummary> docs;       // every document checked, with locale and freshness
  std::string storefront_rules_source = "built-in (seed)";
  // Every rule leadlint has, sorted by id (SARIF lists them all).
  std::span<const RuleDescriptor> rules;
};

}  // namespace leadlint
