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
  JsonNode view;              // canonical lead settings; offsets point into the file
  std::string version;        // customer-leads schema version ("2022-03-01-preview2")
  size_t offer_index = 0;     // which offer of the document these settings belong to
  // Legacy documents keep notification e-mails in one semicolon-separated string;
  // each address becomes a string node here with its own offset.
  std::vector<JsonNode> notification_emails;
  bool emails_in_one_string_allowed = false;
  std::string written_destination;  // leadDestination exactly as in the file
  bool legacy = false;              // Cloud Partner Portal: field names were renamed
  std::string legacy_prefix;        // "microsoft-azure-marketplace." (legacy only)
  bool missing_product = false;     // Product Ingestion: no `product` and no enclosing product
};

struct ManifestDoc {
  std::optional<ManifestFormat> format;  // empty: not a manifest
  const JsonNode* root = nullptr;
  std::vector<Offer> offers;
  std::vector<LeadView> leads;
  // Product Ingestion test-drive resources whose product is in another file:
  // (the product's reference keys, enabled).
  std::vector<std::pair<std::vector<std::string>, bool>> foreign_test_drives;
  // A second customer-leads resource for a product of this document, which
  // would replace the first: (offset of the first, offset of the second).
  std::vector<std::pair<size_t, size_t>> duplicate_leads;
  // Secret values (byte ranges) so excerpts can be redacted.
  std::vector<std::pair<size_t, size_t>> secret_spans;
};

// Detects the format from `$schema` or shape and normalizes. `root` must outlive
// the result. `path` is stored in each offer.
ManifestDoc NormalizeManifest(const std::string& path, const JsonNode& root);

// The canonical destination for a spelling in any format ("AzureTable" ->
// "table", "None" -> "none"), or "" if unknown.
std::string CanonicalDestination(std::string_view written);

// The canonical destination for a Cloud Partner Portal spelling ("AzureTable"),
// or "" when it is not one of the seven (case-insensitive).
std::string CppDestination(std::string_view written);
// The Cloud Partner Portal name of a Product Ingestion field ("uri" for
// "instanceUrl"), or the name itself when the two agree.
std::string_view CppFieldName(std::string_view pi_name);

// The customer-leads version named by a Product Ingestion `$schema` URL.
std::string SchemaVersionOf(std::string_view schema_url);
// The resource kind named by a Product Ingestion `$schema` URL ("customer-leads").
std::string SchemaKindOf(std::string_view schema_url);

}  // namespace leadlint
