// docs-missing-image: an image (![alt](path) or DocFX :::image source="path":::)
// whose file does not exist in the checked tree.
//
// An image is resolved like a link (docs-broken-link): in the doc's tree, then
// for a translation in the source tree at the same path. An image outside the
// checked tree is not verified (docs-link-unverified), never an error.
#include "rules/doc_rule.h"
#include "rules/rule.h"

namespace leadlint {
namespace {

void CheckDocsMissingImage(const DocCheckInput& in, DocContext& ctx) {
  if (in.links == nullptr) return;
  for (const MdLink& link : in.doc->markdown.links) {
    if (!link.IsImage()) continue;
    std::string target = link.url.substr(0, link.url.find('#'));
    if (size_t q = target.find('?'); q != std::string::npos) target.resize(q);
    auto it = in.links->find(target);
    if (it == in.links->end() || it->second.exists || !it->second.verified) continue;
    std::string also =
        it->second.looked_also.empty() ? "" : " (nor in the source tree: '" + it->second.looked_also + "')";
    ctx.Report(link.offset, link.kind == MdLinkKind::kImageDirective ? link.url.size() : 1,
               "image '" + target + "' does not exist" + also);
  }
}

}  // namespace

extern constinit const Rule kDocsMissingImage{
    .id = "docs-missing-image",
    .severity = Severity::kError,
    .summary = "an image whose file does not exist in the checked tree",
    .stage = "doc",
    .check = &CheckDocsMissingImage,
};

}  // namespace leadlint
