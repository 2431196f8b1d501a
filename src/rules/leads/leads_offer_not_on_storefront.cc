// leads-offer-not-on-storefront: an offer listed on a storefront that does not sell its type.
#include <string>

#include "rules/rule.h"

namespace leadlint {
namespace {

void CheckLeadsOfferNotOnStorefront(const Offer& offer, OfferContext& ctx) {
  if (offer.format != ManifestFormat::kLeadlintV1 || offer.type == OfferType::kUnknown) return;
  for (const Listing& l : offer.listings) {
    if (SoldOn(offer.type, l.storefront)) continue;
    std::string message;
    if (offer.type == OfferType::kCosellOnly) {
      message = "a co-sell only offer has no storefront listing; remove the " +
                std::string(StorefrontName(l.storefront)) + " listing or change the offer type";
    } else {
      Storefront other =
          l.storefront == Storefront::kAppSource ? Storefront::kAzureMarketplace : Storefront::kAppSource;
      message = OfferTypeWithArticle(offer.type) + " is not sold on " + std::string(StorefrontName(l.storefront)) +
                "; it is listed on " + std::string(StorefrontName(other));
    }
    ctx.Report(offer, l.place, message);
  }
}

}  // namespace

extern constinit const Rule kLeadsOfferNotOnStorefront{
    .id = "leads-offer-not-on-storefront",
    .severity = Severity::kError,
    .summary = "an offer listed on a storefront that does not sell its type",
    .stage = "offer",
    .check = &CheckLeadsOfferNotOnStorefront,
};

}  // namespace leadlint
