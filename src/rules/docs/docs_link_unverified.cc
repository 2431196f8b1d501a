// docs-link-unverified: a link or image that could not be verified, because its
// target is outside the checked tree (a sparse or partial checkout) or is a
// site-relative path of the published site.
//
// Never an error: the page or image may well exist on the site. One note per
// target, so the summary counts what was left unverified.
#include <set>

#include "rules/doc_rule.h"
#include "rules/rule.h"

namespace leadlint {
namespace {

void CheckDocsLinkUnverified(const DocCheckInput& in, DocContext& ctx) {
  if (in.links == nullptr) return;
  std::set<std::string> said;
  for (const MdLink& link : in.doc->markdown.links) {
    std::string target = link.url.substr(0, link.url.find('#'));
    if (size_t q = target.find('?'); q != std::string::npos) target.resize(q);
    auto it = in.links->find(target);
    if (it == in.links->end() || it->second.verified || !said.insert(target).second) continue;
    std::string what = link.IsImage()                      ? "image '"
                       : link.kind == MdLinkKind::kInclude ? "included file '"
                                                           : "link target '";
    std::string why = it->second.site_relative
                          ? "' is a site-relative path of the published site; not verified"
                          : "' is not in this checkout, which may be partial, so it was not verified (set "
                            "--docs-root to a complete checkout to check it)";
    ctx.Report(link.offset, 1, what + target + why);
  }
}

}  // namespace

extern constinit const Rule kDocsLinkUnverified{
    .id = "docs-link-unverified",
    .severity = Severity::kNote,
    .summary = "a link or image outside the checked tree, or site-relative: it could not be verified",
    .stage = "doc",
    .check = &CheckDocsLinkUnverified,
};

}  // namespace leadlint
