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
};

struct ManifestDoc {
  std::optional<ManifestFormat> format;  // empty: not a manifest
  const JsonNode* root = nullptr;
  std::vector<Offer> offers;
  std::vector<LeadView> leads;
  // Secret values (byte ranges) so excerpts can be redacted.
  std::vector<std::pair<size_t, size_t>> secret_spans;
};

// Detects the format from `$schema` or shape and normalizes. `root` must outlive
// the result. `path` is stored in each offer.
ManifestDoc NormalizeManifest(const std::string& path, const JsonNode& root);

// The canonical destination for a spelling in any format ("AzureTable" ->
// "table", "None" -> "none"), or "" if unknown.
std::string CanonicalDestination(std::string_view written);

// The customer-leads version named by a Product Ingestion `$schema` URL.
std::string SchemaVersionOf(std::string_view schema_url);
// The resource kind named by a Product Ingestion `$schema` URL ("customer-leads").
std::string SchemaKindOf(std::string_view schema_url);

}  // namespace leadlint
