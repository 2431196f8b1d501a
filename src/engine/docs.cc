// The documentation pipeline. Reading (files, git history) happens here; the
// rules in src/rules/docs and src/rules/l10n only see models.
#include "engine/docs.h"

#include <openssl/evp.h>

#include <algorithm>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include "base/string_pool.h"
#include "engine/problem_rules.h"
#include "load/file_source.h"
#include "base/suggest.h"
#include "model/doc.h"
#include "rules/doc_rule.h"
#include "rules/rule.h"
#include "rules/rules.h"

namespace leadlint {
namespace fs = std::filesystem;

namespace {

constexpr size_t kMaxDocBytes = 8u << 20;

// Through the run's file source (load/file_source.h): an editor's unsaved
// buffers are read instead of the disk.
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

std::string ShellQuote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// Runs a shell command and returns its standard output (at most `max` bytes).
bool RunCommand(const std::string& cmd, std::string* out, size_t max = size_t{1} << 30) {
  FILE* pipe = popen(cmd.c_str(), "r");
  if (pipe == nullptr) return false;
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, pipe)) > 0) {
    if (out->size() < max) out->append(chunk, n);
  }
  return pclose(pipe) == 0;
}

// Progress on stderr, only when it is a terminal and the work is long.
class Progress {
 public:
  explicit Progress(std::string what) : what_(std::move(what)), start_(std::chrono::steady_clock::now()) {
    tty_ = isatty(STDERR_FILENO) != 0;
  }
  ~Progress() {
    if (shown_) std::fprintf(stderr, "\r\033[K");
  }
  void Update(size_t done, size_t total) {
    if (!tty_ || (done % 64) != 0) return;
    auto elapsed = std::chrono::steady_clock::now() - start_;
    if (elapsed < std::chrono::milliseconds(500)) return;
    shown_ = true;
    std::fprintf(stderr, "\rleadlint: %s %zu/%zu", what_.c_str(), done, total);
    std::fflush(stderr);
  }

 private:
  std::string what_;
  std::chrono::steady_clock::time_point start_;
  bool tty_ = false;
  bool shown_ = false;
};

// The top folder of the git work tree holding `dir` (a real path), or "":
// the nearest ancestor with a `.git` entry (a folder, or a file in a linked
// work tree or submodule), found with stat calls and cached per folder, so a
// tree outside git starts no process at all.
std::string GitTopOf(const std::string& dir) {
  static std::mutex mutex;
  static std::map<std::string, std::string> cache;
  {
    std::lock_guard<std::mutex> lock(mutex);
    if (auto it = cache.find(dir); it != cache.end()) return it->second;
  }
  std::string top;
  std::error_code ec;
  for (fs::path p(dir); !p.empty(); p = p.parent_path()) {
    if (fs::exists(p / ".git", ec)) {
      top = p.generic_string();
      break;
    }
    if (p == p.parent_path()) break;
  }
  std::lock_guard<std::mutex> lock(mutex);
  if (cache.size() > 100000) cache.clear();  // bounded
  cache.emplace(dir, top);
  return top;
}

// Older versions of many source files from git in one pass per repository:
// one `git log --raw` names every blob each file had (at most 50 per file),
// one `git cat-file --batch` streams them all. Only versions whose CRLF SHA-1
// is in `wanted` are kept. Result: real source path -> hash -> (label, text).
using GitIndex = std::map<std::string, std::map<std::string, std::pair<std::string, std::string>>>;

GitIndex GitVersions(const std::vector<std::pair<std::string, std::string>>& sources,  // (display, real)
                     const std::set<std::string>& wanted) {
  GitIndex out;
  // Repositories by their top-level folder.
  std::map<std::string, std::string> top_of_dir;
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> by_top;  // top -> (rel, display)
  for (const auto& [display, real] : sources) {
    std::string dir = fs::path(real).parent_path().string();
    auto it = top_of_dir.find(dir);
    if (it == top_of_dir.end()) it = top_of_dir.emplace(dir, GitTopOf(dir)).first;
    if (it->second.empty()) continue;
    std::string rel = fs::path(real).lexically_relative(it->second).generic_string();
    if (rel.empty() || rel.rfind("..", 0) == 0) continue;
    by_top[it->second].emplace_back(rel, display);
  }
  for (const auto& [top, files] : by_top) {
    std::map<std::string, std::string> display_of;  // rel -> display
    std::set<std::string> dirs;
    for (const auto& [rel, display] : files) {
      display_of.emplace(rel, display);
      dirs.insert(fs::path(rel).parent_path().generic_string());
    }
    std::string cmd = "git -C " + ShellQuote(top) + " log --format=C%H --raw --no-abbrev --no-renames --";
    for (const std::string& d : dirs) cmd += " " + ShellQuote(d.empty() ? "." : d);
    cmd += " 2>/dev/null";
    std::string log;
    if (!RunCommand(cmd, &log)) continue;
    // Blobs to read: (blob, rel, commit), at most 50 per file, newest first.
    struct Want {
      std::string blob, rel, commit;
    };
    std::vector<Want> blobs;
    std::map<std::string, int> per_file;
    std::string commit;
    std::istringstream lines(log);
    for (std::string line; std::getline(lines, line);) {
      if (line.size() == 41 && line[0] == 'C') {
        commit = line.substr(1);
        continue;
      }
      // ":100644 100644 <old> <new> M\tpath"
      if (line.empty() || line[0] != ':') continue;
      size_t tab = line.find('\t');
      if (tab == std::string::npos) continue;
      std::string rel = line.substr(tab + 1);
      if (display_of.count(rel) == 0) continue;
      std::istringstream fields(line.substr(1, tab - 1));
      std::string mode_a, mode_b, old_blob, new_blob;
      fields >> mode_a >> mode_b >> old_blob >> new_blob;
      if (new_blob.find_first_not_of('0') == std::string::npos) continue;  // deleted here
      if (per_file[rel]++ >= 50) continue;
      blobs.push_back({new_blob, rel, commit});
    }
    if (blobs.empty()) continue;
    char tmpl[] = "/tmp/leadlint-blobs-XXXXXX";
    int fd = mkstemp(tmpl);
    if (fd < 0) continue;
    {
      std::string input;
      for (const Want& w : blobs) input += w.blob + "\n";
      size_t written = 0;
      while (written < input.size()) {
        ssize_t n = write(fd, input.data() + written, input.size() - written);
        if (n <= 0) break;
        written += static_cast<size_t>(n);
      }
      close(fd);
    }
    FILE* pipe = popen(("git -C " + ShellQuote(top) + " cat-file --batch < " + ShellQuote(tmpl) + " 2>/dev/null").c_str(), "r");
    std::set<std::string> found;
    if (pipe != nullptr) {
      Progress progress("reading source versions from git:");
      for (size_t i = 0; i < blobs.size(); ++i) {
        progress.Update(i, blobs.size());
        char header[256];
        if (fgets(header, sizeof header, pipe) == nullptr) break;
        std::istringstream h(header);
        std::string id, type;
        size_t size = 0;
        h >> id >> type >> size;
        if (type != "blob") continue;  // "<id> missing"
        std::string text(size, '\0');
        size_t got = size == 0 ? 0 : fread(text.data(), 1, size, pipe);
        text.resize(got);
        fgetc(pipe);  // the newline after the contents
        if (got != size || size > kMaxDocBytes) continue;
        std::string hash = CrlfSha1(text);
        if (wanted.count(hash) == 0) continue;
        const Want& w = blobs[i];
        auto& versions = out[(fs::path(top) / w.rel).generic_string()];
        versions.emplace(hash, std::make_pair(display_of[w.rel] + "@" + w.commit.substr(0, 12), std::move(text)));
        // Every claimed version found: the older blobs are not read.
        if (found.insert(hash).second && found.size() == wanted.size()) break;
      }
      pclose(pipe);
    }
    unlink(tmpl);
  }
  return out;
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

struct SourceVersion {
  std::string label;  // a path, or path@commit
  std::unique_ptr<DocModel> model;
};

struct DocJob {
  std::string path;
  bool translation = false;
  std::string source;  // "" for sources and standalone docs
  bool standalone = false;
  std::string expected_source = {};  // a translation without source: where it was looked for
  bool same_as_source_tree = false;  // --docs-translations names the source tree itself
};

// The real path (symlinks, '.', '..' resolved; missing tails kept) with '/'.
std::string RealPathUncached(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::absolute(path, ec), ec);
  if (ec) return AbsolutePath(path);
  std::string s = p.generic_string();
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

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

// <!-- leadlint-disable-next-line rule-id ... -->, <!-- leadlint-disable rule-id ... -->
// and <!-- leadlint-enable ... -->; no rule ids means every rule.
struct MdSuppression {
  int first_line = 0;
  int last_line = 0;  // inclusive
  std::vector<std::string> rules;
  size_t offset = 0;  // of the comment, for the unused note
  bool used = false;
};

std::vector<MdSuppression> ParseMdSuppressions(const SourceFile& file, std::vector<Finding>* findings) {
  std::vector<MdSuppression> out;
  std::vector<MdSuppression> open;  // disable ... enable ranges in progress
  const std::string& text = file.contents();
  for (size_t p = text.find("<!--"); p != std::string::npos; p = text.find("<!--", p + 4)) {
    size_t end = text.find("-->", p + 4);
    if (end == std::string::npos) break;
    std::string body = text.substr(p + 4, end - p - 4);
    size_t b = body.find_first_not_of(" \t\r\n");
    if (b == std::string::npos || body.compare(b, 9, "leadlint-") != 0) continue;
    std::istringstream words(body.substr(b));
    std::string directive;
    words >> directive;
    std::vector<std::string> rules;
    size_t named = 0;
    for (std::string w; words >> w;) {
      if (!w.empty() && w.back() == ',') w.pop_back();
      if (w.empty()) continue;
      ++named;
      if (FindRule(w) == nullptr) {
        Finding f;
        f.rule = kDocsUnusedSuppression.id;
        f.severity = Severity::kWarning;
        f.path = file.path();
        f.offset = p;
        std::string suggestion = SuggestRule(w);
        f.message = "'" + directive + "' names an unknown rule '" + w + "'" +
                    (suggestion.empty() ? std::string() : " (did you mean '" + suggestion + "'?)");
        findings->push_back(std::move(f));
        continue;
      }
      rules.push_back(w);
    }
    // Only unknown ids: suppress nothing rather than everything.
    if (named > 0 && rules.empty()) continue;
    int line = file.Locate(p).line;
    int end_line = file.Locate(end).line;
    if (directive == "leadlint-disable-next-line") {
      MdSuppression s;
      s.first_line = s.last_line = end_line + 1;
      s.rules = rules;
      s.offset = p;
      out.push_back(std::move(s));
    } else if (directive == "leadlint-disable") {
      MdSuppression s;
      s.first_line = line;
      s.last_line = file.LineCount();
      s.rules = rules;
      s.offset = p;
      open.push_back(std::move(s));
    } else if (directive == "leadlint-enable") {
      for (auto it = open.begin(); it != open.end();) {
        bool closes = rules.empty() || it->rules == rules;
        if (closes) {
          it->last_line = line;
          out.push_back(std::move(*it));
          it = open.erase(it);
        } else {
          ++it;
        }
      }
    }
  }
  for (MdSuppression& s : open) out.push_back(std::move(s));
  return out;
}

void ApplyMdSuppressions(const SourceFile& file, std::vector<MdSuppression>* sups, std::vector<Finding>* findings,
                         const std::set<std::string>& only_rules, const std::set<std::string>& off_rules,
                         int* suppressed) {
  if (sups->empty()) return;
  std::vector<Finding> kept;
  for (Finding& f : *findings) {
    bool hidden = false;
    for (MdSuppression& s : *sups) {
      if (f.line < s.first_line || f.line > s.last_line || f.rule == kDocsUnusedSuppression.id) continue;
      if (s.rules.empty() || std::find(s.rules.begin(), s.rules.end(), f.rule) != s.rules.end()) {
        s.used = true;
        hidden = true;
      }
    }
    if (hidden) {
      ++*suppressed;
    } else {
      kept.push_back(std::move(f));
    }
  }
  *findings = std::move(kept);
  for (const MdSuppression& s : *sups) {
    if (s.used) continue;
    bool relevant = s.rules.empty() ? only_rules.empty() : false;
    for (const std::string& r : s.rules) relevant = relevant || (Enabled(only_rules, r) && off_rules.count(r) == 0);
    if (!relevant || !Enabled(only_rules, kDocsUnusedSuppression.id)) continue;
    Finding f;
    f.rule = kDocsUnusedSuppression.id;
    f.severity = kDocsUnusedSuppression.severity;
    f.path = file.path();
    f.offset = s.offset;
    LineCol lc = file.Locate(s.offset);
    f.line = lc.line;
    f.column = lc.column;
    f.excerpt = std::string(file.Line(lc.line));
    std::string what;
    for (const std::string& r : s.rules) what += (what.empty() ? "'" : ", '") + r + "'";
    f.message = "unused suppression: no " + (what.empty() ? std::string("finding") : what + " finding") +
                " in the lines it covers";
    findings->push_back(std::move(f));
  }
}

}  // namespace

std::string CrlfSha1(std::string_view text) {
  std::string crlf;
  crlf.reserve(text.size() + text.size() / 16);
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\r') {
      crlf += "\r\n";
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else if (c == '\n') {
      crlf += "\r\n";
    } else {
      crlf.push_back(c);
    }
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(crlf.data(), crlf.size(), digest, &length, EVP_sha1(), nullptr);
  static const char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) {
    hex.push_back(kHex[digest[i] >> 4]);
    hex.push_back(kHex[digest[i] & 15]);
  }
  return hex;
}

int ShardOf(std::string_view key, int count);

DocsResult RunDocs(const DocSetOptions& options, const std::vector<InputFile>& markdown, const Profile& profile,
                   const std::set<std::string>& only_rules, int jobs, int shard_index, int shard_count) {
  DocsResult result;
  std::vector<DocJob> doc_jobs;

  // 1. Doc sets named by --docs-source / --docs-translations (or leadlint.json).
  // Files are paired by their real paths (symlinks, '.', '..' resolved), never
  // by spelling, and a file is never its own source.
  std::error_code ec;
  std::set<std::string> claimed_real;  // real paths of every job
  auto claim = [&](const std::string& path) { return claimed_real.insert(RealPath(path)).second; };
  if (!options.source.empty()) {
    const std::string source_real = RealPath(options.source);
    if (fs::is_directory(options.source, ec)) {
      for (const std::string& tree : options.translations) {
        if (RealPath(tree) == source_real) {
          DocJob j;
          j.path = tree;
          j.same_as_source_tree = true;
          doc_jobs.push_back(std::move(j));
        }
      }
      // A translation tree inside the source tree is not part of the source.
      std::vector<std::string> translation_reals;
      for (const std::string& tree : options.translations) {
        if (RealPath(tree) != source_real) translation_reals.push_back(RealPath(tree) + "/");
      }
      for (const std::string& src : MarkdownUnder(options.source)) {
        std::string real = RealPath(src);
        bool in_translation = false;
        for (const std::string& t : translation_reals) in_translation = in_translation || real.rfind(t, 0) == 0;
        if (!in_translation && claim(src)) doc_jobs.push_back({src, false, "", false});
      }
      for (const std::string& tree : options.translations) {
        const std::string tree_real = RealPath(tree);
        if (tree_real == source_real) continue;
        for (const std::string& t : MarkdownUnder(tree)) {
          std::string rel = fs::path(RealPath(t)).lexically_relative(tree_real).generic_string();
          if (rel.empty() || rel.rfind("..", 0) == 0) rel = fs::path(t).lexically_relative(tree).generic_string();
          std::string src = (fs::path(options.source) / rel).generic_string();
          if (!claim(t)) continue;
          DocJob j{t, true, fs::exists(src, ec) && RealPath(src) != RealPath(t) ? src : "", false};
          if (j.source.empty()) j.expected_source = src;
          doc_jobs.push_back(std::move(j));
        }
      }
    } else {
      claim(options.source);
      doc_jobs.push_back({options.source, false, "", false});
      std::vector<std::string> translations;
      for (const std::string& t : options.translations) {
        for (const std::string& f : MarkdownUnder(t)) translations.push_back(f);
      }
      for (const InputFile& f : markdown) {
        if (f.explicit_path) translations.emplace_back(f.path);
      }
      for (const std::string& t : translations) {
        if (!claim(t)) continue;  // the source itself, or a file met twice
        doc_jobs.push_back({t, true, options.source, false});
      }
    }
  }
  // 2. Markdown met on the command line or while walking (older versions in a
  // history folder are versions, not docs to check). A file under a localized
  // tree ("azure-docs.de-de/") pairs with the file at the same path under the
  // sibling source tree ("azure-docs/"), found from the real path, so that
  // `check .` inside the localized tree pairs too.
  std::vector<std::string> history_roots;
  for (const std::string& h : options.history) history_roots.push_back(RealPath(h) + "/");
  for (const InputFile& f : markdown) {
    const std::string path(f.path);
    const std::string real = RealPath(path);
    bool in_history = false;
    for (const std::string& root : history_roots) in_history = in_history || real.rfind(root, 0) == 0;
    if (in_history && !f.explicit_path) continue;
    if (!claim(path)) continue;
    std::string src = SourceTreePath(path);
    if (src.empty() || !fs::exists(src, ec)) {
      std::string real_src = SourceTreePath(real);
      src = real_src.empty() ? "" : DisplayLike(path, real_src);
    }
    if (!src.empty() && fs::exists(src, ec) && RealPath(src) != real) {
      doc_jobs.push_back({path, true, src, !f.explicit_path});
      if (claim(src)) doc_jobs.push_back({src, false, "", !f.explicit_path});
    } else {
      DocJob j{path, false, "", !f.explicit_path};
      // In a localized tree but its source is missing: a translation to report.
      if (!TreeLocale(real).empty()) {
        j.translation = true;
        j.expected_source = src;
      }
      doc_jobs.push_back(std::move(j));
    }
  }

  // --docs-translations naming the source tree itself: said once, nothing paired.
  for (auto it = doc_jobs.begin(); it != doc_jobs.end();) {
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
      result.findings.push_back(std::move(f));
    }
    it = doc_jobs.erase(it);
  }
  if (shard_count > 1) {
    std::vector<DocJob> mine;
    for (DocJob& j : doc_jobs) {
      const std::string& key = j.source.empty() ? j.path : j.source;
      if (ShardOf(key, shard_count) == shard_index) mine.push_back(std::move(j));
    }
    doc_jobs = std::move(mine);
  }
  // 3. Sources, their versions, and the history.
  std::map<std::string, std::string> history;  // CRLF SHA-1 -> label
  std::map<std::string, std::string> history_text;
  for (const std::string& h : options.history) {
    for (const std::string& f : MarkdownUnder(h)) {
      std::string text;
      if (!ReadText(f, &text)) continue;
      std::string hash = CrlfSha1(text);
      history.emplace(hash, f);
      history_text.emplace(f, std::move(text));
    }
  }
  // Git history: only for translations whose hash is neither the current
  // source's nor in a history folder, read for all their sources in one pass.
  GitIndex git_versions;
  if (options.use_git_history) {
    std::map<std::string, std::string> source_hash;  // source path -> CRLF SHA-1
    std::set<std::string> wanted;
    std::vector<std::pair<std::string, std::string>> sources;
    std::set<std::string> listed;
    for (const DocJob& j : doc_jobs) {
      if (!j.translation || j.source.empty()) continue;
      std::string text;
      if (!ReadText(j.path, &text)) continue;
      std::string claimed_hash = ClaimedHash(text);
      if (claimed_hash.empty() || history.count(claimed_hash) != 0) continue;
      auto [it, inserted] = source_hash.emplace(j.source, "");
      if (inserted) {
        std::string source_text;
        if (ReadText(j.source, &source_text)) it->second = CrlfSha1(source_text);
      }
      if (claimed_hash == it->second) continue;
      wanted.insert(claimed_hash);
      if (listed.insert(j.source).second) sources.emplace_back(j.source, RealPath(j.source));
    }
    if (!wanted.empty()) git_versions = GitVersions(sources, wanted);
  }
  // Jobs are grouped by source so that a source (and its git history) is read
  // once, held only while its translations are checked, then dropped: memory
  // follows the largest doc set, not the size of the tree.
  std::vector<std::vector<size_t>> groups;
  {
    std::map<std::string, size_t> group_of;
    for (size_t i = 0; i < doc_jobs.size(); ++i) {
      if (doc_jobs[i].source.empty()) {
        groups.push_back({i});
        continue;
      }
      auto [it, inserted] = group_of.emplace(doc_jobs[i].source, groups.size());
      if (inserted) groups.emplace_back();
      groups[it->second].push_back(i);
    }
  }

  // 4. Link targets of every doc (I/O here, so that rules stay pure). A link
  // is resolved as the site sees it: in the doc's own tree, and for a
  // translation also in the source tree at the same path (the site falls back
  // to English). A missing target outside the checked tree (a sparse or
  // partial checkout) cannot be verified: the rules say so in a note.
  std::vector<std::string> roots;  // real paths, each ending in '/'
  {
    auto add_root = [&](const std::string& path) {
      if (path.empty() || path == "-") return;
      std::error_code e;
      std::string real = RealPath(fs::is_directory(path, e) ? path : fs::path(path).parent_path().string());
      roots.push_back(real == "/" ? real : real + "/");
    };
    if (!options.root.empty()) {
      add_root(options.root);
    } else {
      for (const std::string& p : options.checked_paths) add_root(p.empty() ? "." : p);
      if (options.checked_paths.empty() && options.source.empty()) add_root(".");
      add_root(options.source);
      for (const std::string& t : options.translations) add_root(t);
      // The source trees of pairs found by path ("azure-docs/" next to "azure-docs.de-de/").
      std::set<std::string> seen;
      for (const DocJob& j : doc_jobs) {
        if (!j.translation || j.source.empty()) continue;
        auto [translation_root, source_root] = PairRoots(RealPath(j.path), RealPath(j.source));
        for (const std::string& r : {translation_root, source_root}) {
          if (!r.empty() && seen.insert(r).second) roots.push_back(r + "/");
        }
      }
    }
  }
  auto inside_roots = [&](const std::string& real) {
    for (const std::string& r : roots) {
      if (real.rfind(r, 0) == 0) return true;
    }
    return false;
  };
  std::mutex target_cache_mutex;
  std::map<std::string_view, LinkTarget> target_cache;  // key: interned normalized path
  auto lookup = [&](const fs::path& p) {
    const std::string key = p.generic_string();  // looked up first, interned when stored
    {
      std::lock_guard<std::mutex> lock(target_cache_mutex);
      auto cached = target_cache.find(key);
      if (cached != target_cache.end()) return cached->second;
    }
    LinkTarget lt;
    std::error_code e;
    lt.exists = fs::exists(p, e);
    if (!lt.exists) {
      // "Did you mean": the closest file name in the target's folder.
      std::vector<std::string> names;
      for (fs::directory_iterator it(p.parent_path(), e), end; !e && it != end && names.size() < 10000; it.increment(e)) {
        names.push_back(it->path().filename().string());
      }
      lt.nearest = Nearest(p.filename().string(), std::vector<std::string_view>(names.begin(), names.end()), 3);
    }
    std::string ext = p.extension().string();
    if (lt.exists && (ext == ".md" || ext == ".markdown")) {
      lt.markdown = true;
      std::string text;
      if (ReadText(p.string(), &text)) {
        MarkdownDoc md = ParseMarkdown(text);
        lt.anchors.reserve(md.headings.size() + md.html_anchors.size());
        for (const MdHeading& h : md.headings) lt.anchors.emplace_back(h.slug);
        for (const std::string& a : md.html_anchors) lt.anchors.emplace_back(a);
      }
    }
    // Each target is read once per run, however many docs link to it.
    std::lock_guard<std::mutex> lock(target_cache_mutex);
    target_cache.emplace(Intern(key), lt);
    return lt;
  };
  // Which files git tracks, per repository (one `git ls-files` each, only
  // when a target is missing): nullopt when the doc is not in a git work tree
  // or not tracked there (then git cannot vouch for its tree).
  std::mutex git_files_mutex;
  std::map<std::string, std::string> git_top_of_dir;                // folder -> top ("" = none)
  std::map<std::string, std::set<std::string>> git_files;         // top -> tracked paths
  auto git_tracked = [&](const std::string& doc_real, const fs::path& target,
                         const fs::path& alt) -> std::optional<bool> {
    if (!options.use_git_history) return std::nullopt;
    std::lock_guard<std::mutex> lock(git_files_mutex);
    std::string dir = fs::path(doc_real).parent_path().string();
    auto top_it = git_top_of_dir.find(dir);
    if (top_it == git_top_of_dir.end()) {
      std::string top = GitTopOf(dir);
      top_it = git_top_of_dir.emplace(dir, top).first;
      if (!top.empty() && git_files.count(top) == 0) {
        std::string list;
        RunCommand("git -C " + ShellQuote(top) + " ls-files -z 2>/dev/null", &list);
        std::set<std::string>& files = git_files[top];
        for (size_t b = 0; b < list.size();) {
          size_t e = list.find('\0', b);
          if (e == std::string::npos) e = list.size();
          if (e > b) files.insert(list.substr(b, e - b));
          b = e + 1;
        }
      }
    }
    const std::string& top = top_it->second;
    if (top.empty()) return std::nullopt;
    const std::set<std::string>& files = git_files[top];
    auto rel = [&](const fs::path& p) { return p.lexically_relative(top).generic_string(); };
    if (files.count(rel(doc_real)) == 0) return std::nullopt;
    if (files.count(rel(target)) != 0 || (!alt.empty() && files.count(rel(alt)) != 0)) return true;
    // A folder target: tracked when any file under it is.
    std::string prefix = rel(target) + "/";
    auto it = files.lower_bound(prefix);
    return it != files.end() && it->rfind(prefix, 0) == 0;
  };
  // `translation_root` / `source_root`: where a translation's tree maps to its
  // source's ("" for sources and unpaired docs).
  auto resolve_links = [&](const DocModel& doc, const std::string& translation_root, const std::string& source_root) {
    std::map<std::string, LinkTarget> links;
    const std::string doc_real = RealPath(doc.path);
    fs::path dir = fs::path(doc_real).parent_path();
    for (const MdLink& l : doc.markdown.links) {
      std::string url = l.url;
      size_t colon = url.find(':');
      size_t slash = url.find('/');
      if (url.empty() || url[0] == '#' || url.rfind("//", 0) == 0 ||
          (colon != std::string::npos && (slash == std::string::npos || colon < slash))) {
        continue;
      }
      std::string target = url.substr(0, url.find('#'));
      if (size_t q = target.find('?'); q != std::string::npos) target.resize(q);
      if (target.empty() || links.count(target)) continue;
      if (target[0] == '/' || target.rfind("~/", 0) == 0) {
        // Site-relative (or DocFX docset-relative): a page of the published
        // site, which a checkout cannot map to a file.
        LinkTarget lt;
        lt.verified = false;
        lt.site_relative = true;
        links.emplace(target, std::move(lt));
        continue;
      }
      fs::path p = (dir / PercentDecode(target)).lexically_normal();
      LinkTarget lt = lookup(p);
      fs::path alt;
      if (!lt.exists && !translation_root.empty()) {
        std::string rel = p.lexically_relative(translation_root).generic_string();
        if (!rel.empty() && rel.rfind("..", 0) != 0) {
          alt = (fs::path(source_root) / rel).lexically_normal();
          LinkTarget in_source = lookup(alt);
          if (in_source.exists) {
            lt = std::move(in_source);
            lt.from_source_tree = true;
          } else {
            lt.looked_also = DisplayLike(doc.path, alt.generic_string());
          }
        }
      }
      // Whether a missing target is an error, i.e. whether this checkout can be
      // known to be complete: under --docs-root (the user says so), always; in
      // a git work tree that tracks the doc, when git does not track the target
      // either (a file a sparse checkout left out exists). Anywhere else a copy
      // of some pages cannot tell a missing file from one it does not hold: a
      // docs-link-unverified note.
      if (!lt.exists) {
        if (!options.root.empty()) {
          lt.verified = inside_roots(p.generic_string());
        } else if (std::optional<bool> tracked = git_tracked(doc_real, p, alt); !tracked.has_value()) {
          lt.verified = false;
        } else if (*tracked) {
          lt.exists = true;  // in the repository, not in this checkout: anchors unknown
        } else {
          lt.verified = inside_roots(p.generic_string());
        }
      }
      links.emplace(target, std::move(lt));
    }
    return links;
  };

  // 5. Check every doc (in parallel; results are gathered in order).
  std::vector<std::vector<Finding>> findings(doc_jobs.size());
  std::vector<int> suppressed_counts(doc_jobs.size(), 0);
  std::vector<DocSummary> summaries(doc_jobs.size());
  std::vector<char> checked(doc_jobs.size(), 0);
  std::atomic<size_t> next{0};
  StringPool* const run_pool = &CurrentPool();  // the workers intern into the run's pool
  const FileSource* const run_files = &CurrentFiles();  // and read through the run's file source
  auto worker = [&]() {
    PoolScope worker_scope(run_pool);
    FileSourceScope files_scope(run_files);
    for (size_t g = next++; g < groups.size(); g = next++) {
     // The group's source: its model, hash and older versions from git.
     const std::string& source_path = doc_jobs[groups[g].front()].source;
     std::unique_ptr<DocModel> source_model;
     std::string source_sha1;
     if (!source_path.empty()) {
       std::string source_text;
       if (ReadText(source_path, &source_text)) {
         source_sha1 = CrlfSha1(source_text);
         source_model = BuildDocModel(source_path, std::move(source_text));
         ExtractRuleTables(source_model.get(), nullptr);

       }
     }
     for (size_t i : groups[g]) {
      const DocJob& job = doc_jobs[i];
      std::string text;
      std::error_code size_ec;
      auto bytes = fs::file_size(job.path, size_ec);
      if (!size_ec && bytes > options.max_file_bytes) {
        Finding f;
        f.rule = kDocsLimit.id;
        f.path = job.path;
        f.line = 1;
        f.column = 1;
        f.message = "the file is " + std::to_string(bytes) + " bytes, larger than the limit of " +
                    std::to_string(options.max_file_bytes) + " bytes; it was not checked";
        if (Enabled(only_rules, f.rule)) findings[i].push_back(std::move(f));
        checked[i] = 1;
        continue;
      }
      if (!ReadText(job.path, &text)) {
        Finding f;
        f.rule = kManifestUnreadable.id;
        f.path = job.path;
        f.line = 1;
        f.column = 1;
        f.message = "cannot read '" + job.path + "' (missing, unreadable, or larger than 8 MiB)";
        findings[i].push_back(std::move(f));
        checked[i] = 1;
        continue;
      }
      auto doc = BuildDocModel(job.path, std::move(text));
      if (job.standalone && !HasMsFrontMatter(*doc)) continue;  // ordinary Markdown: not ours
      checked[i] = 1;
      DocCheckInput in;
      in.doc = doc.get();
      in.profile = profile;
      in.translation = job.translation || (job.source.empty() && !doc->english && !doc->locale.empty());
      in.tree_locale = TreeLocale(job.path);
      DocSummary& s = summaries[i];
      s.path = job.path;
      s.locale = doc->locale_written.empty() ? doc->locale : doc->locale_written;
      if (s.locale.empty() && doc->english) s.locale = "en";
      s.role = job.translation ? "translation" : (job.standalone || job.source.empty()) && in.translation ? "translation" : "source";
      std::unique_ptr<DocModel> older;
      if (job.translation && job.source.empty()) {
        in.without_source = true;
        in.expected_source = job.expected_source;
      }
      if (job.translation && source_model != nullptr) {
        s.source = job.source;
        in.current_source = source_model.get();
        in.current_source_path = job.source;
        in.current_source_hash = source_sha1;
        const FrontMatterEntry* e = doc->front_matter.Find("ms.openlocfilehash");
        std::string claimed_hash = e != nullptr ? e->value : "";
        for (char& c : claimed_hash) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        in.compared = source_model.get();
        // The version it was made from: a history folder, else git (read in one
        // pass before the workers started).
        std::string version_label;
        std::string version_text;
        if (auto h = history.find(claimed_hash); h != history.end()) {
          version_label = h->second;
          version_text = history_text.at(h->second);
        } else if (auto gv = git_versions.find(RealPath(source_path)); gv != git_versions.end()) {
          if (auto v = gv->second.find(claimed_hash); v != gv->second.end()) {
            version_label = v->second.first;
            version_text = v->second.second;
          }
        }
        if (claimed_hash.empty()) {
          in.freshness = "unknown";  // docs-front-matter reports the missing hash
        } else if (claimed_hash == in.current_source_hash) {
          in.freshness = "fresh";
        } else {
          // Not the current source's hash: certainly not made from it (DESIGN §2a).
          in.freshness = "stale";
          if (!version_label.empty()) {
            in.translated_from = version_label;
            older = BuildDocModel(version_label, std::move(version_text));
            ExtractRuleTables(older.get(), nullptr);
            in.compared = older.get();
            in.compared_is_current = false;
          }
        }
        s.freshness = in.freshness;
        s.translated_from = in.translated_from;
        ExtractRuleTables(doc.get(), in.compared);
      } else {
        ExtractRuleTables(doc.get(), nullptr);
      }
      s.rule_tables = static_cast<int>(doc->rule_tables.size());
      if (auto gl = options.glossary.find(doc->locale); gl != options.glossary.end()) in.glossary = gl->second;
      std::pair<std::string, std::string> pair_roots;
      if (job.translation && !job.source.empty()) pair_roots = PairRoots(RealPath(job.path), RealPath(job.source));
      std::map<std::string, LinkTarget> links = resolve_links(*doc, pair_roots.first, pair_roots.second);
      in.links = &links;
      for (const ParseError& error : doc->markdown.errors) {
        if (!Enabled(only_rules, RuleFor(error.kind))) continue;
        DocContext(RuleById(RuleFor(error.kind)), *doc, &findings[i]).Report(error.offset, 1, error.message);
      }
      if (!doc->markdown.parsed) continue;
      for (const Rule& rule : AllRules()) {
        if (rule.doc_check() == nullptr || !Enabled(only_rules, rule.id)) continue;
        DocContext ctx(rule, *doc, &findings[i]);
        rule.doc_check()(in, ctx);
      }
      std::vector<Finding> directive_findings;
      std::vector<MdSuppression> sups = ParseMdSuppressions(doc->file, &directive_findings);
      for (Finding& f : directive_findings) {
        if (!Enabled(only_rules, f.rule)) continue;
        DocContext(RuleById(f.rule), *doc, &findings[i]).ReportWithSeverity(f.severity, f.offset, 4, f.message);
      }
      ApplyMdSuppressions(doc->file, &sups, &findings[i], only_rules, options.off_rules, &suppressed_counts[i]);
     }
    }
  };
  int n = std::max(1, std::min<int>(jobs > 0 ? jobs : static_cast<int>(std::thread::hardware_concurrency()),
                                    static_cast<int>(groups.size())));
  if (n <= 1) {
    worker();
  } else {
    std::vector<std::thread> threads;
    for (int t = 0; t < n; ++t) threads.emplace_back(worker);
    for (std::thread& t : threads) t.join();
  }
  for (size_t i = 0; i < doc_jobs.size(); ++i) {
    if (!checked[i]) {
      ++result.files_skipped;
      result.skipped.push_back(doc_jobs[i].path);
      continue;
    }
    ++result.files_checked;
    result.suppressed += suppressed_counts[i];
    for (Finding& f : findings[i]) result.findings.push_back(std::move(f));
    std::vector<Finding>().swap(findings[i]);
  }
  // The summaries move as one block (no second copy of 20,000 of them).
  summaries.erase(std::remove_if(summaries.begin(), summaries.end(), [](const DocSummary& d) { return d.path.empty(); }),
                  summaries.end());
  result.docs = std::move(summaries);
  std::sort(result.docs.begin(), result.docs.end(), [](const DocSummary& a, const DocSummary& b) { return a.path < b.path; });

  // 6. Storefront rules from the configured doc set's English source (read
  // here, whatever shard holds its job): the first page with all four tables.
  std::vector<std::string> candidates;
  if (!options.source.empty()) candidates = MarkdownUnder(options.source);
  for (const std::string& path : candidates) {
    std::string text;
    if (!ReadText(path, &text)) continue;
    auto model = BuildDocModel(path, std::move(text));
    if (!model->english) continue;
    ExtractRuleTables(model.get(), nullptr);
    if (model->rule_tables.size() != 4) continue;
    StorefrontRules rules;
    rules.appsource = {};
    rules.azure_marketplace = {};
    for (const RuleTable& t : model->rule_tables) {
      if (t.kind != "listing" && t.kind != "leads") continue;
      for (const RuleTableRow& row : t.rows) {
        StorefrontTerms* terms = row.storefront.canonical == "appsource"           ? &rules.appsource
                                 : row.storefront.canonical == "azure-marketplace" ? &rules.azure_marketplace
                                                                                   : nullptr;
        if (terms == nullptr) continue;
        for (const DocTerm& item : row.items) (t.kind == "listing" ? terms->listing : terms->leads).insert(item.canonical);
      }
    }
    rules.source = path;
    result.storefront_rules = std::move(rules);
    break;
  }
  return result;
}

}  // namespace leadlint
