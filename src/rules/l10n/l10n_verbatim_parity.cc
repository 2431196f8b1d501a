// l10n-verbatim-parity: what must not be translated (inline code, URLs,
// identifier-like tokens, product names) is missing or changed in an aligned
// block of the translation.
//
// Each block of the translation is compared with the aligned block of the
// source version it was made from (l10n_util::AlignBlocks: headings anchor the
// sections, blocks pair in order). Identifier-like means CamelCase with an
// inner capital, letters mixed with digits, or an inner underscore
// (MarketplaceLeadBackend, D365, client_id): UI and API names that machine
// translation mangles. A changed token is reported where it stands when the
// translation holds a near spelling of it; otherwise at the block.
#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <vector>

#include "rules/doc_rule.h"
#include "rules/l10n/l10n_glossary.h"
#include "rules/l10n/l10n_util.h"
#include "rules/rule.h"

namespace leadlint {
namespace {

using l10n_util::Against;

struct Token {
  std::string text;
  size_t offset = 0;
};

bool IdentifierLike(std::string_view t) {
  if (t.size() < 3) return false;
  bool letter = false, digit = false, hump = false, underscore = false;
  for (size_t i = 0; i < t.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(t[i]);
    letter = letter || std::isalpha(c);
    digit = digit || std::isdigit(c);
    if (i > 0 && std::isupper(c) && std::islower(static_cast<unsigned char>(t[i - 1]))) hump = true;
    if (c == '_' && i > 0 && i + 1 < t.size()) underscore = true;
  }
  return letter && (hump || digit || underscore);
}

bool IsUrl(std::string_view t) { return t.rfind("http", 0) == 0 && t.find("://") != std::string_view::npos; }

// ASCII word tokens and URLs of the block's prose, with their offsets; with
// `candidates_only`, only URLs and identifier-like tokens (no string is made
// for an ordinary word).
std::vector<Token> Tokens(const MdBlock& b, bool candidates_only = false) {
  std::vector<Token> out;
  for (const MdText& run : b.runs) {
    const std::string& s = run.text;
    for (size_t i = 0; i < s.size();) {
      if (s.compare(i, 8, "https://") == 0 || s.compare(i, 7, "http://") == 0) {
        size_t e = i;
        while (e < s.size() && !std::isspace(static_cast<unsigned char>(s[e])) && s[e] != ')' && s[e] != '>' &&
               s[e] != '"' && static_cast<unsigned char>(s[e]) < 0x80) {
          ++e;
        }
        while (e > i && (s[e - 1] == '.' || s[e - 1] == ',' || s[e - 1] == ';')) --e;
        out.push_back({s.substr(i, e - i), run.offset + i});
        i = e;
        continue;
      }
      unsigned char c = static_cast<unsigned char>(s[i]);
      if (std::isalnum(c) || c == '_') {
        size_t e = i;
        while (e < s.size() && (std::isalnum(static_cast<unsigned char>(s[e])) || s[e] == '_')) ++e;
        if (!candidates_only || IdentifierLike(std::string_view(s).substr(i, e - i))) {
          out.push_back({s.substr(i, e - i), run.offset + i});
        }
        i = e;
        continue;
      }
      ++i;
    }
  }
  return out;
}

// Whether `word` stands in `text` as a whole token (not inside a longer one).
bool ContainsToken(std::string_view text, std::string_view word) {
  auto part = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  for (size_t p = text.find(word); p != std::string_view::npos; p = text.find(word, p + 1)) {
    bool left = p == 0 || !part(text[p - 1]);
    bool right = p + word.size() >= text.size() || !part(text[p + word.size()]);
    if (left && right) return true;
  }
  return false;
}

size_t Distance(std::string_view a, std::string_view b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

// The block's text: its runs (and inline code). `outside_links` leaves out
// link texts (l10n-do-not-translate aligns those by target).
std::string BlockText(const MdBlock& b, bool outside_links = false) {
  std::string s;
  // Adjacent runs join as written; others (table cells, items) are separated.
  size_t end = 0;
  for (const MdText& r : b.runs) {
    if (outside_links && r.in_link) continue;
    if (!s.empty() && r.offset != end) s += " ";
    s += r.text;
    end = r.offset + r.text.size();
  }
  s += " ";
  for (const MdText& c : b.codes) s += c.text + " ";
  return s;
}

// Edit-distance work for near spellings, in matrix cells per document: hostile
// input (thousands of identifiers per block) stays linear-ish.
constexpr size_t kDistanceBudget = 4000000;

// One translation compared with its source: the state the comparisons share.
struct Comparison {
  DocContext& ctx;
  std::string against;
  // Compared with a source it was not made from (stale, version not in the
  // history): the text may have changed, so only a near spelling of a source
  // identifier (a mangled one) is reported, never a missing one.
  bool loose = false;
  size_t spent = 0;  // edit-distance work so far, against kDistanceBudget
};

// Inline code: as a multiset, in order of the source.
void CompareInlineCode(const MdBlock& mine, const MdBlock& theirs, Comparison& c) {
  std::vector<const MdText*> my_codes;
  for (const MdText& code : mine.codes) my_codes.push_back(&code);
  std::vector<const MdText*> missing_codes;
  for (const MdText& code : theirs.codes) {
    auto it = std::find_if(my_codes.begin(), my_codes.end(), [&](const MdText* m) { return m->text == code.text; });
    if (it != my_codes.end()) {
      my_codes.erase(it);
    } else {
      missing_codes.push_back(&code);
    }
  }
  for (size_t k = 0; k < missing_codes.size() && !c.loose; ++k) {
    if (k < my_codes.size()) {
      c.ctx.Report(my_codes[k]->offset, 1,
                   "inline code '" + my_codes[k]->text + "' differs from the source's '" + missing_codes[k]->text +
                       "'; code stays as written" + c.against);
    } else {
      c.ctx.Report(mine.offset, 1,
                   "the source's inline code '" + missing_codes[k]->text + "' is missing from this block" + c.against);
    }
  }
}

// The token of `mine` that is a near spelling of the source's `token`, or
// nullptr; bounded work on hostile input: short tokens only, within the budget.
const Token* NearSpelling(const std::vector<Token>& mine, const Token& token, Comparison& c) {
  const Token* near = nullptr;
  size_t best = token.text.size() / 6 + 1;
  for (const Token& m : mine) {
    if (m.text.size() < 4 || m.text.size() > 80 || token.text.size() > 80 ||
        (m.text.size() > token.text.size() ? m.text.size() - token.text.size() : token.text.size() - m.text.size()) >
            3) {
      continue;
    }
    c.spent += m.text.size() * token.text.size();
    if (c.spent > kDistanceBudget) break;
    size_t d = Distance(m.text, token.text);
    if (d > 0 && d <= std::min<size_t>(best, 3)) {
      best = d;
      near = &m;
    }
  }
  return near;
}

// Identifier-like tokens and URLs of the source's prose. The translation's
// tokens are listed only when one is missing (most blocks keep them all).
void CompareIdentifiers(const MdBlock& mine, const MdBlock& theirs, Comparison& c) {
  const std::string my_text = BlockText(mine);
  std::vector<Token> my_tokens;  // first occurrence of each token
  bool tokenized = false;
  std::set<std::string> done;
  for (const Token& t : Tokens(theirs, true)) {
    const bool url = IsUrl(t.text);
    if (!done.insert(t.text).second) continue;
    if (url ? my_text.find(t.text) != std::string::npos : ContainsToken(my_text, t.text)) continue;
    if (!tokenized) {
      tokenized = true;
      std::set<std::string> seen;
      for (Token& m : Tokens(mine)) {
        if (seen.insert(m.text).second) my_tokens.push_back(std::move(m));
      }
    }
    bool product = false;
    for (const std::string& term : DoNotTranslateTerms()) product = product || term.find(t.text) != std::string::npos;
    if (product) continue;  // product names: CompareProductNames, with the glossary
    const Token* near = NearSpelling(my_tokens, t, c);
    std::string what = url ? "URL" : "identifier";
    if (near != nullptr) {
      c.ctx.Report(near->offset, near->text.size(),
                   "'" + near->text + "' differs from the source's " + what + " '" + t.text + "'; it stays as written" +
                       c.against);
    } else if (!c.loose) {
      c.ctx.Report(mine.offset, 1, "the source's " + what + " '" + t.text + "' is missing from this block" + c.against);
    }
  }
}

// Product names the source's block keeps (allowed localized names count;
// known-wrong renderings are l10n-do-not-translate's). Paragraphs only, outside
// link texts: l10n-do-not-translate already aligns table cells, headings, link
// texts and the title with the source.
void CompareProductNames(const MdBlock& mine, const MdBlock& theirs, const std::vector<GlossaryRendering>& glossary,
                         Comparison& c) {
  if (mine.kind != MdBlock::Kind::kParagraph) return;
  const std::string their_text = BlockText(theirs, true);
  const std::string my_prose = BlockText(mine, true);
  for (const std::string& term : DoNotTranslateTerms()) {
    if (c.loose) break;
    if (term == "Microsoft AppSource" || their_text.find(term) == std::string::npos) continue;
    if (l10n_util::KeepsTerm(my_prose, term, glossary)) continue;
    bool wrong = false;
    for (const GlossaryRendering& g : glossary) {
      wrong = wrong || (!g.allowed && g.term == term && !l10n_util::FindRendering(my_prose, g.text).empty());
    }
    if (wrong) continue;
    c.ctx.Report(mine.offset, 1,
                 "the product name '" + term + "' of the source's block is missing from this block" + c.against);
  }
}

// Blocks that could not be aligned: an identifier of the translation that the
// source has nowhere, but a near spelling of which it has, is still a mangled
// identifier (no alignment needed to see that).
void CheckUnalignedBlocks(const DocCheckInput& in, const l10n_util::BlockAlignment& alignment, Comparison& c) {
  std::set<const MdBlock*> aligned;
  for (const auto& pair : alignment.pairs) aligned.insert(pair.first);
  std::set<std::string> source_tokens;
  std::vector<std::string> source_ids;
  for (const MdBlock& b : in.compared->markdown.blocks) {
    for (const Token& t : Tokens(b)) {
      if (source_tokens.insert(t.text).second && IdentifierLike(t.text) && t.text.size() <= 80) {
        source_ids.push_back(t.text);
      }
    }
    for (const MdText& code : b.codes) source_tokens.insert(code.text);
  }
  for (const MdBlock& b : in.doc->markdown.blocks) {
    if (aligned.count(&b) != 0 || b.kind == MdBlock::Kind::kCode || b.kind == MdBlock::Kind::kHtml) continue;
    for (const Token& m : Tokens(b)) {
      if (m.text.size() < 6 || m.text.size() > 80 || !IdentifierLike(m.text) || source_tokens.count(m.text) != 0) {
        continue;
      }
      const std::string* near = nullptr;
      size_t best = 3;
      for (const std::string& id : source_ids) {
        size_t gap = id.size() > m.text.size() ? id.size() - m.text.size() : m.text.size() - id.size();
        if (gap > 2) continue;
        c.spent += id.size() * m.text.size();
        if (c.spent > kDistanceBudget) break;
        size_t d = Distance(m.text, id);
        if (d > 0 && d <= std::min<size_t>(best, id.size() / 6 + 1)) {
          best = d;
          near = &id;
        }
      }
      if (near != nullptr) {
        c.ctx.Report(
            m.offset, m.text.size(),
            "'" + m.text + "' differs from the source's identifier '" + *near + "'; it stays as written" + c.against);
      }
    }
  }
}

void CheckL10nVerbatimParity(const DocCheckInput& in, DocContext& ctx) {
  if (!in.translation || in.compared == nullptr) return;
  const std::string locale = !in.doc->locale.empty() ? in.doc->locale : in.tree_locale;
  const std::vector<GlossaryRendering> glossary = l10n_util::EffectiveGlossary(locale, in.glossary);
  l10n_util::BlockAlignment alignment = l10n_util::AlignBlocks(in.doc->markdown, in.compared->markdown);
  Comparison c{ctx, Against(in), in.compared_is_current && in.freshness == "stale"};
  for (const auto& [mine, theirs] : alignment.pairs) {
    if (mine->kind == MdBlock::Kind::kCode || mine->kind == MdBlock::Kind::kHtml) continue;
    CompareInlineCode(*mine, *theirs, c);
    CompareIdentifiers(*mine, *theirs, c);
    CompareProductNames(*mine, *theirs, glossary, c);
  }
  if (!alignment.unaligned.empty()) CheckUnalignedBlocks(in, alignment, c);
  if (std::string note = l10n_util::UnalignedNote(alignment, "verbatim parity"); !note.empty()) {
    ctx.ReportWithSeverity(Severity::kNote, alignment.first_unaligned_offset, 1, note + c.against);
  }
}

}  // namespace

extern constinit const Rule kL10nVerbatimParity{
    .id = "l10n-verbatim-parity",
    .severity = Severity::kWarning,
    .summary =
        "inline code, URLs, identifiers or product names of an aligned block missing or changed in the translation",
    .stage = "doc",
    .check = &CheckL10nVerbatimParity,
};

}  // namespace leadlint
