// l10n-link-parity: link targets differ from the source.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>

#include "rules/doc_rule.h"
#include "rules/l10n/l10n_util.h"
#include "rules/rule.h"

namespace leadlint {
namespace {

using l10n_util::Against;
using l10n_util::NormalizeUrl;

void CheckL10nLinkParity(const DocCheckInput& in, DocContext& ctx) {
  if (!in.translation || in.compared == nullptr) return;
  const std::string own = std::filesystem::path(in.doc->path).filename().string();
  std::multimap<std::string, std::string> theirs;  // normalized -> as the source writes it
  for (const MdLink& l : in.compared->markdown.links) theirs.emplace(NormalizeUrl(l.url, own), l.url);
  for (const MdLink& l : in.doc->markdown.links) {
    std::string url = NormalizeUrl(l.url, own);
    auto it = theirs.find(url);
    if (it == theirs.end()) {
      ctx.Report(l.offset, 1, "link target '" + l.url + "' is not in the source" + Against(in));
    } else {
      theirs.erase(it);
    }
  }
  size_t at = in.doc->markdown.links.empty() ? 0 : in.doc->markdown.links.back().offset;
  for (const auto& [normalized, missing] : theirs) {
    ctx.Report(at, 1, "the source links to '" + missing + "'; the translation does not" + Against(in));
  }
}

}  // namespace

extern constinit const Rule kL10nLinkParity{
    .id = "l10n-link-parity",
    .severity = Severity::kWarning,
    .summary = "link targets differ from the source",
    .stage = "doc",
    .check = &CheckL10nLinkParity,
};

}  // namespace leadlint
