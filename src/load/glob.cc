// Glob matching without regular expressions or recursion on input size: `**`
// is handled by trying each segment boundary, bounded by the path length.
#include "load/glob.h"

namespace leadlint {
namespace {

// Matches one glob segment (no '/') against one path segment.
bool SegmentMatch(std::string_view g, std::string_view s) {
  size_t gi = 0;
  size_t si = 0;
  size_t star_g = std::string_view::npos;
  size_t star_s = 0;
  while (si < s.size()) {
    if (gi < g.size()) {
      char c = g[gi];
      if (c == '*') {
        star_g = gi++;
        star_s = si;
        continue;
      }
      if (c == '?') {
        ++gi;
        ++si;
        continue;
      }
      if (c == '[') {
        size_t end = g.find(']', gi + 2);
        if (end != std::string_view::npos) {
          bool negate = g[gi + 1] == '!' || g[gi + 1] == '^';
          size_t k = gi + 1 + (negate ? 1 : 0);
          bool hit = false;
          for (; k < end; ++k) {
            if (k + 2 < end && g[k + 1] == '-') {
              hit = hit || (s[si] >= g[k] && s[si] <= g[k + 2]);
              k += 2;
            } else {
              hit = hit || s[si] == g[k];
            }
          }
          if (hit != negate) {
            gi = end + 1;
            ++si;
            continue;
          }
        } else if (s[si] == '[') {
          ++gi;
          ++si;
          continue;
        }
      } else {
        if (c == '\\' && gi + 1 < g.size()) c = g[++gi];
        if (c == s[si]) {
          ++gi;
          ++si;
          continue;
        }
      }
    }
    if (star_g == std::string_view::npos) return false;
    gi = star_g + 1;
    si = ++star_s;
  }
  while (gi < g.size() && g[gi] == '*') ++gi;
  return gi == g.size();
}

std::vector<std::string_view> Split(std::string_view s) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find('/', start);
    if (end == std::string_view::npos) end = s.size();
    if (end > start) parts.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

bool SegmentsMatch(const std::vector<std::string_view>& g, size_t gi, const std::vector<std::string_view>& p,
                   size_t pi) {
  // Iterative over '**' with a small explicit stack (positions only).
  std::vector<std::pair<size_t, size_t>> stack = {{gi, pi}};
  size_t budget = (g.size() + 1) * (p.size() + 1) * 2;
  while (!stack.empty() && budget-- > 0) {
    auto [a, b] = stack.back();
    stack.pop_back();
    if (a == g.size()) {
      if (b == p.size()) return true;
      continue;
    }
    if (g[a] == "**") {
      for (size_t k = b; k <= p.size(); ++k) stack.push_back({a + 1, k});
      continue;
    }
    if (b < p.size() && SegmentMatch(g[a], p[b])) stack.push_back({a + 1, b + 1});
  }
  return false;
}

}  // namespace

bool ParseIgnoreLine(std::string_view line, IgnorePattern* out) {
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.remove_suffix(1);
  // Trailing spaces are ignored unless escaped.
  while (!line.empty() && line.back() == ' ' && !(line.size() > 1 && line[line.size() - 2] == '\\'))
    line.remove_suffix(1);
  if (line.empty() || line.front() == '#') return false;
  IgnorePattern p;
  if (line.front() == '!') {
    p.negate = true;
    line.remove_prefix(1);
  } else if (line.substr(0, 2) == "\\!" || line.substr(0, 2) == "\\#") {
    line.remove_prefix(1);
  }
  if (!line.empty() && line.back() == '/') {
    p.directory_only = true;
    line.remove_suffix(1);
  }
  if (!line.empty() && line.front() == '/') {
    p.anchored = true;
    line.remove_prefix(1);
  }
  if (line.find('/') != std::string_view::npos) p.anchored = true;
  if (line.empty()) return false;
  p.glob = std::string(line);
  *out = std::move(p);
  return true;
}

bool GlobMatch(std::string_view glob, std::string_view path) { return SegmentsMatch(Split(glob), 0, Split(path), 0); }

void IgnoreList::Add(const std::string& base, const std::vector<IgnorePattern>& patterns) {
  for (const IgnorePattern& p : patterns) entries_.push_back({base, p});
}

void IgnoreList::AddLines(const std::string& base, std::string_view text) {
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    IgnorePattern p;
    if (ParseIgnoreLine(text.substr(start, end - start), &p)) entries_.push_back({base, p});
    start = end + 1;
  }
}

bool IgnoreList::Ignored(std::string_view path, bool is_directory) const {
  bool ignored = false;
  for (const Entry& e : entries_) {
    std::string_view rel = path;
    if (!e.base.empty()) {
      if (rel.size() <= e.base.size() || rel.substr(0, e.base.size()) != e.base || rel[e.base.size()] != '/') continue;
      rel.remove_prefix(e.base.size() + 1);
    }
    if (e.pattern.directory_only && !is_directory) {
      // A folder pattern still ignores files below a matching folder.
      bool below = false;
      std::vector<std::string_view> parts = Split(rel);
      std::string prefix;
      for (size_t i = 0; i + 1 < parts.size() && !below; ++i) {
        prefix += (i ? "/" : "") + std::string(parts[i]);
        below = e.pattern.anchored ? GlobMatch(e.pattern.glob, prefix) : SegmentMatch(e.pattern.glob, parts[i]);
      }
      if (below) ignored = !e.pattern.negate;
      continue;
    }
    bool match;
    if (e.pattern.anchored) {
      match = GlobMatch(e.pattern.glob, rel) || GlobMatch(e.pattern.glob + "/**", rel);
    } else {
      std::vector<std::string_view> parts = Split(rel);
      match = false;
      for (size_t i = 0; i < parts.size() && !match; ++i) match = SegmentMatch(e.pattern.glob, parts[i]);
    }
    if (match) ignored = !e.pattern.negate;
  }
  return ignored;
}

}  // namespace leadlint
