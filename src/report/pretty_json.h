// Writes JSON straight into a string with exactly the layout nlohmann's
// dump(2) gives (two-space indentation, "key": value, "[]" and "{}" when
// empty), without building a DOM first. Strings that need escaping, and every
// string with a byte outside printable ASCII, are escaped by nlohmann (invalid
// UTF-8 replaced by U+FFFD), so there is still one escaping path.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace leadlint {

class PrettyJson {
 public:
  // `depth`: the nesting level the first value is written at (its closing
  // bracket is indented by 2 * depth spaces).
  PrettyJson(std::string* out, int depth) : out_(out), depth_(depth) {}

  void OpenObject() { Open('{'); }
  void CloseObject() { Close('}'); }
  void OpenArray() { Open('['); }
  void CloseArray() { Close(']'); }
  // Starts the next member of the open object.
  void Key(std::string_view key);
  // Starts the next element of the open array.
  void Item();

  void String(std::string_view text);
  // `text`, or null when it is empty.
  void StringOrNull(std::string_view text);
  void Int(int64_t value);
  void Unsigned(uint64_t value);
  void Bool(bool value) { out_->append(value ? "true" : "false"); }
  void Null() { out_->append("null"); }

  // A member of the open object: its key, then its value.
  void StringMember(std::string_view key, std::string_view text) {
    Key(key);
    String(text);
  }
  void StringOrNullMember(std::string_view key, std::string_view text) {
    Key(key);
    StringOrNull(text);
  }
  void IntMember(std::string_view key, int64_t value) {
    Key(key);
    Int(value);
  }
  void BoolMember(std::string_view key, bool value) {
    Key(key);
    Bool(value);
  }

 private:
  void Open(char bracket);
  void Close(char bracket);
  void NextLine();

  std::string* out_;
  int depth_;
  std::vector<bool> empty_;  // per open container: nothing written in it yet
};

}  // namespace leadlint
