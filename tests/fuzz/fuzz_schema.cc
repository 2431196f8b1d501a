// libFuzzer target: schema validation and message building for any JSON value,
// against both of our schemas (not only documents that look like manifests).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "parse/json.h"
#include "schema/schema_store.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  leadlint::JsonParseResult r = leadlint::ParseJson(text);
  if (!r.ok) return 0;
  for (leadlint::SchemaId id : {leadlint::SchemaId::kManifestV1, leadlint::SchemaId::kLeadConfiguration}) {
    for (const leadlint::SchemaIssue& issue : leadlint::ValidateAgainstSchema(id, r.root, text, 4096)) {
      if (issue.node == nullptr || issue.message.empty()) __builtin_trap();
    }
  }
  return 0;
}
