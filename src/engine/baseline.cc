// Baseline files are JSON written and read without nlohmann: a version and a
// list of {rule, path, fingerprint, message} entries (the message is for people).
#include "engine/baseline.h"

#include <fstream>
#include <set>
#include <sstream>
#include <tuple>

#include "engine/fingerprint.h"
#include "parse/json.h"

namespace leadlint {
namespace {

std::string JsonString(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
    } else if (c < 0x20) {
      static const char kHex[] = "0123456789abcdef";
      out += "\\u00";
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out + "\"";
}

}  // namespace

void WriteBaseline(const std::vector<Finding>& findings, std::ostream& out) {
  std::vector<std::string> prints = Fingerprints(findings);
  out << "{\n  \"leadlintBaseline\": 1,\n  \"findings\": [";
  for (size_t i = 0; i < findings.size(); ++i) {
    out << (i ? "," : "") << "\n    {\"rule\": " << JsonString(findings[i].rule) << ", \"path\": "
        << JsonString(findings[i].path) << ", \"fingerprint\": " << JsonString(prints[i])
        << ", \"message\": " << JsonString(findings[i].message) << "}";
  }
  out << (findings.empty() ? "" : "\n  ") << "]\n}\n";
}

bool ApplyBaseline(const std::string& path, std::vector<Finding>* findings, size_t* removed, std::string* error) {
  *removed = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "cannot read baseline '" + path + "'";
    return false;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  JsonParseResult parsed = ParseJson(text);
  const JsonNode* list = parsed.ok ? parsed.root.Find("findings") : nullptr;
  if (list == nullptr || !list->is_array() || parsed.root.Find("leadlintBaseline") == nullptr) {
    *error = "'" + path + "' is not a leadlint baseline (write one with --write-baseline)";
    return false;
  }
  std::multiset<std::tuple<std::string, std::string, std::string>> known;
  for (const JsonNode& item : list->children) {
    known.emplace(std::string(item.StringAt("rule")), std::string(item.StringAt("path")),
                  std::string(item.StringAt("fingerprint")));
  }
  std::vector<std::string> prints = Fingerprints(*findings);
  std::vector<Finding> kept;
  for (size_t i = 0; i < findings->size(); ++i) {
    Finding& f = (*findings)[i];
    auto it = known.find({f.rule.str(), f.path.str(), prints[i]});
    if (it != known.end()) {
      known.erase(it);
      ++*removed;
    } else {
      kept.push_back(std::move(f));
    }
  }
  *findings = std::move(kept);
  return true;
}

}  // namespace leadlint
