// The check pipeline. Each file is read, parsed, normalized and checked on its
// own, then dropped: only findings and the small offer model survive, so memory
// follows the largest file rather than the number of files.
#include "engine/engine.h"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>

#include "base/secret_text.h"
#include "base/string_pool.h"
#include "engine/engine_internal.h"
#include "engine/problem_rules.h"
#include "model/manifest.h"
#include "parse/json.h"
#include "rules/rules.h"

namespace leadlint {

bool Enabled(const RunOptions& options, std::string_view rule) {
  return options.only_rules.empty() || options.only_rules.count(std::string(rule)) != 0;
}

namespace {

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

}  // namespace

void ResolveOffer(const SourceFile& file, const std::vector<std::pair<size_t, size_t>>& spans, Offer* offer) {
  ResolvePlace(file, spans, &offer->type_place);
  ResolvePlace(file, spans, &offer->leads.destination_place);
  ResolvePlace(file, spans, &offer->leads.object_place);
  ResolvePlace(file, spans, &offer->product_ref_place);
  for (Listing& l : offer->listings) ResolvePlace(file, spans, &l.place);
}

namespace {

void ReportLongStrings(const JsonNode& node, const Limits& limits, const SourceFile& file, std::vector<Finding>* out,
                       int depth) {
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

}  // namespace

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

void LocateFinding(const SourceFile& file, const std::vector<std::pair<size_t, size_t>>& secret_spans,
                   Finding* finding) {
  LineCol lc = file.Locate(finding->offset);
  finding->line = lc.line;
  finding->column = lc.column;
  finding->excerpt = Excerpt(file, lc.line, secret_spans);
  finding->message = RedactSecrets(finding->message);
}

namespace {

// A UTF-16 file or one with a NUL byte: not JSON text (nullopt when neither).
std::optional<Finding> EncodingProblem(const std::string& path, const std::string& text) {
  const bool utf16 = text.size() >= 2 &&
                     ((static_cast<unsigned char>(text[0]) == 0xFF && static_cast<unsigned char>(text[1]) == 0xFE) ||
                      (static_cast<unsigned char>(text[0]) == 0xFE && static_cast<unsigned char>(text[1]) == 0xFF));
  const size_t nul = text.find('\0');
  if (!utf16 && nul == std::string::npos) return std::nullopt;
  Finding f;
  f.rule = kManifestEncoding.id;
  f.path = path;
  if (utf16) {
    f.offset = 0;
    f.line = 1;
    f.column = 1;
    f.message = "the file is encoded as UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8";
  } else {
    f.offset = nul;
    f.message = "the file contains a NUL byte; it is a binary file, not JSON text";
  }
  return f;
}

// Valid JSON in no known format: reported when named, or when it looks like a
// marketplace document; skipped otherwise.
void ReportUnknownFormat(const std::string& path, const JsonNode& root, bool explicit_path, FileOutcome* outcome,
                         std::vector<Finding>* findings) {
  findings->clear();  // duplicate keys in a package.json are not our business
  const std::string lookalike = MarketplaceLookalikeReason(root);
  if (!explicit_path && lookalike.empty()) {
    outcome->skipped = true;
    return;
  }
  Finding f;
  f.rule = kManifestUnknownFormat.id;
  f.path = path;
  f.offset = root.offset;
  f.message = "not an offer manifest" + (lookalike.empty() ? std::string() : " though " + lookalike) +
              ": expected a leadlint manifest ($schema 'https://leadlint.dev/schemas/manifest-v1.schema.json'), a "
              "Product Ingestion document ($schema 'https://schema.mp.microsoft.com/schema/<resource>/<version>', "
              "such as .../schema/configure/2022-03-01-preview2) or a Cloud Partner Portal offer ('definition.offer')";
  findings->push_back(std::move(f));
  outcome->manifest = true;
}

// The second customer-leads of one product in one file replaces the first (the
// cross-file case is a pass of the run, check_run.cc).
void ReportDuplicateLeadsInFile(const SourceFile& file, const ManifestDoc& doc, std::vector<Finding>* findings) {
  const std::string& path = file.path();
  for (const auto& [first, second] : doc.duplicate_leads) {
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
    findings->push_back(std::move(f));
  }
}

// A manifest in a known format: limits, suppressions, the file rules, places,
// and what the run needs for cross-file resolution.
void CheckManifestDoc(const SourceFile& file, const JsonNode& root, ManifestDoc doc, const RunOptions& options,
                      FileOutcome* outcome, std::vector<Finding>* findings) {
  outcome->manifest = true;
  ReportLongStrings(root, options.limits, file, findings, 0);
  CollectSuppressions(root, file, &outcome->suppressions, findings, 0);
  for (Suppression& sup : outcome->suppressions) LocateFinding(file, doc.secret_spans, &sup.place);
  for (const Rule& rule : AllRules()) {
    if (rule.file_check() == nullptr || !Enabled(options, rule.id)) continue;
    FileContext ctx(rule, file, options.limits, findings);
    rule.file_check()(doc, ctx);
  }
  for (Offer& offer : doc.offers) ResolveOffer(file, doc.secret_spans, &offer);
  ReportDuplicateLeadsInFile(file, doc, findings);
  outcome->foreign_test_drives = std::move(doc.foreign_test_drives);
  outcome->foreign_setups = std::move(doc.foreign_setups);
  outcome->offers = std::move(doc.offers);
  for (Finding& f : *findings) {
    if (f.line == 0) LocateFinding(file, doc.secret_spans, &f);
  }
}

}  // namespace

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
  std::vector<Finding> findings;
  if (std::optional<Finding> encoding = EncodingProblem(path, file.contents())) {
    findings.push_back(std::move(*encoding));
  } else {
    JsonParseResult parsed = ParseWithLimits(file.contents(), options.limits);
    for (const ParseError& error : parsed.errors) {
      Finding f = FindingFor(error);
      f.path = path;
      findings.push_back(std::move(f));
    }
    if (!parsed.ok) {
      outcome.manifest = true;  // JSON that does not parse is always reported
    } else if (ManifestDoc doc = NormalizeManifest(path, parsed.root); !doc.format) {
      ReportUnknownFormat(path, parsed.root, explicit_path, &outcome, &findings);
    } else {
      CheckManifestDoc(file, parsed.root, std::move(doc), options, &outcome, &findings);
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
