// Git for the docs pipeline: the work tree of a folder, and the older versions
// of source files read from `git log` and `git cat-file` in one pass per
// repository.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <mutex>
#include <sstream>

#include "engine/docs_internal.h"

namespace leadlint::docs_detail {
namespace fs = std::filesystem;

namespace {

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

// A blob to read: (blob, rel, commit).
struct Want {
  std::string blob, rel, commit;
};

// Repositories by their top-level folder: top -> (rel, display).
std::map<std::string, std::vector<std::pair<std::string, std::string>>> ByRepository(
    const std::vector<std::pair<std::string, std::string>>& sources) {
  std::map<std::string, std::string> top_of_dir;
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> by_top;
  for (const auto& [display, real] : sources) {
    std::string dir = fs::path(real).parent_path().string();
    auto it = top_of_dir.find(dir);
    if (it == top_of_dir.end()) it = top_of_dir.emplace(dir, GitTopOf(dir)).first;
    if (it->second.empty()) continue;
    std::string rel = fs::path(real).lexically_relative(it->second).generic_string();
    if (rel.empty() || rel.rfind("..", 0) == 0) continue;
    by_top[it->second].emplace_back(rel, display);
  }
  return by_top;
}

// One `git log --raw` over the files' folders: the blobs each file had, at
// most 50 per file, newest first.
std::vector<Want> LogBlobs(const std::string& top, const std::map<std::string, std::string>& display_of,
                           const std::set<std::string>& dirs) {
  std::vector<Want> blobs;
  std::string cmd = "git -C " + ShellQuote(top) + " log --format=C%H --raw --no-abbrev --no-renames --";
  for (const std::string& d : dirs) cmd += " " + ShellQuote(d.empty() ? "." : d);
  cmd += " 2>/dev/null";
  std::string log;
  if (!RunCommand(cmd, &log)) return blobs;
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
  return blobs;
}

// Writes the blob ids to a new temporary file; "" when it cannot.
std::string WriteBlobList(const std::vector<Want>& blobs) {
  char tmpl[] = "/tmp/leadlint-blobs-XXXXXX";
  int fd = mkstemp(tmpl);
  if (fd < 0) return "";
  std::string input;
  for (const Want& w : blobs) input += w.blob + "\n";
  size_t written = 0;
  while (written < input.size()) {
    ssize_t n = write(fd, input.data() + written, input.size() - written);
    if (n <= 0) break;
    written += static_cast<size_t>(n);
  }
  close(fd);
  return tmpl;
}

// One `git cat-file --batch` streams the blobs; the versions whose hash is
// wanted go into `out`.
void ReadBlobs(const std::string& top, const std::vector<Want>& blobs, std::map<std::string, std::string>& display_of,
               const std::set<std::string>& wanted, GitIndex* out) {
  std::string list = WriteBlobList(blobs);
  if (list.empty()) return;
  FILE* pipe =
      popen(("git -C " + ShellQuote(top) + " cat-file --batch < " + ShellQuote(list) + " 2>/dev/null").c_str(), "r");
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
      auto& versions = (*out)[(fs::path(top) / w.rel).generic_string()];
      versions.emplace(hash, std::make_pair(display_of[w.rel] + "@" + w.commit.substr(0, 12), std::move(text)));
      // Every claimed version found: the older blobs are not read.
      if (found.insert(hash).second && found.size() == wanted.size()) break;
    }
    pclose(pipe);
  }
  unlink(list.c_str());
}

}  // namespace

std::string ShellQuote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

bool RunCommand(const std::string& cmd, std::string* out, size_t max) {
  FILE* pipe = popen(cmd.c_str(), "r");
  if (pipe == nullptr) return false;
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, pipe)) > 0) {
    if (out->size() < max) out->append(chunk, n);
  }
  return pclose(pipe) == 0;
}

// The nearest ancestor with a `.git` entry (a folder, or a file in a linked
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

// One `git log --raw` names every blob each file had (at most 50 per file),
// one `git cat-file --batch` streams them all.
GitIndex GitVersions(const std::vector<std::pair<std::string, std::string>>& sources,
                     const std::set<std::string>& wanted) {
  GitIndex out;
  for (const auto& [top, files] : ByRepository(sources)) {
    std::map<std::string, std::string> display_of;  // rel -> display
    std::set<std::string> dirs;
    for (const auto& [rel, display] : files) {
      display_of.emplace(rel, display);
      dirs.insert(fs::path(rel).parent_path().generic_string());
    }
    std::vector<Want> blobs = LogBlobs(top, display_of, dirs);
    if (blobs.empty()) continue;
    ReadBlobs(top, blobs, display_of, wanted, &out);
  }
  return out;
}

}  // namespace leadlint::docs_detail
