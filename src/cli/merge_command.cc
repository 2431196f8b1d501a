// `leadlint merge`: the JSON or SARIF reports of shards (--shard K/N) combined
// into the report one unsharded run would have written. It reads files, so it
// belongs to the CLI, not to the writers of report/.
#include "cli/merge_command.h"

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <tuple>

#include "load/read_file.h"
#include "report/report.h"

namespace leadlint {

namespace {

// The largest shard report merged (a million findings take about 400 MB of JSON).
constexpr size_t kMaxReportBytes = size_t{2} << 30;

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
    const nlohmann::ordered_json* bag = format != "sarif"            ? &run
                                        : run.contains("properties") ? &run["properties"]
                                                                     : nullptr;
    const nlohmann::ordered_json* shard =
        bag != nullptr && bag->is_object() && bag->contains("shard") ? &(*bag)["shard"] : nullptr;
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
    *error =
        std::to_string(unsharded) + " of the reports did not come from a --shard run; merge only the shards of one run";
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

// Reads and parses every input; each must be a leadlint report of `format`.
bool ReadReports(const std::string& format, const std::vector<std::string>& inputs,
                 std::vector<nlohmann::ordered_json>* docs, std::string* error) {
  using nlohmann::ordered_json;
  for (const std::string& path : inputs) {
    std::string text;
    std::string read_error;
    if (ReadFileLimited(path, kMaxReportBytes, &text, &read_error) != ReadStatus::kOk) {
      *error = "cannot read '" + path + "'" +
               (read_error.empty() ? " (larger than " + std::to_string(kMaxReportBytes >> 20) + " MiB)" : "");
      return false;
    }
    try {
      docs->push_back(ordered_json::parse(text));
    } catch (const std::exception& e) {
      *error = "'" + path + "' is not JSON: " + e.what();
      return false;
    }
    const ordered_json& d = docs->back();
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
  if (docs->empty()) {
    *error = "nothing to merge";
    return false;
  }
  return true;
}

// SARIF logs: one run with every shard's results, sorted as one run sorts them.
bool MergeSarif(const std::vector<nlohmann::ordered_json>& docs, std::ostream& out, std::string* error,
                size_t* merged_results) {
  using nlohmann::ordered_json;
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
      invocation["toolExecutionNotifications"] = ordered_json::array(
          {nlohmann::ordered_json{{"level", "warning"}, {"message", {{"text", SarifLimitSentence(results.size())}}}}});
    }
  }
  merged["runs"][0]["results"] = std::move(results);
  if (merged["runs"][0].contains("properties") && merged["runs"][0]["properties"].is_object()) {
    merged["runs"][0]["properties"].erase("shard");
  }
  out << merged.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  return true;
}

// Sorts the merged lists of a JSON report as the engine sorts one run's.
void SortMerged(nlohmann::ordered_json* findings, nlohmann::ordered_json* offers, nlohmann::ordered_json* doc_list,
                std::vector<std::string>* skipped) {
  using nlohmann::ordered_json;
  auto finding_key = [](const ordered_json& f) {
    return std::make_tuple(f.value("path", ""), f.value("line", 0), f.value("column", 0), f.value("rule", ""),
                           f.value("message", ""));
  };
  std::stable_sort(findings->begin(), findings->end(),
                   [&](const ordered_json& a, const ordered_json& b) { return finding_key(a) < finding_key(b); });
  // The engine's order (engine.cc): path, line, column, name, destination, type.
  auto text = [](const ordered_json& o, const char* key) {
    return o.contains(key) && o[key].is_string() ? o[key].get<std::string>() : std::string();
  };
  auto offer_key = [&](const ordered_json& o) {
    return std::make_tuple(text(o, "path"), o.value("line", 0), o.value("column", 0), text(o, "name"),
                           text(o, "leadDestination"), text(o, "type"));
  };
  std::stable_sort(offers->begin(), offers->end(),
                   [&](const ordered_json& a, const ordered_json& b) { return offer_key(a) < offer_key(b); });
  std::stable_sort(doc_list->begin(), doc_list->end(), [](const ordered_json& a, const ordered_json& b) {
    return a.value("path", "") < b.value("path", "");
  });
  std::sort(skipped->begin(), skipped->end());
}

// JSON reports: the lists joined and sorted, the summary counts added up.
bool MergeJson(const std::vector<nlohmann::ordered_json>& docs, std::ostream& out, std::string* error,
               size_t* merged_results) {
  using nlohmann::ordered_json;
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
  SortMerged(&findings, &offers, &doc_list, &skipped);
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
}

}  // namespace

bool MergeReports(const std::string& format, const std::vector<std::string>& inputs, std::ostream& out,
                  std::string* error, size_t* merged_results) {
  std::vector<nlohmann::ordered_json> docs;
  if (!ReadReports(format, inputs, &docs, error)) return false;
  try {
    if (!CheckShards(format, inputs, docs, error)) return false;
    if (format == "sarif") return MergeSarif(docs, out, error, merged_results);
    return MergeJson(docs, out, error, merged_results);
  } catch (const std::exception& e) {
    *error = std::string("malformed report: ") + e.what();
    return false;
  }
}

}  // namespace leadlint
