// yaml-cpp is confined to this file. Its marks give 0-based lines and columns;
// positions are re-derived from the file's own bytes so that columns stay
// exact with multi-byte text.
#include "parse/front_matter.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>

namespace leadlint {
namespace {

// Byte offset of the start of 0-based `line` within `yaml`.
size_t LineStart(std::string_view yaml, int line) {
  size_t p = 0;
  for (int l = 0; l < line && p < yaml.size(); ++l) {
    size_t nl = yaml.find('\n', p);
    if (nl == std::string_view::npos) return yaml.size();
    p = nl + 1;
  }
  return p;
}

}  // namespace

const FrontMatterEntry* FrontMatter::Find(std::string_view key) const {
  for (const FrontMatterEntry& e : entries) {
    if (e.key == key) return &e;
  }
  return nullptr;
}

FrontMatter ParseFrontMatter(std::string_view, std::string_view yaml, size_t offset) {
  FrontMatter fm;
  try {
    YAML::Node root = YAML::Load(std::string(yaml));
    if (root.IsNull()) {
      fm.valid = true;
      return fm;
    }
    if (!root.IsMap()) {
      fm.errors.push_back(
          {ParseErrorKind::kFrontMatterSyntax, offset, 0, "front matter must be a YAML mapping of keys to values"});
      return fm;
    }
    for (const auto& pair : root) {
      FrontMatterEntry e;
      e.key = pair.first.IsScalar() ? pair.first.Scalar() : "";
      YAML::Mark km = pair.first.Mark();
      YAML::Mark vm = pair.second.Mark();
      e.key_offset = offset + (km.pos >= 0 ? LineStart(yaml, km.line) : 0);
      // Key position: the key text on its line.
      if (km.line >= 0) {
        size_t ls = LineStart(yaml, km.line);
        size_t found = yaml.find(e.key, ls);
        if (found != std::string_view::npos) e.key_offset = offset + found;
      }
      e.value_offset = e.key_offset;
      if (pair.second.IsScalar()) {
        e.value = pair.second.Scalar();
        if (vm.line >= 0) {
          size_t ls = LineStart(yaml, vm.line);
          size_t from = vm.line == km.line ? e.key_offset - offset + e.key.size() : ls;
          size_t colon = yaml.find(':', from);
          size_t p = (vm.line == km.line && colon != std::string_view::npos) ? colon + 1 : ls;
          while (p < yaml.size() && (yaml[p] == ' ' || yaml[p] == '\t')) ++p;
          e.value_offset = offset + p;
        }
      } else {
        e.scalar = pair.second.IsNull();
      }
      fm.entries.push_back(std::move(e));
    }
    fm.valid = true;
  } catch (const YAML::Exception& ex) {
    const size_t at =
        offset +
        (ex.mark.line >= 0 ? LineStart(yaml, ex.mark.line) + static_cast<size_t>(std::max(ex.mark.column, 0)) : 0);
    fm.errors.push_back({ParseErrorKind::kFrontMatterSyntax, at, 0, "front matter is not valid YAML: " + ex.msg});
  }
  return fm;
}

}  // namespace leadlint
