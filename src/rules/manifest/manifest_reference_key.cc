// manifest-reference-key: a Product Ingestion reference ({"externalId": ...},
// {"resourceName": ...}, {"durableId": ...}) or product identity key spelt in a
// case the service does not accept. Microsoft's own doc samples write
// `externalID`, which the service rejects (DESIGN §1d). leadlint still resolves
// the reference, so the offer is judged once, not also reported as missing its
// lead settings.
#include <string>

#include "rules/rule.h"

namespace leadlint {
namespace {

void CheckManifestReferenceKey(const ManifestDoc& doc, FileContext& ctx) {
  for (const KeySpelling& k : doc.key_spellings) {
    ctx.ReportAtKey(*k.node, "'" + k.node->key + "' is not accepted by the service; write '" + k.accepted +
                                 "' (keys are case-sensitive)");
  }
}

}  // namespace

extern constinit const Rule kManifestReferenceKey{
    .id = "manifest-reference-key",
    .severity = Severity::kError,
    .summary =
        "a Product Ingestion reference or identity key spelt in a case the service rejects (externalID for externalId)",
    .stage = "file",
    .check = &CheckManifestReferenceKey,
};

}  // namespace leadlint
