// Link targets of every doc (I/O here, so that rules stay pure). A link is
// resolved as the site sees it: in the doc's own tree, and for a translation
// also in the source tree at the same path (the site falls back to English). A
// missing target outside the checked tree (a sparse or partial checkout)
// cannot be verified: the rules say so in a note.
#include <filesystem>

#include "base/string_pool.h"
#include "base/suggest.h"
#include "engine/docs_internal.h"

namespace leadlint::docs_detail {
namespace fs = std::filesystem;

LinkResolver::LinkResolver(const DocSetOptions& options, const std::vector<DocJob>& jobs) : options_(options) {
  if (!options.root.empty()) {
    AddRoot(options.root);
    return;
  }
  for (const std::string& p : options.checked_paths) AddRoot(p.empty() ? "." : p);
  if (options.checked_paths.empty() && options.source.empty()) AddRoot(".");
  AddRoot(options.source);
  for (const std::string& t : options.translations) AddRoot(t);
  // The source trees of pairs found by path ("azure-docs/" next to "azure-docs.de-de/").
  std::set<std::string> seen;
  for (const DocJob& j : jobs) {
    if (!j.translation || j.source.empty()) continue;
    auto [translation_root, source_root] = PairRoots(RealPath(j.path), RealPath(j.source));
    for (const std::string& r : {translation_root, source_root}) {
      if (!r.empty() && seen.insert(r).second) roots_.push_back(r + "/");
    }
  }
}

void LinkResolver::AddRoot(const std::string& path) {
  if (path.empty() || path == "-") return;
  std::error_code e;
  std::string real = RealPath(fs::is_directory(path, e) ? path : fs::path(path).parent_path().string());
  roots_.push_back(real == "/" ? real : real + "/");
}

bool LinkResolver::InsideRoots(const std::string& real) const {
  for (const std::string& r : roots_) {
    if (real.rfind(r, 0) == 0) return true;
  }
  return false;
}

LinkTarget LinkResolver::Lookup(const fs::path& p) {
  const std::string key = p.generic_string();  // looked up first, interned when stored
  {
    std::lock_guard<std::mutex> lock(target_cache_mutex_);
    auto cached = target_cache_.find(key);
    if (cached != target_cache_.end()) return cached->second;
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
  std::lock_guard<std::mutex> lock(target_cache_mutex_);
  target_cache_.emplace(Intern(key), lt);
  return lt;
}

// One `git ls-files` per repository (called with git_files_mutex_ held).
void LinkResolver::LoadGitFiles(const std::string& top) {
  std::string list;
  RunCommand("git -C " + ShellQuote(top) + " ls-files -z 2>/dev/null", &list);
  std::set<std::string>& files = git_files_[top];
  for (size_t b = 0; b < list.size();) {
    size_t e = list.find('\0', b);
    if (e == std::string::npos) e = list.size();
    if (e > b) files.insert(list.substr(b, e - b));
    b = e + 1;
  }
}

// Which files git tracks, per repository (read only when a target is
// missing): nullopt when the doc is not in a git work tree or not tracked
// there (then git cannot vouch for its tree).
std::optional<bool> LinkResolver::GitTracked(const std::string& doc_real, const fs::path& target, const fs::path& alt) {
  if (!options_.use_git_history) return std::nullopt;
  std::lock_guard<std::mutex> lock(git_files_mutex_);
  std::string dir = fs::path(doc_real).parent_path().string();
  auto top_it = git_top_of_dir_.find(dir);
  if (top_it == git_top_of_dir_.end()) {
    std::string top = GitTopOf(dir);
    top_it = git_top_of_dir_.emplace(dir, top).first;
    if (!top.empty() && git_files_.count(top) == 0) LoadGitFiles(top);
  }
  const std::string& top = top_it->second;
  if (top.empty()) return std::nullopt;
  const std::set<std::string>& files = git_files_[top];
  auto rel = [&](const fs::path& p) { return p.lexically_relative(top).generic_string(); };
  if (files.count(rel(doc_real)) == 0) return std::nullopt;
  if (files.count(rel(target)) != 0 || (!alt.empty() && files.count(rel(alt)) != 0)) return true;
  // A folder target: tracked when any file under it is.
  std::string prefix = rel(target) + "/";
  auto it = files.lower_bound(prefix);
  return it != files.end() && it->rfind(prefix, 0) == 0;
}

// Whether a missing target is an error, i.e. whether this checkout can be
// known to be complete: under --docs-root (the user says so), always; in a git
// work tree that tracks the doc, when git does not track the target either (a
// file a sparse checkout left out exists). Anywhere else a copy of some pages
// cannot tell a missing file from one it does not hold: a
// docs-link-unverified note.
void LinkResolver::Verify(const std::string& doc_real, const fs::path& p, const fs::path& alt, LinkTarget* lt) {
  if (lt->exists) return;
  if (!options_.root.empty()) {
    lt->verified = InsideRoots(p.generic_string());
  } else if (std::optional<bool> tracked = GitTracked(doc_real, p, alt); !tracked.has_value()) {
    lt->verified = false;
  } else if (*tracked) {
    lt->exists = true;  // in the repository, not in this checkout: anchors unknown
  } else {
    lt->verified = InsideRoots(p.generic_string());
  }
}

std::map<std::string, LinkTarget> LinkResolver::Resolve(const DocModel& doc, const std::string& translation_root,
                                                        const std::string& source_root) {
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
    LinkTarget lt = Lookup(p);
    fs::path alt;
    if (!lt.exists && !translation_root.empty()) {
      std::string rel = p.lexically_relative(translation_root).generic_string();
      if (!rel.empty() && rel.rfind("..", 0) != 0) {
        alt = (fs::path(source_root) / rel).lexically_normal();
        LinkTarget in_source = Lookup(alt);
        if (in_source.exists) {
          lt = std::move(in_source);
          lt.from_source_tree = true;
        } else {
          lt.looked_also = DisplayLike(doc.path, alt.generic_string());
        }
      }
    }
    Verify(doc_real, p, alt, &lt);
    links.emplace(target, std::move(lt));
  }
  return links;
}

}  // namespace leadlint::docs_detail
