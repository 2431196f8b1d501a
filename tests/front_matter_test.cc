// YAML front matter (src/parse/front_matter.cc): entries with the byte offsets
// of their keys and values in the file, and the errors of bad YAML.
#include "parse/front_matter.h"

#include <gtest/gtest.h>

#include <string>

namespace leadlint {
namespace {

// The front matter of `file`, whose YAML starts after the first "---\n".
FrontMatter Parse(const std::string& file) {
  const size_t start = 4;
  const size_t end = file.find("\n---", start);
  return ParseFrontMatter(file, std::string_view(file).substr(start, end + 1 - start), start);
}

TEST(FrontMatter, ScalarEntriesWithKeyAndValueOffsets) {
  const std::string file = "---\ntitle: Lead sharing\nms.date:   01/02/2024\nauthor:\n  - a\n  - b\n---\n# x\n";
  FrontMatter fm = Parse(file);
  ASSERT_TRUE(fm.valid);
  EXPECT_TRUE(fm.errors.empty());
  ASSERT_EQ(fm.entries.size(), 3u);
  EXPECT_EQ(fm.entries[0].key, "title");
  EXPECT_EQ(fm.entries[0].value, "Lead sharing");
  EXPECT_EQ(fm.entries[0].key_offset, file.find("title"));
  EXPECT_EQ(fm.entries[0].value_offset, file.find("Lead sharing"));
  EXPECT_TRUE(fm.entries[0].scalar);
  const FrontMatterEntry* date = fm.Find("ms.date");
  ASSERT_NE(date, nullptr);
  EXPECT_EQ(date->value, "01/02/2024");
  EXPECT_EQ(date->key_offset, file.find("ms.date"));
  EXPECT_EQ(date->value_offset, file.find("01/02"));
  const FrontMatterEntry* author = fm.Find("author");
  ASSERT_NE(author, nullptr);
  EXPECT_FALSE(author->scalar);
  EXPECT_EQ(author->value, "");
  EXPECT_EQ(author->value_offset, author->key_offset);
  EXPECT_EQ(fm.Find("missing"), nullptr);
}

TEST(FrontMatter, EmptyFrontMatterIsValid) {
  FrontMatter fm = ParseFrontMatter("---\n---\n", "", 4);
  EXPECT_TRUE(fm.valid);
  EXPECT_TRUE(fm.entries.empty());
  EXPECT_TRUE(fm.errors.empty());
}

TEST(FrontMatter, ANonMappingIsAnErrorAtTheStart) {
  const std::string file = "---\n- a\n- b\n---\n";
  FrontMatter fm = Parse(file);
  EXPECT_FALSE(fm.valid);
  ASSERT_EQ(fm.errors.size(), 1u);
  EXPECT_EQ(fm.errors[0].kind, ParseErrorKind::kFrontMatterSyntax);
  EXPECT_EQ(fm.errors[0].offset, 4u);
  EXPECT_EQ(fm.errors[0].message, "front matter must be a YAML mapping of keys to values");
}

TEST(FrontMatter, InvalidYamlIsAnErrorWhereYamlCppStopped) {
  const std::string file = "---\ntitle: ok\nbad: [unclosed\n---\n";
  FrontMatter fm = Parse(file);
  EXPECT_FALSE(fm.valid);
  ASSERT_EQ(fm.errors.size(), 1u);
  EXPECT_EQ(fm.errors[0].kind, ParseErrorKind::kFrontMatterSyntax);
  EXPECT_EQ(fm.errors[0].message, "front matter is not valid YAML: end of sequence flow not found");
  // yaml-cpp notices the unclosed '[' where the YAML ends (its line 2, column 0).
  EXPECT_EQ(fm.errors[0].offset, file.size() - 4);
}

}  // namespace
}  // namespace leadlint
