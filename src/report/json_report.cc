// The machine report (schemas/report.schema.json, documented in
// docs/formats.md): tool, profile, summary, offers with their verdicts, and
// findings with 1-based line and code-point column. No source excerpts, so no
// secret can travel in it.
#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

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
// 100,000 offers never exists as one DOM.
template <typename T, typename ToJson>
void StreamArray(std::ostream& out, const char* key, const std::vector<T>& items, ToJson to_json, bool last) {
  out << "  " << nlohmann::ordered_json(key).dump() << ": [";
  if (items.empty()) {
    out << "]" << (last ? "\n" : ",\n");
    return;
  }
  out << "\n";
  std::string indented;  // one write per element, not one stream call per character
  for (size_t i = 0; i < items.size(); ++i) {
    std::string text = to_json(items[i]).dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
    indented.assign("    ");
    Indent(text, "    ", &indented);
    indented += i + 1 < items.size() ? ",\n" : "\n";
    out.write(indented.data(), static_cast<std::streamsize>(indented.size()));
  }
  out << "  ]" << (last ? "\n" : ",\n");
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
      out, "skipped", result.skipped, [](const std::string& s) { return ordered_json(s); }, false);
  StreamArray(
      out, "offers", result.offers,
      [](const OfferSummary& o) {
        ordered_json storefronts = ordered_json::array();
        for (const ListingSummary& l : o.listings) storefronts.push_back(l.storefront);
        return ordered_json{
            {"path", o.path},
            {"line", o.line},
            {"column", o.column},
            {"name", o.name},
            {"format", o.format},
            {"type", o.type},
            {"storefronts", std::move(storefronts)},
            {"storefrontsAssumed", o.storefronts_assumed},
            {"leadDestination", o.destination.empty() ? ordered_json(nullptr) : ordered_json(o.destination)},
            {"verdict", o.verdict},
            {"decidedBy", o.decided_by.empty() ? ordered_json(nullptr) : ordered_json(o.decided_by)}};
      },
      false);
  StreamArray(
      out, "docs", result.docs,
      [](const DocSummary& d) {
        ordered_json j = {{"path", d.path}, {"locale", d.locale}, {"role", d.role}, {"ruleTables", d.rule_tables}};
        j["source"] = d.source.empty() ? ordered_json(nullptr) : ordered_json(d.source);
        j["freshness"] = d.freshness.empty() ? ordered_json(nullptr) : ordered_json(d.freshness);
        j["translatedFrom"] = d.translated_from.empty() ? ordered_json(nullptr) : ordered_json(d.translated_from);
        return j;
      },
      false);
  StreamValue(out, "storefrontRules", result.storefront_rules_source);
  StreamArray(
      out, "findings", result.findings,
      [](const Finding& f) {
        ordered_json j = {{"rule", f.rule},     {"severity", std::string(SeverityName(f.severity))},
                          {"path", f.path},     {"line", f.line},
                          {"column", f.column}, {"message", f.message}};
        if (f.fix) {
          ordered_json edits = ordered_json::array();
          for (const Edit& e : f.fix->edits) {
            edits.push_back({{"offset", e.offset}, {"length", e.length}, {"replacement", e.replacement}});
          }
          j["fix"] = {{"description", f.fix->description}, {"safe", f.fix->safe}, {"edits", std::move(edits)}};
        }
        return j;
      },
      true);
  out << "}\n";
}

}  // namespace leadlint
