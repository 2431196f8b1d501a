// The parts of the docs pipeline (engine/docs.cc) that its passes share: paths
// and pairing (docs_paths.cc, docs_pairing.cc), git history (docs_git.cc),
// link targets (docs_links.cc), the check of one doc set (docs_check.cc) and
// Markdown suppressions (docs_suppressions.cc). Only these files include it.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/finding.h"
#include "base/run_result.h"
#include "base/source_file.h"
#include "engine/docs.h"
#include "load/discover.h"
#include "model/doc.h"
#include "rules/doc_rule.h"
#include "rules/profile.h"

namespace leadlint::docs_detail {

constexpr size_t kMaxDocBytes = 8u << 20;

// --- paths (docs_paths.cc) ---

// Through the run's file source (load/file_source.h): an editor's unsaved
// buffers are read instead of the disk.
bool ReadText(const std::string& path, std::string* out);
// The .md and .markdown files under a folder (sorted), or the file itself.
std::vector<std::string> MarkdownUnder(const std::string& path);
// "azure-docs.hu-hu/articles/x.md" -> "azure-docs/articles/x.md" when a path
// component is a tree name with a locale suffix; "" otherwise.
std::string SourceTreePath(const std::string& path);
// Where the English source of a localized page would be, most likely first:
// the same path under the tree without the locale suffix
// ("azure-docs.de-de/a/x.md" -> "azure-docs/a/x.md"), under an English folder
// beside a locale folder ("docs/de-de/x.md" -> "docs/en-us/x.md", "docs/en-US/x.md",
// "docs/en/x.md"), and without a locale before the extension ("x.de-de.md" ->
// "x.md"). Empty for a page with no (non-English) locale in its path.
std::vector<std::string> SourceCandidates(const std::string& path);
// The locale of the first tree name with a locale suffix, or "".
std::string TreeLocale(const std::string& path);
// The real path (symlinks, '.', '..' resolved; missing tails kept) with '/'.
std::string RealPath(const std::string& path);
// `derived` (an absolute path) spelled like `like`: relative to the working
// directory when `like` is relative, so messages keep the user's style.
std::string DisplayLike(const std::string& like, const std::string& derived);
// The roots of a translation's and its source's trees (their real paths
// without the longest common tail).
std::pair<std::string, std::string> PairRoots(const std::string& translation, const std::string& source);
// The value of `ms.openlocfilehash` in a file's front matter (lower case), or "".
std::string ClaimedHash(const std::string& text);
bool Enabled(const std::set<std::string>& only, std::string_view rule);

// --- git (docs_git.cc) ---

std::string ShellQuote(const std::string& s);
// Runs a shell command and returns its standard output (at most `max` bytes).
bool RunCommand(const std::string& cmd, std::string* out, size_t max = size_t{1} << 30);
// The top folder of the git work tree holding `dir` (a real path), or "".
std::string GitTopOf(const std::string& dir);
// Real source path -> CRLF SHA-1 -> (label, text).
using GitIndex = std::map<std::string, std::map<std::string, std::pair<std::string, std::string>>>;
// Older versions of many source files from git in one pass per repository;
// only versions whose CRLF SHA-1 is in `wanted` are kept.
GitIndex GitVersions(const std::vector<std::pair<std::string, std::string>>& sources,  // (display, real)
                     const std::set<std::string>& wanted);

// --- doc jobs (docs_pairing.cc) ---

struct DocJob {
  std::string path;
  bool translation = false;
  std::string source;  // "" for sources and standalone docs
  bool standalone = false;
  std::string expected_source = {};  // a translation without source: where it was looked for
  bool same_as_source_tree = false;  // --docs-translations names the source tree itself
};

// The doc jobs of the configured doc set and of the Markdown met among the
// paths, paired with their sources; a translation folder that is the source
// folder itself is reported into `findings` and dropped.
std::vector<DocJob> CollectDocJobs(const DocSetOptions& options, const std::vector<InputFile>& markdown,
                                   const std::set<std::string>& only_rules, std::vector<Finding>* findings);

// --- link targets (docs_links.cc) ---

// Resolves the relative links of docs to targets on disk (or in git), each
// target read once per run; safe to use from several threads.
class LinkResolver {
 public:
  LinkResolver(const DocSetOptions& options, const std::vector<DocJob>& jobs);
  // `translation_root` / `source_root`: where a translation's tree maps to its
  // source's ("" for sources and unpaired docs).
  std::map<std::string, LinkTarget> Resolve(const DocModel& doc, const std::string& translation_root,
                                            const std::string& source_root);

 private:
  void AddRoot(const std::string& path);
  bool InsideRoots(const std::string& real) const;
  LinkTarget Lookup(const std::filesystem::path& p);
  std::optional<bool> GitTracked(const std::string& doc_real, const std::filesystem::path& target,
                                 const std::filesystem::path& alt);
  void LoadGitFiles(const std::string& top);
  void Verify(const std::string& doc_real, const std::filesystem::path& p, const std::filesystem::path& alt,
              LinkTarget* lt);

  const DocSetOptions& options_;
  std::vector<std::string> roots_;  // real paths, each ending in '/'
  std::mutex target_cache_mutex_;
  std::map<std::string_view, LinkTarget> target_cache_;  // key: interned normalized path
  std::mutex git_files_mutex_;
  std::map<std::string, std::string> git_top_of_dir_;       // folder -> top ("" = none)
  std::map<std::string, std::set<std::string>> git_files_;  // top -> tracked paths
};

// --- Markdown suppressions (docs_suppressions.cc) ---

// <!-- leadlint-disable-next-line rule-id ... -->, <!-- leadlint-disable rule-id ... -->
// and <!-- leadlint-enable ... -->; no rule ids means every rule.
struct MdSuppression {
  int first_line = 0;
  int last_line = 0;  // inclusive
  std::vector<std::string> rules;
  size_t offset = 0;  // of the comment, for the unused note
  bool used = false;
};

std::vector<MdSuppression> ParseMdSuppressions(const SourceFile& file, std::vector<Finding>* findings);
void ApplyMdSuppressions(const SourceFile& file, std::vector<MdSuppression>* sups, std::vector<Finding>* findings,
                         const std::set<std::string>& only_rules, const std::set<std::string>& off_rules,
                         int* suppressed);

// --- checking (docs_check.cc) ---

// Older source versions, by CRLF SHA-1: from history folders and from git.
struct SourceHistory {
  std::map<std::string, std::string> labels;  // CRLF SHA-1 -> label (a history file)
  std::map<std::string, std::string> texts;   // label -> text
  GitIndex git;
};

// The outcome of one doc job.
struct DocOutcome {
  std::vector<Finding> findings;
  int suppressed = 0;
  DocSummary summary;
  bool checked = false;
};

// Checks the doc jobs of one group (a source and its translations, or one
// doc): the source is read once for them all.
class DocChecker {
 public:
  DocChecker(const DocSetOptions& options, const Profile& profile, const std::set<std::string>& only_rules,
             const SourceHistory& history, LinkResolver& links)
      : options_(options), profile_(profile), only_rules_(only_rules), history_(history), links_(links) {}
  void CheckGroup(const std::vector<DocJob>& jobs, const std::vector<size_t>& group, std::vector<DocOutcome>* out);

 private:
  struct GroupSource {
    std::string path;
    std::unique_ptr<DocModel> model;
    std::string sha1;
  };
  GroupSource ReadSource(const std::string& path) const;
  void CheckDoc(const DocJob& job, const GroupSource& source, DocOutcome* out);
  std::unique_ptr<DocModel> ReadDoc(const DocJob& job, DocOutcome* out) const;
  DocCheckInput BuildInput(const DocJob& job, const DocModel& doc, DocSummary* summary) const;
  std::unique_ptr<DocModel> CompareWithSource(const DocJob& job, const GroupSource& source, DocModel* doc,
                                              DocCheckInput* in, DocSummary* summary) const;
  void FindVersion(const std::string& source_path, const std::string& claimed_hash, std::string* label,
                   std::string* text) const;
  void RunRules(const DocCheckInput& in, const DocModel& doc, std::vector<Finding>* findings) const;
  void Suppress(const DocModel& doc, DocOutcome* out) const;

  const DocSetOptions& options_;
  const Profile& profile_;
  const std::set<std::string>& only_rules_;
  const SourceHistory& history_;
  LinkResolver& links_;
};

}  // namespace leadlint::docs_detail
