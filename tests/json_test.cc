// The positioned JSON reader: values, positions, duplicate keys, limits,
// encoding and syntax errors with their exact offsets and hints.
#include "parse/json.h"

#include <gtest/gtest.h>

#include "base/secret_text.h"
#include "base/source_file.h"
#include "engine/problem_rules.h"

namespace leadlint {
namespace {

std::string At(const std::string& text, const ParseError& e) {
  SourceFile file("t.json", text);
  LineCol lc = file.Locate(e.offset);
  return std::to_string(lc.line) + ":" + std::to_string(lc.column) + ": " + e.message + " [" +
         std::string(RuleFor(e.kind)) + "]";
}

TEST(Json, ParsesValuesWithPositions) {
  std::string text = "{\n  \"a\": [1, -2.5e3, true, null],\n  \"b\": \"x\\u00e9\\ud83d\\ude00\"\n}";
  JsonParseResult r = ParseJson(text);
  ASSERT_TRUE(r.ok);
  ASSERT_TRUE(r.root.is_object());
  const JsonNode* a = r.root.Find("a");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->key_offset, 4u);
  EXPECT_EQ(a->offset, 9u);
  ASSERT_EQ(a->children.size(), 4u);
  EXPECT_EQ(a->children[1].text, "-2.5e3");
  EXPECT_EQ(a->children[2].type, JsonType::kBool);
  EXPECT_EQ(r.root.StringAt("b"), "x\xC3\xA9\xF0\x9F\x98\x80");
}

TEST(Json, MissingCommaIsReportedWhereNoticedWithHint) {
  std::string text = "{\n  \"$schema\": \"x\"\n  \"resources\": []\n}";
  JsonParseResult r = ParseJson(text);
  EXPECT_FALSE(r.ok);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(At(text, r.errors[0]),
            "3:3: expected ',' or '}' after an object member but found '\"'; is a ',' missing at the end of line 2? "
            "[manifest-syntax]");
}

TEST(Json, TrailingCommaSingleQuotesAndEmpty) {
  std::string trailing = "{\"a\": 1,\n}";
  EXPECT_EQ(At(trailing, ParseJson(trailing).errors.at(0)),
            "1:8: trailing comma before '}' is not allowed in JSON [manifest-syntax]");
  std::string quotes = "{'a': 1}";
  EXPECT_EQ(At(quotes, ParseJson(quotes).errors.at(0)),
            "1:2: object keys must use double quotes, not single quotes [manifest-syntax]");
  std::string empty = "  \n";
  EXPECT_EQ(At(empty, ParseJson(empty).errors.at(0)),
            "2:1: the file is empty; expected a JSON value [manifest-syntax]");
  std::string array_trailing = "[1,2,]";
  EXPECT_EQ(At(array_trailing, ParseJson(array_trailing).errors.at(0)),
            "1:5: trailing comma before ']' is not allowed in JSON [manifest-syntax]");
}

TEST(Json, DuplicateKeysAreReportedAndTheLastWins) {
  std::string text = "{\n  \"k\": 1,\n  \"k\": 2\n}";
  JsonParseResult r = ParseJson(text);
  ASSERT_TRUE(r.ok);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(At(text, r.errors[0]),
            "3:3: duplicate key 'k'; the earlier one at line 2 is silently overwritten [manifest-duplicate-key]");
  EXPECT_EQ(r.root.Find("k")->text, "2");
}

TEST(Json, DepthLimitStopsBeforeTheStackDoes) {
  std::string deep(100000, '[');
  JsonLimits limits;
  JsonParseResult r = ParseJson(deep, limits);
  EXPECT_FALSE(r.ok);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].kind, ParseErrorKind::kJsonLimit);
  EXPECT_EQ(r.errors[0].offset, 256u);
  EXPECT_EQ(r.errors[0].message, "JSON nesting is deeper than the limit of 256 levels");
}

TEST(Json, InvalidUtf8InAStringIsAnEncodingFindingAndParsingGoesOn) {
  std::string text = "{\"a\": \"ok\xFF\", \"b\": 1}";
  JsonParseResult r = ParseJson(text);
  EXPECT_TRUE(r.ok);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].kind, ParseErrorKind::kJsonEncoding);
  EXPECT_EQ(r.errors[0].length, 1u);
  EXPECT_EQ(r.errors[0].offset, 9u);
  EXPECT_NE(r.root.Find("b"), nullptr);
}

TEST(Json, ByteOrderMarkIsAccepted) {
  std::string text = "\xEF\xBB\xBF{\"a\": 1}";
  JsonParseResult r = ParseJson(text);
  EXPECT_TRUE(r.ok);
  SourceFile file("t", text);
  EXPECT_EQ(file.Locate(r.root.Find("a")->key_offset).column, 2);
}

TEST(Json, ControlCharactersAndBadEscapes) {
  std::string text = "{\"a\": \"x\ty\"}";
  EXPECT_EQ(At(text, ParseJson(text).errors.at(0)),
            "1:9: unescaped control character U+0009 in a string [manifest-syntax]");
  std::string esc = "{\"a\": \"\\q\"}";
  EXPECT_EQ(At(esc, ParseJson(esc).errors.at(0)), "1:8: invalid escape '\\q' in a string [manifest-syntax]");
  std::string lead = "[01]";
  EXPECT_EQ(At(lead, ParseJson(lead).errors.at(0)), "1:2: numbers must not have leading zeros [manifest-syntax]");
}

TEST(Json, ManyDuplicateKeysAreCapped) {
  std::string text = "{";
  for (int i = 0; i < 1000; ++i) text += std::string(i ? "," : "") + "\"a\":1";
  text += "}";
  JsonParseResult r = ParseJson(text);
  ASSERT_EQ(r.errors.size(), 101u);
  EXPECT_EQ(r.errors.back().message, "899 more duplicate keys are not reported one by one");
}

TEST(SourceFile, ColumnsCountCodePointsAndLinesAnyEnding) {
  SourceFile file("t",
                  "ab\r\n\xD0\x96\xE4\xB8\xAD"
                  "x\rlast");
  EXPECT_EQ(file.LineCount(), 3);
  LineCol lc = file.Locate(9);  // 'x' after Ж and 中
  EXPECT_EQ(lc.line, 2);
  EXPECT_EQ(lc.column, 3);
  EXPECT_EQ(file.Line(3), "last");
  EXPECT_EQ(file.OffsetOf(2, 3), 9u);
}

TEST(Redaction, MasksSecretAssignmentsButNotPlaceholders) {
  EXPECT_EQ(RedactSecrets("AccountName=a;AccountKey=abc123==;EndpointSuffix=x"),
            "AccountName=a;AccountKey=********;EndpointSuffix=x");
  EXPECT_EQ(RedactSecrets("https://h/p?code=s3cr3t&x=1"), "https://h/p?code=******&x=1");
  EXPECT_EQ(RedactSecrets("AccountKey=${KEY}"), "AccountKey=${KEY}");
  EXPECT_EQ(RedactSecrets("  \"password\": \"hunter2\","), "  \"password\": \"*******\",");
}

}  // namespace
}  // namespace leadlint
