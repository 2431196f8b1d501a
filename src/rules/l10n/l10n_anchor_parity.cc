// l10n-anchor-parity: heading anchors differ from the source.
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

std::vector<std::string> HeadingAnchors(const DocModel& doc) {
  std::vector<std::string> out;
  for (const MdHeading& h : doc.markdown.headings) out.push_back(h.anchors.empty() ? h.slug : h.anchors.front());
  return out;
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
      detail = "; the source's heading " + std::to_string(i + 1) + " has '" + theirs[i] +
               "' (links to the English anchor break)";
    } else if (mine.size() > theirs.size()) {
      detail = " (an extra heading: the source has " + std::to_string(theirs.size()) + ")";
    }
    ctx.Report(headings[i].offset, 1, "heading anchor '" + mine[i] + "' is not in the source" + detail + Against(in));
  }
  if (same_count) return;  // each changed anchor is reported once, above
  for (size_t i = 0; i < theirs.size(); ++i) {
    if (std::find(mine.begin(), mine.end(), theirs[i]) != mine.end()) continue;
    size_t at = i < headings.size() ? headings[i].offset : (headings.empty() ? 0 : headings.back().offset);
    ctx.Report(at, 1, "the source's heading anchor '" + theirs[i] + "' is missing" + Against(in));
  }
}

}  // namespace

extern constinit const Rule kL10nAnchorParity{
    .id = "l10n-anchor-parity",
    .severity = Severity::kError,
    .summary = "heading anchors differ from the source",
    .stage = "doc",
    .check = &CheckL10nAnchorParity,
};

}  // namespace leadlint
