// The machine report (schemas/report.schema.json, documented in
// docs/formats.md): tool, profile, summary, offers with their verdicts, and
// findings with 1-based line and code-point column. No source excerpts, so no
// secret can travel in it.
#include <algorithm>
#include <cctype>
#include <map>
#include <tuple>
#include <nlohmann/json.hpp>

#include "report/report.h"
#include "rules/rule.h"

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
  out << "  \"" << key << "\": [";
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
  std::string indented = std::string("  \"") + key + "\": ";
  Indent(text, "  ", &indented);
  indented += ",\n";
  out.write(indented.data(), static_cast<std::streamsize>(indented.size()));
}

}  // namespace

void WriteJsonReport(const RunResult& result, const ReportOptions& options, std::ostream& out) {
  using nlohmann::ordered_json;
  size_t counts[3] = {0, 0, 0};
  for (const Finding& f : result.findings) ++counts[static_cast<int>(f.severity)];
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
  StreamArray(out, "skipped", result.skipped, [](const std::string& s) { return ordered_json(s); }, false);
  StreamArray(out, "offers", result.offers, [](const OfferSummary& o) {
    ordered_json storefronts = ordered_json::array();
    for (const ListingSummary& l : o.listings) storefronts.push_back(l.storefront);
    return ordered_json{{"path", o.path},
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
  }, false);
  StreamArray(out, "docs", result.docs, [](const DocSummary& d) {
    ordered_json j = {{"path", d.path}, {"locale", d.locale}, {"role", d.role}, {"ruleTables", d.rule_tables}};
    j["source"] = d.source.empty() ? ordered_json(nullptr) : ordered_json(d.source);
    j["freshness"] = d.freshness.empty() ? ordered_json(nullptr) : ordered_json(d.freshness);
    j["translatedFrom"] = d.translated_from.empty() ? ordered_json(nullptr) : ordered_json(d.translated_from);
    return j;
  }, false);
  StreamValue(out, "storefrontRules", result.storefront_rules_source);
  StreamArray(out, "findings", result.findings, [](const Finding& f) {
    ordered_json j = {{"rule", f.rule},
                      {"severity", std::string(SeverityName(f.severity))},
                      {"path", f.path},
                      {"line", f.line},
                      {"column", f.column},
                      {"message", f.message}};
    if (f.fix) {
      ordered_json edits = ordered_json::array();
      for (const Edit& e : f.fix->edits) {
        edits.push_back({{"offset", e.offset}, {"length", e.length}, {"replacement", e.replacement}});
      }
      j["fix"] = {{"description", f.fix->description}, {"safe", f.fix->safe}, {"edits", std::move(edits)}};
    }
    return j;
  }, true);
  out << "}\n";
}

}  // namespace leadlint

// ---------------------------------------------------------------------------
// SARIF 2.1.0 (kept in this translation unit so nlohmann is compiled once for
// every JSON-based writer).

#include <filesystem>

#include "engine/fingerprint.h"
#include "schema/embedded_schemas.h"

namespace leadlint {
namespace {

std::string PascalCase(std::string_view id) {
  std::string out;
  bool upper = true;
  for (char c : id) {
    if (c == '-') {
      upper = true;
      continue;
    }
    out.push_back(upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c);
    upper = false;
  }
  return out;
}

std::string Sentence(std::string text) {
  if (!text.empty() && text.back() != '.' && text.back() != '?' && text.back() != '!') text.push_back('.');
  if (!text.empty()) text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  return text;
}

std::string PercentEncode(std::string_view path) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

std::string_view DocOf(std::string_view id) {
  std::string name = std::string(id) + ".md";
  for (const EmbeddedFile& f : EmbeddedRuleDocs()) {
    if (f.name == name) return f.text;
  }
  return {};
}

// The tool-execution notification of a run over GitHub's limit.
nlohmann::ordered_json SarifLimitNotification(size_t results) {
  return {{"level", "warning"}, {"message", {{"text", Sentence(SarifLimitMessage(results))}}}};
}

}  // namespace

std::string SarifLimitMessage(size_t results) {
  return "the SARIF report holds " + std::to_string(results) + " results; GitHub code scanning keeps at most " +
         std::to_string(kSarifResultLimit) +
         " per run: fix or baseline findings, or narrow the run (--rule, --quiet) before uploading";
}

void WriteSarifReport(const RunResult& result, const ReportOptions& options, std::ostream& out) {
  namespace fs = std::filesystem;
  using nlohmann::ordered_json;

  // SRCROOT: the working directory, or the closest ancestor holding every file,
  // so that every artifact URI is relative and free of "..".
  fs::path root = fs::path(options.working_directory.empty() ? fs::current_path().string() : options.working_directory)
                      .lexically_normal();
  std::vector<fs::path> absolute;
  for (const Finding& f : result.findings) {
    const fs::path path(f.path.view());
    absolute.push_back((path.is_absolute() ? path : root / path).lexically_normal());
  }
  auto under = [](const fs::path& p, const fs::path& base) {
    auto rel = p.lexically_relative(base);
    return !rel.empty() && rel.native().rfind("..", 0) != 0;
  };
  for (const fs::path& p : absolute) {
    while (!under(p, root) && root.has_parent_path() && root != root.parent_path()) root = root.parent_path();
  }
  std::string root_uri = "file://" + PercentEncode(root.generic_string());
  if (root_uri.back() != '/') root_uri.push_back('/');

  const auto& rules = AllRules();
  ordered_json sarif_rules = ordered_json::array();
  std::map<std::string, size_t> rule_index;
  for (const Rule& r : rules) {
    rule_index[std::string(r.id)] = sarif_rules.size();
    std::string_view doc = DocOf(r.id);
    ordered_json rule = {{"id", r.id},
                         {"name", PascalCase(r.id)},
                         {"shortDescription", {{"text", Sentence(std::string(r.summary))}}},
                         {"fullDescription", {{"text", Sentence(std::string(r.summary))}}},
                         {"helpUri", "https://leadlint.dev/rules/" + std::string(r.id)},
                         {"help", {{"text", Sentence("See https://leadlint.dev/rules/" + std::string(r.id) +
                                                     " or run 'leadlint explain " + std::string(r.id) + "'")}}},
                         {"defaultConfiguration", {{"level", std::string(SeverityName(r.severity))}}},
                         {"properties", {{"tags", ordered_json::array({std::string(r.id.substr(0, r.id.find('-')))})}}}};
    if (!doc.empty()) rule["help"]["markdown"] = std::string(doc);
    sarif_rules.push_back(std::move(rule));
  }

  std::vector<std::string> fingerprints = Fingerprints(result.findings);
  ordered_json results = ordered_json::array();
  for (size_t i = 0; i < result.findings.size(); ++i) {
    const Finding& f = result.findings[i];
    std::string uri = PercentEncode(absolute[i].lexically_relative(root).generic_string());
    ordered_json region = {{"startLine", std::max(1, f.line)}, {"startColumn", std::max(1, f.column)}};
    if (!f.excerpt.empty()) region["snippet"] = {{"text", f.excerpt.str()}};
    const std::string rule = f.rule.str();
    ordered_json r = {{"ruleId", rule},
                      {"ruleIndex", rule_index.count(rule) ? rule_index[rule] : 0},
                      {"level", std::string(SeverityName(f.severity))},
                      {"message", {{"text", Sentence(f.message)}}},
                      {"locations",
                       ordered_json::array({{{"physicalLocation",
                                              {{"artifactLocation", {{"uri", uri}, {"uriBaseId", "SRCROOT"}}},
                                               {"region", region}}}}})},
                      {"partialFingerprints", {{"leadlintFindingHash/v1", fingerprints[i]}}}};
    // The repair as SARIF fixes: byte-addressed replacements in the same file
    // (never an empty artifactChanges, which GitHub's ingestion rejects).
    if (f.fix && !f.fix->edits.empty()) {
      ordered_json replacements = ordered_json::array();
      for (const Edit& e : f.fix->edits) {
        ordered_json replacement = {{"deletedRegion", {{"byteOffset", e.offset}, {"byteLength", e.length}}}};
        if (!e.replacement.empty()) replacement["insertedContent"] = {{"text", e.replacement}};
        replacements.push_back(std::move(replacement));
      }
      r["fixes"] = ordered_json::array(
          {{{"description", {{"text", Sentence(f.fix->description + (f.fix->safe ? "" : " (unsafe)"))}}},
            {"artifactChanges",
             ordered_json::array({{{"artifactLocation", {{"uri", uri}, {"uriBaseId", "SRCROOT"}}},
                                   {"replacements", std::move(replacements)}}})}}});
    }
    results.push_back(std::move(r));
  }

  // Results in artifact-URI order, the order `leadlint merge` reproduces.
  auto result_key = [](const ordered_json& r) {
    const ordered_json& loc = r["locations"][0]["physicalLocation"];
    return std::make_tuple(loc["artifactLocation"].value("uri", ""), loc["region"].value("startLine", 0),
                           loc["region"].value("startColumn", 0), r.value("ruleId", ""), r["message"].value("text", ""));
  };
  std::stable_sort(results.begin(), results.end(),
                   [&](const ordered_json& a, const ordered_json& b) { return result_key(a) < result_key(b); });

  ordered_json run = {
      {"tool",
       {{"driver",
         {{"name", "leadlint"},
          {"fullName", "leadlint marketplace lead settings checker"},
          {"version", options.version},
          {"semanticVersion", options.version},
          {"informationUri", "https://leadlint.dev/"},
          {"rules", std::move(sarif_rules)}}}}},
      {"invocations", ordered_json::array({result.findings.size() > kSarifResultLimit
                                               ? ordered_json{{"executionSuccessful", true},
                                                              {"toolExecutionNotifications",
                                                               ordered_json::array({SarifLimitNotification(
                                                                   result.findings.size())})}}
                                               : ordered_json{{"executionSuccessful", true}}})},
      {"originalUriBaseIds", {{"SRCROOT", {{"uri", root_uri}}}}},
      {"results", std::move(results)},
      {"columnKind", "unicodeCodePoints"},
      {"properties", {{"profile", options.profile}}}};
  if (options.shard_count > 1) {
    run["properties"]["shard"] = {{"index", options.shard_index}, {"count", options.shard_count}};
  }
  ordered_json doc = {{"$schema", "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"},
                      {"version", "2.1.0"},
                      {"runs", ordered_json::array({std::move(run)})}};
  out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace leadlint

// ---------------------------------------------------------------------------
// `leadlint extract`: the four storefront rule tables of one document.

#include "model/doc.h"

namespace leadlint {

void WriteExtractJson(const DocModel& doc, std::ostream& out) {
  using nlohmann::ordered_json;
  auto place = [&](ordered_json& j, size_t offset) {
    LineCol lc = doc.file.Locate(offset);
    j["line"] = lc.line;
    j["column"] = lc.column;
  };
  ordered_json root;
  root["path"] = doc.path;
  root["locale"] = !doc.locale_written.empty() ? doc.locale_written : !doc.locale.empty() ? doc.locale : "en";
  root["alignedWith"] = doc.aligned_with;
  ordered_json tables = ordered_json::array();
  for (const RuleTable& t : doc.rule_tables) {
    ordered_json jt;
    jt["kind"] = t.kind.empty() ? ordered_json(nullptr) : ordered_json(t.kind);
    place(jt, t.offset);
    jt["header"] = {{"text", t.header.text}};
    place(jt["header"], t.header.offset);
    ordered_json rows = ordered_json::array();
    for (const RuleTableRow& row : t.rows) {
      ordered_json jr;
      jr["storefront"] = row.storefront.canonical.empty() ? ordered_json(nullptr) : ordered_json(row.storefront.canonical);
      jr["text"] = row.storefront.text;
      place(jr, row.storefront.offset);
      ordered_json items = ordered_json::array();
      for (const DocTerm& item : row.items) {
        ordered_json ji;
        ji["text"] = item.text;
        ji["canonical"] = item.canonical.empty() ? ordered_json(nullptr) : ordered_json(item.canonical);
        place(ji, item.offset);
        items.push_back(std::move(ji));
      }
      jr["items"] = std::move(items);
      rows.push_back(std::move(jr));
    }
    jt["rows"] = std::move(rows);
    tables.push_back(std::move(jt));
  }
  root["tables"] = std::move(tables);
  out << root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace leadlint

// ---------------------------------------------------------------------------
// `leadlint merge`: shard reports combined into the report of a single run.

#include <fstream>
#include <sstream>
#include <tuple>

namespace leadlint {

namespace {

// The shards must be exactly 1..N of one --shard N, each once; a report of an
// unsharded run cannot be merged with shards. Reports written before shards
// were recorded carry no "shard" at all and are taken as they are.
bool CheckShards(const std::string& format, const std::vector<std::string>& inputs,
                 const std::vector<nlohmann::ordered_json>& docs, std::string* error) {
  std::map<int, std::string> seen;  // index -> input
  int count = 0;
  size_t unsharded = 0;
  for (size_t i = 0; i < docs.size(); ++i) {
    // Where the shard is recorded: the report itself, or the SARIF run's property bag
    // (the shapes were checked when the inputs were read).
    const nlohmann::ordered_json& run = format == "sarif" ? docs[i]["runs"][0] : docs[i];
    const nlohmann::ordered_json* bag = format != "sarif" ? &run : run.contains("properties") ? &run["properties"] : nullptr;
    const nlohmann::ordered_json* shard = bag != nullptr && bag->is_object() && bag->contains("shard") ? &(*bag)["shard"] : nullptr;
    if (shard == nullptr) {
      ++unsharded;
      continue;
    }
    const int index = shard->value("index", 0);
    const int n = shard->value("count", 0);
    if (count != 0 && n != count) {
      *error = "'" + inputs[i] + "' is shard " + std::to_string(index) + "/" + std::to_string(n) + ", but '" +
               seen.begin()->second + "' is from --shard K/" + std::to_string(count) + "; merge the shards of one run";
      return false;
    }
    count = n;
    auto [it, inserted] = seen.emplace(index, inputs[i]);
    if (!inserted) {
      *error = "'" + inputs[i] + "' and '" + it->second + "' are both shard " + std::to_string(index) + "/" +
               std::to_string(n) + "; each shard must be merged once";
      return false;
    }
  }
  if (seen.empty()) return true;
  if (unsharded != 0) {
    *error = std::to_string(unsharded) + " of the reports did not come from a --shard run; merge only the shards of one run";
    return false;
  }
  std::string missing;
  for (int k = 1; k <= count; ++k) {
    if (seen.count(k) == 0) missing += (missing.empty() ? "" : ", ") + std::to_string(k) + "/" + std::to_string(count);
  }
  if (!missing.empty()) {
    const bool several = missing.find(',') != std::string::npos;
    *error = std::string(several ? "shards " : "shard ") + missing + (several ? " are" : " is") +
             " missing: the merged report would not be the whole run's";
    return false;
  }
  return true;
}

}  // namespace

bool MergeReports(const std::string& format, const std::vector<std::string>& inputs, std::ostream& out,
                  std::string* error, size_t* merged_results) {
  using nlohmann::ordered_json;
  std::vector<ordered_json> docs;
  for (const std::string& path : inputs) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      *error = "cannot read '" + path + "'";
      return false;
    }
    try {
      docs.push_back(ordered_json::parse(in));
    } catch (const std::exception& e) {
      *error = "'" + path + "' is not JSON: " + e.what();
      return false;
    }
    const ordered_json& d = docs.back();
    if (format == "sarif" && (!d.is_object() || d.value("version", "") != "2.1.0" || !d.contains("runs") ||
                              !d["runs"].is_array() || d["runs"].empty())) {
      *error = "'" + path + "' is not a leadlint SARIF 2.1.0 log";
      if (d.is_object() && d.contains("findings") && d.contains("summary")) {
        *error += "; it is a JSON report: merge JSON reports without '--format sarif'";
      }
      return false;
    }
    if (format != "sarif" && (!d.is_object() || !d.contains("findings") || !d.contains("summary"))) {
      *error = "'" + path + "' is not a leadlint JSON report";
      return false;
    }
  }
  if (docs.empty()) {
    *error = "nothing to merge";
    return false;
  }
  try {
    if (!CheckShards(format, inputs, docs, error)) return false;
    if (format == "sarif") {
      ordered_json merged = docs.front();
      ordered_json results = ordered_json::array();
      for (const ordered_json& d : docs) {
        if (d["runs"][0]["originalUriBaseIds"] != merged["runs"][0]["originalUriBaseIds"]) {
          *error = "the shards were run from different folders (their SRCROOT differs)";
          return false;
        }
        for (const ordered_json& r : d["runs"][0]["results"]) results.push_back(r);
      }
      auto key = [](const ordered_json& r) {
        const ordered_json& loc = r["locations"][0]["physicalLocation"];
        return std::make_tuple(loc["artifactLocation"].value("uri", ""), loc["region"].value("startLine", 0),
                               loc["region"].value("startColumn", 0), r.value("ruleId", ""),
                               r["message"].value("text", ""));
      };
      std::stable_sort(results.begin(), results.end(),
                       [&](const ordered_json& a, const ordered_json& b) { return key(a) < key(b); });
      // One run per tool and category (GitHub refuses several in one upload),
      // with the notification a single run of this size would carry.
      if (merged_results != nullptr) *merged_results = results.size();
      ordered_json& invocation = merged["runs"][0]["invocations"][0];
      if (invocation.is_object()) {
        invocation.erase("toolExecutionNotifications");
        if (results.size() > kSarifResultLimit) {
          invocation["toolExecutionNotifications"] = ordered_json::array({SarifLimitNotification(results.size())});
        }
      }
      merged["runs"][0]["results"] = std::move(results);
      if (merged["runs"][0].contains("properties") && merged["runs"][0]["properties"].is_object()) {
        merged["runs"][0]["properties"].erase("shard");
      }
      out << merged.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
      return true;
    }
    ordered_json merged = docs.front();
    const std::string profile = merged.value("profile", "");
    ordered_json offers = ordered_json::array();
    ordered_json findings = ordered_json::array();
    ordered_json doc_list = ordered_json::array();
    std::vector<std::string> skipped;
    long counts[5] = {0, 0, 0, 0, 0};
    const char* kCounts[] = {"filesChecked", "filesSkipped", "errors", "warnings", "notes"};
    std::string storefront_rules = merged.value("storefrontRules", "built-in (seed)");
    for (const ordered_json& d : docs) {
      if (d.value("profile", "") != profile) {
        *error = "the shards were run with different profiles";
        return false;
      }
      for (int i = 0; i < 5; ++i) counts[i] += d["summary"].value(kCounts[i], 0L);
      for (const auto& s : d["skipped"]) skipped.push_back(s.get<std::string>());
      for (const auto& o : d["offers"]) offers.push_back(o);
      for (const auto& f : d["findings"]) findings.push_back(f);
      if (d.contains("docs")) {
        for (const auto& x : d["docs"]) doc_list.push_back(x);
      }
      if (d.value("storefrontRules", "built-in (seed)") != "built-in (seed)") storefront_rules = d["storefrontRules"];
    }
    auto finding_key = [](const ordered_json& f) {
      return std::make_tuple(f.value("path", ""), f.value("line", 0), f.value("column", 0), f.value("rule", ""),
                             f.value("message", ""));
    };
    std::stable_sort(findings.begin(), findings.end(),
                     [&](const ordered_json& a, const ordered_json& b) { return finding_key(a) < finding_key(b); });
    // The engine's order (engine.cc): path, line, column, name, destination, type.
    auto text = [](const ordered_json& o, const char* key) {
      return o.contains(key) && o[key].is_string() ? o[key].get<std::string>() : std::string();
    };
    auto offer_key = [&](const ordered_json& o) {
      return std::make_tuple(text(o, "path"), o.value("line", 0), o.value("column", 0), text(o, "name"),
                             text(o, "leadDestination"), text(o, "type"));
    };
    std::stable_sort(offers.begin(), offers.end(),
                     [&](const ordered_json& a, const ordered_json& b) { return offer_key(a) < offer_key(b); });
    std::stable_sort(doc_list.begin(), doc_list.end(), [](const ordered_json& a, const ordered_json& b) {
      return a.value("path", "") < b.value("path", "");
    });
    std::sort(skipped.begin(), skipped.end());
    for (int i = 0; i < 5; ++i) merged["summary"][kCounts[i]] = counts[i];
    if (merged_results != nullptr) *merged_results = findings.size();
    for (const char* key : {"baselined", "baselineStale"}) {
      long total = 0;
      bool present = false;
      for (const ordered_json& d : docs) {
        if (d["summary"].contains(key)) {
          present = true;
          total += d["summary"].value(key, 0L);
        }
      }
      if (present) merged["summary"][key] = total;
    }
    merged["skipped"] = skipped;
    merged["offers"] = std::move(offers);
    merged["docs"] = std::move(doc_list);
    merged["storefrontRules"] = storefront_rules;
    merged["findings"] = std::move(findings);
    merged.erase("shard");
    out << merged.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    return true;
  } catch (const std::exception& e) {
    *error = std::string("malformed report: ") + e.what();
    return false;
  }
}

}  // namespace leadlint
