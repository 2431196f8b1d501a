// leads-destination-not-allowed: the lead destination does not deliver leads where the storefront
// or profile requires.
#include <string>

#include "rules/leads/storefront_util.h"
#include "rules/rule.h"

namespace leadlint {
namespace {

using storefront_util::Join;
using storefront_util::kCrmList;

void CheckLeadsDestinationNotAllowed(const Offer& offer, OfferContext& ctx) {
  if (!offer.leads.present) return;
  const std::string_view d = offer.leads.destination;
  if (d != "email" && d != "blob") return;
  Requirement r = EvaluateRequirement(offer, ctx.profile(), ctx.storefront_rules());
  if (r.state != Requirement::State::kRequired) return;
  std::string why = d == "email" ? "e-mail notifications are not a CRM" : "Azure Blob is retired and delivers nothing";
  ctx.Report(offer, offer.leads.destination_place,
             "'leadDestination' '" + offer.leads.written +
                 "' does not satisfy the requirement for a CRM destination (" + std::string(kCrmList) + "); " + why +
                 ": " + Join(r.reasons));
}

}  // namespace

extern constinit const Rule kLeadsDestinationNotAllowed{
    .id = "leads-destination-not-allowed",
    .severity = Severity::kError,
    .summary = "the lead destination does not deliver leads where the storefront or profile requires",
    .stage = "offer",
    .check = &CheckLeadsDestinationNotAllowed,
};

}  // namespace leadlint
