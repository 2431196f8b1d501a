// Paths of the docs pipeline: reading, listing, real paths, tree names with a
// locale suffix and the roots of a translation and its source.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <mutex>

#include "base/suggest.h"
#include "engine/docs_internal.h"
#include "load/file_source.h"
#include "model/locale_codes.h"

namespace leadlint::docs_detail {
namespace fs = std::filesystem;

bool ReadText(const std::string& path, std::string* out) {
  std::string error;
  bool too_large = false;
  size_t size = 0;
  return ReadInputFile(path, 64u << 20, out, &error, &too_large, &size);
}

std::vector<std::string> MarkdownUnder(const std::string& path) {
  std::vector<std::string> out;
  std::error_code ec;
  if (fs::is_regular_file(path, ec)) {
    out.push_back(path);
    return out;
  }
  if (!fs::is_directory(path, ec)) return out;
  for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code e2;
    if (it->is_symlink(e2)) {
      if (it->is_directory(e2)) it.disable_recursion_pending();
      continue;
    }
    std::string ext = it->path().extension().string();
    if (it->is_regular_file(e2) && (ext == ".md" || ext == ".markdown")) {
      std::string p = it->path().generic_string();
      if (p.rfind("./", 0) == 0) p = p.substr(2);
      out.push_back(p);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// "azure-docs.hu-hu/articles/x.md" -> "azure-docs/articles/x.md" when a path
// component is a tree name with a locale suffix; "" otherwise.
std::string SourceTreePath(const std::string& path) {
  fs::path p(path);
  fs::path out;
  bool changed = false;
  for (const fs::path& part : p) {
    std::string s = part.string();
    size_t dot = s.rfind('.');
    if (!changed && dot != std::string::npos && dot > 0 && part != p.filename()) {
      std::string locale = LocaleFromPath(s.substr(dot + 1));
      if (!locale.empty() && locale.size() == s.size() - dot - 1) {
        out /= s.substr(0, dot);
        changed = true;
        continue;
      }
    }
    out /= part;
  }
  return changed ? out.generic_string() : "";
}

namespace {

// A locale that makes a page a translation: known, and not English.
bool TranslatedLocale(const std::string& name) {
  const std::string lower = AsciiLower(name);
  return IsKnownLocale(lower) && lower.rfind("en-", 0) != 0;
}

}  // namespace

std::vector<std::string> SourceCandidates(const std::string& path) {
  std::vector<std::string> out;
  if (std::string tree = SourceTreePath(path); !tree.empty()) out.push_back(tree);
  const fs::path p(path);
  const std::vector<fs::path> parts(p.begin(), p.end());
  for (size_t i = 0; i + 1 < parts.size(); ++i) {
    if (!TranslatedLocale(parts[i].string())) continue;
    for (const char* english : {"en-us", "en-US", "en"}) {
      fs::path candidate;
      for (size_t k = 0; k < parts.size(); ++k) candidate /= k == i ? fs::path(english) : parts[k];
      out.push_back(candidate.generic_string());
    }
    break;
  }
  const std::string stem = p.stem().string();
  const size_t dot = stem.rfind('.');
  if (dot != std::string::npos && dot > 0 && TranslatedLocale(stem.substr(dot + 1))) {
    out.push_back((p.parent_path() / (stem.substr(0, dot) + p.extension().string())).generic_string());
  }
  return out;
}

std::string TreeLocale(const std::string& path) {
  for (const fs::path& part : fs::path(path)) {
    std::string s = part.string();
    size_t dot = s.rfind('.');
    if (dot == std::string::npos || part == fs::path(path).filename()) continue;
    std::string locale = LocaleFromPath(s.substr(dot + 1));
    if (!locale.empty() && locale.size() == s.size() - dot - 1) return locale;
  }
  return "";
}

// The value of `ms.openlocfilehash` in a file's front matter (lower case), or "".
std::string ClaimedHash(const std::string& text) {
  size_t p = text.find("ms.openlocfilehash:");
  if (p == std::string::npos || p > 16384) return "";
  p += 19;
  size_t e = text.find_first_of("\r\n", p);
  std::string v = text.substr(p, e == std::string::npos ? std::string::npos : e - p);
  size_t b = v.find_first_not_of(" \t'\"");
  size_t l = v.find_last_not_of(" \t'\"");
  v = b == std::string::npos ? "" : v.substr(b, l - b + 1);
  for (char& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return v;
}

// The roots of a translation's and its source's trees: their real paths
// without the longest common tail ("/a/azure-docs.de-de/articles/x.md" and
// "/a/azure-docs/articles/x.md" -> "/a/azure-docs.de-de", "/a/azure-docs").
std::pair<std::string, std::string> PairRoots(const std::string& translation, const std::string& source) {
  std::vector<std::string> a, b;
  for (const fs::path& part : fs::path(translation)) a.push_back(part.string());
  for (const fs::path& part : fs::path(source)) b.push_back(part.string());
  size_t common = 0;
  while (common < a.size() && common < b.size() && a[a.size() - 1 - common] == b[b.size() - 1 - common]) ++common;
  if (common == 0) common = 1;  // at least the file itself (single-file doc sets name it differently)
  fs::path ta, sb;
  for (size_t i = 0; i + common < a.size(); ++i) ta /= a[i];
  for (size_t i = 0; i + common < b.size(); ++i) sb /= b[i];
  return {ta.generic_string(), sb.generic_string()};
}

namespace {

// The real path (symlinks, '.', '..' resolved; missing tails kept) with '/'.
std::string RealPathUncached(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::absolute(path, ec), ec);
  if (ec) return AbsolutePath(path);
  std::string s = p.generic_string();
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

}  // namespace

// weakly_canonical costs a readlink per path component; a tree of thousands of
// docs shares a few hundred folders, so folders are resolved once (cached) and
// a file costs one lstat (a symlinked file is resolved in full).
std::string RealPath(const std::string& path) {
  static std::mutex mutex;
  static std::map<std::string, std::string> folders;  // lexical absolute folder -> real path
  const std::string abs = AbsolutePath(path);
  const size_t slash = abs.rfind('/');
  if (slash == std::string::npos || slash == 0) return RealPathUncached(abs);
  std::error_code ec;
  auto status = fs::symlink_status(abs, ec);
  if (!ec && (fs::is_symlink(status) || fs::is_directory(status))) return RealPathUncached(abs);
  const std::string folder = abs.substr(0, slash);
  std::string real_folder;
  {
    std::lock_guard<std::mutex> lock(mutex);
    auto it = folders.find(folder);
    if (it != folders.end()) real_folder = it->second;
  }
  if (real_folder.empty()) {
    real_folder = RealPathUncached(folder);
    std::lock_guard<std::mutex> lock(mutex);
    if (folders.size() > 100000) folders.clear();  // bounded
    folders.emplace(folder, real_folder);
  }
  return real_folder == "/" ? "/" + abs.substr(slash + 1) : real_folder + abs.substr(slash);
}

// `derived` (an absolute path) spelled like `like`: relative to the working
// directory when `like` is relative, so messages keep the user's style.
std::string DisplayLike(const std::string& like, const std::string& derived) {
  if (fs::path(like).is_absolute()) return derived;
  std::error_code ec;
  fs::path cwd = fs::weakly_canonical(fs::current_path(ec), ec);
  std::string rel = fs::path(derived).lexically_relative(cwd).generic_string();
  return rel.empty() ? derived : rel;
}

bool Enabled(const std::set<std::string>& only, std::string_view rule) {
  return only.empty() || only.count(std::string(rule)) != 0;
}

}  // namespace leadlint::docs_detail
