// Reading leadlint.json with the positioned JSON reader and our config schema.
#include "engine/config.h"

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <tuple>

#include "base/source_file.h"
#include "base/suggest.h"
#include "load/discover.h"
#include "load/read_file.h"
#include "parse/json.h"
#include "rules/rule.h"
#include "schema/schema_store.h"

namespace leadlint {
namespace fs = std::filesystem;

std::string FindConfig(const std::string& start_dir) {
  std::error_code ec;
  for (fs::path p = fs::path(AbsolutePath(start_dir));; p = p.parent_path()) {
    fs::path candidate = p / "leadlint.json";
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
    if (p == p.parent_path()) break;
  }
  return "";
}

namespace {

// "; did you mean 'x'?" for an unknown key or an enum value close to a known
// one, taken from the configuration schema itself so the two never disagree.
std::string Suggestion(const JsonNode& root, const JsonNode& node, const std::string& message) {
  static const nlohmann::json schema = nlohmann::json::parse(EmbeddedSchema("config.schema.json"), nullptr, false);
  if (!schema.is_object()) return "";
  // The schema of the object holding `node`, and the member's own schema.
  const nlohmann::json* parent = nullptr;
  const nlohmann::json* own = nullptr;
  auto properties = [](const nlohmann::json& s) -> const nlohmann::json* {
    auto it = s.find("properties");
    return it == s.end() ? nullptr : &*it;
  };
  for (const JsonNode& member : root.children) {
    const nlohmann::json* props = properties(schema);
    const nlohmann::json* member_schema =
        props != nullptr && props->contains(member.key) ? &(*props)[member.key] : nullptr;
    if (&member == &node) {
      parent = &schema;
      own = member_schema;
      break;
    }
    if (member_schema == nullptr) continue;
    for (const JsonNode& child : member.children) {
      if (&child != &node) continue;
      parent = member_schema;
      const nlohmann::json* child_props = properties(*member_schema);
      if (child_props != nullptr && child_props->contains(child.key)) {
        own = &(*child_props)[child.key];
      } else if (member_schema->contains("additionalProperties") &&
                 (*member_schema)["additionalProperties"].is_object()) {
        own = &(*member_schema)["additionalProperties"];
      }
    }
    if (parent != nullptr) break;
  }
  std::vector<std::string> names;
  std::string word;
  if (message.rfind("unknown key '", 0) == 0 && parent != nullptr && properties(*parent) != nullptr) {
    for (const auto& [key, value] : properties(*parent)->items()) names.push_back(key);
    word = node.key;
  } else if (message.find(" must be one of ") != std::string::npos && own != nullptr && own->contains("enum") &&
             node.is_string()) {
    for (const auto& value : (*own)["enum"]) {
      if (value.is_string()) names.push_back(value.get<std::string>());
    }
    word = node.text;
  }
  if (names.empty()) return "";
  std::vector<std::string_view> candidates(names.begin(), names.end());
  std::string nearest = Nearest(word, candidates, 5);
  return nearest.empty() || nearest == word ? "" : "; did you mean '" + nearest + "'?";
}

}  // namespace

namespace {

constexpr size_t kMaxConfigBytes = 1u << 20;
constexpr const char* kTooLargeMessage = "the configuration file is larger than 1 MiB";

// A "config" error of the file at `path`, at `offset` of `file` (or at 1:1
// when there is no text to point into).
Finding ConfigError(const std::string& path, const SourceFile* file, size_t offset, std::string message) {
  Finding f;
  f.rule = "config";
  f.severity = Severity::kError;
  f.path = path;
  f.line = 1;
  f.column = 1;
  if (file != nullptr) {
    LineCol lc = file->Locate(offset);
    f.line = lc.line;
    f.column = lc.column;
    f.excerpt = std::string(file->Line(lc.line));
  }
  f.message = std::move(message);
  return f;
}

// The `rules` object: severities by rule id; an unknown id is an error.
void ReadRules(const JsonNode& root, const SourceFile& file, Config* config, std::vector<Finding>* errors) {
  const JsonNode* rules = root.Find("rules");
  if (rules == nullptr || !rules->is_object()) return;
  for (const JsonNode& member : rules->children) {
    if (FindRule(member.key) == nullptr) {
      std::string suggestion = SuggestRule(member.key);
      errors->push_back(ConfigError(file.path(), &file, member.key_offset,
                                    "unknown rule '" + member.key + "'" +
                                        (suggestion.empty() ? "" : "; did you mean '" + suggestion + "'?") +
                                        " (run 'leadlint rules' for the list)"));
      continue;
    }
    config->rules[member.key] = member.text;
  }
}

// Paths are relative to the config's folder; shown relative to the working
// directory when they are under it, as paths found by walking are.
std::string ResolveConfigPath(const Config& config, const std::string& p) {
  std::string abs = fs::path(p).is_absolute() ? p : (fs::path(config.base_dir) / p).lexically_normal().generic_string();
  std::error_code ec;
  fs::path rel = fs::path(abs).lexically_relative(fs::current_path(ec));
  std::string r = rel.generic_string();
  if (!ec && !r.empty() && r.rfind("..", 0) != 0) return r;
  return abs;
}

void ReadDocs(const JsonNode& root, Config* config) {
  const JsonNode* docs = root.Find("docs");
  if (docs == nullptr) return;
  if (std::string_view s = docs->StringAt("source"); !s.empty())
    config->docs_source = ResolveConfigPath(*config, std::string(s));
  if (const JsonNode* t = docs->Find("translations")) {
    for (const JsonNode& item : t->children) config->docs_translations.push_back(ResolveConfigPath(*config, item.text));
  }
  if (const JsonNode* h = docs->Find("history")) {
    for (const JsonNode& item : h->children) config->docs_history.push_back(ResolveConfigPath(*config, item.text));
  }
  if (const JsonNode* g = docs->Find("gitHistory")) config->docs_git_history = g->boolean;
  if (std::string_view r = docs->StringAt("root"); !r.empty())
    config->docs_root = ResolveConfigPath(*config, std::string(r));
}

void ReadGlossary(const JsonNode& root, Config* config) {
  const JsonNode* glossary = root.Find("glossary");
  if (glossary == nullptr) return;
  for (const JsonNode& locale : glossary->children) {
    std::string key = locale.key;
    for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // "term": ["allowed", ...] or "term": {"allowed": [...], "wrong": [...]}.
    for (const JsonNode& term : locale.children) {
      auto add = [&](const JsonNode& list, bool allowed) {
        for (const JsonNode& rendering : list.children) {
          config->glossary[key].push_back({term.key, rendering.text, allowed});
        }
      };
      if (term.is_array()) add(term, true);
      if (const JsonNode* a = term.is_object() ? term.Find("allowed") : nullptr) add(*a, true);
      if (const JsonNode* w = term.is_object() ? term.Find("wrong") : nullptr) add(*w, false);
    }
  }
}

// Returns false (with an error) when a limit does not fit in size_t.
bool ReadLimits(const JsonNode& root, const SourceFile& file, Config* config, std::vector<Finding>* errors) {
  const JsonNode* limits = root.Find("limits");
  if (limits == nullptr) return true;
  // The schema has checked these are positive integers; stoull may still overflow.
  try {
    if (const JsonNode* n = limits->Find("maxFileSize")) config->max_file_size = std::stoull(n->text);
    if (const JsonNode* n = limits->Find("maxDepth")) config->max_depth = std::stoull(n->text);
  } catch (const std::exception&) {
    errors->push_back(ConfigError(file.path(), &file, limits->offset, "a limit is out of range"));
    return false;
  }
  return true;
}

}  // namespace

bool LoadConfigText(const std::string& path, std::string text, Config* config, std::vector<Finding>* errors) {
  if (text.size() > kMaxConfigBytes) {
    errors->push_back(ConfigError(path, nullptr, 0, kTooLargeMessage));
    return false;
  }
  SourceFile file(path, text);
  JsonParseResult parsed = ParseJson(file.contents());
  for (const ParseError& e : parsed.errors) errors->push_back(ConfigError(path, &file, e.offset, e.message));
  if (!parsed.ok || !errors->empty()) return false;

  config->path = path;
  config->base_dir = fs::path(AbsolutePath(path)).parent_path().generic_string();
  const JsonNode& root = parsed.root;
  for (const SchemaIssue& issue : ValidateAgainstSchema(SchemaId::kConfig, parsed.root, file.contents(), 1u << 16)) {
    errors->push_back(ConfigError(
        path, &file, issue.at_key && issue.node->key_length > 0 ? issue.node->key_offset : issue.node->offset,
        issue.message + Suggestion(root, *issue.node, issue.message)));
  }
  const bool schema_ok = errors->empty();
  if (const JsonNode* n = root.Find("profile")) config->profile = n->text;
  if (const JsonNode* n = root.Find("failOn")) config->fail_on = n->text;
  if (const JsonNode* n = root.Find("allowEmpty"); n != nullptr && n->type == JsonType::kBool) {
    config->allow_empty = n->boolean;
  }
  ReadRules(root, file, config, errors);
  if (!schema_ok) {
    std::sort(errors->begin(), errors->end(), [](const Finding& a, const Finding& b) {
      return std::tie(a.line, a.column) < std::tie(b.line, b.column);
    });
    return false;
  }
  if (const JsonNode* ignore = root.Find("ignore")) {
    for (const JsonNode& item : ignore->children) {
      IgnorePattern p;
      if (ParseIgnoreLine(item.text, &p)) config->ignore.push_back(p);
    }
  }
  ReadDocs(root, config);
  ReadGlossary(root, config);
  if (!ReadLimits(root, file, config, errors)) return false;
  return errors->empty();
}

bool LoadConfig(const std::string& path, Config* config, std::vector<Finding>* errors) {
  std::string text;
  std::string read_error;
  switch (ReadFileLimited(path, kMaxConfigBytes, &text, &read_error)) {
    case ReadStatus::kOk:
      return LoadConfigText(path, std::move(text), config, errors);
    case ReadStatus::kTooLarge:
      errors->push_back(ConfigError(path, nullptr, 0, kTooLargeMessage));
      return false;
    case ReadStatus::kUnreadable:
      break;
  }
  errors->push_back(ConfigError(path, nullptr, 0, "cannot read the configuration file"));
  return false;
}

}  // namespace leadlint
