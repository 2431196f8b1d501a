// Declarations of every check function; each is defined in its own file under
// src/rules/<family>/ and listed once in the registry (rules/registry.cc).
#pragma once

#include "rules/rule.h"

namespace leadlint {

void CheckManifestSchema(const ManifestDoc& doc, FileContext& ctx);
void CheckLeadsInvalidField(const ManifestDoc& doc, FileContext& ctx);
void CheckLeadsIgnoredField(const ManifestDoc& doc, FileContext& ctx);
void CheckLeadsPlaintextSecret(const ManifestDoc& doc, FileContext& ctx);
void CheckLeadsOffice365Renewal(const ManifestDoc& doc, FileContext& ctx);
void CheckLeadsDynamicsInstanceUrl(const ManifestDoc& doc, FileContext& ctx);

void CheckLeadsMissingDestination(const Offer& offer, OfferContext& ctx);
void CheckLeadsDestinationNotAllowed(const Offer& offer, OfferContext& ctx);
void CheckLeadsRetiredDestination(const Offer& offer, OfferContext& ctx);
void CheckLeadsOfferNotOnStorefront(const Offer& offer, OfferContext& ctx);
void CheckLeadsUndetermined(const Offer& offer, OfferContext& ctx);

}  // namespace leadlint
