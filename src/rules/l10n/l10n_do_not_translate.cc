// l10n-do-not-translate: a product name (AppSource, Azure Marketplace, Partner Center, Co-Sell)
// translated or altered.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>

#include "rules/checks.h"
#include "rules/doc_rule.h"
#include "rules/l10n/l10n_util.h"

namespace leadlint {
namespace {

using l10n_util::NormalizeUrl;

std::string ContainedTerm(std::string_view text) {
  for (const std::string& t : DoNotTranslateTerms()) {
    if (text.find(t) != std::string_view::npos) return t;
  }
  return "";
}

bool Kept(std::string_view text, const std::string& term, const std::vector<std::string>& glossary) {
  if (text.find(term) != std::string_view::npos) return true;
  for (const std::string& g : glossary) {
    if (!g.empty() && text.find(g) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace

void CheckL10nDoNotTranslate(const DocCheckInput& in, DocContext& ctx) {
  if (!in.translation) return;
  constexpr std::string_view kRule = "l10n-do-not-translate";
  if (in.compared == nullptr) {
    // No source: the rule tables are aligned with the seed's built-in tables.
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
          if (term.empty() || Kept(a->text, term, in.glossary) || !done.insert(a->offset).second) continue;
          ctx.Report(
              kRule, a->offset, a->text.size(),
              "'" + a->text + "' translates or alters the product name '" + term + "'; product names stay in English");
        }
      }
    }
    return;
  }
  std::set<size_t> reported;
  std::map<std::string, std::string> bad_renderings;  // rendering -> the product name it stands for
  auto flag = [&](const std::string& rendering, size_t offset, const std::string& term, Severity severity) {
    if (!reported.insert(offset).second) return;
    bad_renderings.emplace(rendering, term);
    ctx.ReportWithSeverity(
        kRule, severity, offset, rendering.size(),
        "'" + rendering + "' translates or alters the product name '" + term + "'; product names stay in English");
  };
  // Rule tables and any other table: aligned cell by cell.
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
          if (!term.empty() && !Kept(ca.items[i].text, term, in.glossary)) {
            flag(ca.items[i].text, ca.items[i].offset, term, Severity::kError);
          }
        }
      }
    }
  }
  // Headings, in order.
  const auto& ha = in.doc->markdown.headings;
  const auto& hb = in.compared->markdown.headings;
  if (ha.size() == hb.size()) {
    for (size_t h = 0; h < ha.size(); ++h) {
      std::string term = ContainedTerm(hb[h].text);
      if (!term.empty() && !Kept(ha[h].text, term, in.glossary))
        flag(ha[h].text, ha[h].text_offset, term, Severity::kError);
    }
  }
  // Prose: links are aligned by target; their text must keep the name (a warning:
  // inflected prose is the translator's call only where the glossary allows it).
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
    if (!term.empty() && !Kept(l.text, term, in.glossary)) flag(l.text, l.text_offset, term, Severity::kWarning);
  }
  // Prose: every other occurrence of a rendering already found in a table or heading.
  const std::map<std::string, std::string> found = bad_renderings;
  for (const MdText& text : in.doc->markdown.prose) {
    for (const auto& [bad, term] : found) {
      if (bad.size() < 4) continue;
      for (size_t p = text.text.find(bad); p != std::string::npos; p = text.text.find(bad, p + bad.size())) {
        flag(bad, text.offset + p, term, Severity::kWarning);
      }
    }
  }
}

}  // namespace leadlint
