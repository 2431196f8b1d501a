// Product Ingestion documents (configure and resource-tree containers, or one
// resource): one offer per product, the lead settings of each customer-leads
// resource, and what test-drive and commercial-marketplace-setup resources state.
#include <algorithm>

#include "base/string_pool.h"
#include "model/normalize.h"

namespace leadlint {
namespace manifest_detail {
namespace {

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

std::string_view StringOf(const JsonNode* node) {
  return node != nullptr && node->is_string() ? std::string_view(node->text) : "";
}

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
    if (std::isalnum(static_cast<unsigned char>(c)))
      squeezed += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
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

}  // namespace

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

}  // namespace manifest_detail

void ApplySetup(const ForeignSetup& setup, Offer* offer) {
  if (setup.sell_through) offer->sell_through = setup.sell_through;
  if (!setup.call_to_action_written.empty()) {
    offer->call_to_action = setup.call_to_action;
    offer->call_to_action_written = setup.call_to_action_written;
  }
}

namespace manifest_detail {
namespace {

// One offer per product resource of the document; returns the product nodes in
// the order of their offers.
std::vector<const JsonNode*> AddProductOffers(const std::vector<PiResource>& resources, ManifestDoc* doc,
                                              const std::string& path) {
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
  return products;
}

// The product a resource belongs to, and the reference it names.
struct ProductRef {
  int index = -1;                  // offer of this document, or -1
  std::vector<std::string> keys;   // the reference's keys (when it has a `product`)
  const JsonNode* node = nullptr;  // the `product` member
};

ProductRef FindProduct(const PiResource& r, const std::vector<const JsonNode*>& products, ManifestDoc* doc) {
  ProductRef ref;
  if (r.parent_product != nullptr) {
    for (size_t i = 0; i < products.size(); ++i) {
      if (products[i] == r.parent_product) {
        ref.index = static_cast<int>(i);
        return ref;
      }
    }
  }
  if (const JsonNode* node = r.node->Find("product"); node != nullptr) {
    ref.node = node;
    ref.keys = ReferenceKeys(*node, doc);
    for (size_t i = 0; i < doc->offers.size() && i < products.size(); ++i) {
      if (Matches(ref.keys, doc->offers[i].product_keys)) {
        ref.index = static_cast<int>(i);
        return ref;
      }
    }
  } else if (products.size() == 1) {
    ref.index = 0;  // a document about one product
  }
  return ref;
}

void ReadSetup(const PiResource& r, const ProductRef& ref, ManifestDoc* doc) {
  ForeignSetup setup;
  setup.keys = ref.keys;
  if (const JsonNode* sell = r.node->Find("sellThroughMicrosoft"); sell != nullptr && sell->type == JsonType::kBool) {
    setup.sell_through = sell->boolean;
  }
  if (const JsonNode* cta = r.node->Find("callToAction"); cta != nullptr && cta->is_string()) {
    setup.call_to_action = ParseCallToAction(cta->text);
    setup.call_to_action_written = cta->text;
  }
  if (ref.index >= 0) {
    ApplySetup(setup, &doc->offers[static_cast<size_t>(ref.index)]);
  } else if (!ref.keys.empty()) {
    doc->foreign_setups.push_back(std::move(setup));
  }
}

void ReadTestDrive(const PiResource& r, const ProductRef& ref, ManifestDoc* doc) {
  const JsonNode* enabled = r.node->Find("enabled");
  bool on = enabled != nullptr && enabled->type == JsonType::kBool && enabled->boolean;
  if (ref.index >= 0) {
    doc->offers[static_cast<size_t>(ref.index)].test_drive = on;
  } else if (!ref.keys.empty()) {
    doc->foreign_test_drives.emplace_back(ref.keys, on);
  }
}

// An offer for customer-leads whose product is not in this document.
Offer OrphanOffer(const PiResource& r, const ProductRef& ref, const std::string& path) {
  Offer orphan;
  orphan.path = path;
  orphan.format = ManifestFormat::kProductIngestion;
  SetPlace(&orphan.type_place, *r.node);
  orphan.orphan = ref.node != nullptr;
  if (ref.node != nullptr) {
    SetPlace(&orphan.product_ref_place, *ref.node);
    // A reference with no key leadlint can read stays unresolved; the
    // engine describes it instead of printing a placeholder.
    if (!ref.keys.empty()) orphan.unresolved_product_ref = ref.keys.front();
    orphan.name = orphan.unresolved_product_ref;
    orphan.product_keys.assign(ref.keys.begin(), ref.keys.end());
  }
  return orphan;
}

// The lead settings of a customer-leads resource, without its identity members.
LeadView LeadViewOf(const PiResource& r, size_t offer_index) {
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
  view.offer_index = offer_index;
  return view;
}

void ReadCustomerLeads(const PiResource& r, const ProductRef& ref, ManifestDoc* doc, const std::string& path) {
  int index = ref.index;
  if (index < 0) {
    doc->offers.push_back(OrphanOffer(r, ref, path));
    index = static_cast<int>(doc->offers.size()) - 1;
  }
  Offer* offer = &doc->offers[static_cast<size_t>(index)];
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
  doc->leads.push_back(LeadViewOf(r, static_cast<size_t>(index)));
}

}  // namespace

void NormalizeProductIngestion(const JsonNode& root, ManifestDoc* doc, const std::string& path) {
  doc->format = ManifestFormat::kProductIngestion;
  std::vector<PiResource> resources;
  CollectPiResources(root, nullptr, &resources, doc, 0);
  const std::vector<const JsonNode*> products = AddProductOffers(resources, doc, path);
  for (const PiResource& r : resources) {
    if (r.kind == "commercial-marketplace-setup") {
      ReadSetup(r, FindProduct(r, products, doc), doc);
    } else if (r.kind == "test-drive") {
      ReadTestDrive(r, FindProduct(r, products, doc), doc);
    } else if (r.kind == "customer-leads") {
      ReadCustomerLeads(r, FindProduct(r, products, doc), doc, path);
    }
  }
}

}  // namespace manifest_detail
}  // namespace leadlint
