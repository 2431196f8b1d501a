// Line tables for SourceFile. A line ends at "\n", "\r\n" or a lone "\r", the way
// editors count lines in the mixed-ending files that real docs repositories hold.
#include "base/source_file.h"

#include <algorithm>

namespace leadlint {

SourceFile::SourceFile(std::string path, std::string contents)
    : path_(std::move(path)), contents_(std::move(contents)) {
  line_starts_.push_back(0);
  const size_t n = contents_.size();
  for (size_t i = 0; i < n; ++i) {
    char c = contents_[i];
    if (c == '\n') {
      line_starts_.push_back(i + 1);
    } else if (c == '\r') {
      if (i + 1 < n && contents_[i + 1] == '\n') ++i;
      line_starts_.push_back(i + 1);
    }
  }
}

size_t CountCodePoints(std::string_view bytes) {
  size_t count = 0;
  for (unsigned char c : bytes) {
    // Every byte that is not a UTF-8 continuation byte starts a code point;
    // stray continuation bytes are counted too so that broken text still
    // advances the column.
    if ((c & 0xC0) != 0x80) ++count;
  }
  // Stray continuation bytes at the start are not counted above; that is an
  // acceptable approximation for invalid input, which is reported separately.
  return count;
}

void AppendUtf8(std::string* out, unsigned int cp) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

LineCol SourceFile::Locate(size_t offset) const {
  offset = std::min(offset, contents_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  size_t index = static_cast<size_t>(it - line_starts_.begin()) - 1;
  size_t start = line_starts_[index];
  std::string_view prefix(contents_.data() + start, offset - start);
  // Skip a UTF-8 byte order mark at the very start: editors do not show it.
  if (start == 0 && prefix.substr(0, 3) == "\xEF\xBB\xBF") prefix.remove_prefix(3);
  LineCol lc;
  lc.line = static_cast<int>(index) + 1;
  lc.column = static_cast<int>(CountCodePoints(prefix)) + 1;
  return lc;
}

std::string_view SourceFile::Line(int line) const {
  if (line < 1 || line > LineCount()) return {};
  size_t start = line_starts_[static_cast<size_t>(line - 1)];
  size_t end =
      static_cast<size_t>(line) < line_starts_.size() ? line_starts_[static_cast<size_t>(line)] : contents_.size();
  std::string_view text(contents_.data() + start, end - start);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
  if (start == 0 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  return text;
}

size_t SourceFile::OffsetOf(int line, int column) const {
  if (line < 1 || line > LineCount()) return contents_.size();
  size_t offset = line_starts_[static_cast<size_t>(line - 1)];
  if (offset == 0 && contents_.compare(0, 3, "\xEF\xBB\xBF") == 0) offset = 3;
  for (int col = 1; col < column && offset < contents_.size(); ++col) {
    ++offset;
    while (offset < contents_.size() && (static_cast<unsigned char>(contents_[offset]) & 0xC0) == 0x80) {
      ++offset;
    }
  }
  return offset;
}

}  // namespace leadlint
