// The schema store's messages, one table row per message branch: each row
// validates a small document against one of our schemas and compares every
// issue (where it points, and its exact text). The messages are built from the
// node's own subschema keywords, never from valijson's English, and patterns
// are matched with RE2 on the calling thread (a 1 MB value does not need a big
// stack).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parse/json.h"
#include "schema/schema_store.h"

namespace leadlint {
namespace {

struct Row {
  const char* name;
  SchemaId schema;
  std::string document;
  std::vector<std::string> expected;  // "<key or value>@<offset>: message"
};

std::vector<std::string> Issues(const Row& row, size_t max_regex_input = 64u << 10) {
  JsonParseResult parsed = ParseJson(row.document);
  EXPECT_TRUE(parsed.ok) << row.name;
  std::vector<std::string> out;
  for (const SchemaIssue& issue : ValidateAgainstSchema(row.schema, parsed.root, row.document, max_regex_input)) {
    size_t offset = issue.at_key ? issue.node->key_offset : issue.node->offset;
    out.push_back(std::string(issue.at_key ? "key" : "value") + "@" + std::to_string(offset) + ": " + issue.message);
  }
  std::sort(out.begin(), out.end());
  return out;
}

const std::string kV1 = R"("$schema": "https://leadlint.dev/schemas/manifest-v1.schema.json", )";

TEST(SchemaMessages, EveryBranch) {
  const std::vector<Row> rows = {
      {"type",
       SchemaId::kLeadConfiguration,
       R"({"leadDestination": "salesforce", "salesforceLeadConfiguration": "00D5g000004PrOs"})",
       {"value@65: 'salesforceLeadConfiguration' must be an object; got a string"}},
      {"type list",
       SchemaId::kLeadConfiguration,
       R"({"leadDestination": "table", "tableLeadConfiguration": {"storageAccountConnectionString": 7}})",
       {"value@90: 'storageAccountConnectionString' must be a string or an object; got a number"}},
      {"enum",
       SchemaId::kLeadConfiguration,
       R"({"leadDestination": "dynamics", "dynamicsLeadConfiguration": {"instanceUrl": "https://x.crm.dynamics.com", "authentication": "oauth"}})",
       {"value@125: 'authentication' must be one of 'azureAD', 'office365'; got 'oauth'"}},
      {"required at the root",
       SchemaId::kLeadConfiguration,
       R"({"leadDestination": "httpsEndpoint"})",
       {"value@0: the document is missing the required key 'httpsEndpointLeadConfiguration'"}},
      {"required in an object, at its key",
       SchemaId::kLeadConfiguration,
       R"({"leadDestination": "salesforce", "salesforceLeadConfiguration": {}})",
       {"key@34: 'salesforceLeadConfiguration' is missing the required key 'objectIdentifier'"}},
      {"required by an if/then",
       SchemaId::kLeadConfiguration,
       R"({"leadDestination": "dynamics", "dynamicsLeadConfiguration": {"instanceUrl": "https://x.crm.dynamics.com", "authentication": "office365", "username": "a@b.example"}})",
       {"key@32: 'dynamicsLeadConfiguration' is missing the required key 'password'"}},
      {"unknown key at the root", SchemaId::kConfig, R"({"failon": "warning"})", {"key@1: unknown key 'failon'"}},
      {"unknown key in an object",
       SchemaId::kConfig,
       R"({"limits": {"maxSize": 1}})",
       {"key@12: unknown key 'maxSize' in 'limits'"}},
      {"minLength 1",
       SchemaId::kManifestV1,
       "{" + kV1 +
           R"("offer": {"id": "a", "name": "", "type": "powerBiApp", "listings": [{"storefront": "appsource"}], "leads": {"leadDestination": "none"}}})",
       {"value@97: 'name' must not be empty"}},
      {"minItems",
       SchemaId::kManifestV1,
       "{" + kV1 +
           R"("offer": {"id": "a", "type": "powerBiApp", "listings": [], "leads": {"leadDestination": "none"}}})",
       {"value@123: 'listings' must list at least 1 item"}},
      {"minimum",
       SchemaId::kConfig,
       R"({"limits": {"maxDepth": 0}})",
       {"value@24: 'maxDepth' must be at least 1; got 0"}},
      {"maximum",
       SchemaId::kConfig,
       R"({"limits": {"maxDepth": 10001}})",
       {"value@24: 'maxDepth' must be at most 10000; got 10001"}},
      {"pattern with its own wording",
       SchemaId::kLeadConfiguration,
       R"({"leadDestination": "marketo", "marketoLeadConfiguration": {"munchkinId": "12-ABC-456", "formId": "1"}})",
       {"key@31: 'marketoLeadConfiguration' is missing the required key 'serverId'",
        "value@74: 'munchkinId' must look like 'AAA-BBB-CCC' (three groups of three letters or digits); got "
        "'12-ABC-456'"}},
      {"pattern counted by length",
       SchemaId::kLeadConfiguration,
       R"({"leadDestination": "salesforce", "salesforceLeadConfiguration": {"objectIdentifier": "00D5g000004XyZaEAK"}})",
       {"value@86: 'objectIdentifier' must be exactly 15 letters or digits; got 18 characters"}},
      {"pattern on a secret quotes nothing",
       SchemaId::kLeadConfiguration,
       R"({"leadDestination": "table", "tableLeadConfiguration": {"storageAccountConnectionString": "AccountKey=c2VjcmV0"}})",
       {"value@90: 'storageAccountConnectionString' must be 'DefaultEndpointsProtocol=https;AccountName=<3-24 "
        "lower-case "
        "letters or digits>;AccountKey=<base64>' optionally followed by ';EndpointSuffix=<an Azure storage "
        "endpoint>'"}},
      {"pattern of an array item",
       SchemaId::kManifestV1,
       "{" + kV1 +
           R"("offer": {"id": "a", "type": "powerBiApp", "listings": [{"storefront": "appsource", "locales": ["english"]}], "leads": {"leadDestination": "none"}}})",
       {"value@164: item 1 of 'locales' must be a locale code like 'en-us'; got 'english'"}},
      {"placeholder passes a pattern",
       SchemaId::kLeadConfiguration,
       R"({"leadDestination": "salesforce", "salesforceLeadConfiguration": {"objectIdentifier": "${SF_OID}"}})",
       {}},
      {"x- keys are allowed",
       SchemaId::kManifestV1,
       "{" + kV1 +
           R"("x-owner": "sales", "offer": {"id": "a", "type": "powerBiApp", "listings": [{"storefront": "appsource"}], "leads": {"leadDestination": "none"}}})",
       {}},
  };
  for (const Row& row : rows) EXPECT_EQ(Issues(row), row.expected) << row.name;
}

TEST(SchemaMessages, LongValuesAreMatchedWithoutRecursionOrLeftToTheCaller) {
  // 1 MB in a pattern field: RE2 on the calling thread, no stack growth.
  Row huge{"huge",
           SchemaId::kLeadConfiguration,
           R"({"leadDestination": "httpsEndpoint", "httpsEndpointLeadConfiguration": {"httpsEndpointUrl": "https://)" +
               std::string(1u << 20, 'a') + R"( "}})",
           {}};
  std::vector<std::string> issues = Issues(huge, 2u << 20);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].rfind(
                "value@92: 'httpsEndpointUrl' must be an https:// URL without spaces or quotes; got 'https://aaaa", 0),
            0u)
      << issues[0].substr(0, 200);
  // Over the limit: not matched at all (the engine reports the limit).
  EXPECT_EQ(Issues(huge, 1000), std::vector<std::string>{});
}

// Every pattern of a schema leadlint validates against says, in words, what it
// wants (`x-leadlint-message`): no message shows a raw regular expression.
void ExpectWordedPatterns(const JsonNode& node, const std::string& where) {
  if (node.is_object() && node.Find("pattern") != nullptr && node.Find("pattern")->is_string()) {
    EXPECT_NE(node.Find("x-leadlint-message"), nullptr) << where << ": a pattern without x-leadlint-message";
  }
  for (const JsonNode& child : node.children) ExpectWordedPatterns(child, where + "/" + child.key);
}

TEST(SchemaMessages, EveryPatternHasItsWording) {
  for (const char* file : {"manifest-v1.schema.json", "lead-configuration.schema.json", "config.schema.json"}) {
    JsonParseResult parsed = ParseJson(EmbeddedSchema(file));
    ASSERT_TRUE(parsed.ok) << file;
    ExpectWordedPatterns(parsed.root, file);
  }
}

}  // namespace
}  // namespace leadlint
