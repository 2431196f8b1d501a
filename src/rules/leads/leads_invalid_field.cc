// leads-invalid-field: lead settings the service would reject. Field constraints
// come from schemas/lead-configuration.schema.json (validated against the branch
// that `leadDestination` selects); what a schema cannot say well is checked here:
// e-mail lists, the customer-leads version differences, and the combinations
// the Product Ingestion schema forbids only when *all* of a set are present.
#include <cctype>
#include <optional>
#include <string>

#include "rules/leads/lead_view_util.h"
#include "rules/rule.h"
#include "schema/schema_store.h"

namespace leadlint {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// customer-leads/2022-03-01-preview3 no longer captures Marketo's serverId nor
// contactEmail (DESIGN §1d); leads-ignored-field warns about them. They are
// left out of the schema check so that their shape is not judged either.
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
  static const char* kPiNames[] = {"storageAccountConnectionString",
                                   "instanceUrl",
                                   "username",
                                   "applicationId",
                                   "directoryId",
                                   "httpsEndpointUrl",
                                   "serverId",
                                   "munchkinId",
                                   "formId"};
  for (const char* pi : kPiNames) {
    std::string from = "'" + std::string(pi) + "'";
    std::string to = "'" + std::string(CppFieldName(pi)) + "'";
    for (size_t p = message.find(from); p != std::string::npos; p = message.find(from, p + to.size())) {
      message.replace(p, from.size(), to);
    }
  }
  static const char* kConfigs[] = {"tableLeadConfiguration",    "blobLeadConfiguration",
                                   "dynamicsLeadConfiguration", "httpsEndpointLeadConfiguration",
                                   "marketoLeadConfiguration",  "salesforceLeadConfiguration"};
  for (const char* pi : kConfigs) {
    std::string from = "required key '" + std::string(pi) + "'";
    std::string to = "required key '" + prefix + std::string(CppFieldName(pi)) + "'";
    for (size_t p = message.find(from); p != std::string::npos; p = message.find(from, p + to.size())) {
      message.replace(p, from.size(), to);
    }
  }
  return message;
}

// The string value of `node` exactly as written between its quotes, when the
// text has no escape sequence (so byte offsets inside it are exact).
bool IsRawString(const JsonNode& node) { return node.is_string() && node.text.size() + 2 == node.length; }

// A fix that replaces a string value by a list of its addresses, when every part
// is a valid address: `"a@x; b@y"` becomes `["a@x", "b@y"]` in place.
std::optional<Fix> SplitAddressesFix(const JsonNode& node, const std::string& key) {
  if (!IsRawString(node)) return std::nullopt;
  std::string list = "[";
  size_t start = 0;
  size_t count = 0;
  const std::string& s = node.text;
  while (start <= s.size()) {
    size_t end = s.find_first_of(";,", start);
    if (end == std::string::npos) end = s.size();
    std::string_view part = std::string_view(s).substr(start, end - start);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (!part.empty()) {
      if (!IsValidEmail(part) || part.find_first_of("\"\\") != std::string_view::npos) return std::nullopt;
      list += (count++ == 0 ? "\"" : ", \"") + std::string(part) + "\"";
    }
    start = end + 1;
  }
  if (count == 0) return std::nullopt;
  list += "]";
  Fix fix;
  fix.description = count == 1 ? "make '" + key + "' a list of one address"
                               : "split '" + key + "' into a list of " + std::to_string(count) + " addresses";
  fix.safe = true;
  fix.edits.push_back({node.offset, node.length, list});
  return fix;
}

// A fix that rewrites a string value to `value` (a case change is safe; any
// other replacement is a guess, and unsafe).
Fix ReplaceStringFix(const JsonNode& node, const std::string& key, const std::string& value) {
  Fix fix;
  fix.safe = Lower(node.text) == Lower(value);
  fix.description = fix.safe ? "change the case of '" + key + "' from '" + node.text + "' to '" + value + "'"
                             : "replace '" + key + "' '" + node.text + "' with '" + value + "'";
  fix.edits.push_back({node.offset, node.length, "\"" + value + "\""});
  return fix;
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
          ctx.ReportAtValue(node, "address " + std::to_string(index) + " of '" + key + "' in " + owner +
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
    std::string message =
        separators > 0
            ? "'" + key + "' holds " + std::to_string(separators + 1) +
                  " addresses in one string; list each address as its own item: [\"a@example.com\", \"b@example.com\"]"
            : "'" + key + "' must be a list of addresses: [\"" + node.text + "\"]";
    if (std::optional<Fix> fix = SplitAddressesFix(node, key)) {
      ctx.ReportWithFix(node.offset, node.length, std::move(message), std::move(*fix));
    } else {
      ctx.ReportAtValue(node, std::move(message));
    }
    return;
  }
  if (!node.is_array()) return;  // the schema reports the type
  for (size_t i = 0; i < node.children.size(); ++i) {
    const JsonNode& item = node.children[i];
    if (!item.is_string()) continue;
    if (item.text.find(';') != std::string::npos || item.text.find(',') != std::string::npos) {
      ctx.ReportAtValue(
          item, "item " + std::to_string(i + 1) + " of '" + key + "' holds several addresses; give each its own item");
    } else if (!IsMaskedOrPlaceholder(item.text) && !IsValidEmail(item.text)) {
      ctx.ReportAtValue(item, "item " + std::to_string(i + 1) + " of '" + key + "' in " + owner +
                                  " is not a valid e-mail address: '" + item.text + "'");
    }
  }
}

// The repair of a field the schema rejects, when it is exact: the case of an
// `authentication` value (safe), or `http://` made `https://` in an HTTPS
// endpoint URL (unsafe: the endpoint must really serve HTTPS). Only the scheme
// is replaced, so the edit never carries the rest of the URL (it may hold a key).
std::optional<Fix> FieldFix(const JsonNode& node, std::string_view source) {
  if (!IsRawString(node)) return std::nullopt;
  if (node.key == "authentication") {
    for (const char* value : {"azureAD", "office365"}) {
      if (Lower(node.text) == Lower(value) && node.text != value)
        return ReplaceStringFix(node, "authentication", value);
    }
  }
  if (node.key == "httpsEndpointUrl" && Lower(node.text.substr(0, 7)) == "http://" &&
      source.substr(node.offset + 1, 4) == node.text.substr(0, 4)) {
    Fix fix;
    fix.safe = false;
    fix.description = "make 'httpsEndpointUrl' use https:// (the endpoint must accept HTTPS)";
    fix.edits.push_back({node.offset + 1, 4, "https"});
    return fix;
  }
  return std::nullopt;
}

// The 'product' and 'leadDestination' keys; the destination when it is valid,
// else "" (reported here).
std::string CheckDestination(const LeadView& lead, FileContext& ctx) {
  const JsonNode& view = lead.view;
  const bool cpp = lead.legacy;
  if (lead.missing_product) {
    ctx.Report(view.offset, 1,
               "the customer-leads resource is missing the required key 'product' (the product it configures)");
  }
  const JsonNode* dest = view.Find("leadDestination");
  if (dest == nullptr) {
    if (!cpp) ctx.Report(view.offset, 1, "lead settings are missing the required key 'leadDestination'");
    return "";
  }
  std::string destination = ViewDestination(lead);
  if (!destination.empty()) return destination;
  std::string expected = cpp ? "'None', 'AzureTable', 'AzureBlob', 'Dynamics', 'HttpsEndpoint', 'Marketo', 'Salesforce'"
                             : "'none', 'blob', 'dynamics', 'email', 'httpsEndpoint', 'marketo', 'salesforce', 'table'";
  std::string got =
      dest->is_string() ? "'" + lead.written_destination + "'" : "a " + std::string(JsonTypeName(dest->type));
  std::string hint;
  std::string canonical = dest->is_string() ? CanonicalDestination(lead.written_destination) : "";
  if (!canonical.empty() && !(cpp && canonical == "email")) {
    hint = " (did you mean '" + WrittenDestination(lead, canonical) + "'?)";
    // The value as written is at the original node (a CPP view renames only keys).
    if (IsRawString(*dest) && !cpp) {
      ctx.ReportWithFix(dest->offset, dest->length,
                        "'leadDestination' must be one of " + expected + "; got " + got + hint,
                        ReplaceStringFix(*dest, "leadDestination", WrittenDestination(lead, canonical)));
      return "";
    }
  }
  ctx.ReportAtValue(*dest, "'leadDestination' must be one of " + expected + "; got " + got + hint);
  return "";
}

// Field constraints from the schema branch of the chosen destination.
void CheckSchemaFields(const LeadView& lead, bool preview3, FileContext& ctx) {
  const std::string_view source = ctx.file().contents();
  const JsonNode& view = lead.view;
  const JsonNode trimmed = preview3 ? WithoutUncaptured(view) : JsonNode();
  for (const SchemaIssue& issue : ValidateAgainstSchema(SchemaId::kLeadConfiguration, preview3 ? trimmed : view, source,
                                                        ctx.limits().max_regex_input)) {
    const JsonNode& node = *issue.node;
    if (node.key == "contactEmail" && node.is_string()) continue;  // precise message in CheckEmailFields
    if (preview3 && issue.message.find("required key 'serverId'") != std::string::npos) continue;
    std::string message = issue.message;
    if (message.rfind("the document ", 0) == 0) message = "lead settings " + message.substr(13);
    if (message.rfind("lead settings is missing", 0) == 0) message.replace(14, 2, "are");
    if (lead.legacy) message = LegacyNames(std::move(message), lead.legacy_prefix);
    if (std::optional<Fix> fix = FieldFix(node, source); fix && !issue.at_key) {
      ctx.ReportWithFix(node.offset, node.length, message, std::move(*fix));
    } else if (issue.at_key) {
      ctx.ReportAtKey(node, message);
    } else {
      ctx.ReportAtValue(node, message);
    }
  }
}

// Combinations the service rejects: a configuration for every other
// destination, and Dynamics credentials of the other authentication.
void CheckRejectedCombinations(const LeadView& lead, const std::string& destination, FileContext& ctx) {
  const JsonNode& view = lead.view;
  size_t other_configs = 0;
  for (const JsonNode& member : view.children) {
    std::string d = DestinationOfConfigKey(member.key);
    if (!d.empty() && d != destination) ++other_configs;
  }
  const size_t all_others = destination == "none" ? 7 : 6;
  if (!lead.legacy && other_configs >= all_others) {
    ctx.ReportAtValue(*view.Find("leadDestination"),
                      "configurations for every other destination are present next to '" + destination +
                          "'; the service rejects the document: keep only the chosen destination's configuration");
  }

  const JsonNode* config = view.Find(destination + "LeadConfiguration");
  if (destination != "dynamics" || config == nullptr || !config->is_object()) return;
  std::string_view auth = config->StringAt("authentication");
  if (auth == "azureAD" && config->Find("username") != nullptr && config->Find("password") != nullptr) {
    ctx.ReportAtKey(*config->Find("password"),
                    "'username' and 'password' together are rejected with 'azureAD' authentication; remove both");
  }
  if (auth == "office365" && config->Find("applicationId") != nullptr && config->Find("applicationKey") != nullptr &&
      config->Find("directoryId") != nullptr) {
    ctx.ReportAtKey(*config->Find("applicationId"),
                    "'applicationId', 'applicationKey' and 'directoryId' together are rejected with 'office365' "
                    "authentication; remove them");
  }
}

// E-mail lists, for every configuration present, and the notification addresses.
void CheckEmailFields(const LeadView& lead, bool preview3, FileContext& ctx) {
  for (const JsonNode& member : lead.view.children) {
    std::string d = DestinationOfConfigKey(member.key);
    if (d.empty() || !member.is_object()) continue;
    const std::string owner = "'" + KeyAsWritten(member, ctx.file().contents()) + "'";
    for (const JsonNode& field : member.children) {
      if (preview3 && NoLongerCaptured(d, field)) continue;  // leads-ignored-field
      if (field.key == "contactEmail") CheckEmailList(field, ctx, owner, lead.emails_in_one_string_allowed);
    }
  }
  for (size_t i = 0; i < lead.notification_emails.size(); ++i) {
    const JsonNode& e = lead.notification_emails[i];
    if (!IsMaskedOrPlaceholder(e.text) && !IsValidEmail(e.text)) {
      ctx.ReportAtValue(e, "'leadNotificationEmails' address " + std::to_string(i + 1) +
                               " is not a valid e-mail address: '" + e.text + "'");
    }
  }
}

void CheckLeadsInvalidField(const ManifestDoc& doc, FileContext& ctx) {
  for (const LeadView& lead : doc.leads) {
    const std::string destination = CheckDestination(lead, ctx);
    if (destination.empty()) continue;
    const bool preview3 = IsPreview3OrLater(lead.version);
    CheckSchemaFields(lead, preview3, ctx);
    CheckRejectedCombinations(lead, destination, ctx);
    CheckEmailFields(lead, preview3, ctx);
  }
}

}  // namespace

extern constinit const Rule kLeadsInvalidField{
    .id = "leads-invalid-field",
    .severity = Severity::kError,
    .summary = "a lead destination setting the service would reject",
    .stage = "file",
    .check = &CheckLeadsInvalidField,
};

}  // namespace leadlint
