// Finding the input files: paths named on the command line and `.json` files
// under named folders. Symlinks inside a walked tree are not followed (no
// loops, no escaping the tree); a path named explicitly is read even through a
// symlink. Problems (missing paths, unreadable folders) are returned as
// LoadProblems (the engine maps them to rules) so the rest of the run goes on.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/string_pool.h"
#include "load/glob.h"

namespace leadlint {

struct InputFile {
  PooledString path;           // pooled (base/string_pool.h): one copy shared with the run's records
  bool explicit_path = false;  // named on the command line (never silently skipped)
};

enum class LoadProblemKind {
  kUnreadable,     // missing, not a regular file, or a folder that cannot be walked
  kUnknownFormat,  // a file named explicitly that leadlint does not read (YAML)
};

struct LoadProblem {
  LoadProblemKind kind = LoadProblemKind::kUnreadable;
  std::string path;
  std::string message;
};

struct Discovery {
  std::vector<InputFile> files;       // sorted by path, no duplicates
  std::vector<InputFile> markdown;    // .md files: named, or found while walking
  std::vector<LoadProblem> problems;  // paths that could not be taken in
  std::vector<std::string> ignored;   // left out by .gitignore or the `ignore` setting, or YAML met while walking
};

struct DiscoverOptions {
  IgnoreList ignore;          // from leadlint.json; bases are absolute folders
  bool use_gitignore = true;  // honour .gitignore files met while walking
  // When set, the subfolders of a walked folder are walked as tasks of
  // for_each(n, task) (the run's scheduler): task(i) for every i < n, all
  // returned when it returns. Unset: one thread walks.
  std::function<void(size_t, const std::function<void(size_t)>&)> for_each;
};

// `-` is not a path: the caller handles standard input.
Discovery DiscoverInputs(const std::vector<std::string>& paths, const DiscoverOptions& options = {});

// The absolute, normalized form of a path with '/' separators.
std::string AbsolutePath(const std::string& path);

// Reads a whole file, refusing files over `max_bytes`. Returns false and sets
// `error` (a sentence) on failure; `too_large` is set when the limit was hit.
bool ReadInputFile(const std::string& path, size_t max_bytes, std::string* contents, std::string* error,
                   bool* too_large, size_t* size);

}  // namespace leadlint
