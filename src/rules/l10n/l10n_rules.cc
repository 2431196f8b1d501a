// l10n-* rules: a translation against the source version it was made from.
// Alignment is structural — table, row and item order, heading order, link
// targets — so the rules work in any language without a dictionary.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "rules/checks.h"
#include "rules/doc_rule.h"

namespace leadlint {
namespace {

std::string Ordinal(size_t n) { return std::to_string(n); }

std::string Against(const DocCheckInput& in) {
  if (in.compared_is_current) {
    return in.freshness == "unknown" ? " (compared with the current source: the version it was translated from is not available)" : "";
  }
  return " (compared with '" + in.translated_from + "', the version it was translated from)";
}

std::string TableName(const MdTable& t, size_t index) {
  std::string name = "table " + Ordinal(index + 1);
  if (!t.rows.empty() && t.rows[0].cells.size() > 1) name += " ('" + t.rows[0].cells[1].text + "')";
  return name;
}

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

// Replace a locale path segment (/en-us/, /hu-hu/) so localized URLs compare equal.
std::string NormalizeUrl(std::string url) {
  for (size_t i = 0; i + 6 <= url.size(); ++i) {
    if (url[i] != '/') continue;
    std::string_view seg(url.data() + i + 1, std::min<size_t>(6, url.size() - i - 1));
    bool end = seg.size() == 5 || (seg.size() == 6 && (seg[5] == '/' || seg[5] == '?' || seg[5] == '#'));
    if (seg.size() >= 5 && end && std::isalpha(static_cast<unsigned char>(seg[0])) &&
        std::isalpha(static_cast<unsigned char>(seg[1])) && seg[2] == '-' &&
        std::isalpha(static_cast<unsigned char>(seg[3])) && std::isalpha(static_cast<unsigned char>(seg[4]))) {
      url.replace(i + 1, 5, "{locale}");
    }
  }
  return url;
}

std::vector<std::string> HeadingAnchors(const DocModel& doc) {
  std::vector<std::string> out;
  for (const MdHeading& h : doc.markdown.headings) out.push_back(h.anchors.empty() ? h.slug : h.anchors.front());
  return out;
}

}  // namespace

void CheckL10nTableShape(const DocCheckInput& in, DocContext& ctx) {
  if (!in.translation || in.compared == nullptr) return;
  constexpr std::string_view kRule = "l10n-table-shape";
  const auto& mine = in.doc->markdown.tables;
  const auto& theirs = in.compared->markdown.tables;
  if (mine.size() != theirs.size()) {
    // Tables can no longer be paired by position: the count is the finding.
    size_t at = mine.empty() ? 0 : mine.back().offset;
    ctx.Report(kRule, at, 1,
               "the translation has " + std::to_string(mine.size()) + " table" + (mine.size() == 1 ? "" : "s") +
                   "; the source has " + std::to_string(theirs.size()) + Against(in));
    return;
  }
  auto columns = [](const MdTable& t) { return t.rows.empty() ? size_t{0} : t.rows.front().cells.size(); };
  auto describe = [](const MdCell& c) {
    return c.is_list ? "is an HTML list of " + std::to_string(c.items.size()) + (c.items.size() == 1 ? " item" : " items")
                     : std::string("is plain text");
  };
  for (size_t t = 0; t < std::min(mine.size(), theirs.size()); ++t) {
    const MdTable& a = mine[t];
    const MdTable& b = theirs[t];
    if (columns(a) != columns(b)) {
      ctx.Report(kRule, a.offset, 1,
                 TableName(a, t) + " has " + std::to_string(columns(a)) + " columns; the source's has " +
                     std::to_string(columns(b)) + Against(in));
      continue;
    }
    if (a.rows.size() != b.rows.size()) {
      ctx.Report(kRule, a.offset, 1,
                 TableName(a, t) + " has " + std::to_string(a.rows.size()) + " rows; the source's has " +
                     std::to_string(b.rows.size()) + Against(in));
      continue;
    }
    for (size_t r = 0; r < a.rows.size(); ++r) {
      const MdRow& ra = a.rows[r];
      const MdRow& rb = b.rows[r];
      if (ra.cells.size() != rb.cells.size()) {
        ctx.Report(kRule, ra.offset, 1,
                   "row " + Ordinal(r + 1) + " of " + TableName(a, t) + " has " + std::to_string(ra.cells.size()) +
                       " cells; the source's has " + std::to_string(rb.cells.size()) + Against(in));
        continue;
      }
      for (size_t c = 0; c < ra.cells.size(); ++c) {
        const MdCell& ca = ra.cells[c];
        const MdCell& cb = rb.cells[c];
        if (ca.is_list != cb.is_list) {
          ctx.Report(kRule, ca.items.empty() ? ca.offset : ca.items.front().offset, 1,
                     "cell " + Ordinal(c + 1) + " of row " + Ordinal(r + 1) + " of " + TableName(a, t) + " " + describe(ca) +
                         "; the source's " + describe(cb) + Against(in));
        } else if (ca.items.size() != cb.items.size()) {
          ctx.Report(kRule, ca.items.empty() ? ca.offset : ca.items.front().offset, 1,
                     "cell " + Ordinal(c + 1) + " of row " + Ordinal(r + 1) + " of " + TableName(a, t) + " lists " +
                         std::to_string(ca.items.size()) + " item" + (ca.items.size() == 1 ? "" : "s") +
                         "; the source's lists " + std::to_string(cb.items.size()) + Against(in));
        }
      }
    }
  }
}

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
        std::vector<std::pair<const DocTerm*, const DocTerm*>> pairs = {{&mine.rows[r].storefront, &skeleton[t].rows[r].storefront}};
        for (size_t i = 0; i < mine.rows[r].items.size() && i < skeleton[t].rows[r].items.size(); ++i) {
          pairs.emplace_back(&mine.rows[r].items[i], &skeleton[t].rows[r].items[i]);
        }
        for (const auto& [a, b] : pairs) {
          std::string term = ContainedTerm(b->text);
          if (term.empty() || Kept(a->text, term, in.glossary) || !done.insert(a->offset).second) continue;
          ctx.Report(kRule, a->offset, a->text.size(),
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
    ctx.ReportWithSeverity(kRule, severity, offset, rendering.size(),
                           "'" + rendering + "' translates or alters the product name '" + term +
                               "'; product names stay in English");
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
      if (!term.empty() && !Kept(ha[h].text, term, in.glossary)) flag(ha[h].text, ha[h].text_offset, term, Severity::kError);
    }
  }
  // Prose: links are aligned by target; their text must keep the name (a warning:
  // inflected prose is the translator's call only where the glossary allows it).
  std::map<std::string, std::vector<const MdLink*>> source_links;
  for (const MdLink& l : in.compared->markdown.links) source_links[NormalizeUrl(l.url)].push_back(&l);
  std::map<std::string, size_t> seen;
  for (const MdLink& l : in.doc->markdown.links) {
    std::string key = NormalizeUrl(l.url);
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

void CheckL10nInconsistentTerm(const DocCheckInput& in, DocContext& ctx) {
  if (!in.translation) return;
  struct Seen {
    std::string text;
    size_t offset;
  };
  std::map<std::string, Seen> first;
  auto visit = [&](const DocTerm& term) {
    if (term.canonical.empty() || term.text.empty()) return;
    // One source rendering should map to one translation; where the source
    // itself varies ("Microsoft AppSource" / "AppSource") so may the translation.
    auto [it, inserted] = first.emplace(term.canonical + '\x1f' + term.source_text, Seen{term.text, term.offset});
    if (inserted || it->second.text == term.text) return;
    LineCol lc = in.doc->file.Locate(it->second.offset);
    ctx.Report("l10n-inconsistent-term", term.offset, term.text.size(),
               "'" + term.text + "' renders '" + term.canonical + "' differently from '" + it->second.text +
                   "' at line " + std::to_string(lc.line) + "; use one rendering per term");
  };
  for (const RuleTable& t : in.doc->rule_tables) {
    for (const RuleTableRow& row : t.rows) {
      visit(row.storefront);
      for (const DocTerm& item : row.items) visit(item);
    }
  }
}

void CheckL10nAnchorParity(const DocCheckInput& in, DocContext& ctx) {
  if (!in.translation || in.compared == nullptr) return;
  std::vector<std::string> mine = HeadingAnchors(*in.doc);
  std::vector<std::string> theirs = HeadingAnchors(*in.compared);
  const auto& headings = in.doc->markdown.headings;
  const bool same_count = mine.size() == theirs.size();
  for (size_t i = 0; i < mine.size(); ++i) {
    if (std::find(theirs.begin(), theirs.end(), mine[i]) != theirs.end()) continue;
    std::string detail;
    if (same_count) {
      detail = "; the source's heading " + std::to_string(i + 1) + " has '" + theirs[i] + "' (links to the English anchor break)";
    } else if (mine.size() > theirs.size()) {
      detail = " (an extra heading: the source has " + std::to_string(theirs.size()) + ")";
    }
    ctx.Report("l10n-anchor-parity", headings[i].offset, 1, "heading anchor '" + mine[i] + "' is not in the source" + detail + Against(in));
  }
  if (same_count) return;  // each changed anchor is reported once, above
  for (size_t i = 0; i < theirs.size(); ++i) {
    if (std::find(mine.begin(), mine.end(), theirs[i]) != mine.end()) continue;
    size_t at = i < headings.size() ? headings[i].offset : (headings.empty() ? 0 : headings.back().offset);
    ctx.Report("l10n-anchor-parity", at, 1, "the source's heading anchor '" + theirs[i] + "' is missing" + Against(in));
  }
}

void CheckL10nLinkParity(const DocCheckInput& in, DocContext& ctx) {
  if (!in.translation || in.compared == nullptr) return;
  std::multimap<std::string, std::string> theirs;  // normalized -> as the source writes it
  for (const MdLink& l : in.compared->markdown.links) theirs.emplace(NormalizeUrl(l.url), l.url);
  for (const MdLink& l : in.doc->markdown.links) {
    std::string url = NormalizeUrl(l.url);
    auto it = theirs.find(url);
    if (it == theirs.end()) {
      ctx.Report("l10n-link-parity", l.offset, 1, "link target '" + l.url + "' is not in the source" + Against(in));
    } else {
      theirs.erase(it);
    }
  }
  size_t at = in.doc->markdown.links.empty() ? 0 : in.doc->markdown.links.back().offset;
  for (const auto& [normalized, missing] : theirs) {
    ctx.Report("l10n-link-parity", at, 1, "the source links to '" + missing + "'; the translation does not" + Against(in));
  }
}

void CheckL10nStaleTranslation(const DocCheckInput& in, DocContext& ctx) {
  if (!in.translation || in.freshness != "outdated") return;
  const FrontMatterEntry* e = in.doc->front_matter.Find("ms.openlocfilehash");
  size_t at = e != nullptr ? e->value_offset : 0;
  ctx.Report("l10n-stale-translation", at, e != nullptr ? e->value.size() : 1,
             "translated from an older version of the source ('" + in.translated_from + "'); the current source '" +
                 in.current_source_path + "' has SHA-1 " + in.current_source_hash.substr(0, 12) +
                 ": update the translation");
}

void CheckL10nSourceUnknown(const DocCheckInput& in, DocContext& ctx) {
  if (!in.translation || in.freshness != "unknown") return;
  const FrontMatterEntry* e = in.doc->front_matter.Find("ms.openlocfilehash");
  if (e == nullptr || e->value.empty()) return;  // docs-front-matter reports the missing key
  ctx.Report("l10n-source-unknown", e->value_offset, e->value.size(),
             "'ms.openlocfilehash' " + e->value.substr(0, 12) + " matches no available version of the source ('" +
                 in.current_source_path + "', SHA-1 " + in.current_source_hash.substr(0, 12) +
                 "); it is stale or from a version not in --docs-history");
}

}  // namespace leadlint
