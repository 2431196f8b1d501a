// libFuzzer target: a whole manifest check on arbitrary bytes — JSON reading,
// format detection, normalization, schema validation and every file rule.
#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/engine.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const leadlint::RunOptions options = [] {
    leadlint::RunOptions o;
    o.limits.max_regex_input = 4096;
    return o;
  }();
  std::string text(reinterpret_cast<const char*>(data), size);
  leadlint::FileOutcome outcome = leadlint::CheckManifestText("fuzz.json", std::move(text), true, options);
  for (const leadlint::Finding& f : outcome.findings) {
    if (f.line < 1 || f.column < 1) __builtin_trap();  // every finding has a place
  }
  return 0;
}
