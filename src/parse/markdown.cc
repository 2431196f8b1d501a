// cmark-gfm wrapper. The syntax tree is walked with cmark's iterator (no
// recursion), under a visit budget; nodes are owned by RAII handles so that no
// early return leaks a tree.
#include "parse/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>

#include "base/source_file.h"

namespace leadlint {
namespace {

struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct IterDeleter {
  void operator()(cmark_iter* i) const { cmark_iter_free(i); }
};

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

bool StartsWithTag(std::string_view html, std::string_view tag) {
  // "<td", "</td" followed by '>' or whitespace or attributes; case-insensitive.
  if (html.size() < tag.size()) return false;
  for (size_t i = 0; i < tag.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(html[i])) != tag[i]) return false;
  }
  if (html.size() == tag.size()) return true;
  char next = html[tag.size()];
  return next == '>' || next == ' ' || next == '\t' || next == '/' || next == '\n';
}

// The value of name="…" or id="…" in an <a> tag, or "".
std::string AnchorName(std::string_view html) {
  if (!StartsWithTag(html, "<a")) return "";
  for (std::string_view attr : {std::string_view("name"), std::string_view("id")}) {
    size_t p = 0;
    while ((p = html.find(attr, p)) != std::string_view::npos) {
      bool boundary = p > 0 && (html[p - 1] == ' ' || html[p - 1] == '\t');
      size_t q = p + attr.size();
      while (q < html.size() && html[q] == ' ') ++q;
      if (boundary && q < html.size() && html[q] == '=') {
        ++q;
        while (q < html.size() && html[q] == ' ') ++q;
        char quote = q < html.size() ? html[q] : '\0';
        if (quote == '"' || quote == '\'') {
          size_t end = html.find(quote, q + 1);
          if (end != std::string_view::npos) return std::string(html.substr(q + 1, end - q - 1));
        }
      }
      p = q;
    }
  }
  return "";
}

class Walker {
 public:
  Walker(std::string_view text, MarkdownDoc* doc, const MarkdownLimits& limits)
      : text_(text), doc_(doc), limits_(limits) {
    line_starts_.push_back(0);
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') {
        line_starts_.push_back(i + 1);
      } else if (text[i] == '\r') {
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        line_starts_.push_back(i + 1);
      }
    }
  }

  size_t Offset(cmark_node* node) const {
    int line = cmark_node_get_start_line(node);
    int col = cmark_node_get_start_column(node);
    if (line < 1 || static_cast<size_t>(line) > line_starts_.size()) return 0;
    size_t offset = line_starts_[static_cast<size_t>(line - 1)] + static_cast<size_t>(std::max(col, 1) - 1);
    return std::min(offset, text_.size());
  }

  void Walk(cmark_node* root) {
    std::unique_ptr<cmark_iter, IterDeleter> it(cmark_iter_new(root));
    cmark_event_type ev;
    size_t visits = 0;
    while ((ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE) {
      if (++visits > limits_.max_nodes) {
        doc_->errors.push_back({ParseErrorKind::kMarkdownNodeLimit, 0, 0,
                                "the document has more than " + std::to_string(limits_.max_nodes) +
                                    " syntax nodes; the rest is not checked"});
        return;
      }
      cmark_node* node = cmark_iter_get_node(it.get());
      std::string_view type = cmark_node_get_type_string(node);
      if (ev == CMARK_EVENT_ENTER) {
        Enter(node, type);
      } else {
        Exit(node, type);
      }
    }
  }

 private:
  void AppendText(cmark_node* node, std::string_view literal) {
    if (heading_ != nullptr) {
      if (heading_->text.empty() && heading_->text_offset == heading_->offset) heading_->text_offset = Offset(node);
      heading_->text.append(literal);
    }
    if (link_ != nullptr) {
      if (link_->text.empty()) link_->text_offset = Offset(node);
      link_->text.append(literal);
    }
    if (cell_ != nullptr) {
      if (in_item_) {
        if (item_.text.empty()) item_.offset = Offset(node);
        item_.text.append(literal);
      } else {
        if (plain_.text.empty()) plain_.offset = Offset(node);
        plain_.text.append(literal);
      }
    } else if (heading_ == nullptr && in_paragraph_) {
      doc_->prose.push_back({std::string(literal), Offset(node)});
    }
  }

  void Enter(cmark_node* node, std::string_view type) {
    const char* lit = cmark_node_get_literal(node);
    std::string_view literal = lit != nullptr ? std::string_view(lit) : std::string_view();
    OpenBlock(node, type);
    if (block_ != nullptr) CountInline(node, type, literal);
    if (type == "heading") {
      doc_->headings.emplace_back();
      heading_ = &doc_->headings.back();
      heading_->level = cmark_node_get_heading_level(node);
      heading_->offset = Offset(node);
      heading_->text_offset = heading_->offset;
    } else if (type == "paragraph") {
      in_paragraph_ = true;
    } else if (type == "table") {
      doc_->tables.emplace_back();
      table_ = &doc_->tables.back();
      table_->offset = Offset(node);
    } else if ((type == "table_row" || type == "table_header") && table_ != nullptr) {
      table_->rows.emplace_back();
      table_->rows.back().offset = Offset(node);
      table_->rows.back().header = type == "table_header";
    } else if (type == "table_cell" && table_ != nullptr && !table_->rows.empty()) {
      table_->rows.back().cells.emplace_back();
      cell_ = &table_->rows.back().cells.back();
      cell_->offset = Offset(node);
      plain_ = MdItem();
      in_item_ = false;
    } else if (type == "link" || type == "image") {
      const char* url = cmark_node_get_url(node);
      doc_->links.emplace_back();
      link_ = &doc_->links.back();
      link_->url = url != nullptr ? url : "";
      link_->offset = Offset(node);
      link_->text_offset = link_->offset;
      if (type == "image") {
        link_->kind = MdLinkKind::kImage;
      } else if (IsIncludeAt(link_->offset)) {
        link_->kind = MdLinkKind::kInclude;
      }
    } else if (type == "text" || type == "code") {
      AppendText(node, literal);
    } else if (type == "softbreak" || type == "linebreak") {
      AppendText(node, " ");
    } else if (type == "html_inline" || type == "html_block") {
      std::string anchor = AnchorName(literal);
      if (!anchor.empty()) {
        doc_->html_anchors.push_back(anchor);
        if (heading_ != nullptr) heading_->anchors.push_back(anchor);
      }
      if (cell_ != nullptr && type == "html_inline") {
        if (StartsWithTag(literal, "<td") || StartsWithTag(literal, "<th")) {
          cell_->is_list = true;
          in_item_ = true;
          item_ = MdItem();
          item_.offset = Offset(node) + literal.size();
        } else if (StartsWithTag(literal, "</td") || StartsWithTag(literal, "</th")) {
          FinishItem();
        } else if (StartsWithTag(literal, "<br")) {
          AppendText(node, " ");
        }
        // <table>, <tr>, <span data-ttu-id=…> and their closing tags are seen through.
      }
    }
  }

  // DocFX's [!INCLUDE[title](path)]: cmark sees "[!INCLUDE" as text before a link.
  bool IsIncludeAt(size_t offset) const {
    size_t p = offset;
    while (p > 0 && (text_[p - 1] == ' ' || text_[p - 1] == '\t')) --p;
    constexpr std::string_view kTag = "[!include";
    if (p < kTag.size()) return false;
    for (size_t i = 0; i < kTag.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(text_[p - kTag.size() + i])) != kTag[i]) return false;
    }
    return true;
  }

  void OpenBlock(cmark_node* node, std::string_view type) {
    if (block_ != nullptr) return;  // nested blocks (paragraphs in a list item) are flat
    MdBlock::Kind kind;
    if (type == "paragraph") {
      kind = MdBlock::Kind::kParagraph;
    } else if (type == "heading") {
      kind = MdBlock::Kind::kHeading;
      ++section_;
    } else if (type == "table") {
      kind = MdBlock::Kind::kTable;
    } else if (type == "code_block") {
      kind = MdBlock::Kind::kCode;
    } else if (type == "html_block") {
      kind = MdBlock::Kind::kHtml;
    } else {
      return;
    }
    doc_->blocks.emplace_back();
    block_ = &doc_->blocks.back();
    block_->kind = kind;
    block_->offset = Offset(node);
    block_->section = section_;
    block_node_ = node;
    // Leaf blocks have no exit event.
    if (kind == MdBlock::Kind::kCode || kind == MdBlock::Kind::kHtml) {
      block_ = nullptr;
      block_node_ = nullptr;
    }
  }

  void CountInline(cmark_node* node, std::string_view type, std::string_view literal) {
    if (type == "strong") {
      ++block_->strong;
    } else if (type == "emph") {
      ++block_->emph;
    } else if (type == "code") {
      ++block_->code;
      block_->codes.push_back({std::string(literal), Offset(node)});
    } else if (type == "link") {
      ++block_->links;
    } else if (type == "image") {
      ++block_->images;
    } else if (type == "softbreak" || type == "linebreak") {
      block_->runs.push_back({" ", Offset(node)});
    } else if (type == "text") {
      size_t at = Offset(node);
      block_->runs.push_back({std::string(literal), at, link_ != nullptr});
      for (std::string_view marker : {std::string_view("**"), std::string_view("__")}) {
        for (size_t p = literal.find(marker); p != std::string_view::npos; p = literal.find(marker, p + 2)) {
          // Only where the file has the marker itself (not an escaped or decoded one).
          if (at + p + 2 <= text_.size() && text_.substr(at + p, 2) == marker)
            block_->literal_markers.push_back(at + p);
        }
      }
    }
  }

  void FinishItem() {
    if (!in_item_) return;
    in_item_ = false;
    item_.text = CollapseSpaces(item_.text);
    cell_->items.push_back(std::move(item_));
    item_ = MdItem();
  }

  void Exit(cmark_node* node, std::string_view type) {
    if (node == block_node_) {
      block_ = nullptr;
      block_node_ = nullptr;
    }
    if (type == "heading" && heading_ != nullptr) {
      heading_->text = CollapseSpaces(heading_->text);
      heading_->slug = HeadingSlug(heading_->text);
      heading_ = nullptr;
    } else if (type == "paragraph") {
      in_paragraph_ = false;
    } else if ((type == "link" || type == "image") && link_ != nullptr) {
      link_->text = CollapseSpaces(link_->text);
      link_ = nullptr;
    } else if (type == "table_cell" && cell_ != nullptr) {
      FinishItem();
      std::string plain = CollapseSpaces(plain_.text);
      if (!cell_->is_list) {
        cell_->items.push_back({plain, plain_.text.empty() ? cell_->offset : plain_.offset});
        cell_->text = plain;
      } else {
        std::string joined;
        for (const MdItem& i : cell_->items) joined += (joined.empty() ? "" : " | ") + i.text;
        cell_->text = joined;
      }
      cell_ = nullptr;
    } else if (type == "table") {
      table_ = nullptr;
    }
  }

  std::string_view text_;
  MarkdownDoc* doc_;
  const MarkdownLimits& limits_;
  std::vector<size_t> line_starts_;
  MdHeading* heading_ = nullptr;
  MdLink* link_ = nullptr;
  MdTable* table_ = nullptr;
  MdCell* cell_ = nullptr;
  MdItem item_;
  MdItem plain_;
  bool in_item_ = false;
  bool in_paragraph_ = false;
  MdBlock* block_ = nullptr;
  cmark_node* block_node_ = nullptr;
  int section_ = 0;
};

// DocFX ":::image type="content" source="media/x.png" alt-text="…":::" (one
// line or several, up to the closing ":::"): its source is an image link.
// Code fences are skipped; links stay in document order.
void AddImageDirectives(std::string_view text, MarkdownDoc* doc) {
  if (text.find(":::image") == std::string_view::npos) return;
  bool in_fence = false;
  size_t added = 0;
  for (size_t line_start = 0; line_start < text.size();) {
    size_t end = text.find('\n', line_start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(line_start, end - line_start);
    size_t b = line.find_first_not_of(" \t>");
    std::string_view trimmed = b == std::string_view::npos ? std::string_view() : line.substr(b);
    if (trimmed.rfind("```", 0) == 0 || trimmed.rfind("~~~", 0) == 0) in_fence = !in_fence;
    if (!in_fence && trimmed.rfind(":::image", 0) == 0 && trimmed.rfind(":::image-end", 0) != 0) {
      size_t start = line_start + b + 8;
      // Bounded: a directive never closed costs at most 4 KiB of scanning.
      std::string_view window = text.substr(start, std::min<size_t>(4096, text.size() - start));
      size_t close = window.find(":::");
      std::string_view body = window.substr(0, close == std::string_view::npos ? window.size() : close);
      auto attribute = [&](std::string_view name, size_t* at) -> std::string {
        for (size_t p = body.find(name); p != std::string_view::npos; p = body.find(name, p + 1)) {
          bool boundary = p == 0 || body[p - 1] == ' ' || body[p - 1] == '\t' || body[p - 1] == '\n';
          size_t q = p + name.size();
          if (!boundary || q + 1 >= body.size() || body[q] != '=' || (body[q + 1] != '"' && body[q + 1] != '\''))
            continue;
          size_t e = body.find(body[q + 1], q + 2);
          if (e == std::string_view::npos) return "";
          if (at != nullptr) *at = start + q + 2;
          return std::string(body.substr(q + 2, e - q - 2));
        }
        return "";
      };
      MdLink link;
      size_t at = line_start + b;
      link.url = attribute("source", &at);
      link.offset = at;
      link.text = attribute("alt-text", nullptr);
      link.text_offset = at;
      link.kind = MdLinkKind::kImageDirective;
      if (!link.url.empty()) {
        doc->links.push_back(std::move(link));
        ++added;
      }
    }
    line_start = end + 1;
  }
  if (added > 0) {
    std::stable_sort(doc->links.begin(), doc->links.end(),
                     [](const MdLink& x, const MdLink& y) { return x.offset < y.offset; });
  }
}

bool IsFence(std::string_view line) {
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == "---";
}

}  // namespace

namespace {

// Decodes one UTF-8 sequence at s[i]; returns its length (1 for invalid bytes).
size_t DecodeUtf8(std::string_view s, size_t i, unsigned int* cp) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  if (i + len > s.size()) len = 1;
  if (len == 1) {
    *cp = c;
    return 1;
  }
  unsigned int v = c & (0xFF >> (len + 1));
  for (size_t k = 1; k < len; ++k) v = (v << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  *cp = v;
  return len;
}

// Lower case for the scripts the docs are translated into (Latin-1, Latin
// Extended-A, Greek, Cyrillic); other letters are already caseless here.
unsigned int ToLower(unsigned int cp) {
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 0x20;
  if (cp >= 0x100 && cp <= 0x17F && cp != 0x130 && cp != 0x138 && cp != 0x149 && cp != 0x178) {
    bool odd_lower = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
    if (odd_lower) return (cp % 2 == 1) ? cp + 1 : cp;
    return (cp % 2 == 0) ? cp + 1 : cp;
  }
  if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) return cp + 0x20;
  if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;
  if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;
  return cp;
}

// Punctuation and symbols that slugs drop (general punctuation, Latin-1
// symbols, CJK and full-width punctuation).
bool IsPunctuation(unsigned int cp) {
  return (cp >= 0xA0 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x206F) ||
         (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
         (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65);
}

}  // namespace

std::string PercentDecode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out.push_back(static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

std::string HeadingSlug(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      unsigned int cp = 0;
      size_t len = DecodeUtf8(text, i, &cp);
      if (!IsPunctuation(cp)) AppendUtf8(&out, ToLower(cp));
      i += len;
      continue;
    }
    ++i;
    if (std::isalnum(c)) {
      out.push_back(static_cast<char>(std::tolower(c)));
    } else if (c == ' ' || c == '-') {
      out.push_back('-');
    } else if (c == '_') {
      out.push_back('_');
    }
  }
  return out;
}

std::string DecodeEntities(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out.push_back(s[i]);
      continue;
    }
    size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
      out.push_back('&');
      continue;
    }
    std::string_view name = s.substr(i + 1, semi - i - 1);
    unsigned long cp = 0;
    bool ok = false;
    if (!name.empty() && name[0] == '#') {
      bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
      std::string digits(name.substr(hex ? 2 : 1));
      if (!digits.empty() && digits.size() <= 6) {
        char* end = nullptr;
        cp = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
        ok = end != nullptr && *end == '\0' && cp > 0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
      }
    } else {
      static const std::pair<std::string_view, unsigned long> kNamed[] = {
          {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}, {"nbsp", 0xA0}};
      for (const auto& [n, v] : kNamed) {
        if (name == n) {
          cp = v;
          ok = true;
        }
      }
    }
    if (!ok) {
      out.push_back('&');
      continue;
    }
    AppendUtf8(&out, static_cast<unsigned int>(cp));
    i = semi;
  }
  return out;
}

MarkdownDoc ParseMarkdown(std::string_view text, const MarkdownLimits& limits) {
  MarkdownDoc doc;
  std::string body(text);
  size_t start = body.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  // Front matter: a first line '---' and a closing '---' line.
  size_t first_end = body.find('\n', start);
  if (first_end != std::string::npos && IsFence(std::string_view(body).substr(start, first_end - start))) {
    size_t p = first_end + 1;
    while (p < body.size()) {
      size_t e = body.find('\n', p);
      if (e == std::string::npos) e = body.size();
      if (IsFence(std::string_view(body).substr(p, e - p))) {
        doc.has_front_matter = true;
        doc.front_matter = body.substr(first_end + 1, p - first_end - 1);
        doc.front_matter_offset = first_end + 1;
        // Blank the block (keeping line breaks) so cmark-gfm positions stay true.
        for (size_t k = start; k < std::min(e, body.size()); ++k) {
          if (body[k] != '\n' && body[k] != '\r') body[k] = ' ';
        }
        break;
      }
      p = e + 1;
    }
  }
  // Limits first: cmark-gfm must never see a line or a table it is slow on.
  size_t line_start = 0;
  bool in_fence = false;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n') {
      std::string_view line = text.substr(line_start, i - line_start);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      std::string_view trimmed = line.substr(std::min(line.find_first_not_of(' '), line.size()));
      if (trimmed.rfind("```", 0) == 0 || trimmed.rfind("~~~", 0) == 0) in_fence = !in_fence;
      if (line.size() > limits.max_line_bytes) {
        doc.errors.push_back({ParseErrorKind::kMarkdownLineLimit, line_start, 0,
                              "a line of " + std::to_string(line.size()) + " bytes is longer than the limit of " +
                                  std::to_string(limits.max_line_bytes) + " bytes; the document is not checked"});
        return doc;
      }
      size_t pipes = in_fence ? 0 : static_cast<size_t>(std::count(line.begin(), line.end(), '|'));
      if (pipes > limits.max_table_columns + 1) {
        doc.errors.push_back({ParseErrorKind::kMarkdownTableLimit, line_start, 0,
                              "a table row with " + std::to_string(pipes - 1) + " columns is wider than the limit of " +
                                  std::to_string(limits.max_table_columns) + " columns; the document is not checked"});
        return doc;
      }
      line_start = i + 1;
    }
  }

  if (start == 3) body[0] = body[1] = body[2] = ' ';

  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(CMARK_OPT_DEFAULT));
  if (cmark_syntax_extension* table = cmark_find_syntax_extension("table")) {
    cmark_parser_attach_syntax_extension(parser.get(), table);
  }
  cmark_parser_feed(parser.get(), body.data(), body.size());
  std::unique_ptr<cmark_node, NodeDeleter> root(cmark_parser_finish(parser.get()));
  if (!root) return doc;
  Walker walker(text, &doc, limits);
  walker.Walk(root.get());
  AddImageDirectives(text, &doc);
  doc.parsed = true;
  return doc;
}

}  // namespace leadlint
