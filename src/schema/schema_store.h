// Our JSON Schemas (schemas/*.json, embedded in the binary at build time) and
// validation of positioned JSON against them with valijson.
//
// This is one of the two translation units that include nlohmann and valijson
// headers; everything else sees only this interface. Validation is offline:
// every $ref is internal to the schema file. Errors come back as publisher-facing
// messages pointing at the node at fault: the lead-configuration schema is a
// `oneOf` over destinations, and leadlint validates against the one branch that
// the document's leadDestination selects, so a Salesforce mistake is never
// reported as eight failed branches.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "parse/json.h"

namespace leadlint {

enum class SchemaId { kManifestV1, kLeadConfiguration, kConfig };

struct SchemaIssue {
  const JsonNode* node = nullptr;  // the value at fault (the parent object for a missing key)
  bool at_key = false;             // point at node's key rather than its value
  std::string message;
};

// The embedded schema text by file name ("manifest-v1.schema.json"), or "".
std::string_view EmbeddedSchema(std::string_view file_name);
std::vector<std::string_view> EmbeddedSchemaNames();

// Validates `root` against a schema. `source` is the file text (to quote keys
// exactly as written); `secret_keys` names keys whose values must never be
// quoted. Strings longer than `max_regex_input` bytes are never handed to a
// regular expression: the caller reports them and their errors are dropped here.
// Thread-safe; schemas are compiled once per process.
std::vector<SchemaIssue> ValidateAgainstSchema(SchemaId id, const JsonNode& root, std::string_view source,
                                               size_t max_regex_input);

}  // namespace leadlint
