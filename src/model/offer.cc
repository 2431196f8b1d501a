// Names and spellings for the offer model's enumerations.
#include "model/offer.h"

namespace leadlint {
namespace {

struct TypeInfo {
  OfferType type;
  std::string_view id;
  std::string_view name;
};

constexpr TypeInfo kTypes[] = {
    {OfferType::kAzureApplication, "azureApplication", "Azure application"},
    {OfferType::kAzureContainer, "azureContainer", "Azure container"},
    {OfferType::kAzureVirtualMachine, "azureVirtualMachine", "virtual machine"},
    {OfferType::kConsultingService, "consultingService", "consulting service"},
    {OfferType::kContainerApp, "containerApp", "container app"},
    {OfferType::kCoreVirtualMachine, "coreVirtualMachine", "core virtual machine"},
    {OfferType::kCosellOnly, "cosellOnly", "co-sell only offer"},
    {OfferType::kDynamics365BusinessCentral, "dynamics365BusinessCentral", "Dynamics 365 Business Central app"},
    {OfferType::kDynamics365ForCustomerEngagement, "dynamics365ForCustomerEngagement",
     "Dynamics 365 Customer Engagement app"},
    {OfferType::kDynamics365ForOperations, "dynamics365ForOperations", "Dynamics 365 Operations app"},
    {OfferType::kIotEdgeModule, "iotEdgeModule", "IoT Edge module"},
    {OfferType::kManagedService, "managedService", "managed service"},
    {OfferType::kOfficeApp, "officeApp", "Office app"},
    {OfferType::kPowerBiApp, "powerBiApp", "Power BI app"},
    {OfferType::kPowerBiVisual, "powerBiVisual", "Power BI visual"},
    {OfferType::kSoftwareAsAService, "softwareAsAService", "SaaS offer"},
};

}  // namespace

std::string_view ManifestFormatName(ManifestFormat format) {
  switch (format) {
    case ManifestFormat::kLeadlintV1:
      return "leadlint-manifest-v1";
    case ManifestFormat::kProductIngestion:
      return "product-ingestion";
    case ManifestFormat::kCloudPartnerPortal:
      return "cloud-partner-portal";
  }
  return "unknown";
}

std::string_view StorefrontName(Storefront storefront) {
  return storefront == Storefront::kAppSource ? "AppSource" : "Azure Marketplace";
}

std::string_view StorefrontId(Storefront storefront) {
  return storefront == Storefront::kAppSource ? "appsource" : "azure-marketplace";
}

std::string_view OfferTypeId(OfferType type) {
  for (const TypeInfo& info : kTypes) {
    if (info.type == type) return info.id;
  }
  return "unknown";
}

std::string_view OfferTypeName(OfferType type) {
  for (const TypeInfo& info : kTypes) {
    if (info.type == type) return info.name;
  }
  return "offer of unknown type";
}

std::string OfferTypeWithArticle(OfferType type) {
  std::string_view name = OfferTypeName(type);
  // "an" before a vowel sound; acronyms read letter by letter are listed.
  bool an = !name.empty() && (std::string_view("aeiouAEIOU").find(name[0]) != std::string_view::npos);
  if (name.rfind("SaaS", 0) == 0) an = false;
  return std::string(an ? "an " : "a ") + std::string(name);
}

OfferType ParseOfferTypeId(std::string_view id) {
  for (const TypeInfo& info : kTypes) {
    if (info.id == id) return info.type;
  }
  return OfferType::kUnknown;
}

std::string_view ListingOptionId(ListingOption option) {
  switch (option) {
    case ListingOption::kContactMe:
      return "contact-me";
    case ListingOption::kFreeTrial:
      return "free-trial";
    case ListingOption::kGetItNow:
      return "get-it-now";
    case ListingOption::kSellThroughMicrosoft:
      return "sell-through-microsoft";
    case ListingOption::kUnknown:
      break;
  }
  return "unknown";
}

}  // namespace leadlint
