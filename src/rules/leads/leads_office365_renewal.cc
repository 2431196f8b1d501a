// leads-office365-renewal: Dynamics 365 lead delivery with Office 365
// authentication stops when the account's password expires (every 90 days by
// default); Azure AD application credentials do not.
#include "rules/leads/lead_view_util.h"
#include "rules/rule.h"

namespace leadlint {
namespace {

void CheckLeadsOffice365Renewal(const ManifestDoc& doc, FileContext& ctx) {
  for (const LeadView& lead : doc.leads) {
    if (ViewDestination(lead) != "dynamics") continue;
    const JsonNode* config = lead.view.Find("dynamicsLeadConfiguration");
    if (config == nullptr || !config->is_object()) continue;
    const JsonNode* auth = config->Find("authentication");
    if (auth == nullptr || !auth->is_string() || auth->text != "office365") continue;
    ctx.ReportAtValue(*auth,
                      "Office 365 authentication stops delivering leads when the password expires; renew it every "
                      "90 days or switch to 'azureAD' application credentials");
  }
}

}  // namespace

extern constinit const Rule kLeadsOffice365Renewal{
    .id = "leads-office365-renewal",
    .severity = Severity::kWarning,
    .summary = "Dynamics 365 with Office 365 authentication: the password must be renewed every 90 days",
    .stage = "file",
    .check = &CheckLeadsOffice365Renewal,
};

}  // namespace leadlint
