// manifest-schema-version: a Product Ingestion resource whose version is newer
// than any leadlint knows for its kind. It is checked with the newest known
// rules for that kind (DESIGN §1d); the note names the version used, so a
// publisher knows what was checked and a maintainer knows what to add.
#include <string>

#include "rules/checks.h"

namespace leadlint {

void CheckManifestSchemaVersion(const ManifestDoc& doc, FileContext& ctx) {
  for (const NewerVersion& v : doc.newer_versions) {
    ctx.ReportAtValue("manifest-schema-version", *v.schema,
                      "'" + v.kind + "/" + v.version + "' is newer than any version leadlint knows; checked with the '" +
                          v.kind + "/" + v.used + "' rules");
  }
}

}  // namespace leadlint
