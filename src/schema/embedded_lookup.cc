// Lookup of schema texts embedded at build time.
#include "schema/embedded_schemas.h"
#include "schema/schema_store.h"

namespace leadlint {

std::string_view EmbeddedSchema(std::string_view file_name) {
  for (const EmbeddedFile& file : EmbeddedSchemaFiles()) {
    if (file.name == file_name) return file.text;
  }
  return {};
}

std::vector<std::string_view> EmbeddedSchemaNames() {
  std::vector<std::string_view> names;
  for (const EmbeddedFile& file : EmbeddedSchemaFiles()) names.push_back(file.name);
  return names;
}

}  // namespace leadlint
