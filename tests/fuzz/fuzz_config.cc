// libFuzzer target: leadlint.json loading (JSON reader, config schema, rule ids,
// ignore patterns).
#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  leadlint::Config config;
  std::vector<leadlint::Finding> errors;
  bool ok = leadlint::LoadConfigText("leadlint.json", std::string(reinterpret_cast<const char*>(data), size), &config,
                                     &errors);
  if (!ok && errors.empty()) __builtin_trap();  // a rejected config always says why
  leadlint::IgnoreList list;
  list.Add("/r", config.ignore);
  list.Ignored("/r/a/b.json", false);
  return 0;
}
