// The one internal model every manifest format normalizes into (DESIGN §2).
//
// An Offer is what the lead rules reason about: its type, its listings (one per
// storefront), whether a test drive is on, and its lead destination. Every value
// keeps the place it came from, so a rule can point at the exact key or value;
// positions are resolved to line:col at normalization, while the file is still
// in memory, so the model outlives the parsed document.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/string_pool.h"

namespace leadlint {

enum class ManifestFormat { kLeadlintV1, kProductIngestion, kCloudPartnerPortal };
std::string_view ManifestFormatName(ManifestFormat format);

enum class Storefront { kAzureMarketplace, kAppSource };
std::string_view StorefrontName(Storefront storefront);  // "Azure Marketplace"
std::string_view StorefrontId(Storefront storefront);    // "azure-marketplace"

enum class OfferType {
  kUnknown,
  kAzureApplication,
  kAzureContainer,
  kAzureVirtualMachine,
  kConsultingService,
  kContainerApp,
  kCoreVirtualMachine,
  kCosellOnly,
  kDynamics365BusinessCentral,
  kDynamics365ForCustomerEngagement,
  kDynamics365ForOperations,
  kIotEdgeModule,
  kManagedService,
  kOfficeApp,
  kPowerBiApp,
  kPowerBiVisual,
  kSoftwareAsAService,
};
// The Product Ingestion spelling ("softwareAsAService"); "unknown" for kUnknown.
std::string_view OfferTypeId(OfferType type);
// Human name ("SaaS offer").
std::string_view OfferTypeName(OfferType type);
// The name with its indefinite article ("an Office app", "a SaaS offer").
std::string OfferTypeWithArticle(OfferType type);
OfferType ParseOfferTypeId(std::string_view id);

enum class ListingOption { kUnknown, kContactMe, kFreeTrial, kGetItNow, kSellThroughMicrosoft };
std::string_view ListingOptionId(ListingOption option);

// A place in a manifest, already resolved.
struct Place {
  size_t offset = 0;
  size_t length = 0;
  int line = 0;
  int column = 0;
  PooledString excerpt;  // the source line, secrets redacted
};

struct Listing {
  Storefront storefront = Storefront::kAzureMarketplace;
  ListingOption option = ListingOption::kUnknown;
  std::optional<bool> test_drive;
  bool assumed = false;  // storefront inferred, not stated (Product Ingestion SaaS)
  Place place;
};

struct LeadSettings {
  bool present = false;      // the document has lead settings at all
  PooledString destination;  // canonical: none, table, blob, dynamics, ... ("" if absent)
  PooledString written;      // as written in the file ("AzureTable", "none")
  Place destination_place;   // the leadDestination value (or the lead object)
  Place object_place;        // the customer-leads resource / leads object
};

struct Offer {
  PooledString path;
  ManifestFormat format = ManifestFormat::kLeadlintV1;
  PooledString name;  // id, externalId or alias, for the report
  OfferType type = OfferType::kUnknown;
  PooledString type_written;  // as written, for messages
  Place type_place;           // the type value, or the offer object
  std::vector<Listing> listings;
  std::optional<bool> test_drive;  // offer-level test drive (Product Ingestion test-drive resource)
  // Product Ingestion `commercial-marketplace-setup`: sold through Microsoft,
  // and the call to action of a listing-only offer.
  std::optional<bool> sell_through;
  ListingOption call_to_action = ListingOption::kUnknown;
  PooledString call_to_action_written;  // as written, when leadlint does not know it
  LeadSettings leads;
  // Product Ingestion only: the product reference of a customer-leads resource
  // whose product is not in the same document; resolved across files.
  PooledString unresolved_product_ref;
  bool orphan = false;  // lead settings whose product is not in this document
  Place product_ref_place;
  // Set when the product was resolved from another file: where it is written.
  PooledString product_path;
  Place product_place;
  // Product Ingestion only: the keys a product can be referred to by.
  std::vector<PooledString> product_keys;
  bool is_product_only = false;  // a product without lead settings in this file
};

}  // namespace leadlint
