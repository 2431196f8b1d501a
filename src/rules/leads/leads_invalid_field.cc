// leads-invalid-field: lead settings the service would reject. Field constraints
// come from schemas/lead-configuration.schema.json (validated against the branch
// that `leadDestination` selects); what a schema cannot say well is checked here:
// e-mail lists, the customer-leads version differences, and the combinations
// the Product Ingestion schema forbids only when *all* of a set are present.
#include <string>

#include "rules/checks.h"
#include "rules/leads/lead_view_util.h"
#include "schema/schema_store.h"

namespace leadlint {
namespace {

constexpr std::string_view kRule = "leads-invalid-field";

bool IsPreview3OrLater(const std::string& version) {
  return CompareSchemaVersions(version, "2022-03-01-preview3") >= 0;
}

// customer-leads/2022-03-01-preview3 no longer captures Marketo's serverId nor
// contactEmail (DESIGN §1d); leads-ignored-field warns about them. They are
// left out of the schema check so that their shape is not judged either.
bool NoLongerCaptured(const std::string& destination, const JsonNode& field) {
  return (field.key == "contactEmail" && destination != "email") || (destination == "marketo" && field.key == "serverId");
}

JsonNode WithoutUncaptured(const JsonNode& view) {
  JsonNode copy;
  copy.type = view.type;
  copy.offset = view.offset;
  copy.length = view.length;
  copy.key = view.key;
  copy.key_offset = view.key_offset;
  copy.key_length = view.key_length;
  for (const JsonNode& member : view.children) {
    std::string d = DestinationOfConfigKey(member.key);
    if (d.empty() || !member.is_object()) {
      copy.children.push_back(member);
      continue;
    }
    JsonNode config = member;
    config.children.clear();
    for (const JsonNode& field : member.children) {
      if (!NoLongerCaptured(d, field)) config.children.push_back(field);
    }
    copy.children.push_back(std::move(config));
  }
  return copy;
}

// Legacy documents: say 'uri', not 'instanceUrl'.
std::string LegacyNames(std::string message, const std::string& prefix) {
  static const char* kPiNames[] = {"storageAccountConnectionString", "instanceUrl", "username", "applicationId",
                                   "directoryId", "httpsEndpointUrl", "serverId", "munchkinId", "formId"};
  for (const char* pi : kPiNames) {
    std::string from = "'" + std::string(pi) + "'";
    std::string to = "'" + std::string(CppFieldName(pi)) + "'";
    for (size_t p = message.find(from); p != std::string::npos; p = message.find(from, p + to.size())) {
      message.replace(p, from.size(), to);
    }
  }
  static const char* kConfigs[] = {"tableLeadConfiguration", "blobLeadConfiguration", "dynamicsLeadConfiguration",
                                   "httpsEndpointLeadConfiguration", "marketoLeadConfiguration",
                                   "salesforceLeadConfiguration"};
  for (const char* pi : kConfigs) {
    std::string from = "required key '" + std::string(pi) + "'";
    std::string to = "required key '" + prefix + std::string(CppFieldName(pi)) + "'";
    for (size_t p = message.find(from); p != std::string::npos; p = message.find(from, p + to.size())) {
      message.replace(p, from.size(), to);
    }
  }
  return message;
}

void CheckEmailList(const JsonNode& node, FileContext& ctx, const std::string& owner, bool one_string_allowed) {
  std::string key = KeyAsWritten(node, ctx.file().contents());
  if (node.is_string() && one_string_allowed) {
    // The Partner Center v1 API keeps addresses in one string, separated by ';'.
    size_t start = 0;
    size_t index = 0;
    const std::string& s = node.text;
    while (start <= s.size()) {
      size_t end = s.find_first_of(";,", start);
      if (end == std::string::npos) end = s.size();
      std::string address = s.substr(start, end - start);
      while (!address.empty() && address.front() == ' ') address.erase(0, 1);
      while (!address.empty() && address.back() == ' ') address.pop_back();
      if (!address.empty()) {
        ++index;
        if (!IsMaskedOrPlaceholder(address) && !IsValidEmail(address)) {
          ctx.ReportAtValue(kRule, node, "address " + std::to_string(index) + " of '" + key + "' in " + owner +
                                             " is not a valid e-mail address: '" + address + "'");
        }
      }
      start = end + 1;
    }
    return;
  }
  if (node.is_string()) {
    size_t separators = 0;
    for (char c : node.text) separators += (c == ';' || c == ',');
    if (separators > 0) {
      ctx.ReportAtValue(kRule, node,
                        "'" + key + "' holds " + std::to_string(separators + 1) +
                            " addresses in one string; list each address as its own item: [\"a@example.com\", \"b@example.com\"]");
    } else {
      ctx.ReportAtValue(kRule, node, "'" + key + "' must be a list of addresses: [\"" + node.text + "\"]");
    }
    return;
  }
  if (!node.is_array()) return;  // the schema reports the type
  for (size_t i = 0; i < node.children.size(); ++i) {
    const JsonNode& item = node.children[i];
    if (!item.is_string()) continue;
    if (item.text.find(';') != std::string::npos || item.text.find(',') != std::string::npos) {
      ctx.ReportAtValue(kRule, item,
                        "item " + std::to_string(i + 1) + " of '" + key + "' holds several addresses; give each its own item");
    } else if (!IsMaskedOrPlaceholder(item.text) && !IsValidEmail(item.text)) {
      ctx.ReportAtValue(kRule, item,
                        "item " + std::to_string(i + 1) + " of '" + key + "' in " + owner +
                            " is not a valid e-mail address: '" + item.text + "'");
    }
  }
}

}  // namespace

void CheckLeadsInvalidField(const ManifestDoc& doc, FileContext& ctx) {
  const std::string_view source = ctx.file().contents();
  for (const LeadView& lead : doc.leads) {
    const JsonNode& view = lead.view;
    const bool cpp = lead.legacy;
    if (lead.missing_product) {
      ctx.Report(kRule, view.offset, 1,
                 "the customer-leads resource is missing the required key 'product' (the product it configures)");
    }
    const JsonNode* dest = view.Find("leadDestination");
    if (dest == nullptr) {
      if (!cpp) ctx.Report(kRule, view.offset, 1, "lead settings are missing the required key 'leadDestination'");
      continue;
    }
    const std::string destination = ViewDestination(lead);
    if (destination.empty()) {
      std::string expected = cpp ? "'None', 'AzureTable', 'AzureBlob', 'Dynamics', 'HttpsEndpoint', 'Marketo', 'Salesforce'"
                                 : "'none', 'blob', 'dynamics', 'email', 'httpsEndpoint', 'marketo', 'salesforce', 'table'";
      std::string got = dest->is_string() ? "'" + lead.written_destination + "'" : "a " + std::string(JsonTypeName(dest->type));
      std::string hint;
      std::string canonical = dest->is_string() ? CanonicalDestination(lead.written_destination) : "";
      if (!canonical.empty() && !(cpp && canonical == "email")) {
        hint = " (did you mean '" + WrittenDestination(lead, canonical) + "'?)";
      }
      ctx.ReportAtValue(kRule, *dest, "'leadDestination' must be one of " + expected + "; got " + got + hint);
      continue;
    }
    const bool preview3 = IsPreview3OrLater(lead.version);

    // Field constraints from the schema branch of the chosen destination.
    const JsonNode trimmed = preview3 ? WithoutUncaptured(view) : JsonNode();
    for (const SchemaIssue& issue : ValidateAgainstSchema(SchemaId::kLeadConfiguration, preview3 ? trimmed : view,
                                                          source, ctx.limits().max_regex_input)) {
      const JsonNode& node = *issue.node;
      if (node.key == "contactEmail" && node.is_string()) continue;  // precise message below
      if (preview3 && issue.message.find("required key 'serverId'") != std::string::npos) continue;
      std::string message = issue.message;
      if (message.rfind("the document ", 0) == 0) message = "lead settings " + message.substr(13);
      if (message.rfind("lead settings is missing", 0) == 0) message.replace(14, 2, "are");
      if (cpp) message = LegacyNames(std::move(message), lead.legacy_prefix);
      if (issue.at_key) {
        ctx.ReportAtKey(kRule, node, message);
      } else {
        ctx.ReportAtValue(kRule, node, message);
      }
    }

    // Combinations the service rejects: a configuration for every other destination.
    size_t other_configs = 0;
    for (const JsonNode& member : view.children) {
      std::string d = DestinationOfConfigKey(member.key);
      if (!d.empty() && d != destination) ++other_configs;
    }
    const size_t all_others = destination == "none" ? 7 : 6;
    if (!cpp && other_configs >= all_others) {
      ctx.ReportAtValue(kRule, *dest,
                        "configurations for every other destination are present next to '" + destination +
                            "'; the service rejects the document: keep only the chosen destination's configuration");
    }

    const JsonNode* config = view.Find(destination + "LeadConfiguration");
    if (destination == "dynamics" && config != nullptr && config->is_object()) {
      std::string_view auth = config->StringAt("authentication");
      if (auth == "azureAD" && config->Find("username") != nullptr && config->Find("password") != nullptr) {
        ctx.ReportAtKey(kRule, *config->Find("password"),
                        "'username' and 'password' together are rejected with 'azureAD' authentication; remove both");
      }
      if (auth == "office365" && config->Find("applicationId") != nullptr && config->Find("applicationKey") != nullptr &&
          config->Find("directoryId") != nullptr) {
        ctx.ReportAtKey(kRule, *config->Find("applicationId"),
                        "'applicationId', 'applicationKey' and 'directoryId' together are rejected with 'office365' "
                        "authentication; remove them");
      }
    }

    // Version differences and e-mail lists, for every configuration present.
    for (const JsonNode& member : view.children) {
      std::string d = DestinationOfConfigKey(member.key);
      if (d.empty() || !member.is_object()) continue;
      const std::string owner = "'" + KeyAsWritten(member, source) + "'";
      for (const JsonNode& field : member.children) {
        if (preview3 && NoLongerCaptured(d, field)) continue;  // leads-ignored-field
        if (field.key == "contactEmail") CheckEmailList(field, ctx, owner, lead.emails_in_one_string_allowed);
      }
    }
    for (size_t i = 0; i < lead.notification_emails.size(); ++i) {
      const JsonNode& e = lead.notification_emails[i];
      if (!IsMaskedOrPlaceholder(e.text) && !IsValidEmail(e.text)) {
        ctx.ReportAtValue(kRule, e, "'leadNotificationEmails' address " + std::to_string(i + 1) +
                                        " is not a valid e-mail address: '" + e.text + "'");
      }
    }
  }
}

}  // namespace leadlint
