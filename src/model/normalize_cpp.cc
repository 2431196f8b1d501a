// Legacy Cloud Partner Portal offers (`definition.offer` with
// `microsoft-azure-*.` keys): field names are renamed to Product Ingestion
// vocabulary so one schema and one set of rules check all formats.
#include "model/normalize.h"

namespace leadlint {
namespace manifest_detail {
namespace {

constexpr Rename kCppConfigs[] = {
    {"tableLeadConfiguration", "tableLeadConfiguration"},
    {"blobLeadConfiguration", "blobLeadConfiguration"},
    {"crmLeadConfiguration", "dynamicsLeadConfiguration"},
    {"httpsEndpointLeadConfiguration", "httpsEndpointLeadConfiguration"},
    {"marketoLeadConfiguration", "marketoLeadConfiguration"},
    {"salesForceLeadConfiguration", "salesforceLeadConfiguration"},
};

// Field names of the Partner Center v1 lead configuration models, mapped to
// Product Ingestion names. Inferred, not attested in a real CPP document.
constexpr Rename kCppFields[] = {
    {"connectionString", "storageAccountConnectionString"},
    {"uri", "instanceUrl"},
    {"userName", "username"},
    {"applicationID", "applicationId"},
    {"directoryID", "directoryId"},
    {"httpsEndpointUri", "httpsEndpointUrl"},
    {"serverID", "serverId"},
    {"munchkinAccountID", "munchkinId"},
    {"formID", "formId"},
};

OfferType CppOfferType(std::string_view id) {
  std::string l = Lower(id);
  if (l == "microsoft-azure-virtualmachines") return OfferType::kAzureVirtualMachine;
  if (l == "microsoft-azure-corevm") return OfferType::kCoreVirtualMachine;
  if (l == "microsoft-azure-solutiontemplates" || l == "microsoft-azure-applications")
    return OfferType::kAzureApplication;
  if (l == "microsoft-azure-containers") return OfferType::kAzureContainer;
  if (l == "microsoft-azure-iotedge") return OfferType::kIotEdgeModule;
  if (l == "microsoft-azure-managedservices") return OfferType::kManagedService;
  if (l == "microsoft-azure-saas") return OfferType::kSoftwareAsAService;
  return OfferType::kUnknown;
}

// "microsoft-azure-marketplace.leadDestination" -> "leadDestination"
std::string_view StripCppPrefix(std::string_view key) {
  if (key.rfind("microsoft-azure-", 0) != 0) return {};
  size_t dot = key.find('.');
  if (dot == std::string_view::npos) return {};
  return key.substr(dot + 1);
}

}  // namespace

bool IsCppDocument(const JsonNode& root) {
  const JsonNode* definition = root.Find("definition");
  if (definition == nullptr || !definition->is_object()) return false;
  const JsonNode* offer = definition->Find("offer");
  if (offer == nullptr || !offer->is_object()) return false;
  for (const JsonNode& member : offer->children) {
    if (!StripCppPrefix(member.key).empty()) return true;
  }
  return root.Find("offerTypeId") != nullptr;
}

namespace {

void SplitEmails(const JsonNode& node, std::vector<JsonNode>* out) {
  if (!node.is_string()) return;
  // Offsets of the pieces are exact only when the string has no escapes.
  bool raw = node.text.size() + 2 == node.length;
  size_t start = 0;
  const std::string& s = node.text;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == ';' || s[i] == ',') {
      size_t b = start;
      size_t e = i;
      while (b < e && s[b] == ' ') ++b;
      while (e > b && s[e - 1] == ' ') --e;
      if (e > b) {
        JsonNode piece;
        piece.type = JsonType::kString;
        piece.text = s.substr(b, e - b);
        piece.key = "contactEmail";
        piece.offset = raw ? node.offset + 1 + b : node.offset;
        piece.length = raw ? e - b : node.length;
        out->push_back(std::move(piece));
      }
      start = i + 1;
    }
  }
}

}  // namespace

void NormalizeCpp(const JsonNode& root, ManifestDoc* doc, const std::string& path) {
  doc->format = ManifestFormat::kCloudPartnerPortal;
  const JsonNode* offer_node = root.Find("definition")->Find("offer");
  Offer offer;
  offer.path = path;
  offer.format = ManifestFormat::kCloudPartnerPortal;
  offer.name = root.StringAt("id");
  SetKeyPlace(&offer.type_place, *root.Find("definition"));
  if (const JsonNode* type = root.Find("offerTypeId"); type != nullptr) {
    SetPlace(&offer.type_place, *type);
    if (type->is_string()) {
      offer.type_written = type->text;
      offer.type = CppOfferType(type->text);
    }
  }
  offer.test_drive = false;  // a complete CPP document states test drive when it is on
  LeadView view;
  view.view.type = JsonType::kObject;
  view.view.offset = offer_node->offset;
  view.view.length = offer_node->length;
  view.version = "cloud-partner-portal";
  view.emails_in_one_string_allowed = true;
  view.legacy = true;
  offer.leads.object_place.offset = offer_node->offset;
  offer.leads.object_place.length = 1;
  offer.leads.destination_place = offer.leads.object_place;
  bool any_lead_key = false;
  for (const JsonNode& member : offer_node->children) {
    std::string_view key = StripCppPrefix(member.key);
    if (member.key.find("-testdrive.enabled") != std::string::npos && member.type == JsonType::kBool) {
      offer.test_drive = member.boolean;
    }
    if (key.empty()) continue;
    if (key == "leadDestination") {
      any_lead_key = true;
      view.legacy_prefix = member.key.substr(0, member.key.size() - key.size());
      offer.leads.present = true;
      SetPlace(&offer.leads.destination_place, member);
      JsonNode dest = member;
      dest.key = "leadDestination";
      if (member.is_string()) {
        offer.leads.written = member.text;
        offer.leads.destination = CppDestination(member.text);
        if (!offer.leads.destination.empty()) dest.text = offer.leads.destination;
        view.written_destination = member.text;
      }
      view.view.children.push_back(std::move(dest));
      continue;
    }
    if (key == "leadNotificationEmails") {
      any_lead_key = true;
      SplitEmails(member, &view.notification_emails);
      continue;
    }
    for (const Rename& config : kCppConfigs) {
      if (key != config.from) continue;
      any_lead_key = true;
      // Every real CPP document carries six empty objects: empty means absent.
      if (member.is_object() && member.children.empty()) break;
      JsonNode copy = member;
      copy.key = std::string(config.to);
      for (JsonNode& field : copy.children) {
        for (const Rename& rename : kCppFields) {
          if (field.key == rename.from) field.key = std::string(rename.to);
        }
        if (field.key == "authentication" && field.is_string()) {
          std::string l = Lower(field.text);
          if (l == "azuread") field.text = "azureAD";
          if (l == "office365") field.text = "office365";
        }
      }
      view.view.children.push_back(std::move(copy));
      break;
    }
  }
  if (!offer.listings.empty() || offer.type != OfferType::kUnknown) AddPiListings(&offer);
  if (any_lead_key) {
    view.offer_index = 0;
    doc->leads.push_back(std::move(view));
  }
  doc->offers.push_back(std::move(offer));
}

}  // namespace manifest_detail

using namespace manifest_detail;

std::string CppDestination(std::string_view written) {
  static const Rename kSpellings[] = {
      {"none", "none"},
      {"azuretable", "table"},
      {"azureblob", "blob"},
      {"dynamics", "dynamics"},
      {"httpsendpoint", "httpsEndpoint"},
      {"marketo", "marketo"},
      {"salesforce", "salesforce"},
  };
  std::string l = Lower(written);
  for (const Rename& s : kSpellings) {
    if (l == s.from) return std::string(s.to);
  }
  return "";
}

std::string_view CppFieldName(std::string_view pi_name) {
  for (const Rename& r : kCppFields) {
    if (r.to == pi_name) return r.from;
  }
  for (const Rename& r : kCppConfigs) {
    if (r.to == pi_name) return r.from;
  }
  return pi_name;
}

}  // namespace leadlint
