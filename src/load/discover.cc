// File discovery and reading with std::filesystem, never throwing: every
// filesystem call uses the error_code overload.
#include "load/discover.h"

#include <algorithm>
#include <filesystem>
#include <memory>
#include <set>
#include <system_error>

#include "base/string_pool.h"
#include "load/file_source.h"
#include "load/read_file.h"

namespace leadlint {
namespace fs = std::filesystem;

namespace {

LoadProblem Unreadable(const std::string& path, const std::string& message) {
  return {LoadProblemKind::kUnreadable, path, message};
}

bool SkippedDirectory(const std::string& name) {
  return name == ".git" || name == "node_modules" || name == ".hg" || name == ".svn";
}

bool HasMarkdownExtension(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".md" || ext == ".markdown";
}

// YAML is not read (publishers keep offers as JSON); YAML files are reported
// when named and counted as skipped when walked, never passed over silently.
bool HasYamlExtension(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".yaml" || ext == ".yml";
}

bool HasJsonExtension(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".json";
}

std::string Display(const fs::path& p) {
  std::string s = p.generic_string();
  if (s.rfind("./", 0) == 0 && s.size() > 2) s = s.substr(2);
  return s;
}

}  // namespace

std::string AbsolutePath(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::absolute(path, ec);
  if (ec) p = path;
  std::string s = p.lexically_normal().generic_string();
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

namespace {

void ReadGitignore(const fs::path& dir, IgnoreList* list) {
  std::error_code ec;
  fs::path file = dir / ".gitignore";
  if (!fs::is_regular_file(file, ec)) return;
  std::string text;
  std::string error;
  // Over 1 MiB it is not a real .gitignore.
  if (ReadFileLimited(file.string(), 1u << 20, &text, &error) != ReadStatus::kOk) return;
  list->AddLines(AbsolutePath(dir.string()), text);
}

}  // namespace

namespace {

// The discovery being built, with the manifest paths already taken.
class Collector {
 public:
  Discovery d;

  // What another collector found (a subfolder walked as its own task).
  void Merge(Discovery found) {
    for (InputFile& f : found.files) Add(f.path, f.explicit_path);
    for (InputFile& f : found.markdown) d.markdown.push_back(std::move(f));
    for (std::string& p : found.ignored) d.ignored.push_back(std::move(p));
    for (LoadProblem& p : found.problems) d.problems.push_back(std::move(p));
  }

  void Add(const PooledString& pooled, bool is_explicit) {
    const std::string_view path = pooled.view();
    if (seen_.insert(pooled.view()).second) {
      d.files.push_back({pooled, is_explicit});
    } else if (is_explicit) {
      // Named on the command line as well as found in a folder: never skip it silently.
      for (InputFile& f : d.files) {
        if (f.path == path) f.explicit_path = true;
      }
    }
  }

 private:
  std::set<std::string_view> seen_;  // the pooled paths
};

// A path named on the command line that is not a folder.
void AddNamedFile(const std::string& arg, const fs::file_status& st, const DiscoverOptions& options, Collector* c) {
  if (!fs::is_regular_file(st)) {
    c->d.problems.push_back(
        Unreadable(arg, "'" + arg + "' is not a regular file (a device, pipe or socket); not read"));
    return;
  }
  if (options.ignore.Ignored(AbsolutePath(arg), false)) {
    c->d.ignored.push_back(Display(fs::path(arg)));
    return;
  }
  if (HasMarkdownExtension(fs::path(arg))) {
    c->d.markdown.push_back({Display(fs::path(arg)), true});
    return;
  }
  if (HasYamlExtension(fs::path(arg))) {
    c->d.problems.push_back({LoadProblemKind::kUnknownFormat, Display(fs::path(arg)),
                             "YAML manifests are not supported; leadlint reads offer manifests as JSON: convert the "
                             "file to JSON, or leave it out of the paths to check"});
    return;
  }
  c->Add(PooledString(Display(fs::path(arg))), true);
}

// The ignore list for walking the folder `arg`: the configured patterns, and
// the .gitignore files of the folder's ancestors up to the repository root.
IgnoreList FolderIgnoreList(const std::string& arg, const DiscoverOptions& options) {
  IgnoreList ignore = options.ignore;
  if (!options.use_gitignore) return ignore;
  std::error_code ec;
  std::vector<fs::path> ancestors;
  for (fs::path p = fs::path(AbsolutePath(arg));; p = p.parent_path()) {
    ancestors.push_back(p);
    if (fs::exists(p / ".git", ec) || p == p.parent_path()) break;
  }
  for (auto a = ancestors.rbegin(); a != ancestors.rend(); ++a) ReadGitignore(*a, &ignore);
  // A folder named on the command line is checked even when an ancestor's
  // .gitignore excludes it (the user asked for it); .gitignore files inside
  // it still apply.
  if (ignore.Ignored(AbsolutePath(arg), true)) {
    ignore = options.ignore;
    ReadGitignore(fs::path(AbsolutePath(arg)), &ignore);
  }
  return ignore;
}

// Takes one file (not a folder) met while walking.
void TakeFile(const fs::directory_entry& entry, bool is_link, const IgnoreList& ignore, Collector* c) {
  std::error_code entry_ec;
  if (!ignore.empty() && ignore.Ignored(AbsolutePath(entry.path().string()), false)) {
    if (HasJsonExtension(entry.path())) c->d.ignored.push_back(Display(entry.path()));
  } else if (!is_link && HasMarkdownExtension(entry.path()) && entry.is_regular_file(entry_ec)) {
    c->d.markdown.push_back({Display(entry.path()), false});
  } else if (!is_link && HasYamlExtension(entry.path())) {
    c->d.ignored.push_back(Display(entry.path()));  // counted as skipped: YAML is not read
  } else if (!is_link && HasJsonExtension(entry.path())) {
    if (entry.is_regular_file(entry_ec)) {
      c->Add(PooledString(Display(entry.path())), false);
    } else {
      c->d.problems.push_back(
          Unreadable(Display(entry.path()), "'" + Display(entry.path()) + "' is not a regular file; skipped"));
    }
  }
}

// Whether the walk enters a folder met while walking; reads its .gitignore when it does.
bool EnterFolder(const fs::directory_entry& entry, IgnoreList* ignore, const DiscoverOptions& options) {
  if (!ignore->empty() && ignore->Ignored(AbsolutePath(entry.path().string()), true)) return false;
  if (SkippedDirectory(entry.path().filename().string())) return false;
  if (options.use_gitignore) ReadGitignore(entry.path(), ignore);
  return true;
}

// Walks everything below `dir` (a folder of the walk of `arg`).
void WalkTree(const fs::path& dir, const std::string& arg, IgnoreList* ignore, const DiscoverOptions& options,
              Collector* c) {
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::none, ec);
  if (ec) {
    c->d.problems.push_back(Unreadable(Display(dir), "cannot read folder '" + Display(dir) + "': " + ec.message()));
    return;
  }
  const fs::recursive_directory_iterator end;
  while (it != end) {
    const fs::path path = it->path();
    std::error_code entry_ec;
    const bool is_link = it->is_symlink(entry_ec);
    if (!is_link && it->is_directory(entry_ec)) {
      if (!EnterFolder(*it, ignore, options)) it.disable_recursion_pending();
    } else {
      TakeFile(*it, is_link, *ignore, c);
    }
    it.increment(ec);
    if (ec) {
      c->d.problems.push_back(Unreadable(Display(path), "cannot read folder under '" + arg + "': " + ec.message()));
      // recursive_directory_iterator becomes end() after an error; stop this tree.
      return;
    }
  }
}

// A subfolder of a walked folder, walked as its own task.
struct Subtree {
  fs::path dir;
  IgnoreList ignore;  // the folder's patterns as inherited, plus its own .gitignore
  Collector found;
};

void WalkFolder(const std::string& arg, const DiscoverOptions& options, Collector* c) {
  IgnoreList ignore = FolderIgnoreList(arg, options);
  if (!options.for_each) {
    WalkTree(arg, arg, &ignore, options, c);
    return;
  }
  // In parallel: the folder's own entries here, each subfolder a task of the
  // run's scheduler; what they find is merged in folder order.
  std::error_code ec;
  fs::directory_iterator it(arg, ec);
  if (ec) {
    c->d.problems.push_back(Unreadable(arg, "cannot read folder '" + arg + "': " + ec.message()));
    return;
  }
  std::vector<std::unique_ptr<Subtree>> subtrees;
  for (const fs::directory_iterator end; it != end;) {
    std::error_code entry_ec;
    const bool is_link = it->is_symlink(entry_ec);
    if (!is_link && it->is_directory(entry_ec)) {
      auto subtree = std::make_unique<Subtree>(Subtree{it->path(), ignore, {}});
      if (EnterFolder(*it, &subtree->ignore, options)) subtrees.push_back(std::move(subtree));
    } else {
      TakeFile(*it, is_link, ignore, c);
    }
    const fs::path path = it->path();
    it.increment(ec);
    if (ec) {
      c->d.problems.push_back(Unreadable(Display(path), "cannot read folder under '" + arg + "': " + ec.message()));
      break;
    }
  }
  options.for_each(subtrees.size(), [&](size_t i) {
    Subtree& t = *subtrees[i];
    WalkTree(t.dir, arg, &t.ignore, options, &t.found);
  });
  for (const std::unique_ptr<Subtree>& t : subtrees) c->Merge(std::move(t->found.d));
}

}  // namespace

Discovery DiscoverInputs(const std::vector<std::string>& paths, const DiscoverOptions& options) {
  Collector c;
  for (const std::string& arg : paths) {
    std::error_code ec;
    fs::file_status st = fs::status(arg, ec);
    if (ec || !fs::exists(st)) {
      c.d.problems.push_back(Unreadable(arg, "cannot read '" + arg + "': no such file or folder"));
    } else if (!fs::is_directory(st)) {
      AddNamedFile(arg, st, options, &c);
    } else {
      WalkFolder(arg, options, &c);
    }
  }
  Discovery& d = c.d;
  std::sort(d.files.begin(), d.files.end(), [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
  std::sort(d.markdown.begin(), d.markdown.end(), [](const InputFile& a, const InputFile& b) {
    return a.path < b.path || (a.path == b.path && a.explicit_path > b.explicit_path);
  });
  d.markdown.erase(std::unique(d.markdown.begin(), d.markdown.end(),
                               [](const InputFile& a, const InputFile& b) { return a.path == b.path; }),
                   d.markdown.end());
  return std::move(c.d);
}

bool ReadInputFile(const std::string& path, size_t max_bytes, std::string* contents, std::string* error,
                   bool* too_large, size_t* size) {
  return CurrentFiles().Read(path, max_bytes, contents, error, too_large, size);
}

namespace {

class Disk : public FileSource {
 public:
  bool Read(const std::string& path, size_t max_bytes, std::string* contents, std::string* error, bool* too_large,
            size_t* size) const override;
};

thread_local const FileSource* current_files = nullptr;

}  // namespace

const FileSource& DiskFiles() {
  static const Disk disk;
  return disk;
}

const FileSource& CurrentFiles() { return current_files != nullptr ? *current_files : DiskFiles(); }

FileSourceScope::FileSourceScope(const FileSource* files) : previous_(current_files) { current_files = files; }
FileSourceScope::~FileSourceScope() { current_files = previous_; }

std::string OverlayFiles::Key(const std::string& path) {
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec);
  return (ec ? fs::path(path) : absolute).lexically_normal().generic_string();
}

void OverlayFiles::Set(const std::string& path, std::string text) {
  std::lock_guard<std::mutex> lock(mutex_);
  buffers_[Key(path)] = std::move(text);
}

void OverlayFiles::Remove(const std::string& path) {
  std::lock_guard<std::mutex> lock(mutex_);
  buffers_.erase(Key(path));
}

bool OverlayFiles::Read(const std::string& path, size_t max_bytes, std::string* contents, std::string* error,
                        bool* too_large, size_t* size) const {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = buffers_.find(Key(path));
    if (it != buffers_.end()) {
      *too_large = it->second.size() > max_bytes;
      *size = it->second.size();
      if (*too_large) return false;
      *contents = it->second;
      return true;
    }
  }
  return DiskFiles().Read(path, max_bytes, contents, error, too_large, size);
}

bool Disk::Read(const std::string& path, size_t max_bytes, std::string* contents, std::string* error, bool* too_large,
                size_t* size) const {
  const ReadStatus status = ReadFileLimited(path, max_bytes, contents, error, size);
  *too_large = status == ReadStatus::kTooLarge;
  return status == ReadStatus::kOk;
}

}  // namespace leadlint
