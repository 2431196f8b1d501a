// docs-broken-link: a relative link to a file or anchor that does not exist.
//
// Links are resolved as the published site sees them (the engine does the
// I/O): in the doc's own tree, then, for a translation, in the source tree at
// the same path. Missing images are docs-missing-image; a missing target
// outside the checked tree, or a site-relative path, is docs-link-unverified.
#include <algorithm>
#include <cctype>
#include <set>

#include "base/suggest.h"
#include "rules/doc_rule.h"
#include "rules/docs/docs_util.h"
#include "rules/rule.h"

namespace leadlint {
namespace {

using docs_util::Lower;

bool IsExternal(std::string_view url) {
  size_t colon = url.find(':');
  size_t slash = url.find('/');
  if (colon != std::string_view::npos && (slash == std::string_view::npos || colon < slash)) return true;
  return url.rfind("//", 0) == 0;
}

// " (did you mean '#x'?)" when an existing anchor is close to the missing one.
template <typename Anchors>
std::string NearestAnchor(const std::string& anchor, const Anchors& anchors) {
  std::vector<std::string_view> candidates(anchors.begin(), anchors.end());
  std::string nearest = Nearest(anchor, candidates, 3);
  return nearest.empty() ? "" : " (did you mean '#" + nearest + "'?)";
}

void CheckDocsBrokenLink(const DocCheckInput& in, DocContext& ctx) {
  const DocModel& doc = *in.doc;
  std::set<std::string> own;
  for (const MdHeading& h : doc.markdown.headings) own.insert(h.slug);
  for (const std::string& a : doc.markdown.html_anchors) own.insert(a);
  for (const MdLink& link : doc.markdown.links) {
    const std::string& url = link.url;
    if (url.empty() || IsExternal(url)) continue;
    size_t hash = url.find('#');
    std::string target = url.substr(0, hash);
    std::string anchor = hash == std::string::npos ? "" : url.substr(hash + 1);
    if (size_t q = target.find('?'); q != std::string::npos) target.resize(q);
    if (target.empty()) {
      if (!anchor.empty() && own.count(anchor) == 0 && own.count(Lower(anchor)) == 0) {
        ctx.Report(link.offset, 1,
                   "'#" + anchor + "' is not a heading or anchor of this document" + NearestAnchor(anchor, own));
      }
      continue;
    }
    if (in.links == nullptr) continue;
    auto it = in.links->find(target);
    if (it == in.links->end()) continue;
    const LinkTarget& lt = it->second;
    // Images have docs-missing-image; targets that cannot be verified have
    // docs-link-unverified.
    if (link.IsImage() || !lt.verified) continue;
    if (!lt.exists) {
      std::string what = link.kind == MdLinkKind::kInclude ? "included file '" : "link target '";
      std::string also = lt.looked_also.empty() ? "" : " (nor in the source tree: '" + lt.looked_also + "')";
      std::string hint;
      if (!lt.nearest.empty()) {
        const size_t slash = target.rfind('/');
        hint = " (did you mean '" + (slash == std::string::npos ? "" : target.substr(0, slash + 1)) + lt.nearest.str() +
               "'?)";
      }
      ctx.Report(link.offset, 1, what + target + "' does not exist" + also + hint);
    } else if (!anchor.empty() && lt.markdown) {
      const auto& anchors = lt.anchors;
      if (std::find(anchors.begin(), anchors.end(), anchor) == anchors.end() &&
          std::find(anchors.begin(), anchors.end(), Lower(anchor)) == anchors.end()) {
        ctx.Report(link.offset, 1,
                   "'#" + anchor + "' is not a heading or anchor of '" + target + "'" + NearestAnchor(anchor, anchors));
      }
    }
  }
}

}  // namespace

extern constinit const Rule kDocsBrokenLink{
    .id = "docs-broken-link",
    .severity = Severity::kError,
    .summary = "a relative link to a file or anchor that does not exist",
    .stage = "doc",
    .check = &CheckDocsBrokenLink,
};

}  // namespace leadlint
