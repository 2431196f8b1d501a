// Helpers for lead-settings rules.
#include "rules/leads/lead_view_util.h"

#include <cctype>

namespace leadlint {

std::string DestinationOfConfigKey(std::string_view key) {
  constexpr std::string_view kSuffix = "LeadConfiguration";
  if (key.size() <= kSuffix.size() || key.substr(key.size() - kSuffix.size()) != kSuffix) return "";
  std::string d(key.substr(0, key.size() - kSuffix.size()));
  static const char* kKnown[] = {"table", "blob", "dynamics", "httpsEndpoint", "marketo", "salesforce", "email"};
  for (const char* k : kKnown) {
    if (d == k) return d;
  }
  return "";
}

std::string ViewDestination(const LeadView& lead) {
  if (lead.legacy) return CppDestination(lead.written_destination);
  const JsonNode* d = lead.view.Find("leadDestination");
  if (d == nullptr || !d->is_string()) return "";
  return CanonicalDestination(d->text) == d->text ? d->text : "";
}

bool IsValidEmail(std::string_view a) {
  if (a.size() > 254) return false;
  size_t at = a.find('@');
  if (at == std::string_view::npos || at == 0 || a.find('@', at + 1) != std::string_view::npos) return false;
  std::string_view local = a.substr(0, at);
  std::string_view domain = a.substr(at + 1);
  if (local.size() > 64 || local.front() == '.' || local.back() == '.') return false;
  for (char c : local) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u <= ' ' || c == '(' || c == ')' || c == '<' || c == '>' || c == ',' || c == ';' || c == ':' || c == '\\' ||
        c == '"' || c == '[' || c == ']') {
      return false;
    }
  }
  if (domain.find('.') == std::string_view::npos) return false;
  size_t label = 0;
  for (size_t i = 0; i <= domain.size(); ++i) {
    if (i == domain.size() || domain[i] == '.') {
      if (label == 0 || label > 63) return false;
      if (domain[i - 1] == '-' || domain[i - label] == '-') return false;
      label = 0;
      continue;
    }
    unsigned char u = static_cast<unsigned char>(domain[i]);
    if (!(std::isalnum(u) || u == '-' || u >= 0x80)) return false;
    ++label;
  }
  return true;
}

std::string WrittenDestination(const LeadView& view, std::string_view canonical) {
  if (view.version != "cloud-partner-portal") return std::string(canonical);
  if (canonical == "none") return "None";
  if (canonical == "table") return "AzureTable";
  if (canonical == "blob") return "AzureBlob";
  if (canonical == "dynamics") return "Dynamics";
  if (canonical == "httpsEndpoint") return "HttpsEndpoint";
  if (canonical == "marketo") return "Marketo";
  if (canonical == "salesforce") return "Salesforce";
  return std::string(canonical);
}

bool IsPreview3OrLater(const std::string& version) {
  return CompareSchemaVersions(version, "2022-03-01-preview3") >= 0;
}

bool NoLongerCaptured(const std::string& destination, const JsonNode& field) {
  return (field.key == "contactEmail" && destination != "email") ||
         (destination == "marketo" && field.key == "serverId");
}

std::string KeyAsWritten(const JsonNode& node, std::string_view source) {
  if (node.key_length >= 2 && node.key_offset + node.key_length <= source.size()) {
    std::string_view raw = source.substr(node.key_offset + 1, node.key_length - 2);
    if (raw.find('\\') == std::string_view::npos) return std::string(raw);
  }
  return node.key;
}

}  // namespace leadlint
