// Baseline files are JSON written without nlohmann (one entry per line, so they
// diff well) and read with the positioned reader: a version and a list of
// {rule, path, fingerprint, message} entries (the message is for people).
#include "engine/baseline.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <tuple>

#include "base/fingerprint.h"
#include "base/source_file.h"
#include "load/discover.h"
#include "load/read_file.h"
#include "parse/json.h"

namespace leadlint {
namespace fs = std::filesystem;
namespace {

// The largest baseline read (a million findings take about 250 MB).
constexpr size_t kMaxBaselineBytes = size_t{1} << 30;

// A JSON string literal, escaped by nlohmann like every JSON leadlint writes.
std::string JsonString(std::string_view s) {
  return nlohmann::json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Absolute, with symbolic links resolved as far as the path exists, so that a
// path given through a symlinked folder matches the same file's real path.
fs::path Resolved(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::path(AbsolutePath(path)), ec);
  return ec ? fs::path(AbsolutePath(path)) : p;
}

std::string Folder(const std::string& baseline_file) { return Resolved(baseline_file).parent_path().generic_string(); }

std::string Relative(std::string_view reported, const std::string& folder) {
  std::string rel = Resolved(std::string(reported)).lexically_relative(folder).generic_string();
  return rel.empty() ? std::string(reported) : rel;
}

}  // namespace

std::string BaselinePath(std::string_view reported, const std::string& baseline_file) {
  return Relative(reported, Folder(baseline_file));
}

void WriteBaseline(const std::vector<Finding>& findings, const std::string& baseline_file, std::ostream& out) {
  const std::string folder = Folder(baseline_file);
  std::vector<std::string> paths;
  paths.reserve(findings.size());
  for (const Finding& f : findings) paths.push_back(Relative(f.path, folder));
  std::vector<std::string> prints = Fingerprints(findings, paths);
  out << "{\n  \"leadlintBaseline\": " << kBaselineVersion << ",\n  \"findings\": [";
  for (size_t i = 0; i < findings.size(); ++i) {
    out << (i ? "," : "") << "\n    {\"rule\": " << JsonString(findings[i].rule)
        << ", \"path\": " << JsonString(paths[i]) << ", \"fingerprint\": " << JsonString(prints[i])
        << ", \"message\": " << JsonString(findings[i].message) << "}";
  }
  out << (findings.empty() ? "" : "\n  ") << "]\n}\n";
}

bool ApplyBaseline(const std::string& path, const std::vector<std::string>& checked, std::vector<Finding>* findings,
                   BaselineOutcome* outcome, std::string* error) {
  *outcome = {};
  std::string text;
  std::string read_error;
  if (ReadFileLimited(path, kMaxBaselineBytes, &text, &read_error) != ReadStatus::kOk) {
    *error = "cannot read the baseline '" + path + "'" + (read_error.empty() ? " (larger than 1 GiB)" : "");
    return false;
  }
  SourceFile file(path, std::move(text));
  JsonParseResult parsed = ParseJson(file.contents());
  const JsonNode* list = parsed.ok ? parsed.root.Find("findings") : nullptr;
  const JsonNode* version = parsed.ok ? parsed.root.Find("leadlintBaseline") : nullptr;
  if (list == nullptr || !list->is_array() || version == nullptr || version->type != JsonType::kNumber) {
    *error = "'" + path + "' is not a leadlint baseline (write one with --write-baseline)";
    return false;
  }
  outcome->version = version->text == "1" ? 1 : version->text == "2" ? 2 : 0;
  if (outcome->version == 0) {
    *error = "'" + path + "' is a baseline of format version " + version->text + ", which this leadlint (" +
             "versions 1 and 2) cannot read; write it again with --write-baseline";
    return false;
  }
  // Version 1 recorded paths as reported, relative to where it was written; it
  // matches only from that folder with the same path arguments.
  const bool relative_to_file = outcome->version >= 2;
  const std::string folder = Folder(path);
  auto recorded = [&](std::string_view reported) {
    return relative_to_file ? Relative(reported, folder) : std::string(reported);
  };

  // (rule, path, fingerprint) -> the entries, in file order.
  std::map<std::tuple<std::string, std::string, std::string>, std::vector<const JsonNode*>> known;
  for (const JsonNode& item : list->children) {
    known[{std::string(item.StringAt("rule")), std::string(item.StringAt("path")),
           std::string(item.StringAt("fingerprint"))}]
        .push_back(&item);
  }
  std::vector<std::string> paths;
  paths.reserve(findings->size());
  for (const Finding& f : *findings) paths.push_back(recorded(f.path));
  std::vector<std::string> prints = Fingerprints(*findings, paths);
  std::set<std::string> covered;  // files this run looked at, as recorded
  for (const std::string& c : checked) covered.insert(recorded(c));
  for (const std::string& p : paths) covered.insert(p);
  std::vector<Finding> kept;
  for (size_t i = 0; i < findings->size(); ++i) {
    Finding& f = (*findings)[i];
    auto it = known.find({f.rule.str(), paths[i], prints[i]});
    if (it != known.end() && !it->second.empty()) {
      it->second.erase(it->second.begin());
      ++outcome->removed;
    } else {
      kept.push_back(std::move(f));
    }
  }
  *findings = std::move(kept);
  for (const auto& [key, entries] : known) {
    const std::string& entry_path = std::get<1>(key);
    bool gone = false;
    if (relative_to_file && !entry_path.empty()) {
      std::error_code ec;
      gone = !fs::exists(fs::path(folder) / entry_path, ec);
    }
    if (covered.count(entry_path) == 0 && !gone) continue;  // not part of this run
    for (const JsonNode* item : entries) {
      StaleEntry s;
      s.rule = std::get<0>(key);
      s.path = entry_path;
      s.message = std::string(item->StringAt("message"));
      LineCol lc = file.Locate(item->offset);
      s.line = lc.line;
      s.column = lc.column;
      outcome->stale.push_back(std::move(s));
    }
  }
  std::sort(outcome->stale.begin(), outcome->stale.end(), [](const StaleEntry& a, const StaleEntry& b) {
    return std::tie(a.line, a.column) < std::tie(b.line, b.column);
  });
  return true;
}

}  // namespace leadlint
