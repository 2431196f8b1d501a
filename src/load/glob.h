// .gitignore-style patterns, used for `.gitignore` files met while walking and
// for the `ignore` list of leadlint.json. Supported: `*` (within a path segment),
// `**` (any number of segments), `?`, `[a-z]` / `[!a-z]` classes, a leading `/`
// or an inner `/` anchoring the pattern to its base folder, a trailing `/`
// matching folders only, `!` re-including, `\` escaping, and `#` comments.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace leadlint {

struct IgnorePattern {
  std::string glob;  // without '!', leading '/' and trailing '/'
  bool negate = false;
  bool directory_only = false;
  bool anchored = false;  // matches from the base folder, not at any depth
};

// Parses one line; returns false for blank lines and comments.
bool ParseIgnoreLine(std::string_view line, IgnorePattern* out);

// Matches `glob` against a whole path (segments separated by '/').
bool GlobMatch(std::string_view glob, std::string_view path);

class IgnoreList {
 public:
  // Patterns are relative to `base` (a folder path with '/' separators, "" for cwd).
  void Add(const std::string& base, const std::vector<IgnorePattern>& patterns);
  void AddLines(const std::string& base, std::string_view text);
  // True when the last pattern that matches `path` (relative to the cwd, or
  // absolute, using '/') ignores it.
  bool Ignored(std::string_view path, bool is_directory) const;
  bool empty() const { return entries_.empty(); }

 private:
  struct Entry {
    std::string base;
    IgnorePattern pattern;
  };
  std::vector<Entry> entries_;
};

}  // namespace leadlint
