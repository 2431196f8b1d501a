// leads-plaintext-secret: a secret committed in plain text (DESIGN §1b). The
// storage AccountKey, the Dynamics applicationKey and password, a Marketo client
// secret, and `sig=`/`code=` query parameters of an HTTPS endpoint are secrets.
// Accepted forms: masked ('****'), a deploy-time placeholder, or an object (a
// masked-secret reference). Messages name the field, never the value.
#include <string>

#include "rules/leads/lead_view_util.h"
#include "rules/rule.h"

namespace leadlint {
namespace {

constexpr std::string_view kFix =
    "; commit it masked ('****'), as a deploy-time placeholder such as ${LEADS_SECRET}, or as a masked-secret "
    "reference";

// The value of `name=` in a `;`-separated connection string, or npos.
bool FindPart(std::string_view text, std::string_view name, std::string_view* value, size_t* at) {
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(';', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view part = text.substr(start, end - start);
    if (part.size() > name.size() && part.substr(0, name.size()) == name && part[name.size()] == '=') {
      *value = part.substr(name.size() + 1);
      *at = start + name.size() + 1;
      return true;
    }
    start = end + 1;
  }
  return false;
}

void CheckUrlSecrets(const JsonNode& node, const std::string& key, FileContext& ctx) {
  std::string_view url = node.text;
  size_t q = url.find('?');
  if (q == std::string_view::npos) return;
  std::string_view query = url.substr(q + 1);
  size_t start = 0;
  while (start < query.size()) {
    size_t end = query.find('&', start);
    if (end == std::string_view::npos) end = query.size();
    std::string_view param = query.substr(start, end - start);
    size_t eq = param.find('=');
    std::string_view name = param.substr(0, eq);
    if (eq != std::string_view::npos && (name == "sig" || name == "code")) {
      std::string_view value = param.substr(eq + 1);
      if (!value.empty() && !IsMaskedOrPlaceholder(value)) {
        ctx.ReportAtValue(
            node, "'" + key + "' contains a plaintext '" + std::string(name) + "=' access key" + std::string(kFix));
      }
    }
    start = end + 1;
  }
}

void CheckLeadsPlaintextSecret(const ManifestDoc& doc, FileContext& ctx) {
  const std::string_view source = ctx.file().contents();
  for (const LeadView& lead : doc.leads) {
    for (const JsonNode& member : lead.view.children) {
      if (DestinationOfConfigKey(member.key).empty() || !member.is_object()) continue;
      for (const JsonNode& field : member.children) {
        if (!field.is_string()) continue;  // objects are masked-secret references
        const std::string key = KeyAsWritten(field, source);
        if (field.key == "storageAccountConnectionString") {
          if (IsMaskedOrPlaceholder(field.text)) continue;
          std::string_view account_key;
          size_t at = 0;
          if (FindPart(field.text, "AccountKey", &account_key, &at) && !account_key.empty() &&
              !IsMaskedOrPlaceholder(account_key)) {
            ctx.ReportAtValue(field, "'" + key + "' contains a plaintext AccountKey" + std::string(kFix));
          }
        } else if (field.key == "applicationKey" || field.key == "password" || field.key == "clientSecret") {
          if (!field.text.empty() && !IsMaskedOrPlaceholder(field.text)) {
            ctx.ReportAtValue(field, "'" + key + "' is a plaintext secret" + std::string(kFix));
          }
        } else if (field.key == "httpsEndpointUrl") {
          CheckUrlSecrets(field, key, ctx);
        }
      }
    }
  }
}

}  // namespace

extern constinit const Rule kLeadsPlaintextSecret{
    .id = "leads-plaintext-secret",
    .severity = Severity::kError,
    .summary = "a secret committed in plain text",
    .stage = "file",
    .check = &CheckLeadsPlaintextSecret,
};

}  // namespace leadlint
