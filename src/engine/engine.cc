// The check pipeline. Each file is read, parsed, normalized and checked on its
// own, then dropped: only findings and the small offer model survive, so memory
// follows the largest file rather than the number of files.
#include "engine/engine.h"
#include "engine/rule_catalog.h"

#include <algorithm>
#include <atomic>
#include <cassert>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <mutex>
#include <numeric>
#include <thread>
#include <tuple>
#include <unordered_map>

#include "base/secret_text.h"
#include "base/suggest.h"
#include "base/string_pool.h"
#include "engine/problem_rules.h"
#include "load/discover.h"
#include "load/file_source.h"
#include "model/manifest.h"
#include "parse/json.h"
#include "rules/rules.h"

namespace leadlint {
namespace {

bool Enabled(const RunOptions& options, std::string_view rule) {
  return options.only_rules.empty() || options.only_rules.count(std::string(rule)) != 0;
}

std::string Redacted(std::string_view line, size_t line_start,
                     const std::vector<std::pair<size_t, size_t>>& secret_spans) {
  std::string out(line);
  for (const auto& [begin, end] : secret_spans) {
    size_t b = std::max(begin, line_start);
    size_t e = std::min(end, line_start + line.size());
    if (b >= e) continue;
    for (size_t i = b - line_start; i < e - line_start; ++i) {
      char c = out[i];
      if (c == '"' && (i + line_start == begin || i + line_start + 1 == end)) continue;  // keep the quotes
      // Mask one '*' per code point so the caret still lines up.
      if ((static_cast<unsigned char>(c) & 0xC0) == 0x80) {
        out[i] = '\x01';
      } else {
        out[i] = '*';
      }
    }
  }
  out.erase(std::remove(out.begin(), out.end(), '\x01'), out.end());
  return RedactSecrets(out);
}

// The source line shown under a finding: redacted, without control characters
// (a NUL or escape sequence must not reach a terminal), and omitted for very
// long lines such as minified JSON.
std::string Excerpt(const SourceFile& file, int line, const std::vector<std::pair<size_t, size_t>>& spans) {
  std::string_view text = file.Line(line);
  if (text.size() > 400) return "";
  std::string redacted = Redacted(text, file.OffsetOf(line, 1), spans);
  std::string out;
  // Invalid UTF-8 becomes U+FFFD; control characters become '?'.
  for (size_t i = 0; i < redacted.size();) {
    size_t bad = FindInvalidUtf8(std::string_view(redacted).substr(i));
    size_t end = bad == std::string_view::npos ? redacted.size() : i + bad;
    for (size_t k = i; k < end; ++k) {
      unsigned char u = static_cast<unsigned char>(redacted[k]);
      out.push_back((u < 0x20 && u != '\t') || u == 0x7F ? '?' : redacted[k]);
    }
    if (end == redacted.size()) break;
    out += "\xEF\xBF\xBD";
    i = end + 1;
  }
  return out;
}

void ResolvePlace(const SourceFile& file, const std::vector<std::pair<size_t, size_t>>& spans, Place* place) {
  LineCol lc = file.Locate(place->offset);
  place->line = lc.line;
  place->column = lc.column;
  place->excerpt = Excerpt(file, lc.line, spans);
}

void ResolveOffer(const SourceFile& file, const std::vector<std::pair<size_t, size_t>>& spans, Offer* offer) {
  ResolvePlace(file, spans, &offer->type_place);
  ResolvePlace(file, spans, &offer->leads.destination_place);
  ResolvePlace(file, spans, &offer->leads.object_place);
  ResolvePlace(file, spans, &offer->product_ref_place);
  for (Listing& l : offer->listings) ResolvePlace(file, spans, &l.place);
}

void ReportLongStrings(const JsonNode& node, const Limits& limits, const SourceFile& file,
                       std::vector<Finding>* out, int depth) {
  if (depth > 1000) return;
  if (node.is_string() && node.text.size() > limits.max_regex_input) {
    Finding f;
    f.rule = kManifestLimit.id;
    f.severity = kManifestLimit.severity;
    f.path = file.path();
    f.offset = node.offset;
    f.length = 1;
    f.message = "a string of " + std::to_string(node.text.size()) + " bytes is longer than the limit of " +
                std::to_string(limits.max_regex_input) + " bytes; its value is not checked";
    out->push_back(std::move(f));
  }
  for (const JsonNode& child : node.children) ReportLongStrings(child, limits, file, out, depth + 1);
}

void CollectSuppressions(const JsonNode& node, const SourceFile& file, std::vector<Suppression>* out,
                         std::vector<Finding>* findings, int depth) {
  if (depth > 1000) return;
  if (node.is_object()) {
    if (const JsonNode* ignore = node.Find("x-leadlint-ignore")) {
      auto bad = [&](const JsonNode& at, std::string message) {
        Finding f;
        f.rule = kManifestUnusedSuppression.id;
        f.severity = Severity::kWarning;
        f.path = file.path();
        f.offset = at.offset;
        f.length = at.length;
        f.message = std::move(message);
        findings->push_back(std::move(f));
      };
      if (!ignore->is_array()) {
        bad(*ignore, "'x-leadlint-ignore' must be a list of rule ids, like [\"leads-ignored-field\"]");
      } else {
        for (const JsonNode& item : ignore->children) {
          if (!item.is_string() || FindRule(item.text) == nullptr) {
            std::string suggestion = item.is_string() ? SuggestRule(item.text) : "";
            bad(item, "'x-leadlint-ignore' names an unknown rule" +
                          (item.is_string() ? " '" + item.text + "'" : std::string()) + "; it suppresses nothing" +
                          (suggestion.empty() ? std::string() : " (did you mean '" + suggestion + "'?)"));
            continue;
          }
          Suppression s;
          s.path = file.path();
          s.begin = node.offset;
          s.end = node.offset + node.length;
          s.rule = item.text;
          s.place.path = file.path();
          s.place.offset = item.offset;
          s.place.length = item.length;
          out->push_back(std::move(s));
        }
      }
    }
  }
  for (const JsonNode& child : node.children) CollectSuppressions(child, file, out, findings, depth + 1);
}

// std::stable_sort, without the merge buffer of half the container that
// std::stable_sort allocates (18 MB for 100,000 offer summaries): the indices
// are sorted, and the permutation is applied in place by following its cycles.
template <typename Container, typename Less>
void StableSortInPlace(Container* items, Less less) {
  const size_t n = items->size();
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return less((*items)[a], (*items)[b]); });
  // order[i] is the index of the element that belongs at position i.
  std::vector<bool> placed(n, false);
  for (size_t i = 0; i < n; ++i) {
    if (placed[i] || order[i] == i) continue;
    auto held = std::move((*items)[i]);
    size_t j = i;
    while (true) {
      placed[j] = true;
      size_t k = order[j];
      if (k == i) {
        (*items)[j] = std::move(held);
        break;
      }
      (*items)[j] = std::move((*items)[k]);
      j = k;
    }
  }
}

// The positioned JSON reader with the run's depth limit: for checked files and
// for the other shards' files read only for references.
JsonParseResult ParseWithLimits(const std::string& text, const Limits& limits) {
  JsonLimits json_limits;
  json_limits.max_depth = limits.max_json_depth;
  return ParseJson(text, json_limits);
}

// A product key as messages name it: externalId 'x', resourceName 'x' or 'product/<id>'.
std::string KeyText(std::string_view key) {
  for (std::string_view prefix : {"externalId:", "resourceName:"}) {
    if (key.substr(0, prefix.size()) == prefix) {
      return std::string(prefix.substr(0, prefix.size() - 1)) + " '" + std::string(key.substr(prefix.size())) + "'";
    }
  }
  return "'" + std::string(key) + "'";
}

// "path:line:column" of a place, for a message that points at another finding's spot.
std::string Where(std::string_view path, const Place& place) {
  return std::string(path) + ":" + std::to_string(place.line) + ":" + std::to_string(place.column);
}

bool FindingLess(const Finding& a, const Finding& b) {
  if (a.path != b.path) return a.path < b.path;
  if (a.line != b.line) return a.line < b.line;
  if (a.column != b.column) return a.column < b.column;
  if (a.rule != b.rule) return a.rule < b.rule;
  return a.message < b.message;
}

}  // namespace

void LocateFinding(const SourceFile& file, const std::vector<std::pair<size_t, size_t>>& secret_spans,
                   Finding* finding) {
  LineCol lc = file.Locate(finding->offset);
  finding->line = lc.line;
  finding->column = lc.column;
  finding->excerpt = Excerpt(file, lc.line, secret_spans);
  finding->message = RedactSecrets(finding->message);
}

FileOutcome CheckManifestText(const std::string& path, std::string contents, bool explicit_path,
                              const RunOptions& options) {
  FileOutcome outcome;
  // Outside a run (tests, fuzzers, an editor), the outcome owns its memory.
  std::optional<PoolScope> own_scope;
  if (!InRunPool()) {
    outcome.memory = std::make_shared<StringPool>();
    own_scope.emplace(outcome.memory.get());
  }
  SourceFile file(path, std::move(contents));
  const std::string& text = file.contents();
  std::vector<Finding> findings;

  size_t nul = text.find('\0');
  const bool utf16 = text.size() >= 2 && ((static_cast<unsigned char>(text[0]) == 0xFF && static_cast<unsigned char>(text[1]) == 0xFE) ||
                                          (static_cast<unsigned char>(text[0]) == 0xFE && static_cast<unsigned char>(text[1]) == 0xFF));
  if (utf16) {
    Finding f;
    f.rule = kManifestEncoding.id;
    f.path = path;
    f.offset = 0;
    f.line = 1;
    f.column = 1;
    f.message = "the file is encoded as UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8";
    findings.push_back(std::move(f));
  } else if (nul != std::string::npos) {
    Finding f;
    f.rule = kManifestEncoding.id;
    f.path = path;
    f.offset = nul;
    f.message = "the file contains a NUL byte; it is a binary file, not JSON text";
    findings.push_back(std::move(f));
  } else {
    JsonParseResult parsed = ParseWithLimits(text, options.limits);
    for (const ParseError& error : parsed.errors) {
      Finding f = FindingFor(error);
      f.path = path;
      findings.push_back(std::move(f));
    }
    if (parsed.ok) {
      ManifestDoc doc = NormalizeManifest(path, parsed.root);
      if (!doc.format) {
        findings.clear();  // duplicate keys in a package.json are not our business
        // A walked file that looks like a marketplace document is reported, never skipped.
        const std::string lookalike = MarketplaceLookalikeReason(parsed.root);
        if (explicit_path || !lookalike.empty()) {
          Finding f;
          f.rule = kManifestUnknownFormat.id;
          f.path = path;
          f.offset = parsed.root.offset;
          f.message =
              "not an offer manifest" + (lookalike.empty() ? std::string() : " though " + lookalike) +
              ": expected a leadlint manifest ($schema 'https://leadlint.dev/schemas/manifest-v1.schema.json'), a "
              "Product Ingestion document ($schema 'https://schema.mp.microsoft.com/schema/<resource>/<version>', "
              "such as .../schema/configure/2022-03-01-preview2) or a Cloud Partner Portal offer ('definition.offer')";
          findings.push_back(std::move(f));
          outcome.manifest = true;
        } else {
          outcome.skipped = true;
        }
      } else {
        outcome.manifest = true;
        ReportLongStrings(parsed.root, options.limits, file, &findings, 0);
        CollectSuppressions(parsed.root, file, &outcome.suppressions, &findings, 0);
        for (Suppression& sup : outcome.suppressions) LocateFinding(file, doc.secret_spans, &sup.place);
        for (const Rule& rule : AllRules()) {
          if (rule.file_check() == nullptr || !Enabled(options, rule.id)) continue;
          FileContext ctx(rule, file, options.limits, &findings);
          rule.file_check()(doc, ctx);
        }
        for (Offer& offer : doc.offers) ResolveOffer(file, doc.secret_spans, &offer);
        for (const auto& [first, second] : doc.duplicate_leads) {
          // The second customer-leads of one product replaces the first (the
          // cross-file case is in RunCheck).
          LineCol at = file.Locate(first);
          Finding f;
          f.rule = kManifestDuplicateResource.id;
          f.severity = kManifestDuplicateResource.severity;
          f.path = path;
          f.offset = second;
          f.length = 1;
          f.message = "a second 'customer-leads' resource for the same product; the first is at '" + path + ":" +
                      std::to_string(at.line) + ":" + std::to_string(at.column) +
                      "': the service keeps one lead configuration per product, so one of them is lost";
          f.related = std::make_shared<const std::vector<RelatedPlace>>(std::vector<RelatedPlace>{
              {PooledString(path), first, 1, at.line, at.column, "the first 'customer-leads' resource"}});
          findings.push_back(std::move(f));
        }
        outcome.foreign_test_drives = std::move(doc.foreign_test_drives);
        outcome.foreign_setups = std::move(doc.foreign_setups);
        outcome.offers = std::move(doc.offers);
        for (Finding& f : findings) {
          if (f.line == 0) LocateFinding(file, doc.secret_spans, &f);
        }
      }
    } else {
      outcome.manifest = true;  // JSON that does not parse is always reported
    }
  }
  if (!outcome.manifest && !explicit_path && findings.empty()) outcome.skipped = true;
  for (Finding& f : findings) {
    if (f.line == 0) LocateFinding(file, {}, &f);
    if (Enabled(options, f.rule)) outcome.findings.push_back(std::move(f));
  }
  return outcome;
}

// Applies the storefront and profile rules to one offer; returns its summary
// for the reports and appends its findings (with excerpts) to `out`.
OfferSummary EvaluateOffer(const Offer& offer, const RunOptions& options, const StorefrontRules& storefront_rules,
                         std::vector<Finding>* out) {
  std::vector<Finding> offer_findings;
  for (const Rule& rule : AllRules()) {
    if (rule.offer_check() == nullptr || !Enabled(options, rule.id)) continue;
    OfferContext ctx(rule, options.profile, storefront_rules, &offer_findings);
    rule.offer_check()(offer, ctx);
  }
  OfferSummary summary;
  summary.path = offer.path;
  summary.name = offer.name;
  summary.format = ManifestFormatName(offer.format);
  summary.type = offer.type == OfferType::kUnknown ? offer.type_written : PooledString(OfferTypeId(offer.type));
  std::vector<ListingSummary> listings;
  listings.reserve(offer.listings.size());
  for (const Listing& l : offer.listings) {
    summary.storefronts_assumed = summary.storefronts_assumed || l.assumed;
    ListingSummary ls;
    ls.storefront = StorefrontId(l.storefront);
    ls.kind = ListingKind(offer.type, l.storefront, l.option);
    ls.assumed = l.assumed;
    const StorefrontTerms& terms = storefront_rules.For(l.storefront);
    if (!SoldOn(offer.type, l.storefront)) {
      ls.requirement = "not sold here";
    } else if (terms.listing.count(std::string(ls.kind)) == 0) {
      ls.requirement = "produces no leads";
    } else if (terms.leads.count("your-crm") != 0) {
      ls.requirement = "your CRM";
    } else if (terms.leads.count("azure-marketplace") != 0) {
      ls.requirement = "marketplace keeps leads";
    }
    listings.push_back(ls);
  }
  {
    Requirement req = EvaluateRequirement(offer, options.profile, storefront_rules);
    std::vector<PooledString> reasons(req.reasons.begin(), req.reasons.end());
    for (const std::string& fact : req.unknown_facts) reasons.emplace_back("unknown: " + fact);
    SetOfferDetails(&summary, listings, reasons);
  }
  if (offer.leads.present) summary.destination = offer.leads.destination;
  summary.line = offer.type_place.line;
  summary.column = offer.type_place.column;
  summary.verdict = "pass";
  for (const Finding& f : offer_findings) {
    if (f.severity == Severity::kError) summary.verdict = "fail";
    if (f.rule == kLeadsUndetermined.id && summary.verdict == "pass") summary.verdict = "undetermined";
  }
  // A customer-leads resource judged with a product of another file: editors
  // show where that product is.
  std::shared_ptr<const std::vector<RelatedPlace>> related;
  if (!offer.product_path.empty() && !offer_findings.empty()) {
    const Place& p = offer.product_place;
    related = std::make_shared<const std::vector<RelatedPlace>>(std::vector<RelatedPlace>{
        {offer.product_path, p.offset, p.length, p.line, p.column,
         "the product '" + offer.name.str() + "' whose listings this lead configuration serves"}});
  }
  for (const Finding& f : offer_findings) {
    Finding copy = f;
    copy.excerpt = f.offset == offer.leads.destination_place.offset ? offer.leads.destination_place.excerpt
                   : f.offset == offer.type_place.offset            ? offer.type_place.excerpt
                                                                    : "";
    for (const Listing& l : offer.listings) {
      if (l.place.offset == f.offset) copy.excerpt = l.place.excerpt;
    }
    copy.message = RedactSecrets(copy.message);
    if (related) copy.related = related;
    out->push_back(std::move(copy));
  }
  return summary;
}


RunResult RunCheck(const RunOptions& options) {
  RunResult result;
  result.rules = RuleCatalog();
  // Everything the run interns (paths, excerpts, offer details) lives in its
  // own pool, kept alive by the result and freed with it.
  result.memory = std::make_shared<StringPool>();
  StringPool* const pool = result.memory.get();
  PoolScope scope(pool);
  std::vector<std::string> paths;
  bool read_stdin = false;
  for (const std::string& p : options.paths) {
    if (p == "-") {
      read_stdin = true;
    } else {
      paths.push_back(p);
    }
  }
  Discovery discovery = DiscoverInputs(paths, options.discover);
  if (read_stdin) discovery.files.push_back({"-", true});
  auto in_my_shard = [&](std::string_view path) {
    if (options.shard_count <= 1) return true;
    return ShardOf(std::filesystem::path(path).parent_path().generic_string(), options.shard_count) == options.shard_index;
  };
  // With --shard, the other shards' files are not checked, but their Product
  // Ingestion documents are still read for cross-file references: a product,
  // its customer-leads and its test drive may sit in folders of different
  // shards, and the merged report must equal one run's. Offers read that way
  // only take part in resolution; they are never judged or reported here.
  std::vector<InputFile> reference_files;
  if (options.shard_count > 1) {
    std::vector<InputFile> mine;
    for (InputFile& f : discovery.files) {
      (in_my_shard(f.path) ? mine : reference_files).push_back(f);
    }
    discovery.files = std::move(mine);
    result.other_shard_files = static_cast<int>(reference_files.size());
  }
  // A Product Ingestion document named on the command line (pre-commit passes
  // the staged files) is judged with the other JSON documents of its folder:
  // they are read for references as other shards' are, so that a product, its
  // customer-leads and its test drive give the same verdict whichever of them
  // are named. Offers of such a sibling are judged only when they involve a
  // checked file (see `judged_sibling` below); nothing else of them is reported.
  std::set<std::string> sibling_paths;
  if (options.shard_count <= 1) {
    std::set<std::string_view> in_run;
    for (const InputFile& f : discovery.files) in_run.insert(f.path);
    std::set<std::string> folders;
    for (const InputFile& f : discovery.files) {
      if (f.explicit_path && f.path != "-") folders.insert(std::filesystem::path(f.path.view()).parent_path().generic_string());
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
        if (in_run.count(path) != 0 || options.discover.ignore.Ignored(AbsolutePath(path), false)) continue;
        found.push_back(std::move(path));
      }
      std::sort(found.begin(), found.end());
      for (std::string& path : found) {
        reference_files.push_back({PooledString(path), false});
        sibling_paths.insert(std::move(path));
      }
    }
  }
  // Findings about the inputs themselves (a path that does not exist, a YAML
  // file) are never hidden by --rule: a mistyped path or an option value taken
  // for a path must not vanish from a run that then passes.
  for (const LoadProblem& problem : discovery.problems) {
    if (in_my_shard(problem.path)) result.findings.push_back(FindingFor(problem));
  }
  {
    std::vector<std::string> ignored;
    for (std::string& p : discovery.ignored) {
      if (in_my_shard(p)) ignored.push_back(std::move(p));
    }
    discovery.ignored = std::move(ignored);
  }

  // Documentation: doc sets and docs found among the paths; a configured doc
  // set's English source supplies the storefront rules for the offers below.
  StorefrontRules storefront_rules = options.storefront_rules;
  if (!discovery.markdown.empty() || !options.docs.source.empty()) {
    DocSetOptions doc_options = options.docs;
    doc_options.max_file_bytes = options.limits.max_file_bytes;
    doc_options.checked_paths = options.paths;
    for (const auto& [rule, severity] : options.rule_overrides) {
      if (!severity) doc_options.off_rules.insert(rule);
    }
    Scheduler scheduler(options.jobs);
    DocsResult docs = RunDocs(doc_options, discovery.markdown, options.profile, options.only_rules, scheduler,
                              options.shard_index, options.shard_count);
    for (Finding& f : docs.findings) result.findings.push_back(std::move(f));
    result.files_checked += docs.files_checked;
    result.suppressed += docs.suppressed;
    for (std::string& s : docs.skipped) {
      ++result.files_skipped;
      result.skipped.push_back(std::move(s));
    }
    for (const DocSummary& d : docs.docs) result.checked.push_back(d.path);
    result.docs = std::move(docs.docs);
    if (docs.storefront_rules) storefront_rules = *docs.storefront_rules;
  }
  result.storefront_rules_source = storefront_rules.source;

  const size_t n = discovery.files.size();
  // Each file's outcome is merged as soon as it is ready (under a lock) and
  // then dropped; the order is restored by sorting at the end.
  // Product Ingestion offers waiting for cross-file resolution. A deque grows
  // in blocks: no doubling copy of tens of thousands of offers.
  std::deque<Offer> offers;
  std::vector<Suppression> suppressions;
  result.offers.reserve(n);
  result.checked.reserve(n + result.checked.size());
  std::vector<std::pair<std::vector<std::string>, bool>> foreign_test_drives;
  std::vector<ForeignSetup> foreign_setups;
  std::vector<bool> foreign_test_drive_checked;  // per test drive: stated in a checked file
  std::mutex gather_mutex;
  auto gather = [&](size_t i, FileOutcome o) {
    std::lock_guard<std::mutex> lock(gather_mutex);
    for (Suppression& sup : o.suppressions) suppressions.push_back(std::move(sup));
    for (auto& t : o.foreign_test_drives) {
      foreign_test_drives.push_back(std::move(t));
      foreign_test_drive_checked.push_back(true);
    }
    for (ForeignSetup& s : o.foreign_setups) foreign_setups.push_back(std::move(s));
    if (o.skipped) {
      ++result.files_skipped;
      result.skipped.emplace_back(discovery.files[i].path);
    } else {
      ++result.files_checked;
      result.checked.push_back(discovery.files[i].path == "-" ? PooledString(options.stdin_name) : discovery.files[i].path);
    }
    for (Finding& f : o.findings) result.findings.push_back(std::move(f));
    for (Offer& offer : o.offers) offers.push_back(std::move(offer));
    for (OfferSummary& summary : o.summaries) result.offers.push_back(std::move(summary));
  };
  // leadlint manifests and Cloud Partner Portal documents never refer to other
  // files: their offers are judged as soon as the file is read, and only the
  // summary survives. Product Ingestion offers wait for cross-file resolution.
  auto EvaluateSelfContained = [&](FileOutcome* outcome) {
    std::vector<Offer> deferred;
    for (Offer& offer : outcome->offers) {
      if (offer.format == ManifestFormat::kProductIngestion) {
        deferred.push_back(std::move(offer));
      } else {
        outcome->summaries.push_back(EvaluateOffer(offer, options, storefront_rules, &outcome->findings));
      }
    }
    outcome->offers = std::move(deferred);
  };
  // Another shard's Product Ingestion document: its offers and test drives,
  // for resolution only (no rule runs on it, nothing of it is reported).
  std::set<std::string_view> reference_paths;
  auto read_reference = [&](const InputFile& input) {
    std::string contents;
    std::string error;
    bool too_large = false;
    size_t size = 0;
    const std::string path(input.path);
    if (!ReadInputFile(path, options.limits.max_file_bytes, &contents, &error, &too_large, &size)) return;
    if (!MayBeProductIngestion(contents)) return;
    JsonParseResult parsed = ParseWithLimits(contents, options.limits);
    if (!parsed.ok) return;
    ManifestDoc doc = NormalizeManifest(path, parsed.root);
    if (doc.format != ManifestFormat::kProductIngestion) return;
    std::vector<Suppression> sibling_suppressions;
    if (sibling_paths.count(path) != 0) {
      // A sibling's offers may be judged: give them positions and excerpts,
      // and honour its x-leadlint-ignore entries as a folder run would.
      SourceFile file(path, contents);
      for (Offer& offer : doc.offers) ResolveOffer(file, doc.secret_spans, &offer);
      std::vector<Finding> ignored;
      CollectSuppressions(parsed.root, file, &sibling_suppressions, &ignored, 0);
    }
    std::lock_guard<std::mutex> lock(gather_mutex);
    for (Suppression& sup : sibling_suppressions) suppressions.push_back(std::move(sup));
    reference_paths.insert(input.path);
    for (Offer& offer : doc.offers) offers.push_back(std::move(offer));
    for (auto& t : doc.foreign_test_drives) {
      foreign_test_drives.push_back(std::move(t));
      foreign_test_drive_checked.push_back(false);
    }
    for (ForeignSetup& s : doc.foreign_setups) foreign_setups.push_back(std::move(s));
  };
  const size_t total = n + reference_files.size();
  std::atomic<size_t> next{0};
  const FileSource* const files = &CurrentFiles();
  auto worker = [&]() {
    PoolScope worker_scope(pool);
    FileSourceScope files_scope(files);
    while (true) {
      size_t i = next.fetch_add(1);
      if (i >= total) break;
      if (i >= n) {
        read_reference(reference_files[i - n]);
        continue;
      }
      const InputFile& input = discovery.files[i];
      const std::string path(input.path);
      if (input.path == "-") {
        FileOutcome o = CheckManifestText(options.stdin_name, options.stdin_text, true, options);
        EvaluateSelfContained(&o);
        gather(i, std::move(o));
        continue;
      }
      std::string contents;
      std::string error;
      bool too_large = false;
      size_t size = 0;
      if (!ReadInputFile(path, options.limits.max_file_bytes, &contents, &error, &too_large, &size)) {
        Finding f;
        f.path = input.path;
        f.line = 1;
        f.column = 1;
        if (too_large) {
          f.rule = kManifestLimit.id;
          f.message = "the file is " + std::to_string(size) + " bytes, larger than the limit of " +
                      std::to_string(options.limits.max_file_bytes) + " bytes; it was not checked";
        } else {
          f.rule = kManifestUnreadable.id;
          f.message = error;
        }
        FileOutcome o;
        if (Enabled(options, f.rule)) o.findings.push_back(std::move(f));
        o.manifest = true;
        gather(i, std::move(o));
        continue;
      }
      FileOutcome o = CheckManifestText(path, std::move(contents), input.explicit_path, options);
      EvaluateSelfContained(&o);
      gather(i, std::move(o));
    }
  };
  int jobs = options.jobs > 0 ? options.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  jobs = static_cast<int>(std::min<size_t>(static_cast<size_t>(jobs), std::max<size_t>(1, total)));
  if (jobs <= 1) {
    worker();
  } else {
    std::vector<std::thread> threads;
    for (int t = 0; t < jobs; ++t) threads.emplace_back(worker);
    for (std::thread& t : threads) t.join();
  }

  // Resolve Product Ingestion references across files, in a fixed order.
  for (const std::string& ignored : discovery.ignored) {
    ++result.files_skipped;
    result.skipped.push_back(ignored);
  }
  std::sort(result.checked.begin(), result.checked.end());
  StableSortInPlace(&offers, [](const Offer& a, const Offer& b) {
    return std::tie(a.path, a.type_place.offset) < std::tie(b.path, b.type_place.offset);
  });

  // An index from product key to the products (not orphans) that carry it, in
  // file order: lookups instead of comparing every pair of offers. A sorted
  // array of (key, offer) pairs: 24 bytes per key, no node or list per key.
  std::vector<std::pair<std::string_view, size_t>> products_by_key;  // views into the offers
  for (size_t j = 0; j < offers.size(); ++j) {
    if (offers[j].orphan) continue;
    for (const PooledString& k : offers[j].product_keys) products_by_key.emplace_back(k, j);
  }
  std::sort(products_by_key.begin(), products_by_key.end());
  auto products_with = [&](std::string_view key) {  // in ascending offer order
    struct ByKey {
      bool operator()(const std::pair<std::string_view, size_t>& a, std::string_view b) const { return a.first < b; }
      bool operator()(std::string_view a, const std::pair<std::string_view, size_t>& b) const { return a < b.first; }
    };
    return std::equal_range(products_by_key.begin(), products_by_key.end(), key, ByKey{});
  };
  // Test drives configured in another file than their product.
  std::vector<bool> touched(offers.size(), false);  // a test drive of a checked file applies to it
  for (size_t t = 0; t < foreign_test_drives.size(); ++t) {
    const auto& [keys, enabled] = foreign_test_drives[t];
    std::set<size_t> hit;
    for (const std::string& k : keys) {
      auto [first, last] = products_with(k);
      for (auto it = first; it != last; ++it) hit.insert(it->second);
    }
    for (size_t j : hit) {
      offers[j].test_drive = offers[j].test_drive.value_or(false) || enabled;
      if (foreign_test_drive_checked[t]) touched[j] = true;
    }
  }
  // Commercial marketplace setups in another file than their product.
  for (const ForeignSetup& setup : foreign_setups) {
    std::set<size_t> hit;
    for (const std::string& k : setup.keys) {
      auto [first, last] = products_with(k);
      for (auto it = first; it != last; ++it) hit.insert(it->second);
    }
    for (size_t j : hit) ApplySetup(setup, &offers[j]);
  }
  std::vector<bool> consumed(offers.size(), false);
  std::vector<bool> judged_sibling(offers.size(), false);
  auto is_reference = [&](const Offer& offer) { return reference_paths.count(offer.path) != 0; };
  auto is_sibling = [&](const Offer& offer) { return sibling_paths.count(std::string(offer.path.view())) != 0; };
  std::vector<size_t> resolved_to(offers.size(), offers.size());  // customer-leads -> its product
  std::vector<std::string_view> suggestion_keys;  // distinct product keys, for "did you mean"
  size_t suggestion_budget = 2'000'000;           // key comparisons left for suggestions
  for (size_t index = 0; index < offers.size(); ++index) {
    Offer& offer = offers[index];
    if (!offer.orphan) continue;
    // The first product in file order that carries one of the referenced keys.
    size_t best = offers.size();
    for (const PooledString& k : offer.product_keys) {
      auto [first, last] = products_with(k);
      if (first != last) best = std::min(best, first->second);
    }
    const bool resolved = best < offers.size();
    if (resolved) resolved_to[index] = best;
    if (resolved && is_sibling(offer) && (!is_reference(offers[best]) || touched[best])) {
      judged_sibling[index] = true;
    }
    if (resolved) {
      Offer& product = offers[best];
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
      if (product.is_product_only) consumed[best] = true;
    }
    if (!resolved && !is_reference(offer)) {
      if (Enabled(options, kManifestUnresolvedProduct.id)) {
        Finding f;
        f.rule = kManifestUnresolvedProduct.id;
        f.severity = kManifestUnresolvedProduct.severity;
        f.path = offer.path;
        f.offset = offer.product_ref_place.offset;
        f.line = offer.product_ref_place.line;
        f.column = offer.product_ref_place.column;
        f.excerpt = offer.product_ref_place.excerpt;
        f.length = offer.product_ref_place.length;
        if (offer.unresolved_product_ref.empty()) {
          f.message =
              "'product' names no product leadlint can look up (expected \"product/<durable id>\", "
              "{\"externalId\": ...} or {\"resourceName\": ...}); its offer type and storefronts are unknown";
        } else {
          f.message = "'product' refers to " + KeyText(offer.unresolved_product_ref) +
                      ", which is in none of the checked files; its offer type and storefronts are unknown";
          // A product key of the run close to the reference: a likely typo. The
          // comparisons are bounded so that a run of many unresolved references
          // against many products stays linear.
          if (suggestion_keys.empty()) {
            for (size_t k = 0; k < products_by_key.size(); ++k) {
              if (k == 0 || products_by_key[k].first != products_by_key[k - 1].first) {
                suggestion_keys.push_back(products_by_key[k].first);
              }
            }
          }
          std::string suggestion;
          for (const PooledString& k : offer.product_keys) {
            if (!suggestion.empty() || suggestion_budget < suggestion_keys.size()) break;
            suggestion_budget -= suggestion_keys.size();
            suggestion = Nearest(k, suggestion_keys, 3);
          }
          if (!suggestion.empty()) f.message += " (did you mean " + KeyText(suggestion) + "?)";
        }
        result.findings.push_back(std::move(f));
      }
    }
  }

  // Duplicates, reported on the second (in path and position order), naming
  // the first: two products with one key make every reference to it
  // ambiguous, and of two customer-leads for one product the service keeps one.
  if (Enabled(options, kManifestDuplicateResource.id)) {
    auto report = [&](const Offer& second, const Place& place, std::string message, const Offer& first,
                      const Place& first_place, std::string first_message) {
      if (is_reference(second)) return;
      Finding f;
      f.rule = kManifestDuplicateResource.id;
      f.severity = kManifestDuplicateResource.severity;
      f.path = second.path;
      f.offset = place.offset;
      f.length = place.length;
      f.line = place.line;
      f.column = place.column;
      f.excerpt = place.excerpt;
      f.message = std::move(message);
      f.related = std::make_shared<const std::vector<RelatedPlace>>(std::vector<RelatedPlace>{
          {first.path, first_place.offset, first_place.length, first_place.line, first_place.column,
           std::move(first_message)}});
      result.findings.push_back(std::move(f));
    };
    std::set<std::pair<size_t, size_t>> reported;
    for (size_t a = 0; a < products_by_key.size();) {
      size_t b = a + 1;
      while (b < products_by_key.size() && products_by_key[b].first == products_by_key[a].first) ++b;
      const size_t first = products_by_key[a].second;  // sorted by key, then offer: the earliest
      for (size_t k = a + 1; k < b; ++k) {
        const size_t second = products_by_key[k].second;
        if (second == first || !reported.insert({first, second}).second) continue;
        report(offers[second], offers[second].type_place,
               "a second product with the key " + KeyText(products_by_key[k].first) + "; the first is at '" +
                   Where(offers[first].path, offers[first].type_place) +
                   "': a reference to it cannot tell them apart; give each product its own key",
               offers[first], offers[first].type_place, "the first product with this key");
      }
      a = b;
    }
    // customer-leads per product: the product's own (in its file) and those resolved to it.
    std::map<size_t, std::vector<size_t>> leads_of;
    for (size_t i = 0; i < offers.size(); ++i) {
      if (!offers[i].unresolved_product_ref.empty() && resolved_to[i] < offers.size()) {
        leads_of[resolved_to[i]].push_back(i);
      }
    }
    for (auto& [product, leads] : leads_of) {
      if (!offers[product].is_product_only) leads.insert(leads.begin(), product);
      if (leads.size() < 2) continue;
      auto place_of = [&](size_t i) { return std::tie(offers[i].path, offers[i].leads.object_place.offset); };
      std::sort(leads.begin(), leads.end(), [&](size_t a, size_t b) { return place_of(a) < place_of(b); });
      for (size_t j = 1; j < leads.size(); ++j) {
        const Offer& second = offers[leads[j]];
        report(second, second.leads.object_place,
               "a second 'customer-leads' resource for the product '" + offers[product].name.str() + "'" +
                   "; the first is at '" + Where(offers[leads[0]].path, offers[leads[0]].leads.object_place) +
                   "': the service keeps one lead configuration per product, so one of them is lost",
               offers[leads[0]], offers[leads[0]].leads.object_place, "the first 'customer-leads' resource");
      }
    }
  }

  result.offers.reserve(result.offers.size() + offers.size());
  for (size_t i = 0; i < offers.size(); ++i) {
    if (consumed[i] || (is_reference(offers[i]) && !judged_sibling[i])) continue;
    result.offers.push_back(EvaluateOffer(offers[i], options, storefront_rules, &result.findings));
  }
  // File-level lead errors make the offers of that file fail too.

  // Inline suppressions, then the configuration's severities.
  if (!suppressions.empty()) {
    std::vector<Finding> kept;
    for (Finding& f : result.findings) {
      bool hidden = false;
      for (Suppression& s : suppressions) {
        if (s.rule == f.rule && s.path == f.path && f.offset >= s.begin && f.offset < s.end) {
          s.used = true;
          hidden = true;
        }
      }
      if (hidden) {
        ++result.suppressed;
      } else {
        kept.push_back(std::move(f));
      }
    }
    result.findings = std::move(kept);
    for (Suppression& s : suppressions) {
      if (s.used || !Enabled(options, s.rule) || !Enabled(options, kManifestUnusedSuppression.id)) continue;
      if (sibling_paths.count(s.path) != 0) continue;  // a sibling read for references is not reported on
      auto off = options.rule_overrides.find(s.rule);
      if (off != options.rule_overrides.end() && !off->second) continue;
      Finding f = s.place;
      f.rule = kManifestUnusedSuppression.id;
      f.severity = kManifestUnusedSuppression.severity;
      f.message = "unused suppression: no '" + s.rule + "' finding in this object";
      result.findings.push_back(std::move(f));
    }
  }
  if (!options.rule_overrides.empty()) {
    std::vector<Finding> kept;
    for (Finding& f : result.findings) {
      auto it = options.rule_overrides.find(f.rule.str());
      if (it == options.rule_overrides.end()) {
        kept.push_back(std::move(f));
      } else if (it->second) {
        f.severity = *it->second;
        kept.push_back(std::move(f));
      }
    }
    result.findings = std::move(kept);
  }
  // Every finding is under a registered rule: the readers' ids included (an
  // unknown id would otherwise keep whatever severity its emitter chose).
  assert(std::all_of(result.findings.begin(), result.findings.end(),
                     [](const Finding& f) { return FindRule(f.rule) != nullptr; }));
  StableSortInPlace(&result.findings, FindingLess);
  // Offers arrive in whatever order the threads finish; the key below is total
  // for any two offers a report can tell apart, so the order is the same for any --jobs.
  StableSortInPlace(&result.offers, [](const OfferSummary& a, const OfferSummary& b) {
    return std::tie(a.path, a.line, a.column, a.name, a.destination, a.type) <
           std::tie(b.path, b.line, b.column, b.name, b.destination, b.type);
  });
  std::sort(result.skipped.begin(), result.skipped.end());
  RecomputeVerdicts(&result);
  return result;
}

int ShardOf(std::string_view key, int count) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : key) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return count <= 0 ? 0 : static_cast<int>(h % static_cast<uint64_t>(count));
}

void RecomputeVerdicts(RunResult* result) {
  // path -> worst verdict and the rule of the first finding (in report order)
  // that set it; the values are string literals or pooled, as summaries keep views.
  struct Decision {
    std::string_view verdict;
    PooledString rule;
  };
  std::map<std::string_view, Decision> by_path;
  for (const Finding& f : result->findings) {
    Decision& d = by_path[f.path];
    if (f.severity == Severity::kError && d.verdict != "fail") {
      d.verdict = "fail";
      d.rule = f.rule;
    } else if (f.rule == kLeadsUndetermined.id && d.verdict.empty()) {
      d.verdict = "undetermined";
      d.rule = f.rule;
    }
  }
  for (OfferSummary& s : result->offers) {
    auto it = by_path.find(s.path);
    const bool decided = it != by_path.end() && !it->second.verdict.empty();
    s.verdict = decided ? it->second.verdict : std::string_view("pass");
    s.decided_by = decided ? it->second.rule : PooledString();
  }
}

}  // namespace leadlint
