// leads-retired-destination: Azure Blob lead destination, retired since 2019.
#include <string>

#include "rules/checks.h"

namespace leadlint {

void CheckLeadsRetiredDestination(const Offer& offer, OfferContext& ctx) {
  if (!offer.leads.present || offer.leads.destination != "blob") return;
  ctx.Report("leads-retired-destination", offer, offer.leads.destination_place,
             std::string("the Azure Blob lead destination was retired in 2019 and no longer receives leads; move to "
                         "Azure Table ('") +
                 (offer.format == ManifestFormat::kCloudPartnerPortal ? "AzureTable" : "table") +
                 "') or another destination");
}

}  // namespace leadlint
