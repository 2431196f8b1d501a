// Declarations of every check function; each is defined in its own file under
// src/rules/<family>/ and listed once in the registry (rules/registry.cc).
#pragma once

#include "rules/doc_rule.h"
#include "rules/rule.h"

namespace leadlint {

void CheckManifestSchema(const ManifestDoc& doc, FileContext& ctx);
void CheckManifestSchemaHost(const ManifestDoc& doc, FileContext& ctx);
void CheckManifestSchemaVersion(const ManifestDoc& doc, FileContext& ctx);
void CheckManifestReferenceKey(const ManifestDoc& doc, FileContext& ctx);
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
void CheckLeadsCrmRecommended(const Offer& offer, OfferContext& ctx);

void CheckDocsFrontMatter(const DocCheckInput& in, DocContext& ctx);
void CheckDocsBrokenLink(const DocCheckInput& in, DocContext& ctx);
void CheckDocsLinkUnverified(const DocCheckInput& in, DocContext& ctx);
void CheckDocsMissingImage(const DocCheckInput& in, DocContext& ctx);
void CheckDocsRuleTable(const DocCheckInput& in, DocContext& ctx);
void CheckDocsUnmappedTerm(const DocCheckInput& in, DocContext& ctx);
void CheckL10nTableShape(const DocCheckInput& in, DocContext& ctx);
void CheckL10nDoNotTranslate(const DocCheckInput& in, DocContext& ctx);
void CheckL10nInconsistentTerm(const DocCheckInput& in, DocContext& ctx);
void CheckL10nAnchorParity(const DocCheckInput& in, DocContext& ctx);
void CheckL10nLinkParity(const DocCheckInput& in, DocContext& ctx);
void CheckL10nStaleTranslation(const DocCheckInput& in, DocContext& ctx);
void CheckL10nSourceUnknown(const DocCheckInput& in, DocContext& ctx);
void CheckL10nVerbatimParity(const DocCheckInput& in, DocContext& ctx);
void CheckL10nMarkupParity(const DocCheckInput& in, DocContext& ctx);

}  // namespace leadlint
