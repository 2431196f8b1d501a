// Storefront rules and dated profiles: whether an offer's leads must reach a CRM.
//
// The evaluation is three-valued: a fact the input does not state (does this
// SaaS offer list as Contact me? is a test drive on?) makes the outcome unknown
// only when it would change the answer; then leads-undetermined names the fact
// instead of guessing.
#include "rules/profile.h"

namespace leadlint {

const std::vector<Profile>& AllProfiles() {
  static const std::vector<Profile> profiles = {
      {ProfileId::kCloudPartnerPortal2018, "cloud-partner-portal-2018"},
      {ProfileId::kPartnerCenter2020, "partner-center-2020"},
      {ProfileId::kPartnerCenter2022, "partner-center-2022"},
      {ProfileId::kPartnerCenter2025, "partner-center-2025"},
  };
  return profiles;
}

bool FindProfile(std::string_view name, Profile* out) {
  for (const Profile& p : AllProfiles()) {
    if (p.name == name) {
      *out = p;
      return true;
    }
  }
  return false;
}

StorefrontRules BuiltInStorefrontRules() {
  StorefrontRules rules;
  rules.appsource.listing = {"app", "consulting-services"};
  rules.appsource.leads = {"your-crm", "microsoft-field-seller-crm"};
  rules.azure_marketplace.listing = {"offer", "technology"};
  rules.azure_marketplace.leads = {"azure-marketplace", "microsoft-field-seller-crm"};
  return rules;
}

bool IsCrmDestination(std::string_view d) {
  return d == "table" || d == "dynamics" || d == "httpsEndpoint" || d == "marketo" || d == "salesforce";
}

std::string ListingKind(OfferType type, Storefront storefront, ListingOption option) {
  if (storefront == Storefront::kAppSource) {
    return type == OfferType::kConsultingService ? "consulting-services" : "app";
  }
  if (type == OfferType::kConsultingService) return "technology";
  if (type == OfferType::kSoftwareAsAService && option == ListingOption::kContactMe) return "technology";
  return "offer";
}

bool SoldOn(OfferType type, Storefront storefront) {
  switch (type) {
    case OfferType::kAzureApplication:
    case OfferType::kAzureContainer:
    case OfferType::kAzureVirtualMachine:
    case OfferType::kContainerApp:
    case OfferType::kCoreVirtualMachine:
    case OfferType::kIotEdgeModule:
    case OfferType::kManagedService:
      return storefront == Storefront::kAzureMarketplace;
    case OfferType::kDynamics365BusinessCentral:
    case OfferType::kDynamics365ForCustomerEngagement:
    case OfferType::kDynamics365ForOperations:
    case OfferType::kOfficeApp:
    case OfferType::kPowerBiApp:
    case OfferType::kPowerBiVisual:
      return storefront == Storefront::kAppSource;
    case OfferType::kSoftwareAsAService:
    case OfferType::kConsultingService:
      return true;
    case OfferType::kCosellOnly:
      return false;
    case OfferType::kUnknown:
      return true;
  }
  return true;
}

namespace {

void AddUnique(std::vector<std::string>* list, std::string item) {
  for (const std::string& s : *list) {
    if (s == item) return;
  }
  list->push_back(std::move(item));
}

// Layer 2, by offer type and test drive: conditions that do not depend on the
// storefront.
void AddTypeConditions(const Offer& offer, const Profile& profile, Requirement* r) {
  const std::string profile_name(profile.name);
  const bool p2018 = profile.id == ProfileId::kCloudPartnerPortal2018;
  const bool p2020 = profile.id == ProfileId::kPartnerCenter2020;
  const std::string type_name(OfferTypeName(offer.type));
  if (offer.type == OfferType::kManagedService) {
    AddUnique(&r->reasons, "managed service offers need one (profile " + profile_name + ")");
  }
  if (offer.type == OfferType::kConsultingService && (p2018 || p2020)) {
    AddUnique(&r->reasons, "consulting service offers need one (profile " + profile_name + ")");
  }
  if ((offer.type == OfferType::kDynamics365ForOperations || offer.type == OfferType::kDynamics365BusinessCentral) &&
      p2020) {
    AddUnique(&r->reasons, type_name + "s need one (profile " + profile_name + ")");
  }
  if (!p2018) {
    bool any_known_on = offer.test_drive.value_or(false);
    bool all_known = offer.test_drive.has_value();
    for (const Listing& l : offer.listings) {
      if (l.test_drive.has_value()) {
        all_known = true;
        any_known_on = any_known_on || *l.test_drive;
      }
    }
    if (any_known_on) {
      AddUnique(&r->reasons, "a test drive is enabled (profile " + profile_name + ")");
    } else if (!all_known && offer.type != OfferType::kCosellOnly) {
      AddUnique(&r->unknown_facts, offer.format == ManifestFormat::kProductIngestion
                                       ? "whether a test drive is enabled (no test-drive resource for this product)"
                                       : "whether a test drive is enabled");
    }
  }
}

// Layer 2, for SaaS offers: listed as Contact me, or sold through Microsoft.
void AddSaasConditions(const Offer& offer, const Profile& profile, Requirement* r) {
  const std::string profile_name(profile.name);
  const bool p2022 = profile.id == ProfileId::kPartnerCenter2022;
  const bool p2025 = profile.id == ProfileId::kPartnerCenter2025;
  bool contact_known = false;
  bool contact = false;
  bool transact_known = false;
  bool transact = false;
  for (const Listing& l : offer.listings) {
    if (l.option != ListingOption::kUnknown) {
      contact_known = transact_known = true;
      contact = contact || l.option == ListingOption::kContactMe;
      transact = transact || l.option == ListingOption::kSellThroughMicrosoft;
    }
  }
  // Product Ingestion: the commercial-marketplace-setup resource says whether
  // the offer is sold through Microsoft and, when it is not, its call to action.
  if (offer.sell_through) {
    transact_known = true;
    transact = transact || *offer.sell_through;
    if (*offer.sell_through) {
      contact_known = true;  // a transactable offer is not listed as Contact me
    } else if (offer.call_to_action != ListingOption::kUnknown) {
      contact_known = true;
      contact = contact || offer.call_to_action == ListingOption::kContactMe;
    }
  }
  const bool pi = offer.format == ManifestFormat::kProductIngestion;
  if (contact) AddUnique(&r->reasons, "SaaS offers listed as Contact me need one (profile " + profile_name + ")");
  if (transact && (p2022 || p2025)) {
    AddUnique(&r->reasons, "SaaS offers sold through Microsoft need one (profile " + profile_name + ")");
  }
  if (!transact_known && (p2022 || p2025)) {
    AddUnique(&r->unknown_facts,
              pi ? "whether the SaaS offer is sold through Microsoft (no commercial-marketplace-setup "
                   "resource for this product states 'sellThroughMicrosoft')"
                 : "whether the SaaS offer is sold through Microsoft");
  }
  if (!contact_known && !(transact && (p2022 || p2025))) {
    std::string why;
    if (pi && offer.sell_through && !offer.call_to_action_written.empty()) {
      why = " ('callToAction' '" + offer.call_to_action_written.str() + "' is not one leadlint knows)";
    } else if (pi && offer.sell_through) {
      why = " (its commercial-marketplace-setup states no 'callToAction')";
    }
    AddUnique(&r->unknown_facts, "whether the SaaS offer is listed as Contact me" + why);
  }
}

// Layer 1: storefront rules, per listing.
void AddStorefrontRules(const Offer& offer, const Profile& profile, const StorefrontRules& rules, Requirement* r) {
  const bool p2025 = profile.id == ProfileId::kPartnerCenter2025;
  const std::string type_name(OfferTypeName(offer.type));
  for (const Listing& l : offer.listings) {
    const StorefrontTerms& terms = rules.For(l.storefront);
    if (!SoldOn(offer.type, l.storefront)) continue;  // reported by leads-offer-not-on-storefront
    std::string kind = ListingKind(offer.type, l.storefront, l.option);
    if (offer.type == OfferType::kUnknown) continue;  // reported once, below
    if (terms.listing.count(kind) == 0) continue;     // this listing produces no leads
    if (terms.leads.count("your-crm") != 0 && terms.leads.count("azure-marketplace") == 0) {
      if (p2025) {
        // Today a CRM is optional outside the cases above: the storefront rule
        // is advice, and never on a storefront the input does not state.
        if (!l.assumed) {
          AddUnique(&r->advisories, std::string(StorefrontName(l.storefront)) +
                                        " listings should send leads to your CRM (storefront rule 'your-crm')");
        }
        continue;
      }
      AddUnique(&r->reasons,
                std::string(StorefrontName(l.storefront)) + " listings must send leads to your CRM" +
                    (l.assumed ? " (assumed: the format does not say where a " + type_name + " is listed)" : ""));
    }
  }
  if (offer.type == OfferType::kUnknown) {
    AddUnique(&r->unknown_facts, offer.type_written.empty()
                                     ? "the offer type"
                                     : "the offer type ('" + offer.type_written + "' is not one leadlint knows)");
  }
}

}  // namespace

Requirement EvaluateRequirement(const Offer& offer, const Profile& profile, const StorefrontRules& rules) {
  Requirement r;
  AddTypeConditions(offer, profile, &r);
  if (offer.type == OfferType::kSoftwareAsAService) AddSaasConditions(offer, profile, &r);
  AddStorefrontRules(offer, profile, rules, &r);

  if (!r.reasons.empty()) {
    r.state = Requirement::State::kRequired;
    r.unknown_facts.clear();
    r.advisories.clear();
  } else if (!r.unknown_facts.empty()) {
    r.state = Requirement::State::kUnknown;
  }
  return r;
}

}  // namespace leadlint
