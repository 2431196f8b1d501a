// Manifest normalization, one format at a time (src/model): the detected
// format, the normalized Offer fields and the places they point at.
#include <gtest/gtest.h>

#include <string>

#include "model/manifest.h"
#include "parse/json.h"

namespace leadlint {
namespace {

// Parses and normalizes `text`; the parse result outlives the document.
struct Normalized {
  JsonParseResult parsed;
  ManifestDoc doc;
};

Normalized Normalize(const std::string& text, const std::string& path = "m.json") {
  Normalized n;
  n.parsed = ParseJson(text);
  EXPECT_TRUE(n.parsed.ok) << text;
  n.doc = NormalizeManifest(path, n.parsed.root);
  return n;
}

// The byte offset of the `nth` (0-based) occurrence of `needle` in `text`.
size_t At(const std::string& text, const std::string& needle, int nth = 0) {
  size_t at = text.find(needle);
  for (int i = 0; i < nth && at != std::string::npos; ++i) at = text.find(needle, at + 1);
  EXPECT_NE(at, std::string::npos) << needle;
  return at;
}

TEST(ManifestModel, LeadlintV1OfferListingsAndLeads) {
  const std::string text = R"({
  "$schema": "https://leadlint.dev/schemas/manifest-v1.schema.json",
  "offer": {
    "id": "contoso-crm",
    "type": "softwareAsAService",
    "listings": [
      {"storefront": "appsource", "option": "free-trial", "testDrive": true},
      {"storefront": "azure-marketplace", "option": "contact-me"},
      {"storefront": "moon"}
    ],
    "leads": {"leadDestination": "table", "contactEmail": "a@b.c"}
  }
})";
  Normalized n = Normalize(text, "offers/v1.json");
  ASSERT_EQ(n.doc.format, ManifestFormat::kLeadlintV1);
  ASSERT_EQ(n.doc.offers.size(), 1u);
  const Offer& offer = n.doc.offers[0];
  EXPECT_EQ(offer.path, "offers/v1.json");
  EXPECT_EQ(offer.name, "contoso-crm");
  EXPECT_EQ(offer.type, OfferType::kSoftwareAsAService);
  EXPECT_EQ(offer.type_written, "softwareAsAService");
  EXPECT_EQ(offer.type_place.offset, At(text, "\"softwareAsAService\""));
  EXPECT_EQ(offer.type_place.length, 20u);
  ASSERT_EQ(offer.listings.size(), 2u);  // the unknown storefront is left to the schema
  EXPECT_EQ(offer.listings[0].storefront, Storefront::kAppSource);
  EXPECT_EQ(offer.listings[0].option, ListingOption::kFreeTrial);
  EXPECT_EQ(offer.listings[0].test_drive, std::optional<bool>(true));
  EXPECT_EQ(offer.listings[0].place.offset, At(text, "\"appsource\""));
  EXPECT_EQ(offer.listings[1].storefront, Storefront::kAzureMarketplace);
  EXPECT_EQ(offer.listings[1].option, ListingOption::kContactMe);
  EXPECT_EQ(offer.listings[1].test_drive, std::optional<bool>(false));
  EXPECT_FALSE(offer.listings[1].assumed);
  EXPECT_TRUE(offer.leads.present);
  EXPECT_EQ(offer.leads.destination, "table");
  EXPECT_EQ(offer.leads.written, "table");
  EXPECT_EQ(offer.leads.object_place.offset, At(text, "\"leads\""));
  EXPECT_EQ(offer.leads.object_place.length, 7u);
  EXPECT_EQ(offer.leads.destination_place.offset, At(text, "\"table\""));
  ASSERT_EQ(n.doc.leads.size(), 1u);
  EXPECT_EQ(n.doc.leads[0].version, NewestKnownVersion("customer-leads"));
  EXPECT_EQ(n.doc.leads[0].offer_index, 0u);
  EXPECT_EQ(n.doc.leads[0].written_destination, "table");
  EXPECT_FALSE(n.doc.leads[0].legacy);
}

TEST(ManifestModel, LeadlintV1WithoutSchemaIsDetectedByItsOfferObject) {
  Normalized n = Normalize(R"({"offer": {"id": "x", "leads": {"leadDestination": "AzureTable"}}})");
  ASSERT_EQ(n.doc.format, ManifestFormat::kLeadlintV1);
  ASSERT_EQ(n.doc.offers.size(), 1u);
  // A spelling that is not the canonical one is kept as written only.
  EXPECT_EQ(n.doc.offers[0].leads.written, "AzureTable");
  EXPECT_EQ(n.doc.offers[0].leads.destination, "");
  EXPECT_EQ(n.doc.offers[0].type, OfferType::kUnknown);
  EXPECT_TRUE(n.doc.offers[0].listings.empty());
}

TEST(ManifestModel, NotAManifest) {
  Normalized n = Normalize(R"({"name": "left-pad", "version": "1.0.0"})");
  EXPECT_FALSE(n.doc.format.has_value());
  EXPECT_TRUE(n.doc.offers.empty());
  EXPECT_EQ(MarketplaceLookalikeReason(n.parsed.root), "");
  Normalized cpp_like = Normalize(R"({"definition": {"offer": {}}})");
  EXPECT_FALSE(cpp_like.doc.format.has_value());
  EXPECT_EQ(MarketplaceLookalikeReason(cpp_like.parsed.root),
            "it has a 'definition.offer' object like a Cloud Partner Portal offer");
}

// A configure document on either schema host, with one product, its
// customer-leads, test-drive and commercial-marketplace-setup resources.
std::string Configure(const std::string& host) {
  return R"({
  "$schema": "https://)" +
         host + R"(/schema/configure/2022-03-01-preview2",
  "resources": [
    {"$schema": "https://)" +
         host + R"(/schema/product/2022-03-01-preview2",
     "identity": {"externalId": "contoso-app"}, "type": "azureApplication", "alias": "Contoso"},
    {"$schema": "https://)" +
         host + R"(/schema/customer-leads/2022-03-01-preview2",
     "product": {"externalId": "contoso-app"}, "leadDestination": "blob",
     "blobLeadConfiguration": {"storageAccountConnectionString": "x", "containerName": "leads"}},
    {"$schema": "https://)" +
         host + R"(/schema/test-drive/2022-03-01-preview2",
     "product": {"externalId": "contoso-app"}, "enabled": true},
    {"$schema": "https://)" +
         host + R"(/schema/commercial-marketplace-setup/2022-03-01-preview2",
     "product": {"externalId": "contoso-app"}, "sellThroughMicrosoft": false, "callToAction": "Contact me"}
  ]
})";
}

TEST(ManifestModel, ProductIngestionConfigureOnBothHosts) {
  for (const std::string host : {"schema.mp.microsoft.com", "product-ingestion.azureedge.net"}) {
    SCOPED_TRACE(host);
    const std::string text = Configure(host);
    Normalized n = Normalize(text);
    ASSERT_EQ(n.doc.format, ManifestFormat::kProductIngestion);
    EXPECT_TRUE(n.doc.unknown_hosts.empty());
    EXPECT_TRUE(n.doc.newer_versions.empty());
    ASSERT_EQ(n.doc.offers.size(), 1u);
    const Offer& offer = n.doc.offers[0];
    EXPECT_EQ(offer.name, "contoso-app");
    ASSERT_EQ(offer.product_keys.size(), 1u);
    EXPECT_EQ(offer.product_keys[0], "externalId:contoso-app");
    EXPECT_EQ(offer.type, OfferType::kAzureApplication);
    EXPECT_EQ(offer.type_place.offset, At(text, "\"azureApplication\""));
    ASSERT_EQ(offer.listings.size(), 1u);
    EXPECT_EQ(offer.listings[0].storefront, Storefront::kAzureMarketplace);
    EXPECT_FALSE(offer.listings[0].assumed);
    EXPECT_EQ(offer.test_drive, std::optional<bool>(true));
    EXPECT_EQ(offer.sell_through, std::optional<bool>(false));
    EXPECT_EQ(offer.call_to_action, ListingOption::kContactMe);
    EXPECT_EQ(offer.call_to_action_written, "Contact me");
    EXPECT_FALSE(offer.is_product_only);
    EXPECT_FALSE(offer.orphan);
    EXPECT_TRUE(offer.leads.present);
    EXPECT_EQ(offer.leads.destination, "blob");
    EXPECT_EQ(offer.leads.object_place.offset, At(text, "{\"$schema\"", 1));  // the customer-leads object
    EXPECT_EQ(offer.leads.destination_place.offset, At(text, "\"blob\""));
    ASSERT_EQ(n.doc.leads.size(), 1u);
    const LeadView& view = n.doc.leads[0];
    EXPECT_EQ(view.version, "2022-03-01-preview2");
    EXPECT_EQ(view.offer_index, 0u);
    EXPECT_FALSE(view.missing_product);
    // Identity members are dropped from the view; the lead settings stay.
    ASSERT_EQ(view.view.children.size(), 2u);
    EXPECT_EQ(view.view.children[0].key, "leadDestination");
    EXPECT_EQ(view.view.children[1].key, "blobLeadConfiguration");
    EXPECT_TRUE(n.doc.duplicate_leads.empty());
    ASSERT_EQ(n.doc.secret_spans.size(), 0u);  // connection strings are redacted by parts, not whole
  }
}

TEST(ManifestModel, ProductIngestionUnknownHostAndNewerVersionAreNoted) {
  const std::string text = R"({"$schema": "https://schema.example.com/schema/customer-leads/2099-01-01",
  "product": "product/1234", "leadDestination": "none"})";
  Normalized n = Normalize(text);
  ASSERT_EQ(n.doc.format, ManifestFormat::kProductIngestion);
  ASSERT_EQ(n.doc.unknown_hosts.size(), 1u);
  EXPECT_EQ(n.doc.unknown_hosts[0]->offset, At(text, "\"https://"));
  ASSERT_EQ(n.doc.newer_versions.size(), 1u);
  EXPECT_EQ(n.doc.newer_versions[0].kind, "customer-leads");
  EXPECT_EQ(n.doc.newer_versions[0].version, "2099-01-01");
  EXPECT_EQ(n.doc.newer_versions[0].used, NewestKnownVersion("customer-leads"));
  // The product is in another file: an orphan offer waits for resolution.
  ASSERT_EQ(n.doc.offers.size(), 1u);
  EXPECT_TRUE(n.doc.offers[0].orphan);
  EXPECT_EQ(n.doc.offers[0].unresolved_product_ref, "product/1234");
  EXPECT_EQ(n.doc.offers[0].product_ref_place.offset, At(text, "\"product/1234\""));
  EXPECT_EQ(n.doc.offers[0].leads.destination, "none");
}

TEST(ManifestModel, ResourceTreeExportWithNestedResources) {
  const std::string text = R"({
  "$schema": "https://schema.mp.microsoft.com/schema/resource-tree/2022-03-01-preview2",
  "root": "product/aaaa",
  "resources": [
    {"$schema": "https://schema.mp.microsoft.com/schema/product/2022-03-01-preview2",
     "id": "product/aaaa", "identity": {"externalID": "fabrikam"}, "type": "softwareAsAService",
     "resources": [
       {"$schema": "https://schema.mp.microsoft.com/schema/customer-leads/2022-03-01-preview3",
        "id": "customer-leads/bbbb", "leadDestination": "httpsEndpoint"},
       {"$schema": "https://schema.mp.microsoft.com/schema/customer-leads/2022-03-01-preview3",
        "id": "customer-leads/cccc", "leadDestination": "none"}
     ]}
  ]
})";
  Normalized n = Normalize(text);
  ASSERT_EQ(n.doc.format, ManifestFormat::kProductIngestion);
  ASSERT_EQ(n.doc.offers.size(), 1u);
  const Offer& offer = n.doc.offers[0];
  // "externalID" is read, and its spelling recorded: the service takes "externalId".
  EXPECT_EQ(offer.name, "fabrikam");
  ASSERT_EQ(n.doc.key_spellings.size(), 1u);
  EXPECT_EQ(n.doc.key_spellings[0].accepted, "externalId");
  EXPECT_EQ(n.doc.key_spellings[0].node->key_offset, At(text, "\"externalID\""));
  // A SaaS product is assumed on both storefronts.
  ASSERT_EQ(offer.listings.size(), 2u);
  EXPECT_EQ(offer.listings[0].storefront, Storefront::kAzureMarketplace);
  EXPECT_EQ(offer.listings[1].storefront, Storefront::kAppSource);
  EXPECT_TRUE(offer.listings[0].assumed);
  EXPECT_EQ(offer.test_drive, std::optional<bool>(false));
  // The second customer-leads replaces the first.
  EXPECT_EQ(offer.leads.destination, "none");
  ASSERT_EQ(n.doc.duplicate_leads.size(), 1u);
  EXPECT_EQ(n.doc.duplicate_leads[0].first, At(text, "{\"$schema\"", 1));
  EXPECT_EQ(n.doc.duplicate_leads[0].second, At(text, "{\"$schema\"", 2));
  ASSERT_EQ(n.doc.leads.size(), 2u);
  EXPECT_EQ(n.doc.leads[0].version, "2022-03-01-preview3");
  EXPECT_EQ(n.doc.leads[1].offer_index, 0u);
}

TEST(ManifestModel, LegacyCloudPartnerPortalIsRenamedIntoProductIngestionTerms) {
  const std::string text = R"({
  "offerTypeId": "microsoft-azure-saas",
  "id": "contoso-legacy",
  "definition": {
    "offer": {
      "microsoft-azure-marketplace.leadDestination": "AzureTable",
      "microsoft-azure-marketplace.leadNotificationEmails": "a@b.c; d@e.f",
      "microsoft-azure-marketplace.tableLeadConfiguration": {"connectionString": "DefaultEndpointsProtocol=https"},
      "microsoft-azure-marketplace.blobLeadConfiguration": {},
      "microsoft-azure-marketplace-testdrive.enabled": true
    }
  }
})";
  Normalized n = Normalize(text);
  ASSERT_EQ(n.doc.format, ManifestFormat::kCloudPartnerPortal);
  ASSERT_EQ(n.doc.offers.size(), 1u);
  const Offer& offer = n.doc.offers[0];
  EXPECT_EQ(offer.name, "contoso-legacy");
  EXPECT_EQ(offer.type, OfferType::kSoftwareAsAService);
  EXPECT_EQ(offer.type_written, "microsoft-azure-saas");
  EXPECT_EQ(offer.type_place.offset, At(text, "\"microsoft-azure-saas\""));
  EXPECT_EQ(offer.test_drive, std::optional<bool>(true));
  ASSERT_EQ(offer.listings.size(), 2u);
  EXPECT_TRUE(offer.leads.present);
  EXPECT_EQ(offer.leads.written, "AzureTable");
  EXPECT_EQ(offer.leads.destination, "table");
  EXPECT_EQ(offer.leads.destination_place.offset, At(text, "\"AzureTable\""));
  ASSERT_EQ(n.doc.leads.size(), 1u);
  const LeadView& view = n.doc.leads[0];
  EXPECT_TRUE(view.legacy);
  EXPECT_EQ(view.legacy_prefix, "microsoft-azure-marketplace.");
  EXPECT_EQ(view.version, "cloud-partner-portal");
  EXPECT_TRUE(view.emails_in_one_string_allowed);
  ASSERT_EQ(view.notification_emails.size(), 2u);
  EXPECT_EQ(view.notification_emails[0].text, "a@b.c");
  EXPECT_EQ(view.notification_emails[0].offset, At(text, "a@b.c"));
  EXPECT_EQ(view.notification_emails[1].text, "d@e.f");
  EXPECT_EQ(view.notification_emails[1].offset, At(text, "d@e.f"));
  // The empty placeholder object is dropped; fields are renamed.
  ASSERT_EQ(view.view.children.size(), 2u);
  EXPECT_EQ(view.view.children[0].key, "leadDestination");
  EXPECT_EQ(view.view.children[0].text, "table");
  EXPECT_EQ(view.view.children[1].key, "tableLeadConfiguration");
  ASSERT_EQ(view.view.children[1].children.size(), 1u);
  EXPECT_EQ(view.view.children[1].children[0].key, "storageAccountConnectionString");
  EXPECT_EQ(CppFieldName("instanceUrl"), "uri");
  EXPECT_EQ(CppFieldName("dynamicsLeadConfiguration"), "crmLeadConfiguration");
  EXPECT_EQ(CppDestination("HttpsEndpoint"), "httpsEndpoint");
  EXPECT_EQ(CppDestination("email"), "");
  EXPECT_EQ(CanonicalDestination("CRM"), "dynamics");
}

TEST(ManifestModel, SchemaUrlsAndVersions) {
  std::optional<PiSchema> s =
      ParsePiSchema("https://product-ingestion.azureedge.net/schema/test-drive/2022-03-01-preview2");
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->kind, "test-drive");
  EXPECT_EQ(s->version, "2022-03-01-preview2");
  EXPECT_EQ(s->host, "product-ingestion.azureedge.net");
  EXPECT_TRUE(s->known_host);
  EXPECT_FALSE(ParsePiSchema("https://example.com/schema/thing/latest").has_value());
  EXPECT_LT(CompareSchemaVersions("2022-03-01-preview2", "2022-03-01-preview10"), 0);
  EXPECT_LT(CompareSchemaVersions("2022-03-01-preview10", "2022-03-01"), 0);
  EXPECT_GT(CompareSchemaVersions("2026-04-01-preview1", "2022-03-01"), 0);
  EXPECT_EQ(CompareSchemaVersions("2022-03-01", "2022-03-01"), 0);
}

}  // namespace
}  // namespace leadlint
