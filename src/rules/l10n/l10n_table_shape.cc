// l10n-table-shape: tables, rows, cells or list items differ from the source.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "rules/doc_rule.h"
#include "rules/l10n/l10n_util.h"
#include "rules/rule.h"

namespace leadlint {
namespace {

using l10n_util::Against;

std::string Ordinal(size_t n) { return std::to_string(n); }

std::string TableName(const MdTable& t, size_t index) {
  std::string name = "table " + Ordinal(index + 1);
  if (!t.rows.empty() && t.rows[0].cells.size() > 1) name += " ('" + t.rows[0].cells[1].text + "')";
  return name;
}

void CheckL10nTableShape(const DocCheckInput& in, DocContext& ctx) {
  if (!in.translation || in.compared == nullptr) return;
  const auto& mine = in.doc->markdown.tables;
  const auto& theirs = in.compared->markdown.tables;
  if (mine.size() != theirs.size()) {
    // Tables can no longer be paired by position: the count is the finding.
    size_t at = mine.empty() ? 0 : mine.back().offset;
    ctx.Report(at, 1,
               "the translation has " + std::to_string(mine.size()) + " table" + (mine.size() == 1 ? "" : "s") +
                   "; the source has " + std::to_string(theirs.size()) + Against(in));
    return;
  }
  auto columns = [](const MdTable& t) { return t.rows.empty() ? size_t{0} : t.rows.front().cells.size(); };
  auto describe = [](const MdCell& c) {
    return c.is_list
               ? "is an HTML list of " + std::to_string(c.items.size()) + (c.items.size() == 1 ? " item" : " items")
               : std::string("is plain text");
  };
  for (size_t t = 0; t < std::min(mine.size(), theirs.size()); ++t) {
    const MdTable& a = mine[t];
    const MdTable& b = theirs[t];
    if (columns(a) != columns(b)) {
      ctx.Report(a.offset, 1,
                 TableName(a, t) + " has " + std::to_string(columns(a)) + " columns; the source's has " +
                     std::to_string(columns(b)) + Against(in));
      continue;
    }
    if (a.rows.size() != b.rows.size()) {
      ctx.Report(a.offset, 1,
                 TableName(a, t) + " has " + std::to_string(a.rows.size()) + " rows; the source's has " +
                     std::to_string(b.rows.size()) + Against(in));
      continue;
    }
    for (size_t r = 0; r < a.rows.size(); ++r) {
      const MdRow& ra = a.rows[r];
      const MdRow& rb = b.rows[r];
      if (ra.cells.size() != rb.cells.size()) {
        ctx.Report(ra.offset, 1,
                   "row " + Ordinal(r + 1) + " of " + TableName(a, t) + " has " + std::to_string(ra.cells.size()) +
                       " cells; the source's has " + std::to_string(rb.cells.size()) + Against(in));
        continue;
      }
      for (size_t c = 0; c < ra.cells.size(); ++c) {
        const MdCell& ca = ra.cells[c];
        const MdCell& cb = rb.cells[c];
        if (ca.is_list != cb.is_list) {
          ctx.Report(ca.items.empty() ? ca.offset : ca.items.front().offset, 1,
                     "cell " + Ordinal(c + 1) + " of row " + Ordinal(r + 1) + " of " + TableName(a, t) + " " +
                         describe(ca) + "; the source's " + describe(cb) + Against(in));
        } else if (ca.items.size() != cb.items.size()) {
          ctx.Report(ca.items.empty() ? ca.offset : ca.items.front().offset, 1,
                     "cell " + Ordinal(c + 1) + " of row " + Ordinal(r + 1) + " of " + TableName(a, t) + " lists " +
                         std::to_string(ca.items.size()) + " item" + (ca.items.size() == 1 ? "" : "s") +
                         "; the source's lists " + std::to_string(cb.items.size()) + Against(in));
        }
      }
    }
  }
}

}  // namespace

extern constinit const Rule kL10nTableShape{
    .id = "l10n-table-shape",
    .severity = Severity::kError,
    .summary = "tables, rows, cells or list items differ from the source",
    .stage = "doc",
    .check = &CheckL10nTableShape,
};

}  // namespace leadlint
