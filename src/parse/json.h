// A JSON reader that keeps the byte offset of every key and value.
//
// nlohmann::json 3.11 drops positions and silently keeps the last of duplicate
// keys, so manifests are read here first: every node knows where it came from,
// duplicate keys and nesting beyond the depth limit become errors, and invalid
// UTF-8 is reported at its byte. The reader never recurses deeper than the depth
// limit and never stops at the first non-fatal problem; a syntax error ends the
// parse with one error where the error was noticed.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "parse/parse_error.h"

namespace leadlint {

enum class JsonType : unsigned char { kNull, kBool, kNumber, kString, kArray, kObject };

std::string_view JsonTypeName(JsonType type);

struct JsonNode {
  JsonType type = JsonType::kNull;
  bool boolean = false;
  size_t offset = 0;  // first byte of the value
  size_t length = 0;  // bytes of the value's source text
  std::string text;   // decoded string, or the number's literal text
  // Object members and array items. For object members, `key` and
  // `key_offset`/`key_length` describe the member's key (quotes included).
  std::vector<JsonNode> children;
  std::string key;
  size_t key_offset = 0;
  size_t key_length = 0;

  bool is_object() const { return type == JsonType::kObject; }
  bool is_array() const { return type == JsonType::kArray; }
  bool is_string() const { return type == JsonType::kString; }
  // The last member named `name` (JSON readers, like the service, keep the last
  // of duplicate keys), or nullptr.
  const JsonNode* Find(std::string_view name) const;
  // A string member's value, or "" when absent or not a string.
  std::string_view StringAt(std::string_view name) const;
};

struct JsonLimits {
  size_t max_depth = 256;
};

struct JsonParseResult {
  bool ok = false;  // false after a syntax or depth error: `root` is partial
  JsonNode root;
  std::vector<ParseError> errors;  // in the order met
};

// Parses `text` (a leading UTF-8 BOM is skipped). Never throws.
JsonParseResult ParseJson(std::string_view text, const JsonLimits& limits = {});

// Returns the byte offset of the first invalid UTF-8 sequence, or npos.
size_t FindInvalidUtf8(std::string_view text);

}  // namespace leadlint
