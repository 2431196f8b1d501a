// Small helpers shared by the lead-settings rules: walking a LeadView's
// destination configurations and recognising masked values and placeholders.
#pragma once

#include <string>
#include <string_view>

#include "base/secret_text.h"
#include "model/manifest.h"
#include "parse/json.h"

namespace leadlint {

// "table" for "tableLeadConfiguration", "" for other keys (and unknown destinations).
std::string DestinationOfConfigKey(std::string_view key);
// The canonical destination a lead view selects, or "" when absent or invalid
// in the document's format.
std::string ViewDestination(const LeadView& lead);
// A plain-language check of one e-mail address (no regular expressions).
bool IsValidEmail(std::string_view address);
// How the document spells destinations (CPP: "AzureTable"; others: "table").
std::string WrittenDestination(const LeadView& view, std::string_view canonical);
// customer-leads/2022-03-01-preview3 and newer (DESIGN §1d).
bool IsPreview3OrLater(const std::string& version);
// A field preview3 no longer captures: contactEmail outside `email`, Marketo's serverId.
bool NoLongerCaptured(const std::string& destination, const JsonNode& field);
// The raw key as written in the file.
std::string KeyAsWritten(const JsonNode& node, std::string_view source);

}  // namespace leadlint
