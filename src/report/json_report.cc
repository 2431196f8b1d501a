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
  json.StringMember("path", p.path);
  json.IntMember("line", p.line);
  json.IntMember("column", p.column);
}

void WriteOffer(PrettyJson& json, const OfferSummary& o) {
  json.OpenObject();
  WritePlace(json, o);
  json.StringMember("name", o.name);
  json.StringMember("format", o.format);
  json.StringMember("type", o.type);
  json.Key("storefronts");
  json.OpenArray();
  for (const ListingSummary& l : o.listings) {
    json.Item();
    json.String(l.storefront);
  }
  json.CloseArray();
  json.BoolMember("storefrontsAssumed", o.storefronts_assumed);
  json.StringOrNullMember("leadDestination", o.destination);
  json.StringMember("verdict", o.verdict);
  json.StringOrNullMember("decidedBy", o.decided_by);
  json.CloseObject();
}

void WriteFix(PrettyJson& json, const Fix& fix) {
  json.OpenObject();
  json.StringMember("description", fix.description);
  json.BoolMember("safe", fix.safe);
  json.Key("edits");
  json.OpenArray();
  for (const Edit& e : fix.edits) {
    json.Item();
    json.OpenObject();
    json.Key("offset");
    json.Unsigned(e.offset);
    json.Key("length");
    json.Unsigned(e.length);
    json.StringMember("replacement", e.replacement);
    json.CloseObject();
  }
  json.CloseArray();
  json.CloseObject();
}

void WriteFinding(PrettyJson& json, const Finding& f) {
  json.OpenObject();
  json.StringMember("rule", f.rule);
  json.StringMember("severity", SeverityName(f.severity));
  WritePlace(json, f);
  json.StringMember("message", f.message);
  if (f.related && !f.related->empty()) {
    json.Key("related");
    json.OpenArray();
    for (const RelatedPlace& r : *f.related) {
      json.Item();
      json.OpenObject();
      WritePlace(json, r);
      json.StringMember("message", r.message);
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
  json.StringMember("path", d.path);
  json.StringMember("locale", d.locale);
  json.StringMember("role", d.role);
  json.IntMember("ruleTables", d.rule_tables);
  json.StringOrNullMember("source", d.source);
  json.StringOrNullMember("freshness", d.freshness);
  json.StringOrNullMember("translatedFrom", d.translated_from);
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
