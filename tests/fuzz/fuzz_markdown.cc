// libFuzzer target: a Markdown document end to end — limits, cmark-gfm, the
// front matter (yaml-cpp), rule-table extraction against the built-in tables,
// and every document rule on it as a translation of itself, and (when the input
// holds a form feed) of the part before it, so that block alignment, verbatim
// and markup parity meet documents that differ.
#include <cstddef>
#include <cstdint>
#include <string>

#include "model/doc.h"
#include "rules/doc_rule.h"
#include "rules/rule.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  size_t split = text.find('\f');
  auto doc = leadlint::BuildDocModel("fuzz.hu-hu.md", split == std::string::npos ? text : text.substr(split + 1));
  auto source = leadlint::BuildDocModel("fuzz.md", split == std::string::npos ? text : text.substr(0, split));
  leadlint::ExtractRuleTables(source.get(), nullptr);
  leadlint::ExtractRuleTables(doc.get(), source.get());
  std::vector<leadlint::Finding> findings;
  for (int pass = 0; pass < 3; ++pass) {
    const bool translation = pass > 0;
    leadlint::DocCheckInput in;
    in.doc = doc.get();
    in.translation = translation;
    in.compared = translation ? source.get() : nullptr;
    in.current_source = in.compared;
    in.freshness = pass == 0 ? "" : pass == 1 ? "unknown" : "stale";
    in.glossary = {{"Azure Marketplace", "Azure *piac*", false}, {"Partner Center", "Partner*", true}};
    for (const leadlint::Rule& rule : leadlint::AllRules()) {
      if (rule.doc_check() == nullptr) continue;
      leadlint::DocContext ctx(rule, *doc, &findings);
      rule.doc_check()(in, ctx);
    }
  }
  for (const leadlint::Finding& f : findings) {
    if (f.line < 1 || f.column < 1) __builtin_trap();
  }
  return 0;
}
