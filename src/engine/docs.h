// Documentation checks (DESIGN §2a): doc sets of an English source and its
// translations, freshness from ms.openlocfilehash, parity against the version a
// translation was made from, and the storefront rules taken from the source.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/finding.h"
#include "base/run_result.h"
#include "engine/scheduler.h"
#include "load/discover.h"
#include "model/doc.h"
#include "rules/profile.h"

namespace leadlint {

struct DocSetOptions {
  std::string source;                                              // a file, or a folder (tree form)
  std::vector<std::string> translations;                           // files or folders
  std::vector<std::string> history;                                // folders (or files) holding older source versions
  std::map<std::string, std::vector<GlossaryRendering>> glossary;  // lower-case locale -> leadlint.json renderings
  bool use_git_history = true;                                     // older versions from `git log` of the source
  std::string root;                        // --docs-root / docs.root: the checked tree ("" = the paths below)
  std::vector<std::string> checked_paths;  // the paths named on the command line
  std::set<std::string> off_rules;         // turned off in leadlint.json (suppressions of them are not judged)
  size_t max_file_bytes = 8u << 20;
};

struct DocsResult {
  std::vector<Finding> findings;
  std::vector<DocSummary> docs;
  std::optional<StorefrontRules> storefront_rules;  // from the first English source with all four tables
  int files_checked = 0;
  int files_skipped = 0;
  int suppressed = 0;  // findings hidden by leadlint-disable comments
  std::vector<std::string> skipped;
};

// SHA-1 (hex) of `text` with every line ending converted to CRLF, the way
// ms.openlocfilehash is computed.
std::string CrlfSha1(std::string_view text);

// `markdown` are the .md files discovered among the checked paths; the doc sets
// are checked in parallel on `scheduler`, the run's one thread pool.
DocsResult RunDocs(const DocSetOptions& options, const std::vector<InputFile>& markdown, const Profile& profile,
                   const std::set<std::string>& only_rules, Scheduler& scheduler, int shard_index = 0,
                   int shard_count = 0);

}  // namespace leadlint
