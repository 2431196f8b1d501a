// Detection and normalization of the three manifest formats.
//
// Product Ingestion documents are detected by the `$schema` of the document or of
// its resources; legacy Cloud Partner Portal documents by `definition.offer` with
// `microsoft-azure-*.` keys; our own format by its `$schema` or its `offer`
// object. Anything else is not a manifest.
#include "model/manifest.h"

#include <algorithm>
#include <cctype>

#include "base/secret_text.h"
#include "base/string_pool.h"

namespace leadlint {
namespace {

constexpr std::string_view kV1Schema = "leadlint.dev/schemas/manifest-v1";

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

void SetPlace(Place* place, const JsonNode& node) {
  place->offset = node.offset;
  place->length = node.length;
}

void SetKeyPlace(Place* place, const JsonNode& node) {
  place->offset = node.key_length > 0 ? node.key_offset : node.offset;
  place->length = node.key_length > 0 ? node.key_length : node.length;
}

void CollectSecrets(const JsonNode& node, ManifestDoc* doc, int depth = 0) {
  if (depth > 300) return;
  // Connection strings and URLs keep their non-secret parts readable: their
  // AccountKey=, sig= and code= values are masked by RedactSecrets instead.
  if (!node.key.empty() && IsSecretKey(node.key) && node.is_string() && node.key != "storageAccountConnectionString" &&
      node.key != "connectionString") {
    doc->secret_spans.emplace_back(node.offset, node.offset + node.length);
  }
  for (const JsonNode& child : node.children) CollectSecrets(child, doc, depth + 1);
}

// --- leadlint manifest v1 ----------------------------------------------------

void NormalizeV1(const JsonNode& root, ManifestDoc* doc, const std::string& path) {
  doc->format = ManifestFormat::kLeadlintV1;
  const JsonNode* offer_node = root.Find("offer");
  if (offer_node == nullptr || !offer_node->is_object()) return;  // the schema reports it
  Offer offer;
  offer.path = path;
  offer.format = ManifestFormat::kLeadlintV1;
  offer.name = std::string(offer_node->StringAt("id"));
  SetKeyPlace(&offer.type_place, *offer_node);
  if (const JsonNode* type = offer_node->Find("type"); type != nullptr) {
    SetPlace(&offer.type_place, *type);
    if (type->is_string()) {
      offer.type_written = type->text;
      offer.type = ParseOfferTypeId(type->text);
    }
  }
  if (const JsonNode* listings = offer_node->Find("listings"); listings != nullptr && listings->is_array()) {
    for (const JsonNode& item : listings->children) {
      if (!item.is_object()) continue;
      Listing listing;
      SetPlace(&listing.place, item);
      const JsonNode* storefront = item.Find("storefront");
      if (storefront == nullptr || !storefront->is_string()) continue;
      if (storefront->text == "appsource") {
        listing.storefront = Storefront::kAppSource;
      } else if (storefront->text == "azure-marketplace") {
        listing.storefront = Storefront::kAzureMarketplace;
      } else {
        continue;  // the schema reports it
      }
      SetPlace(&listing.place, *storefront);
      std::string_view option = item.StringAt("option");
      if (option == "contact-me") listing.option = ListingOption::kContactMe;
      if (option == "free-trial") listing.option = ListingOption::kFreeTrial;
      if (option == "get-it-now") listing.option = ListingOption::kGetItNow;
      if (option == "sell-through-microsoft") listing.option = ListingOption::kSellThroughMicrosoft;
      const JsonNode* test_drive = item.Find("testDrive");
      listing.test_drive = test_drive != nullptr && test_drive->type == JsonType::kBool && test_drive->boolean;
      offer.listings.push_back(std::move(listing));
    }
  }
  if (const JsonNode* leads = offer_node->Find("leads"); leads != nullptr && leads->is_object()) {
    offer.leads.present = true;
    SetKeyPlace(&offer.leads.object_place, *leads);
    offer.leads.destination_place = offer.leads.object_place;
    if (const JsonNode* dest = leads->Find("leadDestination"); dest != nullptr) {
      SetPlace(&offer.leads.destination_place, *dest);
      if (dest->is_string()) {
        offer.leads.written = dest->text;
        offer.leads.destination = CanonicalDestination(dest->text) == dest->text ? dest->text : "";
      }
    }
    LeadView view;
    view.view = *leads;
    // The leadlint format follows the newest customer-leads rules (docs/formats.md).
    view.version = std::string(NewestKnownVersion("customer-leads"));
    view.written_destination = std::string(leads->StringAt("leadDestination"));
    view.offer_index = doc->offers.size();
    doc->leads.push_back(std::move(view));
  } else {
    SetKeyPlace(&offer.leads.object_place, *offer_node);
    offer.leads.destination_place = offer.leads.object_place;
  }
  doc->offers.push_back(std::move(offer));
}

// --- Product Ingestion ---------------------------------------------------------

struct PiResource {
  const JsonNode* node;
  std::string kind;
  std::string version;
  const JsonNode* parent_product;  // when nested under product.resources
};

bool IsContainerKind(std::string_view kind) { return kind == "configure" || kind == "resource-tree"; }

// The kinds whose content leadlint reads: a newer version of one of them is
// read with the newest known rules, and said so.
bool IsReadKind(std::string_view kind) {
  return IsContainerKind(kind) || kind == "product" || kind == "customer-leads" || kind == "test-drive" ||
         kind == "commercial-marketplace-setup";
}

// Notes what the `$schema` of one object says about how it is read.
void NoteSchema(const JsonNode& node, const PiSchema& schema, ManifestDoc* doc) {
  const JsonNode* value = node.Find("$schema");
  if (value == nullptr) return;
  if (!schema.known_host) doc->unknown_hosts.push_back(value);
  if (IsReadKind(schema.kind)) {
    std::string_view newest = NewestKnownVersion(schema.kind);
    if (CompareSchemaVersions(schema.version, newest) > 0) {
      doc->newer_versions.push_back({value, schema.kind, schema.version, std::string(newest)});
    }
  }
}

void CollectPiResources(const JsonNode& node, const JsonNode* parent_product, std::vector<PiResource>* out,
                        ManifestDoc* doc, int depth) {
  if (depth > 8 || !node.is_object()) return;
  std::optional<PiSchema> schema = ParsePiSchema(node.StringAt("$schema"));
  std::string kind = schema ? schema->kind : "";
  if (schema) NoteSchema(node, *schema, doc);
  if (!kind.empty() && !IsContainerKind(kind)) {
    // A version newer than any known is read with the newest known rules.
    std::string version = schema->version;
    if (CompareSchemaVersions(version, NewestKnownVersion(kind)) > 0) version = std::string(NewestKnownVersion(kind));
    out->push_back({&node, kind, version, parent_product});
  }
  const JsonNode* self_product = kind == "product" ? &node : parent_product;
  if (const JsonNode* resources = node.Find("resources"); resources != nullptr && resources->is_array()) {
    for (const JsonNode& child : resources->children) CollectPiResources(child, self_product, out, doc, depth + 1);
  }
  if (IsContainerKind(kind) || kind.empty()) {
    if (const JsonNode* product = node.Find("product"); product != nullptr && product->is_object()) {
      CollectPiResources(*product, nullptr, out, doc, depth + 1);
    }
  }
}

// A member of `object` whose key equals `accepted` ignoring case; a spelling
// other than `accepted` is recorded, since the service rejects it.
const JsonNode* FindKeyAnyCase(const JsonNode& object, std::string_view accepted, ManifestDoc* doc) {
  if (const JsonNode* exact = object.Find(accepted); exact != nullptr) return exact;
  if (!object.is_object()) return nullptr;
  for (const JsonNode& member : object.children) {
    if (member.key.size() == accepted.size() && Lower(member.key) == Lower(accepted)) {
      doc->key_spellings.push_back({&member, std::string(accepted)});
      return &member;
    }
  }
  return nullptr;
}

std::string_view StringOf(const JsonNode* node) { return node != nullptr && node->is_string() ? std::string_view(node->text) : ""; }

std::vector<std::string> ProductKeys(const JsonNode& product, ManifestDoc* doc) {
  std::vector<std::string> keys;
  if (std::string_view id = product.StringAt("id"); !id.empty()) keys.emplace_back(id);
  if (std::string_view name = StringOf(FindKeyAnyCase(product, "resourceName", doc)); !name.empty()) {
    keys.emplace_back("resourceName:" + std::string(name));
  }
  if (const JsonNode* identity = product.Find("identity"); identity != nullptr && identity->is_object()) {
    if (std::string_view ext = StringOf(FindKeyAnyCase(*identity, "externalId", doc)); !ext.empty()) {
      keys.emplace_back("externalId:" + std::string(ext));
    }
  }
  if (std::string_view ext = StringOf(FindKeyAnyCase(product, "externalId", doc)); !ext.empty()) {
    keys.emplace_back("externalId:" + std::string(ext));
  }
  return keys;
}

// The keys a `product` reference can match: "product/<guid>", {"externalId": ..},
// {"resourceName": ..} or {"durableId": ..}. Another case of those keys
// ("externalID", as Microsoft's own samples write) is recorded and still read.
std::vector<std::string> ReferenceKeys(const JsonNode& ref, ManifestDoc* doc) {
  std::vector<std::string> keys;
  if (ref.is_string()) {
    if (!ref.text.empty()) keys.push_back(ref.text);
  } else if (ref.is_object()) {
    if (std::string_view v = StringOf(FindKeyAnyCase(ref, "durableId", doc)); !v.empty()) keys.emplace_back(v);
    if (std::string_view v = StringOf(FindKeyAnyCase(ref, "externalId", doc)); !v.empty()) {
      keys.emplace_back("externalId:" + std::string(v));
    }
    if (std::string_view v = StringOf(FindKeyAnyCase(ref, "resourceName", doc)); !v.empty()) {
      keys.emplace_back("resourceName:" + std::string(v));
    }
  }
  return keys;
}

// A `callToAction` of commercial-marketplace-setup. Its values are not in a
// public schema; the portal's three listing options are matched ignoring case
// and separators ("contactMe", "Contact me", "contact-me").
ListingOption ParseCallToAction(std::string_view written) {
  std::string squeezed;
  for (char c : written) {
    if (std::isalnum(static_cast<unsigned char>(c))) squeezed += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (squeezed == "contactme") return ListingOption::kContactMe;
  if (squeezed == "freetrial") return ListingOption::kFreeTrial;
  if (squeezed == "getitnow" || squeezed == "getitnowfree" || squeezed == "free") return ListingOption::kGetItNow;
  return ListingOption::kUnknown;
}

bool Matches(const std::vector<std::string>& a, const std::vector<PooledString>& b) {
  for (const std::string& x : a) {
    if (std::find(b.begin(), b.end(), x) != b.end()) return true;
  }
  return false;
}

void AddPiListings(Offer* offer) {
  bool marketplace = false;
  bool appsource = false;
  bool assumed = false;
  switch (offer->type) {
    case OfferType::kAzureApplication:
    case OfferType::kAzureContainer:
    case OfferType::kAzureVirtualMachine:
    case OfferType::kContainerApp:
    case OfferType::kCoreVirtualMachine:
    case OfferType::kIotEdgeModule:
    case OfferType::kManagedService:
      marketplace = true;
      break;
    case OfferType::kDynamics365BusinessCentral:
    case OfferType::kDynamics365ForCustomerEngagement:
    case OfferType::kDynamics365ForOperations:
    case OfferType::kOfficeApp:
    case OfferType::kPowerBiApp:
    case OfferType::kPowerBiVisual:
      appsource = true;
      break;
    case OfferType::kSoftwareAsAService:
    case OfferType::kConsultingService:
      marketplace = appsource = assumed = true;
      break;
    case OfferType::kCosellOnly:
    case OfferType::kUnknown:
      break;
  }
  auto add = [&](Storefront s) {
    Listing listing;
    listing.storefront = s;
    listing.assumed = assumed;
    listing.place = offer->type_place;
    offer->listings.push_back(listing);
  };
  if (marketplace) add(Storefront::kAzureMarketplace);
  if (appsource) add(Storefront::kAppSource);
}

}  // namespace

void ApplySetup(const ForeignSetup& setup, Offer* offer) {
  if (setup.sell_through) offer->sell_through = setup.sell_through;
  if (!setup.call_to_action_written.empty()) {
    offer->call_to_action = setup.call_to_action;
    offer->call_to_action_written = setup.call_to_action_written;
  }
}

namespace {

void NormalizeProductIngestion(const JsonNode& root, ManifestDoc* doc, const std::string& path) {
  doc->format = ManifestFormat::kProductIngestion;
  std::vector<PiResource> resources;
  CollectPiResources(root, nullptr, &resources, doc, 0);

  // One offer per product in the document.
  std::vector<const JsonNode*> products;
  for (const PiResource& r : resources) {
    if (r.kind != "product") continue;
    Offer offer;
    offer.path = path;
    offer.format = ManifestFormat::kProductIngestion;
    std::vector<std::string> keys = ProductKeys(*r.node, doc);
    for (const std::string& key : keys) offer.product_keys.emplace_back(key);
    for (const std::string& key : keys) {
      if (key.rfind("externalId:", 0) == 0 && offer.name.empty()) offer.name = key.substr(11);
    }
    if (offer.name.empty()) offer.name = r.node->StringAt("alias");
    if (offer.name.empty()) offer.name = r.node->StringAt("id");
    SetPlace(&offer.type_place, *r.node);
    if (const JsonNode* type = r.node->Find("type"); type != nullptr) {
      SetPlace(&offer.type_place, *type);
      if (type->is_string()) {
        offer.type_written = type->text;
        offer.type = ParseOfferTypeId(type->text);
      }
    }
    offer.is_product_only = true;
    // A configure document states a test drive with a test-drive resource (here
    // or in another file of the run); without one, there is no test drive.
    offer.test_drive = false;
    offer.leads.object_place = offer.type_place;
    offer.leads.destination_place = offer.type_place;
    AddPiListings(&offer);
    products.push_back(r.node);
    doc->offers.push_back(std::move(offer));
  }

  auto product_index_for = [&](const PiResource& r, std::vector<std::string>* ref_keys,
                               const JsonNode** ref_node) -> int {
    if (r.parent_product != nullptr) {
      for (size_t i = 0; i < products.size(); ++i) {
        if (products[i] == r.parent_product) return static_cast<int>(i);
      }
    }
    if (const JsonNode* ref = r.node->Find("product"); ref != nullptr) {
      *ref_node = ref;
      *ref_keys = ReferenceKeys(*ref, doc);
      for (size_t i = 0; i < doc->offers.size() && i < products.size(); ++i) {
        if (Matches(*ref_keys, doc->offers[i].product_keys)) return static_cast<int>(i);
      }
    } else if (products.size() == 1) {
      return 0;  // a document about one product
    }
    return -1;
  };

  for (const PiResource& r : resources) {
    if (r.kind == "commercial-marketplace-setup") {
      std::vector<std::string> keys;
      const JsonNode* ref = nullptr;
      int index = product_index_for(r, &keys, &ref);
      ForeignSetup setup;
      setup.keys = keys;
      if (const JsonNode* sell = r.node->Find("sellThroughMicrosoft"); sell != nullptr && sell->type == JsonType::kBool) {
        setup.sell_through = sell->boolean;
      }
      if (const JsonNode* cta = r.node->Find("callToAction"); cta != nullptr && cta->is_string()) {
        setup.call_to_action = ParseCallToAction(cta->text);
        setup.call_to_action_written = cta->text;
      }
      if (index >= 0) {
        ApplySetup(setup, &doc->offers[static_cast<size_t>(index)]);
      } else if (!keys.empty()) {
        doc->foreign_setups.push_back(std::move(setup));
      }
      continue;
    }
    if (r.kind == "test-drive") {
      std::vector<std::string> keys;
      const JsonNode* ref = nullptr;
      int index = product_index_for(r, &keys, &ref);
      const JsonNode* enabled = r.node->Find("enabled");
      bool on = enabled != nullptr && enabled->type == JsonType::kBool && enabled->boolean;
      if (index >= 0) {
        doc->offers[static_cast<size_t>(index)].test_drive = on;
      } else if (!keys.empty()) {
        doc->foreign_test_drives.emplace_back(keys, on);
      }
      continue;
    }
    if (r.kind != "customer-leads") continue;
    std::vector<std::string> keys;
    const JsonNode* ref = nullptr;
    int index = product_index_for(r, &keys, &ref);
    Offer* offer;
    if (index >= 0) {
      offer = &doc->offers[static_cast<size_t>(index)];
    } else {
      Offer orphan;
      orphan.path = path;
      orphan.format = ManifestFormat::kProductIngestion;
      SetPlace(&orphan.type_place, *r.node);
      orphan.orphan = ref != nullptr;
      if (ref != nullptr) {
        SetPlace(&orphan.product_ref_place, *ref);
        // A reference with no key leadlint can read stays unresolved; the
        // engine describes it instead of printing a placeholder.
        if (!keys.empty()) orphan.unresolved_product_ref = keys.front();
        orphan.name = orphan.unresolved_product_ref;
        orphan.product_keys.assign(keys.begin(), keys.end());
      }
      doc->offers.push_back(std::move(orphan));
      offer = &doc->offers.back();
      index = static_cast<int>(doc->offers.size()) - 1;
    }
    if (offer->leads.present) doc->duplicate_leads.emplace_back(offer->leads.object_place.offset, r.node->offset);
    offer->is_product_only = false;
    offer->leads.present = true;
    SetPlace(&offer->leads.object_place, *r.node);
    offer->leads.destination_place = offer->leads.object_place;
    if (const JsonNode* dest = r.node->Find("leadDestination"); dest != nullptr) {
      SetPlace(&offer->leads.destination_place, *dest);
      if (dest->is_string()) {
        offer->leads.written = dest->text;
        offer->leads.destination = CanonicalDestination(dest->text) == dest->text ? dest->text : "";
      }
    }
    LeadView view;
    view.view.type = JsonType::kObject;
    view.view.offset = r.node->offset;
    view.view.length = r.node->length;
    for (const JsonNode& member : r.node->children) {
      if (member.key == "$schema" || member.key == "id" || member.key == "product" || member.key == "resourceName" ||
          member.key == "validations") {
        continue;
      }
      view.view.children.push_back(member);
    }
    view.version = r.version;
    view.missing_product = r.parent_product == nullptr && r.node->Find("product") == nullptr;
    view.written_destination = std::string(r.node->StringAt("leadDestination"));
    view.offer_index = static_cast<size_t>(index);
    doc->leads.push_back(std::move(view));
  }
}

// --- legacy Cloud Partner Portal -----------------------------------------------

struct Rename {
  std::string_view from;
  std::string_view to;
};

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
  if (l == "microsoft-azure-solutiontemplates" || l == "microsoft-azure-applications") return OfferType::kAzureApplication;
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

}  // namespace

std::string CppDestination(std::string_view written) {
  static const Rename kSpellings[] = {
      {"none", "none"},         {"azuretable", "table"}, {"azureblob", "blob"},        {"dynamics", "dynamics"},
      {"httpsendpoint", "httpsEndpoint"}, {"marketo", "marketo"}, {"salesforce", "salesforce"},
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

std::string CanonicalDestination(std::string_view written) {
  static const Rename kSpellings[] = {
      {"none", "none"}, {"table", "table"}, {"azuretable", "table"}, {"blob", "blob"},
      {"azureblob", "blob"}, {"dynamics", "dynamics"}, {"crm", "dynamics"},
      {"httpsendpoint", "httpsEndpoint"}, {"marketo", "marketo"}, {"salesforce", "salesforce"},
      {"email", "email"},
  };
  std::string l = Lower(written);
  for (const Rename& s : kSpellings) {
    if (l == s.from) return std::string(s.to);
  }
  return "";
}

const std::vector<std::string_view>& KnownPiHosts() {
  static const std::vector<std::string_view> hosts = {"schema.mp.microsoft.com", "product-ingestion.azureedge.net"};
  return hosts;
}

namespace {

bool IsKindChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// "2022-03-01" at the start of a version.
bool StartsWithDate(std::string_view v) {
  if (v.size() < 10) return false;
  for (size_t i = 0; i < 10; ++i) {
    if (i == 4 || i == 7) {
      if (v[i] != '-') return false;
    } else if (!IsDigit(v[i])) {
      return false;
    }
  }
  return true;
}

// A version's sort key: its date, then its preview number (a release without
// "-previewN" sorts after every preview of its date), then the rest as text.
struct VersionKey {
  std::string date;
  long preview = 0;
  std::string rest;
};

VersionKey KeyOf(std::string_view v) {
  VersionKey key;
  if (!StartsWithDate(v)) {
    key.rest = std::string(v);
    return key;
  }
  key.date = std::string(v.substr(0, 10));
  std::string_view tail = v.substr(10);
  constexpr std::string_view kPreview = "-preview";
  if (tail.substr(0, kPreview.size()) == kPreview) {
    size_t i = kPreview.size();
    long n = 0;
    while (i < tail.size() && IsDigit(tail[i]) && n < 1000000) n = n * 10 + (tail[i++] - '0');
    key.preview = n;
    key.rest = std::string(tail.substr(i));
  } else {
    key.preview = 1000000;  // a release follows its previews
    key.rest = std::string(tail);
  }
  return key;
}

}  // namespace

int CompareSchemaVersions(std::string_view a, std::string_view b) {
  VersionKey ka = KeyOf(a);
  VersionKey kb = KeyOf(b);
  if (ka.date != kb.date) return ka.date < kb.date ? -1 : 1;
  if (ka.preview != kb.preview) return ka.preview < kb.preview ? -1 : 1;
  if (ka.rest != kb.rest) return ka.rest < kb.rest ? -1 : 1;
  return 0;
}

std::string_view NewestKnownVersion(std::string_view kind) {
  // customer-leads is at preview3 in 2026 exports; other resources reached
  // 2026-04-01-preview1 (DESIGN §1d).
  if (kind == "customer-leads") return "2022-03-01-preview3";
  return "2026-04-01-preview1";
}

std::optional<PiSchema> ParsePiSchema(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return std::nullopt;
  std::string_view scheme_name = url.substr(0, scheme);
  if (scheme_name != "https" && scheme_name != "http") return std::nullopt;
  std::string_view rest = url.substr(scheme + 3);
  size_t slash = rest.find('/');
  if (slash == std::string_view::npos || slash == 0) return std::nullopt;
  PiSchema out;
  out.host = Lower(rest.substr(0, slash));
  std::string_view path = rest.substr(slash);
  constexpr std::string_view kSchemaPath = "/schema/";
  if (path.substr(0, kSchemaPath.size()) != kSchemaPath) return std::nullopt;
  path.remove_prefix(kSchemaPath.size());
  size_t kind_end = path.find('/');
  if (kind_end == std::string_view::npos || kind_end == 0) return std::nullopt;
  std::string_view kind = path.substr(0, kind_end);
  for (char c : kind) {
    if (!IsKindChar(c)) return std::nullopt;
  }
  std::string_view version = path.substr(kind_end + 1);
  while (!version.empty() && (version.back() == '/' || version.back() == '#')) version.remove_suffix(1);
  if (version.empty() || version.find('/') != std::string_view::npos) return std::nullopt;
  for (std::string_view host : KnownPiHosts()) out.known_host = out.known_host || out.host == host;
  if (!out.known_host && !StartsWithDate(version)) return std::nullopt;
  out.kind = std::string(kind);
  out.version = std::string(version);
  return out;
}

bool MayBeProductIngestion(std::string_view text) {
  // Any `$schema` with the path shape; `\u` escapes may spell it differently.
  return text.find("/schema/") != std::string_view::npos || text.find("\\u") != std::string_view::npos ||
         text.find("\\/") != std::string_view::npos;
}

std::string SchemaKindOf(std::string_view url) {
  std::optional<PiSchema> schema = ParsePiSchema(url);
  return schema ? schema->kind : "";
}

std::string SchemaVersionOf(std::string_view url) {
  std::optional<PiSchema> schema = ParsePiSchema(url);
  return schema ? schema->version : "";
}

std::string MarketplaceLookalikeReason(const JsonNode& root) {
  if (!root.is_object()) return "";
  auto on_marketplace_host = [](std::string_view url) {
    std::string l = Lower(url);
    for (std::string_view host : KnownPiHosts()) {
      if (l.find(host) != std::string::npos) return true;
    }
    return l.find("/schema/") != std::string::npos;
  };
  if (std::string_view schema = root.StringAt("$schema"); !schema.empty() && on_marketplace_host(schema)) {
    return "its $schema '" + std::string(schema) + "' is on a marketplace schema host or has a schema path";
  }
  if (const JsonNode* resources = root.Find("resources"); resources != nullptr && resources->is_array()) {
    for (const JsonNode& r : resources->children) {
      if (r.is_object() && !r.StringAt("$schema").empty()) {
        return "it has a 'resources' array of objects with a $schema";
      }
    }
  }
  if (const JsonNode* definition = root.Find("definition"); definition != nullptr && definition->Find("offer") != nullptr) {
    return "it has a 'definition.offer' object like a Cloud Partner Portal offer";
  }
  return "";
}

ManifestDoc NormalizeManifest(const std::string& path, const JsonNode& root) {
  ManifestDoc doc;
  doc.root = &root;
  if (!root.is_object()) return doc;
  std::string_view schema = root.StringAt("$schema");
  const bool v1_schema = schema.find(kV1Schema) != std::string_view::npos ||
                         (schema.size() >= 23 && schema.substr(schema.size() - 23) == "manifest-v1.schema.json");
  if (v1_schema) {
    NormalizeV1(root, &doc, path);
  } else if (ParsePiSchema(schema)) {
    NormalizeProductIngestion(root, &doc, path);
  } else if (IsCppDocument(root)) {
    NormalizeCpp(root, &doc, path);
  } else if (const JsonNode* resources = root.Find("resources"); resources != nullptr && resources->is_array()) {
    bool any = false;
    for (const JsonNode& r : resources->children) {
      if (r.is_object() && ParsePiSchema(r.StringAt("$schema"))) any = true;
    }
    if (any) NormalizeProductIngestion(root, &doc, path);
  } else if (const JsonNode* offer = root.Find("offer");
             schema.empty() && offer != nullptr && offer->is_object() && offer->Find("leads") != nullptr) {
    NormalizeV1(root, &doc, path);
  }
  if (doc.format) CollectSecrets(root, &doc);
  return doc;
}

}  // namespace leadlint
