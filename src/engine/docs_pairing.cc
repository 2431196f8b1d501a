// The doc jobs of a run: the configured doc set (a source file or tree and its
// translations) and the Markdown met among the paths, each translation paired
// with its source. Files are paired by their real paths (symlinks, '.', '..'
// resolved), never by spelling, and a file is never its own source.
#include <filesystem>
#include <set>

#include "engine/docs_internal.h"
#include "rules/rules.h"

namespace leadlint::docs_detail {
namespace fs = std::filesystem;

namespace {

class JobCollector {
 public:
  JobCollector(const DocSetOptions& options, const std::vector<InputFile>& markdown)
      : options_(options), markdown_(markdown) {}

  std::vector<DocJob> Collect() {
    if (!options_.source.empty()) {
      if (fs::is_directory(options_.source, ec_)) {
        FromSourceTree();
      } else {
        FromSourceFile();
      }
    }
    FromMarkdown();
    return std::move(jobs_);
  }

 private:
  bool Claim(const std::string& path) { return claimed_real_.insert(RealPath(path)).second; }

  // 1. A source tree (--docs-source) and its translation trees.
  void FromSourceTree() {
    const std::string source_real = RealPath(options_.source);
    for (const std::string& tree : options_.translations) {
      if (RealPath(tree) == source_real) {
        DocJob j;
        j.path = tree;
        j.same_as_source_tree = true;
        jobs_.push_back(std::move(j));
      }
    }
    // A translation tree inside the source tree is not part of the source.
    std::vector<std::string> translation_reals;
    for (const std::string& tree : options_.translations) {
      if (RealPath(tree) != source_real) translation_reals.push_back(RealPath(tree) + "/");
    }
    for (const std::string& src : MarkdownUnder(options_.source)) {
      std::string real = RealPath(src);
      bool in_translation = false;
      for (const std::string& t : translation_reals) in_translation = in_translation || real.rfind(t, 0) == 0;
      if (!in_translation && Claim(src)) jobs_.push_back({src, false, "", false});
    }
    for (const std::string& tree : options_.translations) {
      const std::string tree_real = RealPath(tree);
      if (tree_real == source_real) continue;
      for (const std::string& t : MarkdownUnder(tree)) {
        std::string rel = fs::path(RealPath(t)).lexically_relative(tree_real).generic_string();
        if (rel.empty() || rel.rfind("..", 0) == 0) rel = fs::path(t).lexically_relative(tree).generic_string();
        std::string src = (fs::path(options_.source) / rel).generic_string();
        if (!Claim(t)) continue;
        DocJob j{t, true, fs::exists(src, ec_) && RealPath(src) != RealPath(t) ? src : "", false};
        if (j.source.empty()) j.expected_source = src;
        jobs_.push_back(std::move(j));
      }
    }
  }

  // 1. A source file and its translations (files, folders, or named paths).
  void FromSourceFile() {
    Claim(options_.source);
    jobs_.push_back({options_.source, false, "", false});
    std::vector<std::string> translations;
    for (const std::string& t : options_.translations) {
      for (const std::string& f : MarkdownUnder(t)) translations.push_back(f);
    }
    for (const InputFile& f : markdown_) {
      if (f.explicit_path) translations.emplace_back(f.path);
    }
    for (const std::string& t : translations) {
      if (!Claim(t)) continue;  // the source itself, or a file met twice
      jobs_.push_back({t, true, options_.source, false});
    }
  }

  // 2. Markdown met on the command line or while walking (older versions in a
  // history folder are versions, not docs to check). A file under a localized
  // tree ("azure-docs.de-de/") pairs with the file at the same path under the
  // sibling source tree ("azure-docs/"), found from the real path too, so that
  // `check .` inside the localized tree pairs; a file under a locale folder
  // ("docs/de-de/") with the same path under an English one ("docs/en-us/");
  // "x.de-de.md" with "x.md" beside it (SourceCandidates).
  void FromMarkdown() {
    std::vector<std::string> history_roots;
    for (const std::string& h : options_.history) history_roots.push_back(RealPath(h) + "/");
    for (const InputFile& f : markdown_) {
      const std::string path(f.path);
      const std::string real = RealPath(path);
      bool in_history = false;
      for (const std::string& root : history_roots) in_history = in_history || real.rfind(root, 0) == 0;
      if (in_history && !f.explicit_path) continue;
      if (!Claim(path)) continue;
      AddWalked(path, real, f.explicit_path);
    }
  }

  void AddWalked(const std::string& path, const std::string& real, bool explicit_path) {
    std::vector<std::string> candidates = SourceCandidates(path);
    for (const std::string& c : SourceCandidates(real)) candidates.push_back(DisplayLike(path, c));
    for (const std::string& src : candidates) {
      if (!fs::exists(src, ec_) || RealPath(src) == real) continue;
      jobs_.push_back({path, true, src, !explicit_path});
      if (Claim(src)) jobs_.push_back({src, false, "", !explicit_path});
      return;
    }
    DocJob j{path, false, "", !explicit_path};
    // In a localized tree but its source is missing: a translation to report.
    // A page whose locale is in a folder or file name (or its front matter)
    // and has no source is reported as well (docs_check.cc), where the
    // source was looked for first.
    if (!TreeLocale(real).empty()) j.translation = true;
    if (!candidates.empty()) j.expected_source = candidates.front();
    jobs_.push_back(std::move(j));
  }

  const DocSetOptions& options_;
  const std::vector<InputFile>& markdown_;
  std::vector<DocJob> jobs_;
  std::set<std::string> claimed_real_;  // real paths of every job
  std::error_code ec_;
};

// --docs-translations naming the source tree itself: said once, nothing paired.
void DropSourceTreeAsTranslation(const DocSetOptions& options, const std::set<std::string>& only_rules,
                                 std::vector<DocJob>* jobs, std::vector<Finding>* findings) {
  for (auto it = jobs->begin(); it != jobs->end();) {
    if (!it->same_as_source_tree) {
      ++it;
      continue;
    }
    if (Enabled(only_rules, kL10nSourceUnknown.id)) {
      Finding f;
      f.rule = kL10nSourceUnknown.id;
      f.severity = kL10nSourceUnknown.severity;
      f.path = it->path;
      f.line = 1;
      f.column = 1;
      f.message = "the translation folder '" + it->path + "' is the source folder '" + options.source +
                  "' (the same real path): its files are checked as sources, never paired with themselves; name "
                  "the localized tree, e.g. --docs-translations azure-docs.de-de";
      findings->push_back(std::move(f));
    }
    it = jobs->erase(it);
  }
}

}  // namespace

std::vector<DocJob> CollectDocJobs(const DocSetOptions& options, const std::vector<InputFile>& markdown,
                                   const std::set<std::string>& only_rules, std::vector<Finding>* findings) {
  std::vector<DocJob> jobs = JobCollector(options, markdown).Collect();
  DropSourceTreeAsTranslation(options, only_rules, &jobs, findings);
  return jobs;
}

}  // namespace leadlint::docs_detail
