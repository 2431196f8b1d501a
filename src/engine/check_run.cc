// One run of `leadlint check` as its named passes (docs/architecture.md):
//
//   load → docs → files → index → resolve → duplicates → judge → suppress →
//   severities → finish
//
// Every parallel pass goes through the run's one Scheduler. Each file is read,
// parsed, normalized and checked on its own, then dropped: only findings and
// the small offer model survive, so memory follows the largest file rather
// than the number of files. Cross-file facts (products by key, test drives and
// marketplace setups stated in other files) form the project index, built once
// after every file was read.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <stdexcept>
#include <tuple>

#include "base/suggest.h"
#include "engine/docs.h"
#include "engine/engine.h"
#include "engine/engine_internal.h"
#include "engine/problem_rules.h"
#include "engine/rule_catalog.h"
#include "engine/scheduler.h"
#include "load/discover.h"
#include "model/manifest.h"
#include "rules/rules.h"

namespace leadlint {
namespace {

// Sorted (key, offer index) pairs: 24 bytes per key, no node or list per key.
using KeyIndex = std::vector<std::pair<std::string_view, size_t>>;

class CheckRun {
 public:
  explicit CheckRun(const RunOptions& options)
      : options_(options), memory_(std::make_shared<StringPool>()), scope_(memory_.get()), scheduler_(options.jobs) {
    result_.memory = memory_;
    result_.rules = RuleCatalog();
  }

  RunResult Run() {
    Pass("load", &CheckRun::Load);
    Pass("docs", &CheckRun::CheckDocs);
    Pass("files", &CheckRun::CheckFiles);
    Pass("index", &CheckRun::BuildIndex);
    Pass("resolve", &CheckRun::ResolveReferences);
    Pass("duplicates", &CheckRun::ReportDuplicates);
    Pass("judge", &CheckRun::JudgeOffers);
    Pass("suppress", &CheckRun::ApplySuppressions);
    Pass("severities", &CheckRun::ApplySeverities);
    Pass("finish", &CheckRun::Finish);
    if (timing_) {
      const StringPoolStats pool = memory_->Stats();
      std::fprintf(stderr, "leadlint: timing: pool: %zu strings, %.1f MB of text\n", pool.strings,
                   static_cast<double>(pool.bytes) / 1e6);
    }
    return std::move(result_);
  }

 private:
  // Runs one pass; with LEADLINT_TIMING set (as ESLint's TIMING), its wall time
  // goes to standard error.
  void Pass(const char* name, void (CheckRun::*pass)()) {
    if (!timing_) return (this->*pass)();
    const auto start = std::chrono::steady_clock::now();
    (this->*pass)();
    const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
    std::fprintf(stderr, "leadlint: timing: %-10s %9.2f ms\n", name, took.count());
  }

  // --- load ----------------------------------------------------------------
  void Load();
  void SplitShards();
  void AddSiblingReferences();
  bool InMyShard(std::string_view path) const;
  // --- docs ----------------------------------------------------------------
  void CheckDocs();
  // --- files ---------------------------------------------------------------
  void CheckFiles();
  void CheckInput(size_t i);
  void JudgeSelfContained(FileOutcome* outcome) const;
  void ReadReference(const InputFile& input);
  void Gather(size_t i, FileOutcome o);
  // --- index, resolution, duplicates ----------------------------------------
  void BuildIndex();
  std::pair<KeyIndex::const_iterator, KeyIndex::const_iterator> ProductsWith(std::string_view key) const;
  void ApplyForeignFacts();
  void ResolveReferences();
  void TakeProduct(size_t index, size_t product);
  void ReportUnresolved(const Offer& offer);
  void ReportDuplicates();
  void ReportDuplicateProducts();
  void ReportDuplicateLeads();
  void ReportDuplicate(const Offer& second, const Place& place, std::string message, const Offer& first,
                       const Place& first_place, std::string first_message);
  bool IsReference(const Offer& offer) const { return reference_paths_.count(offer.path) != 0; }
  bool IsSibling(const Offer& offer) const { return sibling_paths_.count(std::string(offer.path.view())) != 0; }
  // --- judge, suppress, severities, finish ----------------------------------
  void JudgeOffers();
  void ApplySuppressions();
  void ReportUnusedSuppressions();
  void ApplySeverities();
  void Finish();

  const RunOptions& options_;
  const bool timing_ = std::getenv("LEADLINT_TIMING") != nullptr;
  // Everything the run interns (paths, excerpts, offer details) lives in its
  // own pool, kept alive by the result and freed with it.
  std::shared_ptr<StringPool> memory_;
  PoolScope scope_;
  Scheduler scheduler_;
  RunResult result_;

  Discovery discovery_;
  // Files read for cross-file references only: the other shards' (with
  // --shard) and the siblings of files named on the command line.
  std::vector<InputFile> reference_files_;
  std::set<std::string> sibling_paths_;
  std::set<std::string_view> reference_paths_;  // references that held Product Ingestion offers
  StorefrontRules storefront_rules_;

  // Gathered from the files as they finish (under gather_mutex_); the order is
  // restored by sorting. A deque grows in blocks: no doubling copy of tens of
  // thousands of offers.
  std::mutex gather_mutex_;
  std::deque<Offer> offers_;  // Product Ingestion offers waiting for resolution
  std::vector<Suppression> suppressions_;
  std::vector<std::pair<std::vector<std::string>, bool>> foreign_test_drives_;
  std::vector<bool> foreign_test_drive_checked_;  // per test drive: stated in a checked file
  std::vector<ForeignSetup> foreign_setups_;

  // The project index: product key -> products (not orphans), in file order.
  KeyIndex products_by_key_;
  std::vector<bool> touched_;                      // a test drive of a checked file applies to the offer
  std::vector<bool> consumed_;                     // a product-only offer whose customer-leads carry its verdict
  std::vector<bool> judged_sibling_;               // a sibling's offer involving a checked file
  std::vector<size_t> resolved_to_;                // customer-leads -> its product (offers_.size() if none)
  std::vector<std::string_view> suggestion_keys_;  // distinct product keys, for "did you mean"
  size_t suggestion_budget_ = 2'000'000;           // key comparisons left for suggestions
};

// --- load ------------------------------------------------------------------

void CheckRun::Load() {
  std::vector<std::string> paths;
  bool read_stdin = false;
  for (const std::string& p : options_.paths) {
    if (p == "-") {
      read_stdin = true;
    } else {
      paths.push_back(p);
    }
  }
  DiscoverOptions discover = options_.discover;
  discover.for_each = [this](size_t n, const std::function<void(size_t)>& task) { scheduler_.ForEach(n, task); };
  discovery_ = DiscoverInputs(paths, discover);
  if (read_stdin) discovery_.files.push_back({"-", true});
  SplitShards();
  AddSiblingReferences();
  // Findings about the inputs themselves (a path that does not exist, a YAML
  // file) are never hidden by --rule: a mistyped path or an option value taken
  // for a path must not vanish from a run that then passes.
  for (const LoadProblem& problem : discovery_.problems) {
    if (InMyShard(problem.path)) result_.findings.push_back(FindingFor(problem));
  }
  std::vector<std::string> ignored;
  for (std::string& p : discovery_.ignored) {
    if (InMyShard(p)) ignored.push_back(std::move(p));
  }
  discovery_.ignored = std::move(ignored);
}

bool CheckRun::InMyShard(std::string_view path) const {
  if (options_.shard_count <= 1) return true;
  return ShardOf(std::filesystem::path(path).parent_path().generic_string(), options_.shard_count) ==
         options_.shard_index;
}

// With --shard, the other shards' files are not checked, but their Product
// Ingestion documents are still read for cross-file references: a product,
// its customer-leads and its test drive may sit in folders of different
// shards, and the merged report must equal one run's. Offers read that way
// only take part in resolution; they are never judged or reported here.
void CheckRun::SplitShards() {
  if (options_.shard_count <= 1) return;
  std::vector<InputFile> mine;
  for (InputFile& f : discovery_.files) (InMyShard(f.path) ? mine : reference_files_).push_back(f);
  discovery_.files = std::move(mine);
  result_.other_shard_files = static_cast<int>(reference_files_.size());
}

// A Product Ingestion document named on the command line (pre-commit passes
// the staged files) is judged with the other JSON documents of its folder:
// they are read for references as other shards' are, so that a product, its
// customer-leads and its test drive give the same verdict whichever of them
// are named. Offers of such a sibling are judged only when they involve a
// checked file (see judged_sibling_); nothing else of them is reported.
void CheckRun::AddSiblingReferences() {
  if (options_.shard_count > 1) return;
  std::set<std::string_view> in_run;
  for (const InputFile& f : discovery_.files) in_run.insert(f.path);
  std::set<std::string> folders;
  for (const InputFile& f : discovery_.files) {
    if (f.explicit_path && f.path != "-")
      folders.insert(std::filesystem::path(f.path.view()).parent_path().generic_string());
  }
  for (const std::string& folder : folders) {
    std::error_code ec;
    std::vector<std::string> found;
    for (std::filesystem::directory_iterator it(folder.empty() ? "." : folder, ec), end; !ec && it != end;
         it.increment(ec)) {
      std::error_code entry_ec;
      std::string ext = it->path().extension().string();
      for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (ext != ".json" || it->is_symlink(entry_ec) || !it->is_regular_file(entry_ec)) continue;
      std::string path = folder.empty() ? it->path().filename().string() : it->path().generic_string();
      if (in_run.count(path) != 0 || options_.discover.ignore.Ignored(AbsolutePath(path), false)) continue;
      found.push_back(std::move(path));
    }
    std::sort(found.begin(), found.end());
    for (std::string& path : found) {
      reference_files_.push_back({PooledString(path), false});
      sibling_paths_.insert(std::move(path));
    }
  }
}

// --- docs ------------------------------------------------------------------

// Doc sets and docs found among the paths; a configured doc set's English
// source supplies the storefront rules for the offers.
void CheckRun::CheckDocs() {
  storefront_rules_ = options_.storefront_rules;
  if (discovery_.markdown.empty() && options_.docs.source.empty()) {
    result_.storefront_rules_source = storefront_rules_.source;
    return;
  }
  DocSetOptions doc_options = options_.docs;
  doc_options.max_file_bytes = options_.limits.max_file_bytes;
  doc_options.checked_paths = options_.paths;
  for (const auto& [rule, severity] : options_.rule_overrides) {
    if (!severity) doc_options.off_rules.insert(rule);
  }
  DocsResult docs = RunDocs(doc_options, discovery_.markdown, options_.profile, options_.only_rules, scheduler_,
                            options_.shard_index, options_.shard_count);
  for (Finding& f : docs.findings) result_.findings.push_back(std::move(f));
  result_.files_checked += docs.files_checked;
  result_.suppressed += docs.suppressed;
  for (std::string& s : docs.skipped) {
    ++result_.files_skipped;
    result_.skipped.push_back(std::move(s));
  }
  for (const DocSummary& d : docs.docs) result_.checked.push_back(d.path);
  result_.docs = std::move(docs.docs);
  if (docs.storefront_rules) storefront_rules_ = *docs.storefront_rules;
  result_.storefront_rules_source = storefront_rules_.source;
}

// --- files -----------------------------------------------------------------

void CheckRun::CheckFiles() {
  const size_t n = discovery_.files.size();
  result_.offers.reserve(n);
  result_.checked.reserve(n + result_.checked.size());
  scheduler_.ForEach(n + reference_files_.size(), [&](size_t i) {
    if (i < n) {
      CheckInput(i);
    } else {
      ReadReference(reference_files_[i - n]);
    }
  });
  for (const std::string& ignored : discovery_.ignored) {
    ++result_.files_skipped;
    result_.skipped.push_back(ignored);
  }
  std::sort(result_.checked.begin(), result_.checked.end());
}

void CheckRun::CheckInput(size_t i) {
  const InputFile& input = discovery_.files[i];
  if (input.path == "-") {
    FileOutcome o = CheckManifestText(options_.stdin_name, options_.stdin_text, true, options_);
    JudgeSelfContained(&o);
    Gather(i, std::move(o));
    return;
  }
  const std::string path(input.path);
  std::string contents;
  std::string error;
  bool too_large = false;
  size_t size = 0;
  if (!ReadInputFile(path, options_.limits.max_file_bytes, &contents, &error, &too_large, &size)) {
    Finding f;
    f.path = input.path;
    f.line = 1;
    f.column = 1;
    if (too_large) {
      f.rule = kManifestLimit.id;
      f.message = "the file is " + std::to_string(size) + " bytes, larger than the limit of " +
                  std::to_string(options_.limits.max_file_bytes) + " bytes; it was not checked";
    } else {
      f.rule = kManifestUnreadable.id;
      f.message = error;
    }
    FileOutcome o;
    if (Enabled(options_, f.rule)) o.findings.push_back(std::move(f));
    o.manifest = true;
    Gather(i, std::move(o));
    return;
  }
  FileOutcome o = CheckManifestText(path, std::move(contents), input.explicit_path, options_);
  JudgeSelfContained(&o);
  Gather(i, std::move(o));
}

// leadlint manifests and Cloud Partner Portal documents never refer to other
// files: their offers are judged as soon as the file is read, and only the
// summary survives. Product Ingestion offers wait for cross-file resolution.
void CheckRun::JudgeSelfContained(FileOutcome* outcome) const {
  std::vector<Offer> deferred;
  for (Offer& offer : outcome->offers) {
    if (offer.format == ManifestFormat::kProductIngestion) {
      deferred.push_back(std::move(offer));
    } else {
      outcome->summaries.push_back(EvaluateOffer(offer, options_, storefront_rules_, &outcome->findings));
    }
  }
  outcome->offers = std::move(deferred);
}

// Merges one file's outcome as soon as it is ready, then drops it.
void CheckRun::Gather(size_t i, FileOutcome o) {
  std::lock_guard<std::mutex> lock(gather_mutex_);
  for (Suppression& sup : o.suppressions) suppressions_.push_back(std::move(sup));
  for (auto& t : o.foreign_test_drives) {
    foreign_test_drives_.push_back(std::move(t));
    foreign_test_drive_checked_.push_back(true);
  }
  for (ForeignSetup& s : o.foreign_setups) foreign_setups_.push_back(std::move(s));
  if (o.skipped) {
    ++result_.files_skipped;
    result_.skipped.emplace_back(discovery_.files[i].path);
  } else {
    ++result_.files_checked;
    result_.checked.push_back(discovery_.files[i].path == "-" ? PooledString(options_.stdin_name)
                                                              : discovery_.files[i].path);
  }
  for (Finding& f : o.findings) result_.findings.push_back(std::move(f));
  for (Offer& offer : o.offers) offers_.push_back(std::move(offer));
  for (OfferSummary& summary : o.summaries) result_.offers.push_back(std::move(summary));
}

// A file read for references only: its Product Ingestion offers and test
// drives take part in resolution; no rule runs on it, nothing of it is reported.
void CheckRun::ReadReference(const InputFile& input) {
  std::string contents;
  std::string error;
  bool too_large = false;
  size_t size = 0;
  const std::string path(input.path);
  if (!ReadInputFile(path, options_.limits.max_file_bytes, &contents, &error, &too_large, &size)) return;
  if (!MayBeProductIngestion(contents)) return;
  JsonParseResult parsed = ParseWithLimits(contents, options_.limits);
  if (!parsed.ok) return;
  ManifestDoc doc = NormalizeManifest(path, parsed.root);
  if (doc.format != ManifestFormat::kProductIngestion) return;
  std::vector<Suppression> sibling_suppressions;
  // Positions and excerpts: a sibling's offers may be judged, and a finding
  // elsewhere may name a place here (its related places: the product a
  // customer-leads resource serves, the first of two duplicates).
  SourceFile file(path, contents);
  for (Offer& offer : doc.offers) ResolveOffer(file, doc.secret_spans, &offer);
  if (sibling_paths_.count(path) != 0) {
    // Its x-leadlint-ignore entries are honoured as a folder run would.
    std::vector<Finding> ignored;
    CollectSuppressions(parsed.root, file, &sibling_suppressions, &ignored, 0);
  }
  std::lock_guard<std::mutex> lock(gather_mutex_);
  for (Suppression& sup : sibling_suppressions) suppressions_.push_back(std::move(sup));
  reference_paths_.insert(input.path);
  for (Offer& offer : doc.offers) offers_.push_back(std::move(offer));
  for (auto& t : doc.foreign_test_drives) {
    foreign_test_drives_.push_back(std::move(t));
    foreign_test_drive_checked_.push_back(false);
  }
  for (ForeignSetup& s : doc.foreign_setups) foreign_setups_.push_back(std::move(s));
}

// --- index -----------------------------------------------------------------

// Product key -> products, in file order: lookups instead of comparing every
// pair of offers; then the facts other files state about those products.
void CheckRun::BuildIndex() {
  StableSortInPlace(&offers_, [](const Offer& a, const Offer& b) {
    return std::tie(a.path, a.type_place.offset) < std::tie(b.path, b.type_place.offset);
  });
  for (size_t j = 0; j < offers_.size(); ++j) {
    if (offers_[j].orphan) continue;
    for (const PooledString& k : offers_[j].product_keys) products_by_key_.emplace_back(k, j);
  }
  std::sort(products_by_key_.begin(), products_by_key_.end());
  touched_.assign(offers_.size(), false);
  consumed_.assign(offers_.size(), false);
  judged_sibling_.assign(offers_.size(), false);
  resolved_to_.assign(offers_.size(), offers_.size());
  ApplyForeignFacts();
}

// The products carrying `key`, in ascending offer order.
std::pair<KeyIndex::const_iterator, KeyIndex::const_iterator> CheckRun::ProductsWith(std::string_view key) const {
  struct ByKey {
    bool operator()(const std::pair<std::string_view, size_t>& a, std::string_view b) const { return a.first < b; }
    bool operator()(std::string_view a, const std::pair<std::string_view, size_t>& b) const { return a < b.first; }
  };
  return std::equal_range(products_by_key_.begin(), products_by_key_.end(), key, ByKey{});
}

// Test drives and commercial marketplace setups configured in another file
// than their product.
void CheckRun::ApplyForeignFacts() {
  for (size_t t = 0; t < foreign_test_drives_.size(); ++t) {
    const auto& [keys, enabled] = foreign_test_drives_[t];
    std::set<size_t> hit;
    for (const std::string& k : keys) {
      auto [first, last] = ProductsWith(k);
      for (auto it = first; it != last; ++it) hit.insert(it->second);
    }
    for (size_t j : hit) {
      offers_[j].test_drive = offers_[j].test_drive.value_or(false) || enabled;
      if (foreign_test_drive_checked_[t]) touched_[j] = true;
    }
  }
  for (const ForeignSetup& setup : foreign_setups_) {
    std::set<size_t> hit;
    for (const std::string& k : setup.keys) {
      auto [first, last] = ProductsWith(k);
      for (auto it = first; it != last; ++it) hit.insert(it->second);
    }
    for (size_t j : hit) ApplySetup(setup, &offers_[j]);
  }
}

// --- resolve ---------------------------------------------------------------

// Each customer-leads (an orphan) takes the first product in file order that
// carries one of the keys it refers to.
void CheckRun::ResolveReferences() {
  for (size_t index = 0; index < offers_.size(); ++index) {
    Offer& offer = offers_[index];
    if (!offer.orphan) continue;
    size_t best = offers_.size();
    for (const PooledString& k : offer.product_keys) {
      auto [first, last] = ProductsWith(k);
      if (first != last) best = std::min(best, first->second);
    }
    if (best < offers_.size()) {
      resolved_to_[index] = best;
      if (IsSibling(offer) && (!IsReference(offers_[best]) || touched_[best])) judged_sibling_[index] = true;
      TakeProduct(index, best);
    } else if (!IsReference(offer) && Enabled(options_, kManifestUnresolvedProduct.id)) {
      ReportUnresolved(offer);
    }
  }
}

void CheckRun::TakeProduct(size_t index, size_t best) {
  Offer& offer = offers_[index];
  Offer& product = offers_[best];
  offer.type = product.type;
  offer.type_written = product.type_written;
  offer.name = product.name;
  if (!offer.test_drive) offer.test_drive = product.test_drive;
  if (!offer.sell_through) offer.sell_through = product.sell_through;
  if (offer.call_to_action_written.empty()) {
    offer.call_to_action = product.call_to_action;
    offer.call_to_action_written = product.call_to_action_written;
  }
  offer.listings = product.listings;
  if (product.path != offer.path) {
    offer.product_path = product.path;
    offer.product_place = product.type_place;
  }
  for (Listing& l : offer.listings) l.place = offer.product_ref_place;
  if (product.is_product_only) consumed_[best] = true;
}

void CheckRun::ReportUnresolved(const Offer& offer) {
  Finding f = FindingAt(kManifestUnresolvedProduct, offer.path, offer.product_ref_place, "");
  f.excerpt = offer.product_ref_place.excerpt;
  if (offer.unresolved_product_ref.empty()) {
    f.message =
        "'product' names no product leadlint can look up (expected \"product/<durable id>\", "
        "{\"externalId\": ...} or {\"resourceName\": ...}); its offer type and storefronts are unknown";
    result_.findings.push_back(std::move(f));
    return;
  }
  f.message = "'product' refers to " + KeyText(offer.unresolved_product_ref) +
              ", which is in none of the checked files; its offer type and storefronts are unknown";
  // A product key of the run close to the reference: a likely typo. The
  // comparisons are bounded so that a run of many unresolved references
  // against many products stays linear.
  if (suggestion_keys_.empty()) {
    for (size_t k = 0; k < products_by_key_.size(); ++k) {
      if (k == 0 || products_by_key_[k].first != products_by_key_[k - 1].first) {
        suggestion_keys_.push_back(products_by_key_[k].first);
      }
    }
  }
  std::string suggestion;
  for (const PooledString& k : offer.product_keys) {
    if (!suggestion.empty() || suggestion_budget_ < suggestion_keys_.size()) break;
    suggestion_budget_ -= suggestion_keys_.size();
    suggestion = Nearest(k, suggestion_keys_, 3);
  }
  if (!suggestion.empty()) f.message += " (did you mean " + KeyText(suggestion) + "?)";
  result_.findings.push_back(std::move(f));
}

// --- duplicates ------------------------------------------------------------

// Reported on the second (in path and position order), naming the first: two
// products with one key make every reference to it ambiguous, and of two
// customer-leads for one product the service keeps one.
void CheckRun::ReportDuplicates() {
  if (!Enabled(options_, kManifestDuplicateResource.id)) return;
  ReportDuplicateProducts();
  ReportDuplicateLeads();
}

void CheckRun::ReportDuplicate(const Offer& second, const Place& place, std::string message, const Offer& first,
                               const Place& first_place, std::string first_message) {
  if (IsReference(second)) return;
  Finding f = FindingAt(kManifestDuplicateResource, second.path, place, std::move(message));
  f.excerpt = place.excerpt;
  f.related = std::make_shared<const std::vector<RelatedPlace>>(
      std::vector<RelatedPlace>{{first.path, first_place.offset, first_place.length, first_place.line,
                                 first_place.column, std::move(first_message)}});
  result_.findings.push_back(std::move(f));
}

void CheckRun::ReportDuplicateProducts() {
  std::set<std::pair<size_t, size_t>> reported;
  for (size_t a = 0; a < products_by_key_.size();) {
    size_t b = a + 1;
    while (b < products_by_key_.size() && products_by_key_[b].first == products_by_key_[a].first) ++b;
    const size_t first = products_by_key_[a].second;  // sorted by key, then offer: the earliest
    for (size_t k = a + 1; k < b; ++k) {
      const size_t second = products_by_key_[k].second;
      if (second == first || !reported.insert({first, second}).second) continue;
      ReportDuplicate(offers_[second], offers_[second].type_place,
                      "a second product with the key " + KeyText(products_by_key_[k].first) + "; the first is at '" +
                          Where(offers_[first].path, offers_[first].type_place) +
                          "': a reference to it cannot tell them apart; give each product its own key",
                      offers_[first], offers_[first].type_place, "the first product with this key");
    }
    a = b;
  }
}

// customer-leads per product: the product's own (in its file) and those resolved to it.
void CheckRun::ReportDuplicateLeads() {
  std::map<size_t, std::vector<size_t>> leads_of;
  for (size_t i = 0; i < offers_.size(); ++i) {
    if (!offers_[i].unresolved_product_ref.empty() && resolved_to_[i] < offers_.size()) {
      leads_of[resolved_to_[i]].push_back(i);
    }
  }
  for (auto& [product, leads] : leads_of) {
    if (!offers_[product].is_product_only) leads.insert(leads.begin(), product);
    if (leads.size() < 2) continue;
    auto place_of = [&](size_t i) { return std::tie(offers_[i].path, offers_[i].leads.object_place.offset); };
    std::sort(leads.begin(), leads.end(), [&](size_t a, size_t b) { return place_of(a) < place_of(b); });
    const Offer& first = offers_[leads[0]];
    for (size_t j = 1; j < leads.size(); ++j) {
      const Offer& second = offers_[leads[j]];
      ReportDuplicate(second, second.leads.object_place,
                      "a second 'customer-leads' resource for the product '" + offers_[product].name.str() + "'" +
                          "; the first is at '" + Where(first.path, first.leads.object_place) +
                          "': the service keeps one lead configuration per product, so one of them is lost",
                      first, first.leads.object_place, "the first 'customer-leads' resource");
    }
  }
}

// --- judge -----------------------------------------------------------------

// The offer rules on every resolved Product Ingestion offer, in parallel. The
// summaries are written in place at the end of the run's offers; findings are
// kept per block of offers (not per offer, which would cost a vector each at
// 100,000 offers) and appended in offer order.
void CheckRun::JudgeOffers() {
  std::vector<size_t> judged;
  for (size_t i = 0; i < offers_.size(); ++i) {
    if (consumed_[i] || (IsReference(offers_[i]) && !judged_sibling_[i])) continue;
    judged.push_back(i);
  }
  constexpr size_t kBlock = 256;
  const size_t first = result_.offers.size();
  result_.offers.resize(first + judged.size());
  std::vector<std::vector<Finding>> findings((judged.size() + kBlock - 1) / kBlock);
  scheduler_.ForEach(findings.size(), [&](size_t block) {
    const size_t end = std::min(judged.size(), (block + 1) * kBlock);
    for (size_t k = block * kBlock; k < end; ++k) {
      result_.offers[first + k] = EvaluateOffer(offers_[judged[k]], options_, storefront_rules_, &findings[block]);
    }
  });
  for (std::vector<Finding>& block : findings) {
    for (Finding& f : block) result_.findings.push_back(std::move(f));
  }
}

// --- suppress --------------------------------------------------------------

// x-leadlint-ignore entries hide the findings of their rule inside their object.
void CheckRun::ApplySuppressions() {
  if (suppressions_.empty()) return;
  std::vector<Finding> kept;
  for (Finding& f : result_.findings) {
    bool hidden = false;
    for (Suppression& s : suppressions_) {
      if (s.rule == f.rule && s.path == f.path && f.offset >= s.begin && f.offset < s.end) {
        s.used = true;
        hidden = true;
      }
    }
    if (hidden) {
      ++result_.suppressed;
    } else {
      kept.push_back(std::move(f));
    }
  }
  result_.findings = std::move(kept);
  ReportUnusedSuppressions();
}

void CheckRun::ReportUnusedSuppressions() {
  for (Suppression& s : suppressions_) {
    if (s.used || !Enabled(options_, s.rule) || !Enabled(options_, kManifestUnusedSuppression.id)) continue;
    if (sibling_paths_.count(s.path) != 0) continue;  // a sibling read for references is not reported on
    auto off = options_.rule_overrides.find(s.rule);
    if (off != options_.rule_overrides.end() && !off->second) continue;
    Finding f = s.place;
    f.rule = kManifestUnusedSuppression.id;
    f.severity = kManifestUnusedSuppression.severity;
    f.message = "unused suppression: no '" + s.rule + "' finding in this object";
    result_.findings.push_back(std::move(f));
  }
}

// --- severities, finish ----------------------------------------------------

// The configuration's severities, and rules it turns off.
void CheckRun::ApplySeverities() {
  if (options_.rule_overrides.empty()) return;
  std::vector<Finding> kept;
  for (Finding& f : result_.findings) {
    auto it = options_.rule_overrides.find(f.rule.str());
    if (it == options_.rule_overrides.end()) {
      kept.push_back(std::move(f));
    } else if (it->second) {
      f.severity = *it->second;
      kept.push_back(std::move(f));
    }
  }
  result_.findings = std::move(kept);
}

// The deterministic order of every report, whatever --jobs, then the verdicts.
void CheckRun::Finish() {
  // Every finding is under a registered rule, the readers' ids included: an
  // unknown id is a bug of leadlint, never a silent error (exit 3).
  for (const Finding& f : result_.findings) {
    if (FindRule(f.rule.view()) == nullptr) {
      throw std::logic_error("internal error: a finding under the unregistered rule '" + f.rule.str() + "'");
    }
  }
  StableSortInPlace(&result_.findings, FindingLess);
  // Offers arrive in whatever order the threads finish; the key below is total
  // for any two offers a report can tell apart.
  StableSortInPlace(&result_.offers, [](const OfferSummary& a, const OfferSummary& b) {
    return std::tie(a.path, a.line, a.column, a.name, a.destination, a.type) <
           std::tie(b.path, b.line, b.column, b.name, b.destination, b.type);
  });
  std::sort(result_.skipped.begin(), result_.skipped.end());
  RecomputeVerdicts(&result_);
}

}  // namespace

RunResult RunCheck(const RunOptions& options) { return CheckRun(options).Run(); }

}  // namespace leadlint
