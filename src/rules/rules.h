// Every rule object, one per rule, sorted by id. Each is defined in its own
// file, src/rules/<family>/<id_with_underscores>.cc, as
// `extern constinit const Rule kId{...}` (constant-initialized, and extern so
// that the rule file need not include this header: adding a rule recompiles
// only the files that name rules), and listed once in the registry
// (rules/registry.cc). scripts/new-rule edits both lists.
#pragma once

#include "rules/doc_rule.h"
#include "rules/rule.h"

namespace leadlint {

// BEGIN RULES (sorted; scripts/new-rule inserts here)
extern const Rule kDocsBrokenLink;
extern const Rule kDocsFrontMatter;
extern const Rule kDocsLimit;
extern const Rule kDocsLinkUnverified;
extern const Rule kDocsMissingImage;
extern const Rule kDocsRuleTable;
extern const Rule kDocsUnmappedTerm;
extern const Rule kDocsUnusedSuppression;
extern const Rule kL10nAnchorParity;
extern const Rule kL10nDoNotTranslate;
extern const Rule kL10nInconsistentTerm;
extern const Rule kL10nLinkParity;
extern const Rule kL10nMarkupParity;
extern const Rule kL10nSourceUnknown;
extern const Rule kL10nStaleTranslation;
extern const Rule kL10nTableShape;
extern const Rule kL10nVerbatimParity;
extern const Rule kLeadsCrmRecommended;
extern const Rule kLeadsDestinationNotAllowed;
extern const Rule kLeadsDynamicsInstanceUrl;
extern const Rule kLeadsIgnoredField;
extern const Rule kLeadsInvalidField;
extern const Rule kLeadsMissingDestination;
extern const Rule kLeadsOfferNotOnStorefront;
extern const Rule kLeadsOffice365Renewal;
extern const Rule kLeadsPlaintextSecret;
extern const Rule kLeadsRetiredDestination;
extern const Rule kLeadsUndetermined;
extern const Rule kManifestDuplicateKey;
extern const Rule kManifestDuplicateResource;
extern const Rule kManifestEncoding;
extern const Rule kManifestLimit;
extern const Rule kManifestReferenceKey;
extern const Rule kManifestSchema;
extern const Rule kManifestSchemaHost;
extern const Rule kManifestSchemaVersion;
extern const Rule kManifestSyntax;
extern const Rule kManifestUnknownFormat;
extern const Rule kManifestUnreadable;
extern const Rule kManifestUnresolvedProduct;
extern const Rule kManifestUnusedSuppression;
// END RULES

}  // namespace leadlint
