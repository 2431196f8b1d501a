// Inputs shared by the microbenchmarks: the example fixtures of the repository
// and synthetic manifests of a chosen size in each of the three formats. The
// synthetic text is built here (no corpus files), deterministic, and shaped like
// what scripts/gen-corpus writes.
#pragma once

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "base/finding.h"
#include "base/string_pool.h"
#include "engine/engine.h"

namespace leadlint::bench {

inline std::string ReadSourceFile(const std::string& relative) {
  std::ifstream in(std::string(LEADLINT_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (text.str().empty()) std::fprintf(stderr, "bench: %s is missing or empty\n", relative.c_str());
  return text.str();
}

// Repository fixtures by name, one per format.
inline const char* kFixtureV1 = "fixtures/examples/offers/contoso-sales-insights/offer.json";
inline const char* kFixturePi = "fixtures/examples/offers/adventure-works-field-service/configure.json";
inline const char* kFixtureCpp = "fixtures/examples/legacy-cloud-partner-portal/woodgrove-identity-cloud.json";

// Filler prose (ASCII with a few multi-byte characters, as localized listings have).
inline std::string Prose(size_t bytes, unsigned seed) {
  static const char* kWords[] = {"lead",      "storefront", "destination", "customer", "offer",     "listing",
                                 "publisher", "connection", "endpoint",    "Größe",    "trial",     "plan",
                                 "verified",  "route",      "campaign",    "市场",     "follow-up", "record"};
  std::string out;
  unsigned x = seed * 2654435761u + 1;
  while (out.size() < bytes) {
    x = x * 1103515245u + 12345u;
    if (!out.empty()) out += (x >> 20) % 9 == 0 ? ". " : " ";
    out += kWords[(x >> 16) % (sizeof(kWords) / sizeof(kWords[0]))];
  }
  return out;
}

inline std::string LeadSettingsJson(const std::string& destination) {
  if (destination == "table") {
    return R"("leadDestination": "table",
      "tableLeadConfiguration": {
        "storageAccountConnectionString": "DefaultEndpointsProtocol=https;AccountName=contosoleads;AccountKey=${LEADS_KEY};EndpointSuffix=core.windows.net",
        "contactEmail": ["leads@contoso.example", "sales@contoso.example"]
      })";
  }
  if (destination == "dynamics") {
    return R"("leadDestination": "dynamics",
      "dynamicsLeadConfiguration": {
        "instanceUrl": "https://contoso.crm.dynamics.com",
        "authentication": "azureAD",
        "applicationId": "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0",
        "applicationKey": "${DYNAMICS_APP_KEY}",
        "directoryId": "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d",
        "contactEmail": ["leads@contoso.example"]
      })";
  }
  if (destination == "marketo") {
    return R"("leadDestination": "marketo",
      "marketoLeadConfiguration": {"serverId": "123-ABC-456", "munchkinId": "ABC-123-XYZ", "formId": "4321"})";
  }
  if (destination == "salesforce") {
    return R"("leadDestination": "salesforce",
      "salesforceLeadConfiguration": {"objectIdentifier": "00D5e000001AbCd", "contactEmail": ["crm@contoso.example"]})";
  }
  if (destination == "httpsEndpoint") {
    return R"("leadDestination": "httpsEndpoint",
      "httpsEndpointLeadConfiguration": {"httpsEndpointUrl": "https://contoso-leads.azurewebsites.net/api/leads?code=${FUNCTION_KEY}"})";
  }
  return R"("leadDestination": "none")";
}

// A leadlint manifest v1 of about `bytes` bytes (x-notes pads it).
inline std::string V1Manifest(const std::string& destination, size_t bytes = 0) {
  std::string doc = R"({
  "$schema": "https://leadlint.dev/schemas/manifest-v1.schema.json",
  "offer": {
    "id": "contoso-analytics",
    "name": "Contoso Analytics",
    "type": "softwareAsAService",
    "listings": [
      {"storefront": "azure-marketplace", "option": "sell-through-microsoft", "testDrive": false, "locales": ["en-us", "de-de"]},
      {"storefront": "appsource", "option": "contact-me", "locales": ["en-us", "ja-jp"]}
    ],
    "leads": {
      )" + LeadSettingsJson(destination) +
                    R"(
    })";
  if (bytes > doc.size() + 40) doc += ",\n    \"x-notes\": \"" + Prose(bytes - doc.size() - 40, 1) + "\"";
  doc += "\n  }\n}\n";
  return doc;
}

// A Product Ingestion configure document (product, customer-leads, test-drive,
// listing) of about `bytes` bytes.
inline std::string PiConfigure(const std::string& destination, size_t bytes) {
  std::string head = R"({
  "$schema": "https://product-ingestion.azureedge.net/schema/configure/2022-03-01-preview2",
  "resources": [
    {
      "$schema": "https://product-ingestion.azureedge.net/schema/product/2022-03-01-preview2",
      "id": "product/5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f",
      "identity": {"externalId": "contoso-analytics"},
      "type": "azureApplication",
      "alias": "Contoso Analytics"
    },
    {
      "$schema": "https://product-ingestion.azureedge.net/schema/customer-leads/2022-03-01-preview2",
      "product": {"externalId": "contoso-analytics"},
      )" + LeadSettingsJson(destination) +
                     R"(
    },
    {
      "$schema": "https://product-ingestion.azureedge.net/schema/test-drive/2022-03-01-preview2",
      "product": {"externalId": "contoso-analytics"},
      "enabled": false
    },
    {
      "$schema": "https://product-ingestion.azureedge.net/schema/listing/2022-03-01-preview5",
      "product": {"externalId": "contoso-analytics"},
      "kind": "azure", "languageId": "en-us", "title": "Contoso Analytics",
      "keywords": ["analytics", "leads", "crm"],
      "description": ")";
  std::string tail = "\"\n    }\n  ]\n}\n";
  size_t fill = bytes > head.size() + tail.size() ? bytes - head.size() - tail.size() : 16;
  return head + Prose(fill, 2) + tail;
}

// A legacy Cloud Partner Portal offer with `plans` plans (about 450 bytes each).
inline std::string CppOffer(int plans, const std::string& destination = "None") {
  std::string doc = R"({
  "offerTypeId": "microsoft-azure-virtualmachines",
  "publisherId": "woodgrove",
  "id": "woodgrove-hardened-linux",
  "version": 7,
  "definition": {
    "displayText": "Woodgrove Hardened Linux",
    "offer": {
      "microsoft-azure-marketplace.title": "Woodgrove Hardened Linux",
      "microsoft-azure-marketplace.summary": "A hardened Linux image for regulated workloads.",
      "microsoft-azure-marketplace.leadDestination": ")" +
                    destination + R"(",
      "microsoft-azure-marketplace.tableLeadConfiguration": {},
      "microsoft-azure-marketplace.blobLeadConfiguration": {},
      "microsoft-azure-marketplace.crmLeadConfiguration": {},
      "microsoft-azure-marketplace.httpsEndpointLeadConfiguration": {},
      "microsoft-azure-marketplace.marketoLeadConfiguration": {},
      "microsoft-azure-marketplace.salesForceLeadConfiguration": {},
      "microsoft-azure-marketplace.leadNotificationEmails": "cloud-ops@woodgrove.example;sales@woodgrove.example"
    },
    "plans": [)";
  for (int i = 0; i < plans; ++i) {
    if (i) doc += ",";
    doc += R"(
      {
        "planId": "plan-)" +
           std::to_string(i) + R"(",
        "microsoft-azure-virtualmachines.skuTitle": "Hardened Linux plan )" +
           std::to_string(i) + R"(",
        "microsoft-azure-virtualmachines.skuSummary": ")" +
           Prose(120, static_cast<unsigned>(i)) + R"(",
        "microsoft-azure-virtualmachines.cloudAvailability": ["PublicAzure"],
        "microsoft-azure-virtualmachines.operatingSystemFamily": "Linux",
        "microsoft-azure-virtualmachines.vmImages": {"1.0.)" +
           std::to_string(i) + R"(": {"osVhdUrl": "https://img.blob.core.windows.net/vhds/os.vhd", "lunVhdDetails": []}}
      })";
  }
  doc += "\n    ]\n  }\n}\n";
  return doc;
}

// A finished run with `findings` findings spread over files of 4 findings each,
// one offer per file, sorted as the engine sorts them.
inline RunResult SyntheticRunResult(int findings) {
  static const char* kRules[] = {"leads-invalid-field", "leads-plaintext-secret", "manifest-duplicate-key",
                                 "leads-undetermined", "leads-missing-destination"};
  static const Severity kSeverities[] = {Severity::kError, Severity::kError, Severity::kError, Severity::kNote,
                                         Severity::kError};
  RunResult result;
  int files = (findings + 3) / 4;
  for (int file = 0; file < files; ++file) {
    char path[96];
    std::snprintf(path, sizeof path, "manifests/publisher-%02d/offer-%05d/configure.json", file % 24, file);
    result.checked.push_back(Intern(path));
    OfferSummary offer;
    offer.path = Intern(path);
    offer.name = Intern("offer-" + std::to_string(file));
    offer.format = "product-ingestion";
    offer.type = "softwareAsAService";
    offer.storefronts_assumed = true;
    offer.destination = "salesforce";
    offer.verdict = file % 7 == 0 ? "fail" : "pass";
    SetOfferDetails(&offer, {{"appsource", "app", true, "your CRM"}, {"azure-marketplace", "offer", true, "your CRM"}},
                    {"AppSource lists it as an app: the storefront rules require your CRM"});
    offer.line = 12;
    offer.column = 7;
    result.offers.push_back(std::move(offer));
    for (int k = 0; k < 4 && file * 4 + k < findings; ++k) {
      Finding f;
      f.rule = kRules[(file + k) % 5];
      f.severity = kSeverities[(file + k) % 5];
      f.path = path;
      f.line = 10 + 3 * k;
      f.column = 9;
      f.offset = static_cast<size_t>(200 + 60 * k);
      f.length = 17;
      f.message =
          "'objectIdentifier' must be exactly 15 letters or digits (the Web-to-Lead oid); got 18 "
          "characters: an 18-character ID is the case-insensitive form";
      f.excerpt = "        \"objectIdentifier\": \"00D5e000001AbCdEFG\",";
      result.findings.push_back(std::move(f));
    }
  }
  result.files_checked = files;
  result.files_skipped = 2;
  result.skipped = {"manifests/package.json", "manifests/tools/package.json"};
  return result;
}

}  // namespace leadlint::bench
