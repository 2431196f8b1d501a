// leads-retired-destination: Azure Blob lead destination, retired since 2019.
#include <string>

#include "rules/rule.h"

namespace leadlint {
namespace {

void CheckLeadsRetiredDestination(const Offer& offer, OfferContext& ctx) {
  if (!offer.leads.present || offer.leads.destination != "blob") return;
  ctx.Report(offer, offer.leads.destination_place,
             std::string("the Azure Blob lead destination was retired in 2019 and no longer receives leads; move to "
                         "Azure Table ('") +
                 (offer.format == ManifestFormat::kCloudPartnerPortal ? "AzureTable" : "table") +
                 "') or another destination");
}

}  // namespace

extern constinit const Rule kLeadsRetiredDestination{
    .id = "leads-retired-destination",
    .severity = Severity::kWarning,
    .summary = "Azure Blob lead destination, retired since 2019",
    .stage = "offer",
    .check = &CheckLeadsRetiredDestination,
};

}  // namespace leadlint
