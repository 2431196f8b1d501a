// YAML front matter of a Markdown document, read with yaml-cpp. Only top-level
// scalar keys matter to leadlint (title, ms.date, ms.contentlocale, ...); each
// keeps the byte offset of its key and of its value in the original file.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "parse/parse_error.h"

namespace leadlint {

struct FrontMatterEntry {
  std::string key;
  std::string value;  // scalar value ("" for maps, lists and null)
  bool scalar = true;
  size_t key_offset = 0;
  size_t value_offset = 0;
};

struct FrontMatter {
  bool valid = false;
  std::vector<FrontMatterEntry> entries;
  std::vector<ParseError> errors;  // kFrontMatterSyntax: not YAML, or not a mapping
  const FrontMatterEntry* Find(std::string_view key) const;
};

// `yaml` is the text between the fences; `offset` is where it starts in the file.
FrontMatter ParseFrontMatter(std::string_view file_text, std::string_view yaml, size_t offset);

}  // namespace leadlint
