// Declarations for the schema texts that CMake embeds from schemas/*.json
// (see cmake/embed_files.cmake); the definitions are generated.
#pragma once

#include <string_view>
#include <vector>

namespace leadlint {

struct EmbeddedFile {
  std::string_view name;
  std::string_view text;
};

const std::vector<EmbeddedFile>& EmbeddedSchemaFiles();
// docs/rules/*.md, for `leadlint explain`.
const std::vector<EmbeddedFile>& EmbeddedRuleDocs();

}  // namespace leadlint
