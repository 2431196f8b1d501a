// Format detection and normalization of offer manifests (DESIGN §2, §1c).
//
// A parsed JSON document becomes a ManifestDoc: the offers it describes, in the
// shared model, plus one LeadView per set of lead settings. A LeadView is a copy
// of the lead settings rewritten into Product Ingestion vocabulary (legacy Cloud
// Partner Portal keys renamed, empty placeholder objects dropped) whose nodes
// keep their original byte offsets, so one schema and one set of rules check all
// three formats and still point at the key as the publisher wrote it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/offer.h"
#include "parse/json.h"

namespace leadlint {

struct LeadView {
  JsonNode view;           // canonical lead settings; offsets point into the file
  std::string version;     // customer-leads schema version ("2022-03-01-preview2")
  size_t offer_index = 0;  // which offer of the document these settings belong to
  // Legacy documents keep notification e-mails in one semicolon-separated string;
  // each address becomes a string node here with its own offset.
  std::vector<JsonNode> notification_emails;
  bool emails_in_one_string_allowed = false;
  std::string written_destination;  // leadDestination exactly as in the file
  bool legacy = false;              // Cloud Partner Portal: field names were renamed
  std::string legacy_prefix;        // "microsoft-azure-marketplace." (legacy only)
  bool missing_product = false;     // Product Ingestion: no `product` and no enclosing product
};

// A `commercial-marketplace-setup` resource whose product is in another file:
// the product's reference keys and what the resource states.
struct ForeignSetup {
  std::vector<std::string> keys;
  std::optional<bool> sell_through;
  ListingOption call_to_action = ListingOption::kUnknown;
  std::string call_to_action_written;
};

// A reference or identity key the service does not accept as written
// ("externalID" where it takes "externalId"); the reference is still resolved.
struct KeySpelling {
  const JsonNode* node;  // the member whose key is misspelt
  std::string accepted;  // the spelling the service accepts
};

// A Product Ingestion resource read under a version newer than leadlint knows:
// it is checked with the newest known rules for its kind.
struct NewerVersion {
  const JsonNode* schema;  // the `$schema` value
  std::string kind;
  std::string version;  // as written
  std::string used;     // the newest known version, whose rules apply
};

struct ManifestDoc {
  std::optional<ManifestFormat> format;  // empty: not a manifest
  const JsonNode* root = nullptr;
  std::vector<Offer> offers;
  std::vector<LeadView> leads;
  // Product Ingestion test-drive resources whose product is in another file:
  // (the product's reference keys, enabled).
  std::vector<std::pair<std::vector<std::string>, bool>> foreign_test_drives;
  std::vector<ForeignSetup> foreign_setups;
  // `$schema` values with the Product Ingestion path on a host leadlint does not
  // know (a typo, a proxy): still read, and reported once per document.
  std::vector<const JsonNode*> unknown_hosts;
  std::vector<NewerVersion> newer_versions;
  std::vector<KeySpelling> key_spellings;
  // A second customer-leads resource for a product of this document, which
  // would replace the first: (offset of the first, offset of the second).
  std::vector<std::pair<size_t, size_t>> duplicate_leads;
  // Secret values (byte ranges) so excerpts can be redacted.
  std::vector<std::pair<size_t, size_t>> secret_spans;
};

// Detects the format from `$schema` or shape and normalizes. `root` must outlive
// the result. `path` is stored in each offer.
ManifestDoc NormalizeManifest(const std::string& path, const JsonNode& root);

// Why a JSON document that is in no supported format still looks like a
// marketplace document (DESIGN §1d): "" when it does not. Such a file is
// reported even when met while walking a folder, never skipped in silence.
std::string MarketplaceLookalikeReason(const JsonNode& root);

// Applies what a commercial-marketplace-setup resource states to its offer.
void ApplySetup(const ForeignSetup& setup, Offer* offer);

// The canonical destination for a spelling in any format ("AzureTable" ->
// "table", "None" -> "none"), or "" if unknown.
std::string CanonicalDestination(std::string_view written);

// The canonical destination for a Cloud Partner Portal spelling ("AzureTable"),
// or "" when it is not one of the seven (case-insensitive).
std::string CppDestination(std::string_view written);
// The Cloud Partner Portal name of a Product Ingestion field ("uri" for
// "instanceUrl"), or the name itself when the two agree.
std::string_view CppFieldName(std::string_view pi_name);

// A Product Ingestion `$schema` URL taken apart:
// `https://<host>/schema/<kind>/<version>`.
struct PiSchema {
  std::string kind;     // "customer-leads", "configure", "resource-tree", ...
  std::string version;  // "2022-03-01-preview3"
  std::string host;     // "schema.mp.microsoft.com"
  bool known_host = false;
};
// The hosts Partner Center serves the schemas from (DESIGN §1d), newest first.
const std::vector<std::string_view>& KnownPiHosts();
// Parses a `$schema` value. Any host with the Product Ingestion path shape is
// accepted (known_host tells which); on an unknown host the version must look
// like a date, so unrelated `/schema/` URLs are not taken for one.
std::optional<PiSchema> ParsePiSchema(std::string_view schema_url);
// Orders versions by date, then preview number ("2022-03-01-preview2" <
// "2022-03-01-preview10" < "2022-03-01" < "2026-04-01-preview1"): <0, 0 or >0.
int CompareSchemaVersions(std::string_view a, std::string_view b);
// The newest version of a resource kind whose rules leadlint knows.
std::string_view NewestKnownVersion(std::string_view kind);
// Whether a JSON text may be a Product Ingestion document (a cheap filter for
// files read only for references).
bool MayBeProductIngestion(std::string_view text);

// The resource kind and version named by a Product Ingestion `$schema` URL
// ("customer-leads", "2022-03-01-preview3"); "" when it is not one.
std::string SchemaVersionOf(std::string_view schema_url);
std::string SchemaKindOf(std::string_view schema_url);

}  // namespace leadlint
