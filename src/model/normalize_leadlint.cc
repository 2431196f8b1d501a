// The leadlint manifest v1 (schemas/manifest-v1.schema.json): one `offer`
// object with its listings and lead settings.
#include "model/normalize.h"

namespace leadlint::manifest_detail {

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

}  // namespace leadlint::manifest_detail
