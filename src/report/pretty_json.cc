#include "report/pretty_json.h"

#include <charconv>
#include <nlohmann/json.hpp>

namespace leadlint {

namespace {

// True when `text` can be written between quotes as it is: printable ASCII
// without a quote or a backslash.
bool Plain(std::string_view text) {
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u > 0x7e || c == '"' || c == '\\') return false;
  }
  return true;
}

}  // namespace

void PrettyJson::Open(char bracket) {
  out_->push_back(bracket);
  empty_.push_back(true);
}

void PrettyJson::Close(char bracket) {
  const bool was_empty = empty_.back();
  empty_.pop_back();
  if (!was_empty) {
    out_->push_back('\n');
    out_->append(static_cast<size_t>(2 * (depth_ + static_cast<int>(empty_.size()))), ' ');
  }
  out_->push_back(bracket);
}

void PrettyJson::NextLine() {
  out_->append(empty_.back() ? "\n" : ",\n");
  empty_.back() = false;
  out_->append(static_cast<size_t>(2 * (depth_ + static_cast<int>(empty_.size()))), ' ');
}

void PrettyJson::Key(std::string_view key) {
  NextLine();
  String(key);
  out_->append(": ");
}

void PrettyJson::Item() { NextLine(); }

void PrettyJson::String(std::string_view text) {
  if (Plain(text)) {
    out_->push_back('"');
    out_->append(text);
    out_->push_back('"');
    return;
  }
  out_->append(nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void PrettyJson::StringOrNull(std::string_view text) {
  if (text.empty()) {
    Null();
  } else {
    String(text);
  }
}

void PrettyJson::Int(int64_t value) {
  char buffer[24];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  out_->append(buffer, end);
}

void PrettyJson::Unsigned(uint64_t value) {
  char buffer[24];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  out_->append(buffer, end);
}

}  // namespace leadlint
