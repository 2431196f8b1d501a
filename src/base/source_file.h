// A source file held in memory, with byte offsets turned into 1-based line and
// column on demand. Columns count Unicode code points, not bytes (DESIGN §5a), so
// that an editor or SARIF viewer lands on the right character in CJK or Cyrillic
// text. Offsets are kept everywhere else; line:col is computed only when printed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace leadlint {

struct LineCol {
  int line = 1;
  int column = 1;
};

class SourceFile {
 public:
  SourceFile() = default;
  SourceFile(std::string path, std::string contents);

  const std::string& path() const { return path_; }
  const std::string& contents() const { return contents_; }

  // Line and column (both 1-based, column in code points) of a byte offset.
  // Offsets past the end clamp to the end of the file.
  LineCol Locate(size_t offset) const;
  // The text of a 1-based line without its line terminator.
  std::string_view Line(int line) const;
  int LineCount() const { return static_cast<int>(line_starts_.size()); }
  // Byte offset of a 1-based line:column, for tests and suppressions.
  size_t OffsetOf(int line, int column) const;

 private:
  std::string path_;
  std::string contents_;
  std::vector<size_t> line_starts_;
};

// Number of code points in a UTF-8 byte range; invalid bytes count one each.
size_t CountCodePoints(std::string_view bytes);

// Appends the UTF-8 encoding of a code point.
void AppendUtf8(std::string* out, unsigned int code_point);

}  // namespace leadlint
