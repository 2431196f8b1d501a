// The machine report (schemas/report.schema.json, documented in
// docs/formats.md): tool, profile, summary, offers with their verdicts, and
// findings with 1-based line and code-point column. No source excerpts, so no
// secret can travel in it.
#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

#include "report/pretty_json.h"
#include "report/report.h"
#include "report/text_helpers.h"

namespace leadlint {

namespace {

// Appends `text` to `out`, with `prefix` after each of its line breaks.
void Indent(const std::string& text, std::string_view prefix, std::string* out) {
  size_t start = 0;
  for (size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', start)) {
    out->append(text, start, nl + 1 - start);
    out->append(prefix);
    start = nl + 1;
  }
  out->append(text, start, std::string::npos);
}

// Writes `items` as the value of a top-level key, one element at a time, with
// exactly the layout nlohmann's dump(2) gives the whole document: a report of
// 100,000 offers never exists as one DOM, and no element does either.
template <typename T, typename WriteItem>
void StreamArray(std::ostream& out, const char* key, const std::vector<T>& items, WriteItem write_item, bool last) {
  std::string text;  // one write per block of elements, not one stream call per value
  PrettyJson json(&text, 1);
  text.append("  ");
  json.String(key);
  text.append(": ");
  json.OpenArray();
  for (const T& item : items) {
    json.Item();
    write_item(json, item);
    if (text.size() >= 64 * 1024) {
      out.write(text.data(), static_cast<std::streamsize>(text.size()));
      text.clear();
    }
  }
  json.CloseArray();
  text.append(last ? "\n" : ",\n");
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

// "path", "line" and "column" of an offer, a finding or a related place.
template <typename Placed>
void WritePlace(PrettyJson& json, const Placed& p) {
  json.Key("path");
  json.String(p.path);
  json.Key("line");
  json.Int(p.line);
  json.Key("column");
  json.Int(p.column);
}

void WriteOffer(PrettyJson& json, const OfferSummary& o) {
  json.OpenObject();
  WritePlace(json, o);
  json.Key("name");
  json.String(o.name);
  json.Key("format");
  json.String(o.format);
  json.Key("type");
  json.String(o.type);
  json.Key("storefronts");
  json.OpenArray();
  for (const ListingSummary& l : o.listings) {
    json.Item();
    json.String(l.storefront);
  }
  json.CloseArray();
  json.Key("storefrontsAssumed");
  json.Bool(o.storefronts_assumed);
  json.Key("leadDestination");
  json.StringOrNull(o.destination);
  json.Key("verdict");
  json.String(o.verdict);
  json.Key("decidedBy");
  json.StringOrNull(o.decided_by);
  json.CloseObject();
}

void WriteFix(PrettyJson& json, const Fix& fix) {
  json.OpenObject();
  json.Key("description");
  json.String(fix.description);
  json.Key("safe");
  json.Bool(fix.safe);
  json.Key("edits");
  json.OpenArray();
  for (const Edit& e : fix.edits) {
    json.Item();
    json.OpenObject();
    json.Key("offset");
    json.Unsigned(e.offset);
    json.Key("length");
    json.Unsigned(e.length);
    json.Key("replacement");
    json.String(e.replacement);
    json.CloseObject();
  }
  json.CloseArray();
  json.CloseObject();
}

void WriteFinding(PrettyJson& json, const Finding& f) {
  json.OpenObject();
  json.Key("rule");
  json.String(f.rule);
  json.Key("severity");
  json.String(SeverityName(f.severity));
  WritePlace(json, f);
  json.Key("message");
  json.String(f.message);
  if (f.related && !f.related->empty()) {
    json.Key("related");
    json.OpenArray();
    for (const RelatedPlace& r : *f.related) {
      json.Item();
      json.OpenObject();
      WritePlace(json, r);
      json.Key("message");
      json.String(r.message);
      json.CloseObject();
    }
    json.CloseArray();
  }
  if (f.fix) {
    json.Key("fix");
    WriteFix(json, *f.fix);
  }
  json.CloseObject();
}

void WriteDoc(PrettyJson& json, const DocSummary& d) {
  json.OpenObject();
  json.Key("path");
  json.String(d.path);
  json.Key("locale");
  json.String(d.locale);
  json.Key("role");
  json.String(d.role);
  json.Key("ruleTables");
  json.Int(d.rule_tables);
  json.Key("source");
  json.StringOrNull(d.source);
  json.Key("freshness");
  json.StringOrNull(d.freshness);
  json.Key("translatedFrom");
  json.StringOrNull(d.translated_from);
  json.CloseObject();
}

void StreamValue(std::ostream& out, const char* key, const nlohmann::ordered_json& value) {
  std::string text = value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string indented = "  " + nlohmann::ordered_json(key).dump() + ": ";
  Indent(text, "  ", &indented);
  indented += ",\n";
  out.write(indented.data(), static_cast<std::streamsize>(indented.size()));
}

}  // namespace

void WriteJsonReport(const RunResult& result, const ReportOptions& options, std::ostream& out) {
  using nlohmann::ordered_json;
  const std::array<size_t, 3> counts = CountBySeverity(result.findings);
  out << "{\n";
  StreamValue(out, "$schema", "https://leadlint.dev/schemas/report.schema.json");
  StreamValue(out, "tool", ordered_json{{"name", "leadlint"}, {"version", options.version}});
  StreamValue(out, "profile", options.profile);
  if (options.shard_count > 1) {
    StreamValue(out, "shard", ordered_json{{"index", options.shard_index}, {"count", options.shard_count}});
  }
  ordered_json summary{{"filesChecked", result.files_checked},
                       {"filesSkipped", result.files_skipped},
                       {"errors", counts[2]},
                       {"warnings", counts[1]},
                       {"notes", counts[0]}};
  if (result.baseline_applied) {
    summary["baselined"] = result.baselined;
    summary["baselineStale"] = result.baseline_stale;
  }
  StreamValue(out, "summary", summary);
  StreamArray(
      out, "skipped", result.skipped, [](PrettyJson& json, const std::string& s) { json.String(s); }, false);
  StreamArray(out, "offers", result.offers, WriteOffer, false);
  StreamArray(out, "docs", result.docs, WriteDoc, false);
  StreamValue(out, "storefrontRules", result.storefront_rules_source);
  StreamArray(out, "findings", result.findings, WriteFinding, true);
  out << "}\n";
}

}  // namespace leadlint
