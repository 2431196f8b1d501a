// leads-crm-recommended: under profile partner-center-2025 a CRM destination is
// required only for managed services, enabled test drives and SaaS offers sold
// through Microsoft or listed as Contact me (DESIGN §1d). For other listings on
// a storefront whose docs say "your CRM" (AppSource), the rule still holds as
// advice: without a CRM the leads only reach Partner Center's Referrals
// workspace. A warning, never an error: the service accepts the offer.
#include <string>

#include "rules/leads/storefront_util.h"
#include "rules/rule.h"

namespace leadlint {
namespace {

void CheckLeadsCrmRecommended(const Offer& offer, OfferContext& ctx) {
  if (offer.type == OfferType::kCosellOnly) return;
  if (offer.leads.present && (offer.leads.destination.empty() || IsCrmDestination(offer.leads.destination))) return;
  Requirement r = EvaluateRequirement(offer, ctx.profile(), ctx.storefront_rules());
  if (r.state == Requirement::State::kRequired || r.advisories.empty()) return;
  const std::string subject = "this " + std::string(OfferTypeName(offer.type));
  std::string has = offer.leads.present ? "'leadDestination' is '" + offer.leads.written.str() + "'"
                                        : subject + " has no lead settings";
  ctx.Report(offer, offer.leads.destination_place,
             has + ": " + storefront_util::Join(r.advisories) + "; without a CRM destination (" +
                 std::string(storefront_util::kCrmList) +
                 ") its leads only reach the Referrals workspace in Partner Center (profile " +
                 std::string(ctx.profile().name) + " does not require one)");
}

}  // namespace

extern constinit const Rule kLeadsCrmRecommended{
    .id = "leads-crm-recommended",
    .severity = Severity::kWarning,
    .summary =
        "a storefront rule asks for a CRM that the profile does not require: leads only reach the Referrals workspace",
    .stage = "offer",
    .check = &CheckLeadsCrmRecommended,
};

}  // namespace leadlint
