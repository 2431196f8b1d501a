// Recursive-descent JSON reader with positions. Recursion depth is bounded by
// JsonLimits::max_depth, checked before descending, so hostile nesting ends in a
// kJsonLimit error rather than a stack overflow.
#include "parse/json.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "base/source_file.h"

namespace leadlint {
namespace {

bool IsUtf8Continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Length of the valid UTF-8 sequence at text[i], or 0 if invalid.
size_t Utf8SequenceLength(std::string_view text, size_t i) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  size_t n = text.size();
  if (c < 0x80) return 1;
  size_t len;
  unsigned int cp;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    cp = c & 0x07;
  } else
    return 0;
  if (i + len > n) return 0;
  for (size_t k = 1; k < len; ++k) {
    unsigned char cc = static_cast<unsigned char>(text[i + k]);
    if (!IsUtf8Continuation(cc)) return 0;
    cp = (cp << 6) | (cc & 0x3F);
  }
  if (len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) return 0;
  if (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) return 0;
  return len;
}

std::string Describe(std::string_view text, size_t pos) {
  if (pos >= text.size()) return "end of file";
  unsigned char c = static_cast<unsigned char>(text[pos]);
  if (c == '\n' || c == '\r') return "end of line";
  if (c < 0x20 || c == 0x7F) {
    static const char kHex[] = "0123456789abcdef";
    std::string s = "control character U+00";
    s.push_back(kHex[c >> 4]);
    s.push_back(kHex[c & 15]);
    return s;
  }
  if (c >= 0x80) {
    size_t len = Utf8SequenceLength(text, pos);
    if (len == 0) return "invalid UTF-8 byte";
    return "'" + std::string(text.substr(pos, len)) + "'";
  }
  return "'" + std::string(1, static_cast<char>(c)) + "'";
}

class Parser {
 public:
  Parser(std::string_view text, const JsonLimits& limits, JsonParseResult* result)
      : text_(text), limits_(limits), result_(result) {}

  void Run() {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
    SkipSpace();
    if (pos_ >= text_.size()) {
      Fail(pos_, "the file is empty; expected a JSON value");
      return;
    }
    if (!ParseValue(&result_->root, 1)) return;
    SkipSpace();
    if (pos_ < text_.size()) {
      Fail(pos_, "unexpected " + Describe(text_, pos_) + " after the end of the JSON document");
      return;
    }
    result_->ok = true;
  }

 private:
  void Add(ParseErrorKind kind, size_t offset, size_t length, std::string message) {
    result_->errors.push_back({kind, offset, length, std::move(message)});
  }
  void Fail(size_t offset, std::string message) {
    failed_ = true;
    Add(ParseErrorKind::kJsonSyntax, offset, 1, std::move(message));
  }

  void SkipSpace() {
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++pos_;
      } else {
        break;
      }
    }
  }

  // Returns the 1-based line number of an offset, for messages only. The line
  // table is built on first use so that files without problems never pay for it.
  int LineOf(size_t offset) {
    if (line_starts_.empty()) {
      line_starts_.push_back(0);
      for (size_t i = 0; i < text_.size(); ++i) {
        if (text_[i] == '\n' || (text_[i] == '\r' && (i + 1 >= text_.size() || text_[i + 1] != '\n'))) {
          line_starts_.push_back(i + 1);
        }
      }
    }
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    return static_cast<int>(it - line_starts_.begin());
  }

  // When a separator is missing and the next token starts on a later line than
  // the end of the previous value, the real mistake is a missing comma there.
  std::string MissingCommaHint(size_t prev_end) {
    for (size_t i = prev_end; i < pos_; ++i) {
      if (text_[i] == '\n' || text_[i] == '\r') {
        return "; is a ',' missing at the end of line " + std::to_string(LineOf(prev_end)) + "?";
      }
    }
    return "";
  }

  bool ParseValue(JsonNode* node, size_t depth) {
    SkipSpace();
    if (depth > limits_.max_depth) {
      failed_ = true;
      Add(ParseErrorKind::kJsonLimit, pos_, 1,
          "JSON nesting is deeper than the limit of " + std::to_string(limits_.max_depth) + " levels");
      return false;
    }
    SkipSpace();
    node->offset = pos_;
    if (pos_ >= text_.size()) {
      Fail(pos_, "unexpected end of file; expected a value");
      return false;
    }
    char c = text_[pos_];
    bool ok;
    switch (c) {
      case '{':
        ok = ParseObject(node, depth);
        break;
      case '[':
        ok = ParseArray(node, depth);
        break;
      case '"':
        node->type = JsonType::kString;
        ok = ParseString(&node->text);
        break;
      case 't':
        ok = ParseLiteral("true", node, JsonType::kBool, true);
        break;
      case 'f':
        ok = ParseLiteral("false", node, JsonType::kBool, false);
        break;
      case 'n':
        ok = ParseLiteral("null", node, JsonType::kNull, false);
        break;
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          ok = ParseNumber(node);
        } else if (c == '\'') {
          Fail(pos_, "strings must use double quotes, not single quotes");
          ok = false;
        } else if (c == '}' || c == ']') {
          size_t before = pos_;
          while (before > 0 && (text_[before - 1] == ' ' || text_[before - 1] == '\t' || text_[before - 1] == '\n' ||
                                text_[before - 1] == '\r')) {
            --before;
          }
          bool after_comma = before > 0 && text_[before - 1] == ',';
          Fail(pos_, "unexpected " + Describe(text_, pos_) + "; expected a value" +
                         (after_comma ? std::string(" (is there a trailing comma before it?)") : std::string()));
          ok = false;
        } else {
          Fail(pos_, "unexpected " + Describe(text_, pos_) + "; expected a value");
          ok = false;
        }
    }
    node->length = pos_ - node->offset;
    return ok;
  }

  bool ParseLiteral(std::string_view word, JsonNode* node, JsonType type, bool value) {
    if (text_.substr(pos_, word.size()) != word) {
      Fail(pos_, "unexpected " + Describe(text_, pos_) + "; expected a value");
      return false;
    }
    pos_ += word.size();
    node->type = type;
    node->boolean = value;
    return true;
  }

  bool ParseNumber(JsonNode* node) {
    size_t start = pos_;
    auto digit = [&](size_t p) { return p < text_.size() && text_[p] >= '0' && text_[p] <= '9'; };
    if (text_[pos_] == '-') ++pos_;
    if (!digit(pos_)) {
      Fail(pos_, "unexpected " + Describe(text_, pos_) + " in a number; expected a digit");
      return false;
    }
    if (text_[pos_] == '0' && digit(pos_ + 1)) {
      Fail(pos_, "numbers must not have leading zeros");
      return false;
    }
    while (digit(pos_)) ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '.') {
      ++pos_;
      if (!digit(pos_)) {
        Fail(pos_, "expected a digit after the decimal point");
        return false;
      }
      while (digit(pos_)) ++pos_;
    }
    if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
      if (!digit(pos_)) {
        Fail(pos_, "expected a digit in the exponent");
        return false;
      }
      while (digit(pos_)) ++pos_;
    }
    node->type = JsonType::kNumber;
    node->text.assign(text_.substr(start, pos_ - start));
    return true;
  }

  static int HexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  bool ParseHex4(unsigned int* out) {
    if (pos_ + 4 > text_.size()) {
      Fail(pos_, "incomplete \\u escape; expected four hex digits");
      return false;
    }
    unsigned int v = 0;
    for (int k = 0; k < 4; ++k) {
      int h = HexValue(text_[pos_ + static_cast<size_t>(k)]);
      if (h < 0) {
        Fail(pos_ + static_cast<size_t>(k), "invalid \\u escape; expected four hex digits");
        return false;
      }
      v = (v << 4) | static_cast<unsigned int>(h);
    }
    pos_ += 4;
    *out = v;
    return true;
  }

  // One escape after its backslash (pos_ is past the '\\'), appended to `out`.
  bool ParseEscape(std::string* out) {
    char e = text_[pos_++];
    switch (e) {
      case '"':
      case '\\':
      case '/':
        out->push_back(e);
        return true;
      case 'b':
        out->push_back('\b');
        return true;
      case 'f':
        out->push_back('\f');
        return true;
      case 'n':
        out->push_back('\n');
        return true;
      case 'r':
        out->push_back('\r');
        return true;
      case 't':
        out->push_back('\t');
        return true;
      case 'u': {
        unsigned int cp;
        if (!ParseHex4(&cp)) return false;
        if (cp >= 0xD800 && cp <= 0xDBFF && text_.substr(pos_, 2) == "\\u") {
          size_t save = pos_;
          pos_ += 2;
          unsigned int low;
          if (!ParseHex4(&low)) return false;
          if (low >= 0xDC00 && low <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          } else {
            pos_ = save;
            cp = 0xFFFD;
          }
        } else if (cp >= 0xD800 && cp <= 0xDFFF) {
          cp = 0xFFFD;  // lone surrogate: keep going with a replacement
        }
        AppendUtf8(out, cp);
        return true;
      }
      default:
        Fail(pos_ - 2, "invalid escape '\\" + std::string(1, e) + "' in a string");
        return false;
    }
  }

  bool ParseString(std::string* out) {
    size_t open = pos_;
    ++pos_;  // opening quote
    out->clear();
    while (true) {
      // Copy runs of plain bytes in one go.
      size_t run = pos_;
      while (run < text_.size()) {
        unsigned char c = static_cast<unsigned char>(text_[run]);
        if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) break;
        ++run;
      }
      out->append(text_.data() + pos_, run - pos_);
      pos_ = run;
      if (pos_ >= text_.size()) {
        Fail(open, "unterminated string; the closing '\"' is missing");
        return false;
      }
      unsigned char c = static_cast<unsigned char>(text_[pos_]);
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c == '\\') {
        ++pos_;
        if (pos_ >= text_.size()) {
          Fail(open, "unterminated string; the closing '\"' is missing");
          return false;
        }
        if (!ParseEscape(out)) return false;
        continue;
      }
      if (c < 0x20) {
        if (c == '\n' || c == '\r') {
          Fail(open, "unterminated string; a string cannot span lines (is the closing '\"' missing?)");
        } else {
          Fail(pos_, "unescaped " + Describe(text_, pos_) + " in a string");
        }
        return false;
      }
      // c >= 0x80: a UTF-8 sequence.
      size_t len = Utf8SequenceLength(text_, pos_);
      if (len == 0) {
        if (!reported_utf8_) {
          reported_utf8_ = true;
          Add(ParseErrorKind::kJsonEncoding, pos_, 1, "invalid UTF-8 byte sequence; the file must be saved as UTF-8");
        }
        out->append("\xEF\xBF\xBD");
        ++pos_;
        continue;
      }
      out->append(text_.data() + pos_, len);
      pos_ += len;
    }
  }

  bool ParseArray(JsonNode* node, size_t depth) {
    node->type = JsonType::kArray;
    size_t open = pos_;
    ++pos_;
    SkipSpace();
    if (pos_ < text_.size() && text_[pos_] == ']') {
      ++pos_;
      return true;
    }
    while (true) {
      node->children.emplace_back();
      if (!ParseValue(&node->children.back(), depth + 1)) return false;
      size_t prev_end = pos_;
      SkipSpace();
      if (pos_ >= text_.size()) {
        Fail(open, "unterminated array; the closing ']' is missing");
        return false;
      }
      char c = text_[pos_];
      if (c == ',') {
        size_t comma = pos_++;
        SkipSpace();
        if (pos_ < text_.size() && text_[pos_] == ']') {
          Fail(comma, "trailing comma before ']' is not allowed in JSON");
          return false;
        }
        continue;
      }
      if (c == ']') {
        ++pos_;
        return true;
      }
      Fail(pos_,
           "expected ',' or ']' after an array item but found " + Describe(text_, pos_) + MissingCommaHint(prev_end));
      return false;
    }
  }

  bool ParseObject(JsonNode* node, size_t depth) {
    node->type = JsonType::kObject;
    size_t open = pos_;
    ++pos_;
    SkipSpace();
    if (pos_ < text_.size() && text_[pos_] == '}') {
      ++pos_;
      return true;
    }
    std::unordered_map<std::string, size_t> seen;
    size_t comma = std::string_view::npos;
    while (true) {
      SkipSpace();
      if (pos_ >= text_.size()) {
        Fail(open, "unterminated object; the closing '}' is missing");
        return false;
      }
      if (text_[pos_] != '"') {
        if (text_[pos_] == '}') {
          Fail(comma != std::string_view::npos ? comma : pos_, "trailing comma before '}' is not allowed in JSON");
        } else if (text_[pos_] == '\'') {
          Fail(pos_, "object keys must use double quotes, not single quotes");
        } else {
          Fail(pos_, "expected a '\"' to start an object key but found " + Describe(text_, pos_));
        }
        return false;
      }
      node->children.emplace_back();
      JsonNode& member = node->children.back();
      member.key_offset = pos_;
      if (!ParseString(&member.key)) return false;
      member.key_length = pos_ - member.key_offset;
      auto [it, inserted] = seen.emplace(member.key, member.key_offset);
      if (!inserted && ++duplicates_ == kMaxDuplicateFindings + 1) first_unreported_ = member.key_offset;
      if (!inserted && duplicates_ <= kMaxDuplicateFindings) {
        Add(ParseErrorKind::kJsonDuplicateKey, member.key_offset, member.key_length,
            "duplicate key '" + member.key + "'; the earlier one at line " + std::to_string(LineOf(it->second)) +
                " is silently overwritten");
      }
      if (!inserted) it->second = member.key_offset;
      SkipSpace();
      if (pos_ >= text_.size() || text_[pos_] != ':') {
        Fail(pos_, "expected ':' after the key '" + member.key + "' but found " + Describe(text_, pos_));
        return false;
      }
      ++pos_;
      if (!ParseValue(&member, depth + 1)) return false;
      size_t prev_end = pos_;
      SkipSpace();
      if (pos_ >= text_.size()) {
        Fail(open, "unterminated object; the closing '}' is missing");
        return false;
      }
      char c = text_[pos_];
      if (c == ',') {
        comma = pos_++;
        continue;
      }
      if (c == '}') {
        ++pos_;
        return true;
      }
      Fail(pos_, "expected ',' or '}' after an object member but found " + Describe(text_, pos_) +
                     MissingCommaHint(prev_end));
      return false;
    }
  }

  std::string_view text_;
  const JsonLimits& limits_;
  JsonParseResult* result_;
  size_t pos_ = 0;
  bool failed_ = false;
  bool reported_utf8_ = false;
  std::vector<size_t> line_starts_;
  size_t duplicates_ = 0;
  size_t first_unreported_ = 0;

 public:
  static constexpr size_t kMaxDuplicateFindings = 100;
  size_t duplicates() const { return duplicates_; }
  size_t first_unreported() const { return first_unreported_; }
};

}  // namespace

std::string_view JsonTypeName(JsonType type) {
  switch (type) {
    case JsonType::kNull:
      return "null";
    case JsonType::kBool:
      return "boolean";
    case JsonType::kNumber:
      return "number";
    case JsonType::kString:
      return "string";
    case JsonType::kArray:
      return "array";
    case JsonType::kObject:
      return "object";
  }
  return "value";
}

const JsonNode* JsonNode::Find(std::string_view name) const {
  if (type != JsonType::kObject) return nullptr;
  for (auto it = children.rbegin(); it != children.rend(); ++it) {
    if (it->key == name) return &*it;
  }
  return nullptr;
}

std::string_view JsonNode::StringAt(std::string_view name) const {
  const JsonNode* n = Find(name);
  if (n == nullptr || n->type != JsonType::kString) return {};
  return n->text;
}

size_t FindInvalidUtf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t len = Utf8SequenceLength(text, i);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

JsonParseResult ParseJson(std::string_view text, const JsonLimits& limits) {
  JsonParseResult result;
  Parser parser(text, limits, &result);
  parser.Run();
  if (parser.duplicates() > Parser::kMaxDuplicateFindings) {
    result.errors.push_back({ParseErrorKind::kJsonDuplicateKey, parser.first_unreported(), 0,
                             std::to_string(parser.duplicates() - Parser::kMaxDuplicateFindings) +
                                 " more duplicate keys are not reported one by one"});
  }
  return result;
}

}  // namespace leadlint
