// The storefront and profile rules over normalized offers (DESIGN §1a):
// leads-missing-destination, leads-destination-not-allowed,
// leads-retired-destination, leads-offer-not-on-storefront and
// leads-undetermined. They share one evaluation (rules/profile.cc) so that the
// same reasons appear in every message.
#include <string>

#include "rules/checks.h"

namespace leadlint {
namespace {

std::string JoinAnd(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += (i + 1 == items.size()) ? " and on " : ", on ";
    out += items[i];
  }
  return out;
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += "; ";
    out += items[i];
  }
  return out;
}

constexpr std::string_view kCrmList = "'table', 'dynamics', 'httpsEndpoint', 'marketo' or 'salesforce'";

}  // namespace

void CheckLeadsMissingDestination(const Offer& offer, OfferContext& ctx) {
  if (offer.type == OfferType::kCosellOnly) return;
  Requirement r = EvaluateRequirement(offer, ctx.profile(), ctx.storefront_rules());
  if (r.state != Requirement::State::kRequired) return;
  const std::string subject = "this " + std::string(OfferTypeName(offer.type));
  if (!offer.leads.present) {
    std::string where = offer.format == ManifestFormat::kProductIngestion
                            ? "no customer-leads resource for it is in the checked files"
                            : "it has no lead settings";
    ctx.Report("leads-missing-destination", offer, offer.leads.destination_place,
               subject + " needs a CRM lead destination (" + std::string(kCrmList) + ") but " + where + ": " +
                   Join(r.reasons));
    return;
  }
  if (offer.leads.destination == "none") {
    ctx.Report("leads-missing-destination", offer, offer.leads.destination_place,
               "'leadDestination' is '" + offer.leads.written + "' but " + subject + " needs a CRM destination (" +
                   std::string(kCrmList) + "): " + Join(r.reasons));
  }
}

void CheckLeadsDestinationNotAllowed(const Offer& offer, OfferContext& ctx) {
  if (!offer.leads.present) return;
  const std::string& d = offer.leads.destination;
  if (d != "email" && d != "blob") return;
  Requirement r = EvaluateRequirement(offer, ctx.profile(), ctx.storefront_rules());
  if (r.state != Requirement::State::kRequired) return;
  std::string why = d == "email" ? "e-mail notifications are not a CRM" : "Azure Blob is retired and delivers nothing";
  ctx.Report("leads-destination-not-allowed", offer, offer.leads.destination_place,
             "'leadDestination' '" + offer.leads.written + "' does not satisfy the requirement for a CRM destination (" +
                 std::string(kCrmList) + "); " + why + ": " + Join(r.reasons));
}

void CheckLeadsRetiredDestination(const Offer& offer, OfferContext& ctx) {
  if (!offer.leads.present || offer.leads.destination != "blob") return;
  ctx.Report("leads-retired-destination", offer, offer.leads.destination_place,
             std::string("the Azure Blob lead destination was retired in 2019 and no longer receives leads; move to "
                         "Azure Table ('") +
                 (offer.format == ManifestFormat::kCloudPartnerPortal ? "AzureTable" : "table") + "') or another destination");
}

void CheckLeadsOfferNotOnStorefront(const Offer& offer, OfferContext& ctx) {
  if (offer.format != ManifestFormat::kLeadlintV1 || offer.type == OfferType::kUnknown) return;
  for (const Listing& l : offer.listings) {
    if (SoldOn(offer.type, l.storefront)) continue;
    std::string message;
    if (offer.type == OfferType::kCosellOnly) {
      message = "a co-sell only offer has no storefront listing; remove the " + std::string(StorefrontName(l.storefront)) +
                " listing or change the offer type";
    } else {
      Storefront other = l.storefront == Storefront::kAppSource ? Storefront::kAzureMarketplace : Storefront::kAppSource;
      message = OfferTypeWithArticle(offer.type) + " is not sold on " +
                std::string(StorefrontName(l.storefront)) + "; it is listed on " + std::string(StorefrontName(other));
    }
    ctx.Report("leads-offer-not-on-storefront", offer, l.place, message);
  }
}

void CheckLeadsUndetermined(const Offer& offer, OfferContext& ctx) {
  if (offer.type == OfferType::kCosellOnly) return;
  if (offer.leads.present && IsCrmDestination(offer.leads.destination)) return;
  if (offer.leads.present && offer.leads.destination.empty()) return;  // invalid: reported elsewhere
  Requirement r = EvaluateRequirement(offer, ctx.profile(), ctx.storefront_rules());
  if (r.state != Requirement::State::kUnknown) return;
  std::string current = offer.leads.present ? "'leadDestination' '" + offer.leads.written + "' was"
                                            : "the absence of lead settings was";
  ctx.Report("leads-undetermined", offer, offer.leads.destination_place,
             "whether this offer needs a CRM lead destination depends on " + JoinAnd(r.unknown_facts) +
                 ", which leadlint cannot tell from the input; " + current + " not judged");
}

}  // namespace leadlint
