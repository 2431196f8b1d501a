// leads-office365-renewal: Dynamics 365 lead delivery with Office 365
// authentication stops when the account's password expires (every 90 days by
// default); Azure AD application credentials do not.
#include "rules/checks.h"
#include "rules/leads/lead_view_util.h"

namespace leadlint {

void CheckLeadsOffice365Renewal(const ManifestDoc& doc, FileContext& ctx) {
  for (const LeadView& lead : doc.leads) {
    if (ViewDestination(lead) != "dynamics") continue;
    const JsonNode* config = lead.view.Find("dynamicsLeadConfiguration");
    if (config == nullptr || !config->is_object()) continue;
    const JsonNode* auth = config->Find("authentication");
    if (auth == nullptr || !auth->is_string() || auth->text != "office365") continue;
    ctx.ReportAtValue("leads-office365-renewal", *auth,
                      "Office 365 authentication stops delivering leads when the password expires; renew it every "
                      "90 days or switch to 'azureAD' application credentials");
  }
}

}  // namespace leadlint
