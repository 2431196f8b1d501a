// SARIF 2.1.0 for code scanning: one run, every rule of the catalog with its
// page, results with partial fingerprints, relative artifact URIs under a
// SRCROOT, and fixes as artifact changes.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "base/fingerprint.h"
#include "report/report.h"
#include "report/text_helpers.h"

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

// The tool-execution notification of a run over GitHub's limit.
nlohmann::ordered_json SarifLimitNotification(size_t results) {
  return {{"level", "warning"}, {"message", {{"text", Sentence(SarifLimitMessage(results))}}}};
}

namespace fs = std::filesystem;
using nlohmann::ordered_json;

// SRCROOT: the working directory, or the closest ancestor holding every file,
// so that every artifact URI is relative and free of "..".
struct SrcRoot {
  fs::path root;
  std::vector<fs::path> absolute;  // one per finding
  fs::path cwd;                    // what relative paths are relative to

  fs::path Absolute(std::string_view path) const {
    const fs::path p(path);
    return (p.is_absolute() ? p : cwd / p).lexically_normal();
  }
  std::string Uri(const fs::path& absolute_path) const;
};

SrcRoot FindSrcRoot(const RunResult& result, const ReportOptions& options) {
  SrcRoot src;
  src.root = fs::path(options.working_directory.empty() ? fs::current_path().string() : options.working_directory)
                 .lexically_normal();
  src.cwd = src.root;
  for (const Finding& f : result.findings) src.absolute.push_back(src.Absolute(f.path));
  auto under = [](const fs::path& p, const fs::path& base) {
    auto rel = p.lexically_relative(base);
    return !rel.empty() && rel.native().rfind("..", 0) != 0;
  };
  auto widen_for = [&](const fs::path& p) {
    while (!under(p, src.root) && src.root.has_parent_path() && src.root != src.root.parent_path()) {
      src.root = src.root.parent_path();
    }
  };
  for (const fs::path& p : src.absolute) widen_for(p);
  for (const Finding& f : result.findings) {
    if (!f.related) continue;
    for (const RelatedPlace& r : *f.related) widen_for(src.Absolute(r.path));
  }
  return src;
}

// A path of the run as an artifact URI relative to SRCROOT.
std::string SrcRoot::Uri(const fs::path& absolute_path) const {
  return PercentEncode(absolute_path.lexically_relative(root).generic_string());
}

// The result's message: the finding's as a sentence and, when it names other
// places, links to its related locations ("[text](id)", SARIF §3.11.6), which
// is how GitHub code scanning shows them; literal brackets are then escaped.
std::string ResultMessage(const Finding& f) {
  if (!f.related || f.related->empty()) return Sentence(f.message);
  auto escaped = [](std::string_view text) {
    std::string out;
    for (const char c : text) {
      if (c == '[' || c == ']') out.push_back('\\');
      out.push_back(c);
    }
    return out;
  };
  std::string text = escaped(Sentence(f.message)) + " See ";
  for (size_t i = 0; i < f.related->size(); ++i) {
    if (i > 0) text += ", ";
    text += "[" + escaped((*f.related)[i].message) + "](" + std::to_string(i) + ")";
  }
  return text + ".";
}

// The places a finding names besides its own (the first of two duplicates,
// the product a lead configuration serves), as SARIF related locations.
ordered_json RelatedLocations(const std::vector<RelatedPlace>& related, const SrcRoot& src) {
  ordered_json locations = ordered_json::array();
  for (const RelatedPlace& r : related) {
    locations.push_back({{"id", locations.size()},
                         {"physicalLocation",
                          {{"artifactLocation", {{"uri", src.Uri(src.Absolute(r.path))}, {"uriBaseId", "SRCROOT"}}},
                           {"region", {{"startLine", std::max(1, r.line)}, {"startColumn", std::max(1, r.column)}}}}},
                         {"message", {{"text", Sentence(r.message)}}}});
  }
  return locations;
}

// Every rule of the catalog, and each id's index in that array.
ordered_json RulesArray(const RunResult& result, std::map<std::string, size_t>* rule_index) {
  ordered_json sarif_rules = ordered_json::array();
  for (const RuleDescriptor& r : result.rules) {
    (*rule_index)[std::string(r.id)] = sarif_rules.size();
    std::string_view doc = r.help_markdown;
    ordered_json rule = {{"id", r.id},
                         {"name", PascalCase(r.id)},
                         {"shortDescription", {{"text", Sentence(std::string(r.summary))}}},
                         {"fullDescription", {{"text", Sentence(std::string(r.summary))}}},
                         {"helpUri", "https://leadlint.dev/rules/" + std::string(r.id)},
                         {"help",
                          {{"text", Sentence("See https://leadlint.dev/rules/" + std::string(r.id) +
                                             " or run 'leadlint explain " + std::string(r.id) + "'")}}},
                         {"defaultConfiguration", {{"level", std::string(SeverityName(r.severity))}}},
                         {"properties", {{"tags", ordered_json::array({std::string(RuleFamily(r.id))})}}}};
    if (!doc.empty()) rule["help"]["markdown"] = std::string(doc);
    sarif_rules.push_back(std::move(rule));
  }
  return sarif_rules;
}

// The repair as SARIF fixes: byte-addressed replacements in the same file
// (never an empty artifactChanges, which GitHub's ingestion rejects).
ordered_json Fixes(const Fix& fix, const std::string& uri) {
  ordered_json replacements = ordered_json::array();
  for (const Edit& e : fix.edits) {
    ordered_json replacement = {{"deletedRegion", {{"byteOffset", e.offset}, {"byteLength", e.length}}}};
    if (!e.replacement.empty()) replacement["insertedContent"] = {{"text", e.replacement}};
    replacements.push_back(std::move(replacement));
  }
  return ordered_json::array(
      {{{"description", {{"text", Sentence(fix.description + (fix.safe ? "" : " (unsafe)"))}}},
        {"artifactChanges", ordered_json::array({{{"artifactLocation", {{"uri", uri}, {"uriBaseId", "SRCROOT"}}},
                                                  {"replacements", std::move(replacements)}}})}}});
}

// One finding as a SARIF result, its artifact URI relative to SRCROOT.
ordered_json Result(const Finding& f, const std::string& uri, const std::string& fingerprint,
                    const std::map<std::string, size_t>& rule_index, const SrcRoot& src) {
  ordered_json region = {{"startLine", std::max(1, f.line)}, {"startColumn", std::max(1, f.column)}};
  if (!f.excerpt.empty()) region["snippet"] = {{"text", f.excerpt.str()}};
  const std::string rule = f.rule.str();
  auto index = rule_index.find(rule);
  ordered_json r = {
      {"ruleId", rule},
      {"ruleIndex", index != rule_index.end() ? index->second : 0},
      {"level", std::string(SeverityName(f.severity))},
      {"message", {{"text", ResultMessage(f)}}},
      {"locations",
       ordered_json::array({{{"physicalLocation",
                              {{"artifactLocation", {{"uri", uri}, {"uriBaseId", "SRCROOT"}}}, {"region", region}}}}})},
      {"partialFingerprints", {{"leadlintFindingHash/v1", fingerprint}}}};
  if (f.related && !f.related->empty()) r["relatedLocations"] = RelatedLocations(*f.related, src);
  if (f.fix && !f.fix->edits.empty()) r["fixes"] = Fixes(*f.fix, uri);
  return r;
}

// Every finding as a result, in artifact-URI order, the order `leadlint merge`
// reproduces.
ordered_json Results(const RunResult& result, const SrcRoot& src, const std::map<std::string, size_t>& rule_index) {
  std::vector<std::string> fingerprints = Fingerprints(result.findings);
  ordered_json results = ordered_json::array();
  for (size_t i = 0; i < result.findings.size(); ++i) {
    results.push_back(Result(result.findings[i], src.Uri(src.absolute[i]), fingerprints[i], rule_index, src));
  }
  auto result_key = [](const ordered_json& r) {
    const ordered_json& loc = r["locations"][0]["physicalLocation"];
    return std::make_tuple(loc["artifactLocation"].value("uri", ""), loc["region"].value("startLine", 0),
                           loc["region"].value("startColumn", 0), r.value("ruleId", ""),
                           r["message"].value("text", ""));
  };
  std::stable_sort(results.begin(), results.end(),
                   [&](const ordered_json& a, const ordered_json& b) { return result_key(a) < result_key(b); });
  return results;
}

// The one run: tool and rules, invocation, SRCROOT, results, properties.
ordered_json Run(const RunResult& result, const ReportOptions& options) {
  SrcRoot src = FindSrcRoot(result, options);
  std::string root_uri = "file://" + PercentEncode(src.root.generic_string());
  if (root_uri.back() != '/') root_uri.push_back('/');
  std::map<std::string, size_t> rule_index;
  ordered_json sarif_rules = RulesArray(result, &rule_index);
  ordered_json results = Results(result, src, rule_index);
  ordered_json run = {
      {"tool",
       {{"driver",
         {{"name", "leadlint"},
          {"fullName", "leadlint marketplace lead settings checker"},
          {"version", options.version},
          {"semanticVersion", options.version},
          {"informationUri", "https://leadlint.dev/"},
          {"rules", std::move(sarif_rules)}}}}},
      {"invocations",
       ordered_json::array({result.findings.size() > kSarifResultLimit
                                ? ordered_json{{"executionSuccessful", true},
                                               {"toolExecutionNotifications",
                                                ordered_json::array({SarifLimitNotification(result.findings.size())})}}
                                : ordered_json{{"executionSuccessful", true}}})},
      {"originalUriBaseIds", {{"SRCROOT", {{"uri", root_uri}}}}},
      {"results", std::move(results)},
      {"columnKind", "unicodeCodePoints"},
      {"properties", {{"profile", options.profile}}}};
  if (options.shard_count > 1) {
    run["properties"]["shard"] = {{"index", options.shard_index}, {"count", options.shard_count}};
  }
  return run;
}

}  // namespace

std::string SarifLimitSentence(size_t results) { return Sentence(SarifLimitMessage(results)); }

std::string SarifLimitMessage(size_t results) {
  return "the SARIF report holds " + std::to_string(results) + " results; GitHub code scanning keeps at most " +
         std::to_string(kSarifResultLimit) +
         " per run: fix or baseline findings, or narrow the run (--rule, --quiet) before uploading";
}

void WriteSarifReport(const RunResult& result, const ReportOptions& options, std::ostream& out) {
  ordered_json doc = {
      {"$schema", "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", ordered_json::array({Run(result, options)})}};
  out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace leadlint
