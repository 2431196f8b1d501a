// l10n-do-not-translate: a product name (AppSource, Azure Marketplace, Partner Center, Co-Sell)
// translated or altered.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>

#include "rules/doc_rule.h"
#include "rules/l10n/l10n_glossary.h"
#include "rules/l10n/l10n_util.h"
#include "rules/rule.h"

namespace leadlint {
namespace {

using l10n_util::FindRendering;
using l10n_util::KeepsTerm;
using l10n_util::NormalizeUrl;

std::string ContainedTerm(std::string_view text) {
  for (const std::string& t : DoNotTranslateTerms()) {
    if (text.find(t) != std::string_view::npos) return t;
  }
  return "";
}

bool Kept(std::string_view text, const std::string& term, const std::vector<GlossaryRendering>& glossary) {
  return KeepsTerm(text, term, glossary);
}

// What one translation's check has found so far: reported byte ranges (never
// reported twice) and the wrong renderings, looked for again in the prose.
class Flagger {
 public:
  Flagger(DocContext& ctx, const std::vector<GlossaryRendering>& glossary) : ctx_(ctx), glossary_(glossary) {}

  bool Overlaps(size_t begin, size_t end) const {
    for (const auto& [b, e] : reported_) {
      if (begin < e && b < end) return true;
    }
    return false;
  }
  void MarkReported(size_t begin, size_t end) { reported_.emplace_back(begin, end); }
  const std::map<std::string, std::string>& bad_renderings() const { return bad_renderings_; }

  // Reports `rendering` at `offset` as an altered `term`, once per range.
  void Flag(const std::string& rendering, size_t offset, const std::string& term, Severity severity,
            bool whole_cell = false) {
    if (Overlaps(offset, offset + std::max<size_t>(rendering.size(), 1))) return;
    MarkReported(offset, offset + std::max<size_t>(rendering.size(), 1));
    bad_renderings_.emplace(rendering, term);
    ctx_.ReportWithSeverity(
        severity, offset, rendering.size(),
        "'" + rendering + "' translates or alters the product name '" + term + "'; product names stay in English");
    // A table cell whose aligned source cell is exactly the product name: the
    // name is restored (safe: the source says what the cell must hold), when
    // the cell's text is in the file as written.
    if (whole_cell && !rendering.empty() && ctx_.text().substr(offset, rendering.size()) == rendering) {
      Fix fix;
      fix.description = "restore the product name '" + term + "' in place of '" + rendering + "'";
      fix.safe = true;
      fix.edits.push_back({offset, rendering.size(), term});
      ctx_.AttachFix(std::move(fix));
    }
  }

  // Known-wrong renderings (the glossary) wherever they stand in `text`.
  void Scan(std::string_view text, size_t offset, Severity severity) {
    for (const GlossaryRendering& g : glossary_) {
      if (g.allowed) continue;
      for (const auto& m : FindRendering(text, g.text)) {
        std::string found(text.substr(m.begin, m.end - m.begin));
        if (found.rfind(g.term, 0) == 0) continue;  // "Azure Marketplace" itself
        Flag(found, offset + m.begin, g.term, severity);
      }
    }
  }

 private:
  DocContext& ctx_;
  const std::vector<GlossaryRendering>& glossary_;
  std::vector<std::pair<size_t, size_t>> reported_;    // byte ranges already reported
  std::map<std::string, std::string> bad_renderings_;  // rendering -> the product name it stands for
};

// No source: the rule tables are aligned with the seed's built-in tables, and
// known-wrong renderings are reported anywhere.
void CheckWithoutSource(const DocCheckInput& in, const std::vector<GlossaryRendering>& glossary, Flagger& flagger) {
  const auto& skeleton = BuiltInRuleTables();
  std::set<size_t> done;
  for (size_t t = 0; t < in.doc->rule_tables.size() && t < skeleton.size(); ++t) {
    const RuleTable& mine = in.doc->rule_tables[t];
    for (size_t r = 0; r < mine.rows.size() && r < skeleton[t].rows.size(); ++r) {
      std::vector<std::pair<const DocTerm*, const DocTerm*>> pairs = {
          {&mine.rows[r].storefront, &skeleton[t].rows[r].storefront}};
      for (size_t i = 0; i < mine.rows[r].items.size() && i < skeleton[t].rows[r].items.size(); ++i) {
        pairs.emplace_back(&mine.rows[r].items[i], &skeleton[t].rows[r].items[i]);
      }
      for (const auto& [a, b] : pairs) {
        std::string term = ContainedTerm(b->text);
        if (term.empty() || Kept(a->text, term, glossary) || !done.insert(a->offset).second) continue;
        flagger.Flag(a->text, a->offset, term, Severity::kError, b->text == term);
      }
    }
  }
  for (const char* key : {"title", "description"}) {
    if (const FrontMatterEntry* e = in.doc->front_matter.Find(key)) {
      flagger.Scan(e->value, e->value_offset, std::string_view(key) == "title" ? Severity::kError : Severity::kWarning);
    }
  }
  for (const MdHeading& h : in.doc->markdown.headings) flagger.Scan(h.text, h.text_offset, Severity::kError);
  for (const MdText& text : in.doc->markdown.prose) flagger.Scan(text.text, text.offset, Severity::kWarning);
}

// Rule tables and any other table: aligned cell by cell.
void CompareTables(const DocCheckInput& in, const std::vector<GlossaryRendering>& glossary, Flagger& flagger) {
  const auto& mine = in.doc->markdown.tables;
  const auto& theirs = in.compared->markdown.tables;
  for (size_t t = 0; t < std::min(mine.size(), theirs.size()); ++t) {
    for (size_t r = 0; r < std::min(mine[t].rows.size(), theirs[t].rows.size()); ++r) {
      const MdRow& ra = mine[t].rows[r];
      const MdRow& rb = theirs[t].rows[r];
      for (size_t c = 0; c < std::min(ra.cells.size(), rb.cells.size()); ++c) {
        const MdCell& ca = ra.cells[c];
        const MdCell& cb = rb.cells[c];
        for (size_t i = 0; i < std::min(ca.items.size(), cb.items.size()); ++i) {
          std::string term = ContainedTerm(cb.items[i].text);
          if (!term.empty() && !Kept(ca.items[i].text, term, glossary)) {
            flagger.Flag(ca.items[i].text, ca.items[i].offset, term, Severity::kError, cb.items[i].text == term);
          }
        }
      }
    }
  }
}

// Headings, in order; then links, aligned by target: their text must keep the
// name (a warning: inflected prose is the translator's call only where the
// glossary allows it).
void CompareHeadingsAndLinks(const DocCheckInput& in, const std::vector<GlossaryRendering>& glossary,
                             Flagger& flagger) {
  const auto& ha = in.doc->markdown.headings;
  const auto& hb = in.compared->markdown.headings;
  if (ha.size() == hb.size()) {
    for (size_t h = 0; h < ha.size(); ++h) {
      std::string term = ContainedTerm(hb[h].text);
      if (!term.empty() && !Kept(ha[h].text, term, glossary))
        flagger.Flag(ha[h].text, ha[h].text_offset, term, Severity::kError);
    }
  }
  const std::string own = std::filesystem::path(in.doc->path).filename().string();
  std::map<std::string, std::vector<const MdLink*>> source_links;
  for (const MdLink& l : in.compared->markdown.links) source_links[NormalizeUrl(l.url, own)].push_back(&l);
  std::map<std::string, size_t> seen;
  for (const MdLink& l : in.doc->markdown.links) {
    std::string key = NormalizeUrl(l.url, own);
    size_t n = seen[key]++;
    auto it = source_links.find(key);
    if (it == source_links.end() || n >= it->second.size()) continue;
    std::string term = ContainedTerm(it->second[n]->text);
    if (!term.empty() && !Kept(l.text, term, glossary)) flagger.Flag(l.text, l.text_offset, term, Severity::kWarning);
  }
}

// Front matter: the title is shown like a heading (error), the description
// like prose (warning); each must keep the names its source's keeps.
void CompareFrontMatter(const DocCheckInput& in, const std::vector<GlossaryRendering>& glossary, Flagger& flagger,
                        DocContext& ctx) {
  for (const char* key : {"title", "description"}) {
    const FrontMatterEntry* mine_e = in.doc->front_matter.Find(key);
    const FrontMatterEntry* theirs_e = in.compared->front_matter.Find(key);
    if (mine_e == nullptr || theirs_e == nullptr) continue;
    Severity severity = std::string_view(key) == "title" ? Severity::kError : Severity::kWarning;
    flagger.Scan(mine_e->value, mine_e->value_offset, severity);
    // Compared with a source it was not made from, the source's title may have
    // changed since: only known-wrong renderings (above) are reported.
    if (in.compared_is_current && in.freshness == "stale") continue;
    for (const std::string& term : DoNotTranslateTerms()) {
      if (theirs_e->value.find(term) == std::string::npos || Kept(mine_e->value, term, glossary)) continue;
      if (term == "AppSource" && theirs_e->value.find("Microsoft AppSource") != std::string::npos) continue;
      if (flagger.Overlaps(mine_e->value_offset, mine_e->value_offset + mine_e->value.size())) break;
      flagger.MarkReported(mine_e->value_offset, mine_e->value_offset + mine_e->value.size());
      ctx.ReportWithSeverity(severity, mine_e->value_offset, mine_e->value.size(),
                             "the " + std::string(key) + " '" + mine_e->value + "' drops the product name '" + term +
                                 "' that the source's " + key + " keeps; product names stay in English");
      break;
    }
  }
}

// Prose (warnings): the glossary's wrong renderings, inflected forms too, and
// every other occurrence of a rendering already found in a table or heading.
void ScanProse(const DocCheckInput& in, Flagger& flagger) {
  for (const MdText& text : in.doc->markdown.prose) flagger.Scan(text.text, text.offset, Severity::kWarning);
  for (const MdHeading& h : in.doc->markdown.headings) flagger.Scan(h.text, h.text_offset, Severity::kError);
  const std::map<std::string, std::string> found = flagger.bad_renderings();
  for (const MdText& text : in.doc->markdown.prose) {
    for (const auto& [bad, term] : found) {
      if (bad.size() < 4) continue;
      for (size_t p = text.text.find(bad); p != std::string::npos; p = text.text.find(bad, p + bad.size())) {
        flagger.Flag(bad, text.offset + p, term, Severity::kWarning);
      }
    }
  }
}

void CheckL10nDoNotTranslate(const DocCheckInput& in, DocContext& ctx) {
  if (!in.translation) return;
  const std::string locale = !in.doc->locale.empty() ? in.doc->locale : in.tree_locale;
  const std::vector<GlossaryRendering> glossary = l10n_util::EffectiveGlossary(locale, in.glossary);
  Flagger flagger(ctx, glossary);
  if (in.compared == nullptr) {
    CheckWithoutSource(in, glossary, flagger);
    return;
  }
  CompareTables(in, glossary, flagger);
  CompareHeadingsAndLinks(in, glossary, flagger);
  CompareFrontMatter(in, glossary, flagger, ctx);
  ScanProse(in, flagger);
}

}  // namespace

extern constinit const Rule kL10nDoNotTranslate{
    .id = "l10n-do-not-translate",
    .severity = Severity::kError,
    .summary = "a product name (AppSource, Azure Marketplace, Partner Center, Co-Sell) translated or altered",
    .stage = "doc",
    .check = &CheckL10nDoNotTranslate,
};

}  // namespace leadlint
