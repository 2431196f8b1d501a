// leads-dynamics-instance-url: the service accepts http:// and any host for a
// Dynamics 365 instance, but leads go out unencrypted over http:// and a host
// outside Microsoft's Dynamics domains is almost always a typo or a proxy.
#include <cctype>
#include <string>

#include "rules/leads/lead_view_util.h"
#include "rules/rule.h"

namespace leadlint {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool MicrosoftHosted(std::string host) {
  for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const char* kDomains[] = {".dynamics.com",         ".dynamics.cn",     ".microsoftdynamics.de",
                                   ".microsoftdynamics.us", ".appsplatform.us", ".crm.dynamics.com"};
  for (const char* d : kDomains) {
    if (EndsWith(host, d)) return true;
  }
  return false;
}

void CheckLeadsDynamicsInstanceUrl(const ManifestDoc& doc, FileContext& ctx) {
  for (const LeadView& lead : doc.leads) {
    const JsonNode* config = lead.view.Find("dynamicsLeadConfiguration");
    if (config == nullptr || ViewDestination(lead) != "dynamics") continue;
    const JsonNode* url = config->Find("instanceUrl");
    if (url == nullptr || !url->is_string() || IsPlaceholderValue(url->text)) continue;
    std::string_view text = url->text;
    size_t scheme_end = text.find("://");
    if (scheme_end == std::string_view::npos) continue;  // leads-invalid-field reports it
    std::string_view scheme = text.substr(0, scheme_end);
    std::string_view rest = text.substr(scheme_end + 3);
    std::string host(rest.substr(0, rest.find_first_of("/:?#")));
    if (scheme == "http") {
      ctx.ReportAtValue(*url, "'" + KeyAsWritten(*url, ctx.file().contents()) +
                                  "' uses http://; leads would travel unencrypted: use https://");
    } else if (!MicrosoftHosted(host)) {
      ctx.ReportAtValue(*url, "'" + KeyAsWritten(*url, ctx.file().contents()) + "' host '" + host +
                                  "' is not a Microsoft-hosted Dynamics 365 domain (such as <org>.crm.dynamics.com)");
    }
  }
}

}  // namespace

extern constinit const Rule kLeadsDynamicsInstanceUrl{
    .id = "leads-dynamics-instance-url",
    .severity = Severity::kWarning,
    .summary = "the Dynamics 365 instance URL is not https:// on a Microsoft-hosted domain",
    .stage = "file",
    .check = &CheckLeadsDynamicsInstanceUrl,
};

}  // namespace leadlint
