// GitHub-flavored Markdown through cmark-gfm (with its table extension), reduced
// to what leadlint checks: headings and their anchors, links, and tables whose
// cells may hold HTML lists. Every element keeps the byte offset where it
// starts in the original file (cmark-gfm reports 1-based byte columns; they are
// turned into offsets here and into code-point columns only when printed).
//
// Hostile input: Debian's cmark-gfm 0.29.0.gfm.6 is quadratic on wide tables,
// so line length and table width are checked before cmark-gfm sees the text;
// over a limit, the document is reported (a ParseError of a limit kind) and not
// parsed. Front matter is cut out (blanked, so positions do not move) and
// returned raw for the YAML reader.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "parse/parse_error.h"

namespace leadlint {

struct MarkdownLimits {
  size_t max_line_bytes = 64u << 10;
  size_t max_table_columns = 256;
  size_t max_nodes = 2000000;  // visit budget for the syntax tree walk
};

struct MdItem {
  std::string text;   // entities decoded, inner spaces collapsed, trimmed
  size_t offset = 0;  // first byte of the text in the file
};

struct MdCell {
  std::string text;  // whole cell text (items joined by " | " when a list)
  size_t offset = 0;
  bool is_list = false;       // an HTML <table><tr><td> list inside the cell
  std::vector<MdItem> items;  // the list items, or one item with the cell text
};

struct MdRow {
  size_t offset = 0;
  bool header = false;
  std::vector<MdCell> cells;
};

struct MdTable {
  size_t offset = 0;
  std::vector<MdRow> rows;  // the header row first
};

struct MdHeading {
  int level = 1;
  size_t offset = 0;
  size_t text_offset = 0;            // first byte of the visible text
  std::string text;                  // visible text, HTML tags removed
  std::vector<std::string> anchors;  // explicit <a name=…> / <a id=…>
  std::string slug;                  // GitHub/DocFX-style slug of `text`
};

enum class MdLinkKind {
  kLink,            // [text](url), <url>
  kImage,           // ![alt](url)
  kImageDirective,  // :::image ... source="url" ... ::: (DocFX)
  kInclude,         // [!INCLUDE[title](url)] (DocFX)
};

struct MdLink {
  std::string url;
  std::string text;
  size_t offset = 0;       // the '[' (or '<' of an autolink, or the source="…" value of :::image)
  size_t text_offset = 0;  // first byte of the link text
  MdLinkKind kind = MdLinkKind::kLink;
  bool IsImage() const { return kind == MdLinkKind::kImage || kind == MdLinkKind::kImageDirective; }
};

struct MdText {  // a text run in prose (paragraphs and list items), for term checks
  std::string text;
  size_t offset = 0;
  bool in_link = false;  // inside a link's text (blocks only)
};

// A block of the document for block-by-block comparison of a translation with
// its source (l10n-verbatim-parity, l10n-markup-parity): its kind, its section
// (the number of headings before it; a heading opens its own), its markup
// counts, inline code and the text runs (with offsets) of its prose.
struct MdBlock {
  enum class Kind { kParagraph, kHeading, kTable, kCode, kHtml };
  Kind kind = Kind::kParagraph;
  size_t offset = 0;
  int section = 0;
  int strong = 0, emph = 0, code = 0, links = 0, images = 0;
  std::vector<MdText> codes;            // inline code literals, in order
  std::vector<MdText> runs;             // text runs (not code), in order
  std::vector<size_t> literal_markers;  // offsets of '**' / '__' left as text
};

struct MarkdownDoc {
  bool parsed = false;
  bool has_front_matter = false;
  std::string front_matter;        // YAML text between the --- lines
  size_t front_matter_offset = 0;  // byte offset of the YAML text
  std::vector<MdHeading> headings;
  std::vector<MdLink> links;
  std::vector<MdTable> tables;
  std::vector<std::string> html_anchors;  // <a name|id> anywhere in the body
  std::vector<MdText> prose;
  std::vector<MdBlock> blocks;
  std::vector<ParseError> errors;  // limits met (kMarkdown*Limit)
};

MarkdownDoc ParseMarkdown(std::string_view text, const MarkdownLimits& limits = {});

// Slug of a heading the way DocFX/GitHub build anchors: lower case, letters,
// digits, '-' and '_' kept, spaces to '-', everything else dropped.
std::string HeadingSlug(std::string_view text);

// Decodes %XX escapes in a link target.
std::string PercentDecode(std::string_view text);

// Decodes HTML entities (&amp; &#233; &#x4E2D; and the common named ones).
std::string DecodeEntities(std::string_view text);

}  // namespace leadlint
