// One run of `leadlint check`: discover inputs, check each file independently
// (in parallel), resolve Product Ingestion references across files, apply the
// storefront and profile rules to every offer, and return findings in a
// deterministic order whatever the number of threads.
#pragma once

#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <map>
#include <memory>
#include <optional>

#include "base/finding.h"
#include "engine/docs.h"
#include "load/discover.h"
#include "rules/profile.h"
#include "rules/rule.h"

namespace leadlint {

struct RunOptions {
  std::vector<std::string> paths;
  Profile profile;
  StorefrontRules storefront_rules = BuiltInStorefrontRules();
  Limits limits;
  std::set<std::string> only_rules;  // empty: every rule
  // Severity per rule from leadlint.json; nullopt turns the rule off.
  std::map<std::string, std::optional<Severity>> rule_overrides;
  DiscoverOptions discover;
  DocSetOptions docs;
  int jobs = 0;                      // 0: hardware concurrency
  // --shard K/N: check only this shard's inputs (1-based K). Manifests go by
  // folder (an offer's files stay together), docs by their source's path (a
  // translation stays with its source).
  int shard_index = 0;
  int shard_count = 0;
  // `-` among the paths reads this text, reported under this name.
  std::string stdin_name = "<stdin>";
  std::string stdin_text;
};

// An "x-leadlint-ignore": ["rule-id"] entry of a JSON object: it suppresses
// that rule's findings inside the object.
struct Suppression {
  std::string path;
  size_t begin = 0;  // byte span of the object
  size_t end = 0;
  std::string rule;
  Finding place;     // where the rule id is written (for the unused note)
  bool used = false;
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
  bool storefronts_assumed = false;         // a listing's storefront was inferred
  PooledString destination;                 // canonical, "" if absent
  PooledString verdict;                     // "pass", "fail", "undetermined"
  PooledString decided_by;                  // the rule whose finding set a fail or undetermined verdict
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
  int files_checked = 0;          // manifests checked (including ones with errors)
  int files_skipped = 0;          // valid JSON of another shape met while walking
  std::vector<std::string> skipped;
  std::vector<PooledString> checked;  // every input that was checked, sorted
  int suppressed = 0;                // findings hidden by x-leadlint-ignore
  int baselined = 0;                 // findings hidden by --baseline
  int other_shard_files = 0;         // --shard: inputs that belong to the other shards
  bool baseline_applied = false;     // --baseline was given
  int baseline_stale = 0;            // its entries for checked files that hid nothing
  std::vector<DocSummary> docs;      // every document checked, with locale and freshness
  std::string storefront_rules_source = "built-in (seed)";
};

RunResult RunCheck(const RunOptions& options);

// The shard (0-based) a key belongs to: FNV-1a of the key modulo `count`.
int ShardOf(std::string_view key, int count);

// Sets each offer's verdict from the findings left in `result` (after
// suppressions, configured severities and a baseline): fail on an error in the
// offer's file, undetermined on a leads-undetermined note, else pass.
void RecomputeVerdicts(RunResult* result);

// Checks one in-memory file: used by the engine, tests and fuzzers.
struct FileOutcome {
  std::shared_ptr<StringPool> memory;  // set when checked outside a run
  std::vector<Finding> findings;
  std::vector<Offer> offers;
  bool manifest = false;
  bool skipped = false;  // not a manifest, not named explicitly
  std::vector<Suppression> suppressions;
  std::vector<std::pair<std::vector<std::string>, bool>> foreign_test_drives;
  std::vector<ForeignSetup> foreign_setups;
  std::vector<OfferSummary> summaries;  // offers already judged (no cross-file references)
};
FileOutcome CheckManifestText(const std::string& path, std::string contents, bool explicit_path,
                              const RunOptions& options);

// Fills line, column and a redacted excerpt from the file.
void LocateFinding(const SourceFile& file, const std::vector<std::pair<size_t, size_t>>& secret_spans,
                   Finding* finding);

}  // namespace leadlint
