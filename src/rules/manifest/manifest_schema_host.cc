// manifest-schema-host: a `$schema` with the Product Ingestion path shape
// (`https://<host>/schema/<resource>/<version>`) on a host leadlint does not
// know. The document is still read as Product Ingestion, so a typo in the host
// never turns the checks off; the warning names the hosts Partner Center uses.
#include <string>

#include "rules/rule.h"

namespace leadlint {
namespace {

void CheckManifestSchemaHost(const ManifestDoc& doc, FileContext& ctx) {
  if (doc.unknown_hosts.empty()) return;
  const JsonNode& first = *doc.unknown_hosts.front();
  std::optional<PiSchema> schema = ParsePiSchema(first.text);
  std::string hosts;
  for (std::string_view host : KnownPiHosts()) {
    if (!hosts.empty()) hosts += " or ";
    hosts += "'" + std::string(host) + "'";
  }
  std::string more;
  if (doc.unknown_hosts.size() > 1) {
    more = " (and " + std::to_string(doc.unknown_hosts.size() - 1) + " more $schema value" +
           (doc.unknown_hosts.size() > 2 ? "s" : "") + " in this file)";
  }
  ctx.ReportAtValue(first, "$schema host '" + (schema ? schema->host : std::string()) +
                               "' is not a Product Ingestion schema host; read as Product Ingestion anyway" + more +
                               ": Partner Center serves the schemas from " + hosts);
}

}  // namespace

extern constinit const Rule kManifestSchemaHost{
    .id = "manifest-schema-host",
    .severity = Severity::kWarning,
    .summary = "a Product Ingestion $schema on a host leadlint does not know; read as Product Ingestion anyway",
    .stage = "file",
    .check = &CheckManifestSchemaHost,
};

}  // namespace leadlint
