// leads-missing-destination: no lead destination where the storefront rules or the profile require
// a CRM.
#include <string>

#include "rules/leads/storefront_util.h"
#include "rules/rule.h"

namespace leadlint {
namespace {

using storefront_util::Join;
using storefront_util::kCrmList;

void CheckLeadsMissingDestination(const Offer& offer, OfferContext& ctx) {
  if (offer.type == OfferType::kCosellOnly) return;
  Requirement r = EvaluateRequirement(offer, ctx.profile(), ctx.storefront_rules());
  if (r.state != Requirement::State::kRequired) return;
  const std::string subject = "this " + std::string(OfferTypeName(offer.type));
  if (!offer.leads.present) {
    std::string where = offer.format == ManifestFormat::kProductIngestion
                            ? "no customer-leads resource for it is in the checked files"
                            : "it has no lead settings";
    ctx.Report(offer, offer.leads.destination_place,
               subject + " needs a CRM lead destination (" + std::string(kCrmList) + ") but " + where + ": " +
                   Join(r.reasons));
    return;
  }
  if (offer.leads.destination == "none") {
    ctx.Report(offer, offer.leads.destination_place,
               "'leadDestination' is '" + offer.leads.written + "' but " + subject + " needs a CRM destination (" +
                   std::string(kCrmList) + "): " + Join(r.reasons));
  }
}

}  // namespace

extern constinit const Rule kLeadsMissingDestination{
    .id = "leads-missing-destination",
    .severity = Severity::kError,
    .summary = "no lead destination where the storefront rules or the profile require a CRM",
    .stage = "offer",
    .check = &CheckLeadsMissingDestination,
};

}  // namespace leadlint
