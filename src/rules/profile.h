// The two layers that decide whether a listing needs a CRM lead destination
// (DESIGN §1a): storefront rules (from the docs, or built in from the seed) and
// dated profiles.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "model/offer.h"

namespace leadlint {

enum class ProfileId { kCloudPartnerPortal2018, kPartnerCenter2020, kPartnerCenter2022, kPartnerCenter2025 };

// The default is the newest profile: partner-center-2025 (DESIGN §1d).
struct Profile {
  ProfileId id = ProfileId::kPartnerCenter2025;
  std::string_view name = "partner-center-2025";
};

const std::vector<Profile>& AllProfiles();
// Returns false for an unknown name.
bool FindProfile(std::string_view name, Profile* out);

// Canonical terms of the Listing and Leads tables for one storefront.
struct StorefrontTerms {
  std::set<std::string> listing;  // app, consulting-services / offer, technology
  std::set<std::string> leads;    // your-crm, azure-marketplace, microsoft-field-seller-crm
};

struct StorefrontRules {
  StorefrontTerms appsource;
  StorefrontTerms azure_marketplace;
  std::string source = "built-in (seed)";
  const StorefrontTerms& For(Storefront s) const { return s == Storefront::kAppSource ? appsource : azure_marketplace; }
};

// The seed's four tables, as canonical terms.
StorefrontRules BuiltInStorefrontRules();

// Destinations that deliver leads to the publisher's CRM.
bool IsCrmDestination(std::string_view destination);

// The listing kind of an offer type on a storefront ("app", "technology", ...).
std::string ListingKind(OfferType type, Storefront storefront, ListingOption option);

// Whether an offer type is sold on a storefront at all.
bool SoldOn(OfferType type, Storefront storefront);

// A reason a listing needs a CRM destination, or a fact that would decide it.
struct Requirement {
  enum class State { kRequired, kNotRequired, kUnknown } state = State::kNotRequired;
  std::vector<std::string> reasons;  // why it is required
  // Storefront rules that ask for a CRM the profile does not require
  // (partner-center-2025): a warning, since leads still reach the Referrals
  // workspace. Empty when a CRM is required.
  std::vector<std::string> advisories;
  std::vector<std::string> unknown_facts;  // what would decide it
};

// Evaluates both layers for one offer (all its listings).
Requirement EvaluateRequirement(const Offer& offer, const Profile& profile, const StorefrontRules& rules);

}  // namespace leadlint
