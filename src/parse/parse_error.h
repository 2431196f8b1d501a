// What a parser reports about its input: a kind, a place and a sentence. The
// parsers know no rule ids; the engine maps each kind to its rule
// (engine/problem_rules.h).
#pragma once

#include <cstddef>
#include <string>

namespace leadlint {

enum class ParseErrorKind {
  kJsonSyntax,          // the text is not JSON; the parse stopped here
  kJsonLimit,           // nesting deeper than JsonLimits::max_depth
  kJsonEncoding,        // invalid UTF-8 inside a string
  kJsonDuplicateKey,    // a key repeated in one object
  kMarkdownLineLimit,   // a line longer than MarkdownLimits::max_line_bytes
  kMarkdownTableLimit,  // a table row wider than MarkdownLimits::max_table_columns
  kMarkdownNodeLimit,   // more syntax nodes than MarkdownLimits::max_nodes
  kFrontMatterSyntax,   // front matter that is not YAML, or not a mapping
};

struct ParseError {
  ParseErrorKind kind = ParseErrorKind::kJsonSyntax;
  size_t offset = 0;  // byte offset in the parsed text
  size_t length = 0;  // bytes covered; may be 0
  std::string message;
};

}  // namespace leadlint
