// PrettyJson writes what nlohmann's dump(2) writes, byte for byte: every
// value kind, empty and nested containers, a starting depth, and strings that
// take the plain path or go to nlohmann's escaper (quotes, control characters,
// non-ASCII, invalid UTF-8).
#include "report/pretty_json.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>

namespace leadlint {
namespace {

using nlohmann::ordered_json;

std::string Dump(const ordered_json& value) {
  return value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Writes `value` with PrettyJson, walking it as the report writers do.
void Write(PrettyJson& out, const ordered_json& value) {
  if (value.is_object()) {
    out.OpenObject();
    for (const auto& [key, member] : value.items()) {
      out.Key(key);
      Write(out, member);
    }
    out.CloseObject();
  } else if (value.is_array()) {
    out.OpenArray();
    for (const ordered_json& element : value) {
      out.Item();
      Write(out, element);
    }
    out.CloseArray();
  } else if (value.is_string()) {
    out.String(value.get<std::string>());
  } else if (value.is_number_unsigned()) {
    out.Unsigned(value.get<uint64_t>());
  } else if (value.is_number_integer()) {
    out.Int(value.get<int64_t>());
  } else if (value.is_boolean()) {
    out.Bool(value.get<bool>());
  } else {
    out.Null();
  }
}

std::string Pretty(const ordered_json& value, int depth = 0) {
  std::string text;
  PrettyJson out(&text, depth);
  Write(out, value);
  return text;
}

TEST(PrettyJson, Scalars) {
  EXPECT_EQ(Pretty(ordered_json(nullptr)), "null");
  EXPECT_EQ(Pretty(ordered_json(true)), "true");
  EXPECT_EQ(Pretty(ordered_json(false)), "false");
  EXPECT_EQ(Pretty(ordered_json(0)), "0");
  EXPECT_EQ(Pretty(ordered_json(-17)), "-17");
  EXPECT_EQ(Pretty(ordered_json(std::numeric_limits<int64_t>::min())), "-9223372036854775808");
  EXPECT_EQ(Pretty(ordered_json(std::numeric_limits<uint64_t>::max())), "18446744073709551615");
}

TEST(PrettyJson, EmptyContainers) {
  EXPECT_EQ(Pretty(ordered_json::object()), "{}");
  EXPECT_EQ(Pretty(ordered_json::array()), "[]");
  const ordered_json nested = {{"a", ordered_json::array()}, {"b", ordered_json::object()}};
  EXPECT_EQ(Pretty(nested), "{\n  \"a\": [],\n  \"b\": {}\n}");
}

TEST(PrettyJson, NestedLikeDump) {
  const ordered_json value = {
      {"path", "offers/a.json"},
      {"line", 3},
      {"storefronts", {"appsource", "azure-marketplace"}},
      {"fix", {{"safe", true}, {"edits", {{{"offset", 1u}, {"length", 0u}, {"replacement", "x"}}}}}},
      {"decidedBy", nullptr},
      {"deep", {{{ordered_json::array(), {1, {2, {3}}}}}}},
  };
  EXPECT_EQ(Pretty(value), Dump(value));
}

TEST(PrettyJson, StartingDepthIndentsLikeAnElementOfAnArray) {
  const ordered_json value = {{"rule", "r"}, {"edits", {1, 2}}};
  std::string expected = "{\n      \"rule\": \"r\",\n      \"edits\": [\n        1,\n        2\n      ]\n    }";
  EXPECT_EQ(Pretty(value, 2), expected);
}

TEST(PrettyJson, StringsEscapeAsNlohmannDoes) {
  static constexpr char kControls[] = "nul \0 and \x01 and \x1f";
  const std::string cases[] = {
      "",
      "plain ASCII ~ with spaces",
      "quote \" and backslash \\",
      "tab\tnewline\ncarriage\rform\fback\b",
      std::string(kControls, sizeof kControls - 1),
      "delete \x7f",
      "caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x98\x80",
      "invalid \xff byte",
      "truncated \xe2\x80",
      "overlong \xc0\xaf",
  };
  for (const std::string& text : cases) {
    EXPECT_EQ(Pretty(ordered_json(text)), Dump(ordered_json(text))) << text;
    const ordered_json keyed = {{text, text}};
    EXPECT_EQ(Pretty(keyed), Dump(keyed)) << text;
  }
}

}  // namespace
}  // namespace leadlint
