// manifest-schema: a leadlint manifest v1 must match schemas/manifest-v1.schema.json.
// Lead settings inside `offer.leads` are checked by leads-invalid-field against
// the lead-configuration schema instead, so each mistake is reported once.
#include "rules/rule.h"
#include "schema/schema_store.h"

namespace leadlint {
namespace {

void CheckManifestSchema(const ManifestDoc& doc, FileContext& ctx) {
  if (doc.format != ManifestFormat::kLeadlintV1 || doc.root == nullptr) return;
  for (const SchemaIssue& issue :
       ValidateAgainstSchema(SchemaId::kManifestV1, *doc.root, ctx.file().contents(), ctx.limits().max_regex_input)) {
    if (issue.at_key) {
      ctx.ReportAtKey(*issue.node, issue.message);
    } else {
      ctx.ReportAtValue(*issue.node, issue.message);
    }
  }
}

}  // namespace

extern constinit const Rule kManifestSchema{
    .id = "manifest-schema",
    .severity = Severity::kError,
    .summary = "a leadlint manifest does not match its schema",
    .stage = "file",
    .check = &CheckManifestSchema,
};

}  // namespace leadlint
