// Shared parts of the manifest normalizers (private to src/model): the place
// helpers, the one normalizer per format (normalize_leadlint.cc,
// normalize_product_ingestion.cc, normalize_cpp.cc) and the listings that
// Product Ingestion and Cloud Partner Portal offers share.
#pragma once

#include <string>
#include <string_view>

#include "model/manifest.h"

namespace leadlint::manifest_detail {

// A spelling and what it stands for (field renames, destination spellings).
struct Rename {
  std::string_view from;
  std::string_view to;
};

std::string Lower(std::string_view s);
void SetPlace(Place* place, const JsonNode& node);
// The member's key when it has one, else its value.
void SetKeyPlace(Place* place, const JsonNode& node);

// The storefront listings of a Product Ingestion offer, from its type.
void AddPiListings(Offer* offer);

// Whether `root` is a legacy Cloud Partner Portal offer (`definition.offer`).
bool IsCppDocument(const JsonNode& root);

// One normalizer per format: each sets doc->format and appends the offers and
// lead views of `root`.
void NormalizeV1(const JsonNode& root, ManifestDoc* doc, const std::string& path);
void NormalizeProductIngestion(const JsonNode& root, ManifestDoc* doc, const std::string& path);
void NormalizeCpp(const JsonNode& root, ManifestDoc* doc, const std::string& path);

}  // namespace leadlint::manifest_detail
