// leads-undetermined: whether a CRM destination is required depends on a fact the manifest does not
// state.
#include <string>

#include "rules/rule.h"

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

void CheckLeadsUndetermined(const Offer& offer, OfferContext& ctx) {
  if (offer.type == OfferType::kCosellOnly) return;
  if (offer.leads.present && IsCrmDestination(offer.leads.destination)) return;
  if (offer.leads.present && offer.leads.destination.empty()) return;  // invalid: reported elsewhere
  Requirement r = EvaluateRequirement(offer, ctx.profile(), ctx.storefront_rules());
  if (r.state != Requirement::State::kUnknown) return;
  std::string current =
      offer.leads.present ? "'leadDestination' '" + offer.leads.written + "' was" : "the absence of lead settings was";
  ctx.Report(offer, offer.leads.destination_place,
             "whether this offer needs a CRM lead destination depends on " + JoinAnd(r.unknown_facts) +
                 ", which leadlint cannot tell from the input; " + current + " not judged");
}

}  // namespace

extern constinit const Rule kLeadsUndetermined{
    .id = "leads-undetermined",
    .severity = Severity::kNote,
    .summary = "whether a CRM destination is required depends on a fact the manifest does not state",
    .stage = "offer",
    .check = &CheckLeadsUndetermined,
};

}  // namespace leadlint
