// leadlint.json applied to a run's options.
#include "engine/run_config.h"

namespace leadlint {

bool ApplyConfigToRun(const Config& config, RunOptions* options, std::string* error) {
  if (config.profile && !FindProfile(*config.profile, &options->profile)) {
    *error = "unknown profile '" + *config.profile + "'";
    return false;
  }
  if (config.max_file_size) options->limits.max_file_bytes = *config.max_file_size;
  if (config.max_depth) options->limits.max_json_depth = *config.max_depth;
  for (const auto& [id, level] : config.rules) {
    Severity severity;
    if (level == "off") {
      options->rule_overrides[id] = std::nullopt;
    } else if (ParseSeverity(level, &severity)) {
      options->rule_overrides[id] = severity;
    }
  }
  options->discover.ignore.Add(config.base_dir, config.ignore);
  options->docs.source = config.docs_source;
  options->docs.translations = config.docs_translations;
  options->docs.history = config.docs_history;
  options->docs.use_git_history = config.docs_git_history.value_or(true);
  options->docs.glossary = config.glossary;
  return true;
}

}  // namespace leadlint
