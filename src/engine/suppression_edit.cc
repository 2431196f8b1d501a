#include "engine/suppression_edit.h"

#include "parse/json.h"

namespace leadlint {

std::optional<Insertion> JsonSuppressionInsertion(std::string_view text, size_t at, const std::string& rule) {
  JsonParseResult parsed = ParseJson(text);
  if (!parsed.ok) return std::nullopt;
  const JsonNode* object = parsed.root.is_object() ? &parsed.root : nullptr;
  for (const JsonNode* node = &parsed.root; node != nullptr;) {
    const JsonNode* inner = nullptr;
    for (const JsonNode& child : node->children) {
      if (at >= child.offset && at < child.offset + child.length && (child.is_object() || child.is_array())) {
        inner = &child;
      }
    }
    node = inner;
    if (inner != nullptr && inner->is_object()) object = inner;
  }
  if (object == nullptr) return std::nullopt;
  if (const JsonNode* ignore = object->Find("x-leadlint-ignore"); ignore != nullptr && ignore->is_array()) {
    const size_t close = ignore->offset + ignore->length - 1;
    return Insertion{close, (ignore->children.empty() ? "\"" : ", \"") + rule + "\""};
  }
  return Insertion{object->offset + 1,
                   "\"x-leadlint-ignore\": [\"" + rule + "\"]" + (object->children.empty() ? "" : ", ")};
}

}  // namespace leadlint
