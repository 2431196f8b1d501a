// leadlint.json: discovered upward from the working directory or named with
// --config, validated against schemas/config.schema.json. Unknown keys, bad
// values and unknown rule ids are configuration errors with positions (exit 2).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/finding.h"
#include "load/glob.h"
#include "model/doc.h"

namespace leadlint {

struct Config {
  std::string path;      // "" when no file was found
  std::string base_dir;  // absolute folder holding the file
  std::optional<std::string> profile;
  std::optional<std::string> fail_on;
  std::map<std::string, std::string> rules;  // id -> error|warning|note|off
  std::vector<IgnorePattern> ignore;
  std::optional<size_t> max_file_size;
  std::optional<size_t> max_depth;
  std::string docs_source;                     // absolute, or ""
  std::vector<std::string> docs_translations;  // absolute
  std::vector<std::string> docs_history;       // absolute
  std::string docs_root;                       // absolute, or ""
  std::optional<bool> docs_git_history;
  std::optional<bool> allow_empty;                                 // accept a run that checks nothing
  std::map<std::string, std::vector<GlossaryRendering>> glossary;  // lower-case locale -> renderings
};

// The nearest leadlint.json in `start_dir` or its ancestors, or "".
std::string FindConfig(const std::string& start_dir);

// Loads and validates a config file. Errors are findings with rule "config"
// and a resolved line and column; returns false if there are any.
bool LoadConfig(const std::string& path, Config* config, std::vector<Finding>* errors);
// The same for text already in memory (tests, fuzzing); `path` names it in errors.
bool LoadConfigText(const std::string& path, std::string text, Config* config, std::vector<Finding>* errors);

}  // namespace leadlint
