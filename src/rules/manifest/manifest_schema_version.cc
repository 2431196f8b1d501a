// manifest-schema-version: a Product Ingestion resource whose version is newer
// than any leadlint knows for its kind. It is checked with the newest known
// rules for that kind (DESIGN §1d); the note names the version used, so a
// publisher knows what was checked and a maintainer knows what to add.
#include <string>

#include "rules/rule.h"

namespace leadlint {
namespace {

void CheckManifestSchemaVersion(const ManifestDoc& doc, FileContext& ctx) {
  for (const NewerVersion& v : doc.newer_versions) {
    ctx.ReportAtValue(*v.schema, "'" + v.kind + "/" + v.version +
                                     "' is newer than any version leadlint knows; checked with the '" + v.kind + "/" +
                                     v.used + "' rules");
  }
}

}  // namespace

extern constinit const Rule kManifestSchemaVersion{
    .id = "manifest-schema-version",
    .severity = Severity::kNote,
    .summary =
        "a Product Ingestion resource version newer than any leadlint knows; checked with the newest known rules",
    .stage = "file",
    .check = &CheckManifestSchemaVersion,
};

}  // namespace leadlint
