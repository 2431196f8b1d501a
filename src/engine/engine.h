// One run of `leadlint check`: discover inputs, check each file independently
// (in parallel), resolve Product Ingestion references across files, apply the
// storefront and profile rules to every offer, and return findings in a
// deterministic order whatever the number of threads.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/finding.h"
#include "base/run_result.h"
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
  int jobs = 0;  // 0: hardware concurrency
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
  Finding place;  // where the rule id is written (for the unused note)
  bool used = false;
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
