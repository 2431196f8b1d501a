// manifest-schema: a leadlint manifest v1 must match schemas/manifest-v1.schema.json.
// Lead settings inside `offer.leads` are checked by leads-invalid-field against
// the lead-configuration schema instead, so each mistake is reported once.
#include "rules/checks.h"
#include "schema/schema_store.h"

namespace leadlint {

void CheckManifestSchema(const ManifestDoc& doc, FileContext& ctx) {
  if (doc.format != ManifestFormat::kLeadlintV1 || doc.root == nullptr) return;
  for (const SchemaIssue& issue :
       ValidateAgainstSchema(SchemaId::kManifestV1, *doc.root, ctx.file().contents(), ctx.limits().max_regex_input)) {
    if (issue.at_key) {
      ctx.ReportAtKey("manifest-schema", *issue.node, issue.message);
    } else {
      ctx.ReportAtValue("manifest-schema", *issue.node, issue.message);
    }
  }
}

}  // namespace leadlint
