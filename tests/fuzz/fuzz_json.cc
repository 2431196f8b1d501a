// libFuzzer target: the positioned JSON reader alone, with the line table.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "base/source_file.h"
#include "parse/json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  leadlint::JsonParseResult r = leadlint::ParseJson(text);
  leadlint::SourceFile file("f", std::string(text));
  for (const leadlint::ParseError& e : r.errors) {
    if (e.offset > size) __builtin_trap();
    file.Locate(e.offset);
  }
  return 0;
}
