// l10n-markup-parity: an aligned block of the translation has other bold,
// italic, inline-code, link or image counts than the source's block, or an
// emphasis marker ('**', '__') left as literal text.
//
// Machine translation moves or splits the markers of "**Admin** > **Munchkin**"
// so that they no longer pair up ("管理员" ** > ** "Munchkin"): the page then
// shows the asterisks. Blocks are aligned as for l10n-verbatim-parity; a
// literal marker is reported where it stands, and a block's counts once.
#include <set>
#include <string>
#include <vector>

#include "rules/doc_rule.h"
#include "rules/l10n/l10n_util.h"
#include "rules/rule.h"

namespace leadlint {
namespace {

std::string Count(int n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

void CheckL10nMarkupParity(const DocCheckInput& in, DocContext& ctx) {
  if (!in.translation || in.compared == nullptr) return;
  l10n_util::BlockAlignment alignment = l10n_util::AlignBlocks(in.doc->markdown, in.compared->markdown);
  const std::string against = l10n_util::Against(in);
  for (const auto& [mine, theirs] : alignment.pairs) {
    if (mine->kind == MdBlock::Kind::kCode || mine->kind == MdBlock::Kind::kHtml) continue;
    size_t literal = 0;
    for (size_t i = theirs->literal_markers.size(); i < mine->literal_markers.size(); ++i) {
      size_t at = mine->literal_markers[i];
      std::string marker = in.doc->file.contents().substr(at, 2);
      ctx.Report(at, 2,
                 "'" + marker + "' is left as literal text: the translation broke the source's " +
                     (marker == "**" ? "bold" : "emphasis") + " markup here" + against);
      ++literal;
    }
    struct Kind {
      int mine, theirs;
      const char *one, *many;
      bool emphasis;
    };
    const Kind kinds[] = {{mine->strong, theirs->strong, "bold span", "bold spans", true},
                          {mine->emph, theirs->emph, "italic span", "italic spans", true},
                          {mine->code, theirs->code, "inline code span", "inline code spans", false},
                          {mine->links, theirs->links, "link", "links", false},
                          {mine->images, theirs->images, "image", "images", false}};
    // Compared with a source it was not made from (stale, version not in the
    // history), links, code and images may have changed for good reasons:
    // only lost bold or italic (a label dropped by the translation) counts.
    const bool loose = in.compared_is_current && in.freshness == "stale";
    std::string have, source;
    for (const Kind& k : kinds) {
      if (k.mine == k.theirs || (literal > 0 && k.emphasis)) continue;
      if (loose && (!k.emphasis || k.mine > k.theirs)) continue;
      have += (have.empty() ? "" : ", ") + Count(k.mine, k.one, k.many);
      source += (source.empty() ? "" : ", ") + Count(k.theirs, k.one, k.many);
    }
    if (have.empty()) continue;
    ctx.Report(mine->offset, 1, "this block has " + have + "; the source's block has " + source + against);
  }
  // Blocks that could not be aligned: a literal marker is still reported when
  // the source has none anywhere (the translation made it).
  if (!alignment.unaligned.empty()) {
    bool source_has_literal = false;
    for (const MdBlock& b : in.compared->markdown.blocks)
      source_has_literal = source_has_literal || !b.literal_markers.empty();
    std::set<const MdBlock*> aligned;
    for (const auto& pair : alignment.pairs) aligned.insert(pair.first);
    for (const MdBlock& b : in.doc->markdown.blocks) {
      if (source_has_literal || aligned.count(&b) != 0) continue;
      for (size_t at : b.literal_markers) {
        std::string marker = in.doc->file.contents().substr(at, 2);
        ctx.Report(at, 2,
                   "'" + marker + "' is left as literal text: the translation broke the source's " +
                       (marker == "**" ? "bold" : "emphasis") + " markup here" + against);
      }
    }
  }
  if (std::string note = l10n_util::UnalignedNote(alignment, "markup parity"); !note.empty()) {
    ctx.ReportWithSeverity(Severity::kNote, alignment.first_unaligned_offset, 1, note + against);
  }
}

}  // namespace

extern constinit const Rule kL10nMarkupParity{
    .id = "l10n-markup-parity",
    .severity = Severity::kWarning,
    .summary =
        "bold, italic, code, link or image counts of an aligned block differ from the source, "
        "or a marker is left as text",
    .stage = "doc",
    .check = &CheckL10nMarkupParity,
};

}  // namespace leadlint
