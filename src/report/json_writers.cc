// The machine report (schemas/report.schema.json, documented in
// docs/formats.md): tool, profile, summary, offers with their verdicts, and
// findings with 1-based line and code-point column. No source excerpts, so no
// secret can travel in it.
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>

#include "report/report.h"
#include "rules/rule.h"

namespace leadlint {

void WriteJsonReport(const RunResult& result, const ReportOptions& options, std::ostream& out) {
  using nlohmann::ordered_json;
  ordered_json doc;
  doc["$schema"] = "https://leadlint.dev/schemas/report.schema.json";
  doc["tool"] = {{"name", "leadlint"}, {"version", options.version}};
  doc["profile"] = options.profile;
  size_t counts[3] = {0, 0, 0};
  for (const Finding& f : result.findings) ++counts[static_cast<int>(f.severity)];
  doc["summary"] = {{"filesChecked", result.files_checked},
                    {"filesSkipped", result.files_skipped},
                    {"errors", counts[2]},
                    {"warnings", counts[1]},
                    {"notes", counts[0]}};
  doc["skipped"] = result.skipped;
  ordered_json offers = ordered_json::array();
  for (const OfferSummary& o : result.offers) {
    offers.push_back({{"path", o.path},
                      {"line", o.line},
                      {"column", o.column},
                      {"name", o.name},
                      {"format", o.format},
                      {"type", o.type},
                      {"storefronts", o.storefronts},
                      {"storefrontsAssumed", o.storefronts_assumed},
                      {"leadDestination", o.destination.empty() ? ordered_json(nullptr) : ordered_json(o.destination)},
                      {"verdict", o.verdict}});
  }
  doc["offers"] = std::move(offers);
  ordered_json docs = ordered_json::array();
  for (const DocSummary& d : result.docs) {
    ordered_json j = {{"path", d.path}, {"locale", d.locale}, {"role", d.role}, {"ruleTables", d.rule_tables}};
    j["source"] = d.source.empty() ? ordered_json(nullptr) : ordered_json(d.source);
    j["freshness"] = d.freshness.empty() ? ordered_json(nullptr) : ordered_json(d.freshness);
    j["translatedFrom"] = d.translated_from.empty() ? ordered_json(nullptr) : ordered_json(d.translated_from);
    docs.push_back(std::move(j));
  }
  doc["docs"] = std::move(docs);
  doc["storefrontRules"] = result.storefront_rules_source;
  ordered_json findings = ordered_json::array();
  for (const Finding& f : result.findings) {
    findings.push_back({{"rule", f.rule},
                        {"severity", std::string(SeverityName(f.severity))},
                        {"path", f.path},
                        {"line", f.line},
                        {"column", f.column},
                        {"message", f.message}});
  }
  doc["findings"] = std::move(findings);
  out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
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

}  // namespace

void WriteSarifReport(const RunResult& result, const ReportOptions& options, std::ostream& out) {
  namespace fs = std::filesystem;
  using nlohmann::ordered_json;

  // SRCROOT: the working directory, or the closest ancestor holding every file,
  // so that every artifact URI is relative and free of "..".
  fs::path root = fs::path(options.working_directory.empty() ? fs::current_path().string() : options.working_directory)
                      .lexically_normal();
  std::vector<fs::path> absolute;
  for (const Finding& f : result.findings) {
    absolute.push_back((fs::path(f.path).is_absolute() ? fs::path(f.path) : root / f.path).lexically_normal());
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
  for (const RuleInfo& r : rules) {
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
    if (!f.excerpt.empty()) region["snippet"] = {{"text", f.excerpt}};
    ordered_json r = {{"ruleId", f.rule},
                      {"ruleIndex", rule_index.count(f.rule) ? rule_index[f.rule] : 0},
                      {"level", std::string(SeverityName(f.severity))},
                      {"message", {{"text", Sentence(f.message)}}},
                      {"locations",
                       ordered_json::array({{{"physicalLocation",
                                              {{"artifactLocation", {{"uri", uri}, {"uriBaseId", "SRCROOT"}}},
                                               {"region", region}}}}})},
                      {"partialFingerprints", {{"leadlintFindingHash/v1", fingerprints[i]}}}};
    results.push_back(std::move(r));
  }

  ordered_json run = {
      {"tool",
       {{"driver",
         {{"name", "leadlint"},
          {"fullName", "leadlint marketplace lead settings checker"},
          {"version", options.version},
          {"semanticVersion", options.version},
          {"informationUri", "https://leadlint.dev/"},
          {"rules", std::move(sarif_rules)}}}}},
      {"invocations", ordered_json::array({{{"executionSuccessful", true}}})},
      {"originalUriBaseIds", {{"SRCROOT", {{"uri", root_uri}}}}},
      {"results", std::move(results)},
      {"columnKind", "unicodeCodePoints"},
      {"properties", {{"profile", options.profile}}}};
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
  root["locale"] = doc.locale_written.empty() ? doc.locale : doc.locale_written;
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
