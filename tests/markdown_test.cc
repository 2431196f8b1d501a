// The Markdown reader (src/parse/markdown.cc): the limits checked before
// cmark-gfm sees the text, and the byte offsets of what it extracts.
#include "parse/markdown.h"

#include <gtest/gtest.h>

#include <string>

namespace leadlint {
namespace {

TEST(MarkdownParser, LineLimitReportsTheLongLineAndStops) {
  MarkdownLimits limits;
  limits.max_line_bytes = 10;
  const std::string text = "# t\n\n0123456789\nabcdefghijk\n";
  MarkdownDoc md = ParseMarkdown(text, limits);
  EXPECT_FALSE(md.parsed);
  EXPECT_TRUE(md.headings.empty());
  ASSERT_EQ(md.errors.size(), 1u);
  EXPECT_EQ(md.errors[0].kind, ParseErrorKind::kMarkdownLineLimit);
  EXPECT_EQ(md.errors[0].offset, 16u);
  EXPECT_EQ(md.errors[0].message,
            "a line of 11 bytes is longer than the limit of 10 bytes; the document is not checked");
}

TEST(MarkdownParser, LineLimitDoesNotCountTheCarriageReturn) {
  MarkdownLimits limits;
  limits.max_line_bytes = 10;
  MarkdownDoc md = ParseMarkdown("0123456789\r\n", limits);
  EXPECT_TRUE(md.parsed);
  EXPECT_TRUE(md.errors.empty());
}

TEST(MarkdownParser, PipesInAFencedBlockAreNotTableColumns) {
  MarkdownLimits limits;
  limits.max_table_columns = 2;
  MarkdownDoc fenced = ParseMarkdown("```\n| a | b | c | d |\n```\n", limits);
  EXPECT_TRUE(fenced.parsed);
  EXPECT_TRUE(fenced.errors.empty());
  MarkdownDoc table = ParseMarkdown("x\n\n| a | b | c | d |\n", limits);
  EXPECT_FALSE(table.parsed);
  ASSERT_EQ(table.errors.size(), 1u);
  EXPECT_EQ(table.errors[0].kind, ParseErrorKind::kMarkdownTableLimit);
  EXPECT_EQ(table.errors[0].offset, 3u);
  EXPECT_EQ(table.errors[0].message,
            "a table row with 4 columns is wider than the limit of 2 columns; the document is not checked");
}

TEST(MarkdownParser, NodeBudgetStopsTheWalk) {
  MarkdownLimits limits;
  limits.max_nodes = 5;
  MarkdownDoc md = ParseMarkdown("# one\n\n# two\n\n# three\n\n# four\n", limits);
  ASSERT_EQ(md.errors.size(), 1u);
  EXPECT_EQ(md.errors[0].kind, ParseErrorKind::kMarkdownNodeLimit);
  EXPECT_EQ(md.errors[0].offset, 0u);
  EXPECT_EQ(md.errors[0].message, "the document has more than 5 syntax nodes; the rest is not checked");
  // document, heading, text, heading exit, heading: the walk stops inside the second heading.
  ASSERT_EQ(md.headings.size(), 2u);
  EXPECT_EQ(md.headings[0].text, "one");
}

TEST(MarkdownParser, FrontMatterIsCutOutAndPositionsStay) {
  const std::string text = "---\ntitle: T\nms.date: 01/02/2024\n---\n# Head\n\nSee [the guide](guide.md#part).\n";
  MarkdownDoc md = ParseMarkdown(text);
  ASSERT_TRUE(md.parsed);
  ASSERT_TRUE(md.has_front_matter);
  EXPECT_EQ(md.front_matter, "title: T\nms.date: 01/02/2024\n");
  EXPECT_EQ(md.front_matter_offset, 4u);
  ASSERT_EQ(md.headings.size(), 1u);
  EXPECT_EQ(md.headings[0].offset, text.find("# Head"));
  EXPECT_EQ(md.headings[0].text_offset, text.find("Head"));
  EXPECT_EQ(md.headings[0].slug, "head");
  ASSERT_EQ(md.links.size(), 1u);
  EXPECT_EQ(md.links[0].url, "guide.md#part");
  EXPECT_EQ(md.links[0].text, "the guide");
  EXPECT_EQ(md.links[0].kind, MdLinkKind::kLink);
  EXPECT_EQ(md.links[0].offset, text.find("[the guide]"));
  EXPECT_EQ(md.links[0].text_offset, text.find("the guide"));
}

TEST(MarkdownParser, ImagesAndDocfxDirectives) {
  const std::string text =
      "![alt text](media/a.png)\n\n"
      ":::image type=\"content\" source=\"media/b.png\" alt-text=\"B\":::\n\n"
      "[!INCLUDE[note](includes/note.md)]\n";
  MarkdownDoc md = ParseMarkdown(text);
  ASSERT_TRUE(md.parsed);
  ASSERT_EQ(md.links.size(), 3u);
  int images = 0;
  for (const MdLink& l : md.links) {
    if (l.kind == MdLinkKind::kImage) {
      ++images;
      EXPECT_EQ(l.url, "media/a.png");
      EXPECT_EQ(l.offset, 0u);
      EXPECT_TRUE(l.IsImage());
    } else if (l.kind == MdLinkKind::kImageDirective) {
      ++images;
      EXPECT_EQ(l.url, "media/b.png");
      EXPECT_EQ(l.offset, text.find("media/b.png"));
      EXPECT_TRUE(l.IsImage());
    } else {
      EXPECT_EQ(l.kind, MdLinkKind::kInclude);
      EXPECT_EQ(l.url, "includes/note.md");
      EXPECT_EQ(l.offset, text.find("[note]"));  // the inner link's '['
      EXPECT_FALSE(l.IsImage());
    }
  }
  EXPECT_EQ(images, 2);
}

TEST(MarkdownParser, SlugsEntitiesAndPercentDecoding) {
  EXPECT_EQ(HeadingSlug("Enable Lead Sharing (Preview)!"), "enable-lead-sharing-preview");
  EXPECT_EQ(HeadingSlug("snake_case and 42"), "snake_case-and-42");
  EXPECT_EQ(DecodeEntities("a &amp; b &#233; &#x4E2D; &lt;"), "a & b \xC3\xA9 \xE4\xB8\xAD <");
  EXPECT_EQ(PercentDecode("a%20b%2Fc%zz"), "a b/c%zz");
}

}  // namespace
}  // namespace leadlint
