// End-to-end behaviour of `leadlint check`: the corpus, exit codes, inputs that
// cannot be read, folder walking, cross-file references, profiles, determinism
// and the promise that no secret reaches any output.
#include "engine/engine.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "model/manifest.h"
#include "report/report.h"
#include "rules/profile.h"
#include "test_util.h"

namespace leadlint {
namespace {

namespace fs = std::filesystem;
using testing::RunBinary;

class TempDir {
 public:
  TempDir() {
    path_ =
        fs::temp_directory_path() / ("leadlint-test-" + std::to_string(getpid()) + "-" + std::to_string(counter_++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(path_, ec);
  }
  std::string Write(const std::string& name, const std::string& text) const {
    fs::path p = path_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
  std::string path() const { return path_.string(); }

 private:
  fs::path path_;
  static inline int counter_ = 0;
};

std::string Lines(const RunResult& r, const std::string& strip) {
  std::string out;
  for (const Finding& f : r.findings) {
    std::string path(f.path.rfind(strip, 0) == 0 ? f.path.substr(strip.size()) : f.path.view());
    out +=
        path + ":" + std::to_string(f.line) + ":" + std::to_string(f.column) + ": " + f.message + " [" + f.rule + "]\n";
  }
  return out;
}

constexpr const char* kVmNone = R"({
  "$schema": "https://leadlint.dev/schemas/manifest-v1.schema.json",
  "offer": {"id": "vm", "type": "azureVirtualMachine",
            "listings": [{"storefront": "azure-marketplace", "option": "get-it-now"}],
            "leads": {"leadDestination": "none"}}
})";

TEST(Corpus, EveryManifestIsProcessedAndTheInvalidOneIsPinpointed) {
  std::string corpus = testing::CorpusDir();
  if (corpus.empty()) GTEST_SKIP() << "../shared/corpus is absent; corpus checks skipped";
  RunOptions options;
  options.paths = {corpus + "/manifests"};
  RunResult r = RunCheck(options);
  EXPECT_EQ(r.files_checked, 18);
  // Three lead payload samples and the Partner Center CLI's own listing config
  // are not manifests; each is named in the skipped list.
  EXPECT_EQ(r.files_skipped, 4);
  ASSERT_EQ(r.skipped.size(), 4u);
  EXPECT_NE(r.skipped[0].find("azpc-cli-own-format-listing-config"), std::string::npos);
  EXPECT_EQ(Lines(r, corpus + "/manifests/"),
            "pi-configure-customer-leads-https_product-ingestion-api-doc_AS-PUBLISHED-INVALID.json:3:3: expected ',' "
            "or '}' after an object member but found '\"'; is a ',' missing at the end of line 2? [manifest-syntax]\n");
  ASSERT_EQ(r.offers.size(), 17u);
  int https = 0;
  for (const OfferSummary& o : r.offers) {
    EXPECT_EQ(o.verdict, "pass") << o.path;
    if (o.path.str().find("pi-resource-tree-saas-httpsEndpoint") != std::string::npos) {
      // The 2026 export on schema.mp.microsoft.com: a SaaS offer sold through
      // Microsoft (commercial-marketplace-setup) whose CRM is an HTTPS endpoint.
      ++https;
      EXPECT_EQ(o.destination, "httpsEndpoint");
      EXPECT_EQ(o.type, "softwareAsAService");
      EXPECT_EQ(o.name, "ampupdemo-per-user");
    } else {
      EXPECT_EQ(o.destination, "none") << o.path;
    }
  }
  EXPECT_EQ(https, 1);
}

TEST(Corpus, EachFileNamedExplicitlyNeverCrashes) {
  std::string corpus = testing::CorpusDir();
  if (corpus.empty()) GTEST_SKIP() << "../shared/corpus is absent; corpus checks skipped";
  for (const auto& e : fs::directory_iterator(corpus + "/manifests")) {
    auto r = RunBinary({"check", "--format", "json", e.path().string()});
    EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << e.path() << " exit " << r.exit_code << r.err;
  }
}

TEST(Cli, ExitCodes) {
  TempDir dir;
  std::string clean = dir.Write("clean/vm.json", kVmNone);
  EXPECT_EQ(RunBinary({"check", clean}).exit_code, 0);
  std::string bad = dir.Write("bad/x.json", "{");
  EXPECT_EQ(RunBinary({"check", bad}).exit_code, 1);
  EXPECT_EQ(RunBinary({"check", "--fail-on", "none", bad}).exit_code, 0);
  EXPECT_EQ(RunBinary({"check", "--profile", "nope", clean}).exit_code, 2);
  EXPECT_EQ(RunBinary({"check", "--format", "xml", clean}).exit_code, 2);
  EXPECT_EQ(RunBinary({"frobnicate"}).exit_code, 2);
  auto explain = RunBinary({"explain", "leads-mising-destination"});
  EXPECT_EQ(explain.exit_code, 2);
  EXPECT_NE(explain.err.find("did you mean 'leads-missing-destination'?"), std::string::npos) << explain.err;
  EXPECT_EQ(RunBinary({"explain", "leads-missing-destination"}).exit_code, 0);
  auto version = RunBinary({"version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out.rfind("leadlint ", 0), 0u);
}

TEST(Cli, NoteDoesNotFailUnlessAsked) {
  TempDir dir;
  // A SaaS offer on Azure Marketplace whose listing option is not stated: whether a CRM is needed is undetermined.
  std::string pi = dir.Write("saas.json", R"({"$schema": "https://leadlint.dev/schemas/manifest-v1.schema.json",
 "offer": {"id": "saas", "type": "softwareAsAService", "listings": [{"storefront": "azure-marketplace"}],
           "leads": {"leadDestination": "none"}}})");
  auto r = RunBinary({"check", "--color", "never", pi});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("[leads-undetermined]"), std::string::npos) << r.out;
  EXPECT_EQ(RunBinary({"check", "--fail-on", "note", pi}).exit_code, 1);
}

TEST(Cli, TextOutputHasSourceLineAndCaret) {
  TempDir dir;
  std::string f = dir.Write("x.json", "{\n  \"a\": 1\n  \"b\": 2\n}\n");
  auto r = RunBinary({"check", "--color", "never", f});
  EXPECT_EQ(r.out, f + ":3:3: error: expected ',' or '}' after an object member but found '\"'; is a ',' missing at "
                       "the end of line 2? [manifest-syntax]\n  \"b\": 2\n  ^\n\n1 problem (1 error, 0 warnings, 0 "
                       "notes) in 1 file checked [profile partner-center-2025]\n");
}

TEST(Cli, OutputFileAndJson) {
  TempDir dir;
  std::string f = dir.Write("vm.json", kVmNone);
  std::string out = dir.path() + "/report.json";
  auto r = RunBinary({"check", "--format", "json", "--output", out, f});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "");
  std::string json = testing::ReadFileOrEmpty(out);
  EXPECT_NE(json.find("\"verdict\": \"pass\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"filesChecked\": 1"), std::string::npos) << json;
}

TEST(Walk, UnknownJsonIsSkippedWhenWalkedButReportedWhenNamed) {
  TempDir dir;
  dir.Write("repo/package.json", R"({"name": "x", "version": "1.0.0"})");
  dir.Write("repo/offers/vm.json", kVmNone);
  RunOptions options;
  options.paths = {dir.path() + "/repo"};
  RunResult walked = RunCheck(options);
  EXPECT_EQ(walked.files_checked, 1);
  EXPECT_EQ(walked.files_skipped, 1);
  EXPECT_TRUE(walked.findings.empty()) << Lines(walked, "");
  options.paths = {dir.path() + "/repo/package.json"};
  RunResult named = RunCheck(options);
  ASSERT_EQ(named.findings.size(), 1u);
  EXPECT_EQ(named.findings[0].rule, "manifest-unknown-format");
  EXPECT_EQ(named.findings[0].line, 1);
  EXPECT_EQ(named.findings[0].column, 1);
}

TEST(Walk, BadInputsAreFindingsAndTheOtherFilesAreStillChecked) {
  TempDir dir;
  std::string root = dir.path() + "/";
  dir.Write("a/good.json", kVmNone);
  dir.Write("a/empty.json", "");
  dir.Write("a/binary.json", std::string("\x89PNG\r\n\x1a\n\0\0", 10));
  fs::create_directories(root + "a/dir.json");  // a folder named like a file
  fs::create_directories(root + "a/loop");
  fs::create_directory_symlink(root + "a", root + "a/loop/back");  // a symlink loop
  dir.Write("a/locked.json", "{}");
  chmod((root + "a/locked.json").c_str(), 0);
  dir.Write("a/z.json", "{\"$schema\": \"https://leadlint.dev/schemas/manifest-v1.schema.json\", \"offer\": 1}");
  RunOptions options;
  options.paths = {root + "a", root + "missing.json"};
  options.limits.max_file_bytes = 1 << 20;
  RunResult r = RunCheck(options);
  std::string lines = Lines(r, root);
  EXPECT_NE(
      lines.find(
          "a/binary.json:3:1: the file contains a NUL byte; it is a binary file, not JSON text [manifest-encoding]"),
      std::string::npos)
      << lines;
  EXPECT_NE(lines.find("a/empty.json:1:1: the file is empty; expected a JSON value [manifest-syntax]"),
            std::string::npos)
      << lines;
  EXPECT_NE(lines.find("missing.json:1:1: cannot read '" + root +
                       "missing.json': no such file or folder [manifest-unreadable]"),
            std::string::npos)
      << lines;
  EXPECT_NE(lines.find("a/z.json:1:78: 'offer' must be an object; got a number [manifest-schema]"), std::string::npos)
      << lines;
  if (geteuid() != 0) {
    EXPECT_NE(lines.find("a/locked.json:1:1: cannot read"), std::string::npos) << lines;
  }
  EXPECT_EQ(lines.find("dir.json"), std::string::npos) << lines;
  EXPECT_EQ(lines.find("loop"), std::string::npos) << lines;
  bool good_seen = false;
  for (const OfferSummary& o : r.offers) good_seen = good_seen || o.path == root + "a/good.json";
  EXPECT_TRUE(good_seen);
}

TEST(Walk, FileOverTheSizeLimitIsAFinding) {
  TempDir dir;
  std::string f = dir.Write("big.json", "[" + std::string(2000, ' ') + "]");
  RunOptions options;
  options.paths = {f};
  options.limits.max_file_bytes = 1000;
  RunResult r = RunCheck(options);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].rule, "manifest-limit");
  EXPECT_EQ(r.findings[0].message, "the file is 2002 bytes, larger than the limit of 1000 bytes; it was not checked");
}

TEST(CrossFile, CustomerLeadsFindTheirProductInAnotherFile) {
  TempDir dir;
  dir.Write("product.json",
            R"({"$schema": "https://product-ingestion.azureedge.net/schema/configure/2022-03-01-preview2",
 "resources": [{"$schema": "https://product-ingestion.azureedge.net/schema/product/2022-03-01-preview2",
   "id": "product/7d2c", "identity": {"externalId": "contoso-bi"}, "type": "powerBiApp"}]})");
  std::string leads = dir.Write(
      "leads.json", R"({"$schema": "https://product-ingestion.azureedge.net/schema/configure/2022-03-01-preview2",
 "resources": [{"$schema": "https://product-ingestion.azureedge.net/schema/customer-leads/2022-03-01-preview2",
   "product": {"externalId": "contoso-bi"}, "leadDestination": "none"}]})");
  RunOptions options;
  options.paths = {dir.path()};
  ASSERT_TRUE(FindProfile("partner-center-2022", &options.profile));
  RunResult r = RunCheck(options);
  ASSERT_EQ(r.findings.size(), 1u) << Lines(r, "");
  EXPECT_EQ(r.findings[0].rule, "leads-missing-destination");
  EXPECT_EQ(r.findings[0].path, leads);
  EXPECT_EQ(r.findings[0].line, 3);
  EXPECT_EQ(r.findings[0].column, 64);
  EXPECT_EQ(r.findings[0].message,
            "'leadDestination' is 'none' but this Power BI app needs a CRM destination ('table', 'dynamics', "
            "'httpsEndpoint', 'marketo' or 'salesforce'): AppSource listings must send leads to your CRM");
  ASSERT_EQ(r.offers.size(), 1u);
  EXPECT_EQ(r.offers[0].verdict, "fail");
}

TEST(Profiles, DatedRequirements) {
  StorefrontRules rules = BuiltInStorefrontRules();
  auto state = [&](OfferType type, const char* profile, bool test_drive, ListingOption option, Storefront s) {
    Offer offer;
    offer.type = type;
    offer.test_drive = test_drive;
    Listing l;
    l.storefront = s;
    l.option = option;
    l.test_drive = test_drive;
    offer.listings.push_back(l);
    Profile p;
    EXPECT_TRUE(FindProfile(profile, &p));
    return EvaluateRequirement(offer, p, rules).state;
  };
  using S = Requirement::State;
  const auto AM = Storefront::kAzureMarketplace;
  const auto AS = Storefront::kAppSource;
  const auto none = ListingOption::kGetItNow;
  EXPECT_EQ(state(OfferType::kAzureVirtualMachine, "partner-center-2022", false, none, AM), S::kNotRequired);
  EXPECT_EQ(state(OfferType::kAzureVirtualMachine, "partner-center-2022", true, none, AM), S::kRequired);
  EXPECT_EQ(state(OfferType::kAzureVirtualMachine, "cloud-partner-portal-2018", true, none, AM), S::kNotRequired);
  EXPECT_EQ(state(OfferType::kManagedService, "cloud-partner-portal-2018", false, none, AM), S::kRequired);
  EXPECT_EQ(state(OfferType::kConsultingService, "partner-center-2020", false, ListingOption::kContactMe, AM),
            S::kRequired);
  EXPECT_EQ(state(OfferType::kConsultingService, "partner-center-2022", false, ListingOption::kContactMe, AM),
            S::kNotRequired);
  EXPECT_EQ(state(OfferType::kConsultingService, "partner-center-2022", false, ListingOption::kContactMe, AS),
            S::kRequired);
  EXPECT_EQ(
      state(OfferType::kSoftwareAsAService, "partner-center-2022", false, ListingOption::kSellThroughMicrosoft, AM),
      S::kRequired);
  EXPECT_EQ(
      state(OfferType::kSoftwareAsAService, "partner-center-2020", false, ListingOption::kSellThroughMicrosoft, AM),
      S::kNotRequired);
  EXPECT_EQ(state(OfferType::kSoftwareAsAService, "cloud-partner-portal-2018", false, ListingOption::kContactMe, AM),
            S::kRequired);
  EXPECT_EQ(state(OfferType::kDynamics365ForOperations, "partner-center-2020", false, none, AS), S::kRequired);
  EXPECT_EQ(state(OfferType::kPowerBiApp, "cloud-partner-portal-2018", false, none, AS), S::kRequired);
  // partner-center-2025 (DESIGN §1d): required only for managed services, test
  // drives and SaaS sold through Microsoft or listed as Contact me; AppSource's
  // your-crm is advice (leads-crm-recommended).
  const char* p25 = "partner-center-2025";
  EXPECT_EQ(state(OfferType::kManagedService, p25, false, none, AM), S::kRequired);
  EXPECT_EQ(state(OfferType::kAzureVirtualMachine, p25, true, none, AM), S::kRequired);
  EXPECT_EQ(state(OfferType::kAzureVirtualMachine, p25, false, none, AM), S::kNotRequired);
  EXPECT_EQ(state(OfferType::kDynamics365ForCustomerEngagement, p25, true, none, AS), S::kRequired);
  EXPECT_EQ(state(OfferType::kDynamics365ForCustomerEngagement, p25, false, none, AS), S::kNotRequired);
  EXPECT_EQ(state(OfferType::kDynamics365BusinessCentral, p25, false, none, AS), S::kNotRequired);
  EXPECT_EQ(state(OfferType::kPowerBiApp, p25, false, none, AS), S::kNotRequired);
  EXPECT_EQ(state(OfferType::kConsultingService, p25, false, ListingOption::kContactMe, AS), S::kNotRequired);
  EXPECT_EQ(state(OfferType::kSoftwareAsAService, p25, false, ListingOption::kSellThroughMicrosoft, AS), S::kRequired);
  EXPECT_EQ(state(OfferType::kSoftwareAsAService, p25, false, ListingOption::kContactMe, AM), S::kRequired);
  EXPECT_EQ(state(OfferType::kSoftwareAsAService, p25, false, ListingOption::kFreeTrial, AS), S::kNotRequired);

  // The advice carries the storefront rule; a required CRM clears it.
  Offer bi;
  bi.type = OfferType::kPowerBiApp;
  bi.test_drive = false;
  Listing l;
  l.storefront = AS;
  bi.listings.push_back(l);
  Profile p;
  ASSERT_TRUE(FindProfile(p25, &p));
  Requirement r = EvaluateRequirement(bi, p, rules);
  ASSERT_EQ(r.advisories.size(), 1u);
  EXPECT_EQ(r.advisories[0], "AppSource listings should send leads to your CRM (storefront rule 'your-crm')");
  // A listing whose storefront is only assumed gets no advice.
  bi.listings[0].assumed = true;
  EXPECT_TRUE(EvaluateRequirement(bi, p, rules).advisories.empty());

  // Product Ingestion SaaS: commercial-marketplace-setup decides.
  Offer saas;
  saas.type = OfferType::kSoftwareAsAService;
  saas.format = ManifestFormat::kProductIngestion;
  saas.test_drive = false;
  EXPECT_EQ(EvaluateRequirement(saas, p, rules).state, S::kUnknown);
  saas.sell_through = true;
  EXPECT_EQ(EvaluateRequirement(saas, p, rules).state, S::kRequired);
  saas.sell_through = false;
  EXPECT_EQ(EvaluateRequirement(saas, p, rules).state, S::kUnknown);
  saas.call_to_action = ListingOption::kContactMe;
  saas.call_to_action_written = "contactMe";
  EXPECT_EQ(EvaluateRequirement(saas, p, rules).state, S::kRequired);
  saas.call_to_action = ListingOption::kFreeTrial;
  saas.call_to_action_written = "freeTrial";
  EXPECT_EQ(EvaluateRequirement(saas, p, rules).state, S::kNotRequired);
}

TEST(SchemaUrls, BothHostsAnyHostWithThePathAndVersionOrder) {
  auto kind = [](const char* url) {
    std::optional<PiSchema> s = ParsePiSchema(url);
    return s ? s->kind + "/" + s->version + (s->known_host ? "" : " (unknown host)") : std::string("-");
  };
  EXPECT_EQ(kind("https://schema.mp.microsoft.com/schema/customer-leads/2022-03-01-preview3"),
            "customer-leads/2022-03-01-preview3");
  EXPECT_EQ(kind("https://product-ingestion.azureedge.net/schema/configure/2022-03-01-preview2"),
            "configure/2022-03-01-preview2");
  EXPECT_EQ(kind("https://SCHEMA.MP.MICROSOFT.COM/schema/resource-tree/2022-03-01-preview2/"),
            "resource-tree/2022-03-01-preview2");
  EXPECT_EQ(kind("https://schema.mp.microsft.com/schema/product/2022-03-01-preview3"),
            "product/2022-03-01-preview3 (unknown host)");
  // Unrelated URLs with a /schema/ path are not taken for Product Ingestion.
  EXPECT_EQ(kind("https://json.schemastore.example/schema/package/latest"), "-");
  EXPECT_EQ(kind("https://leadlint.dev/schemas/manifest-v1.schema.json"), "-");
  EXPECT_EQ(kind("schema.mp.microsoft.com/schema/product/2022-03-01-preview3"), "-");
  EXPECT_EQ(kind("https://schema.mp.microsoft.com/schema//2022-03-01"), "-");

  EXPECT_LT(CompareSchemaVersions("2022-03-01-preview2", "2022-03-01-preview3"), 0);
  EXPECT_LT(CompareSchemaVersions("2022-03-01-preview5", "2022-03-01-preview10"), 0);
  EXPECT_LT(CompareSchemaVersions("2022-03-01-preview10", "2022-03-01"), 0);
  EXPECT_LT(CompareSchemaVersions("2022-03-01", "2026-04-01-preview1"), 0);
  EXPECT_EQ(CompareSchemaVersions("2022-03-01-preview3", "2022-03-01-preview3"), 0);
  EXPECT_GT(CompareSchemaVersions("2026-04-01-preview1", "2022-03-01-preview3"), 0);
  EXPECT_EQ(NewestKnownVersion("customer-leads"), "2022-03-01-preview3");
}

TEST(CurrentProductIngestion, ResourceTreeOnTheNewHostWithExternalIdCaseIsJudgedOnce) {
  TempDir dir;
  // Microsoft's doc samples write identity.externalID; the reference still
  // resolves, so the offer is judged once (no second "missing lead settings").
  std::string tree = dir.Write("offer/tree.json", R"({
  "$schema": "https://schema.mp.microsoft.com/schema/resource-tree/2022-03-01-preview2",
  "root": "product/11111111-2222-4333-8444-555555555555",
  "target": {"targetType": "draft"},
  "resources": [
    {"$schema": "https://schema.mp.microsoft.com/schema/product/2022-03-01-preview3",
     "id": "product/11111111-2222-4333-8444-555555555555",
     "identity": {"externalID": "wingtip-soc"}, "type": "managedService", "alias": "Wingtip SOC"},
    {"$schema": "https://product-ingestion.azureedge.net/schema/customer-leads/2022-03-01-preview3",
     "id": "customer-leads/11111111-2222-4333-8444-555555555555",
     "product": "product/11111111-2222-4333-8444-555555555555",
     "leadDestination": "email", "emailLeadConfiguration": {"contactEmail": ["soc@wingtip.example"]}}
  ]
})");
  std::string https = dir.Write("offer/https.json", R"({
  "$schema": "https://schema.mp.microsoft.com/schema/configure/2022-03-01-preview2",
  "resources": [
    {"$schema": "https://schema.mp.microsoft.com/schema/product/2022-03-01-preview3",
     "identity": {"externalId": "wingtip-api"}, "type": "managedService", "alias": "Wingtip API"},
    {"$schema": "https://schema.mp.microsoft.com/schema/customer-leads/2022-03-01-preview3",
     "product": {"externalID": "wingtip-api"}, "leadDestination": "httpsEndpoint",
     "httpsEndpointLeadConfiguration": {"httpsEndpointUrl": "https://leads.wingtip.example/api?code=Zm9vYmFyYmF6cXV4"}}
  ]
})");
  RunOptions options;
  options.paths = {dir.path()};
  RunResult r = RunCheck(options);
  EXPECT_EQ(r.files_checked, 2);
  EXPECT_EQ(Lines(r, dir.path() + "/offer/"),
            "https.json:7:18: 'externalID' is not accepted by the service; write 'externalId' (keys are "
            "case-sensitive) [manifest-reference-key]\n"
            "https.json:8:61: 'httpsEndpointUrl' contains a plaintext 'code=' access key; commit it masked ('****'), "
            "as a deploy-time placeholder such as ${LEADS_SECRET}, or as a masked-secret reference "
            "[leads-plaintext-secret]\n"
            "tree.json:8:19: 'externalID' is not accepted by the service; write 'externalId' (keys are "
            "case-sensitive) [manifest-reference-key]\n"
            "tree.json:12:25: 'leadDestination' 'email' does not satisfy the requirement for a CRM destination "
            "('table', 'dynamics', 'httpsEndpoint', 'marketo' or 'salesforce'); e-mail notifications are not a CRM: "
            "managed service offers need one (profile partner-center-2025) [leads-destination-not-allowed]\n");
  ASSERT_EQ(r.offers.size(), 2u);
  EXPECT_EQ(r.offers[0].verdict, "fail");
  EXPECT_EQ(r.offers[1].verdict, "fail");
  for (const Finding& f : r.findings) EXPECT_EQ(f.message.find("Zm9vYmFy"), std::string::npos);
}

TEST(Determinism, SameOutputWhateverTheThreadCount) {
  std::string examples = testing::SourceDir() + "/fixtures";
  RunOptions options;
  options.paths = {examples};
  options.jobs = 1;
  std::string one = Lines(RunCheck(options), "");
  options.jobs = 4;
  EXPECT_EQ(one, Lines(RunCheck(options), ""));
  EXPECT_FALSE(one.empty());
}

// Every report, byte for byte: offers and docs as well as findings.
TEST(Determinism, SameReportsWhateverTheThreadCount) {
  RunOptions options;
  options.paths = {testing::SourceDir() + "/fixtures"};
  auto reports = [&](int jobs) {
    options.jobs = jobs;
    RunResult result = RunCheck(options);
    EXPECT_GT(result.offers.size(), 20u);
    EXPECT_GT(result.docs.size(), 20u);
    std::string all;
    for (const char* format : {"json", "sarif", "junit", "github", "markdown", "html", "text"}) {
      std::ostringstream out;
      ReportOptions report;
      report.color = false;
      EXPECT_TRUE(WriteReport(format, result, report, out)) << format;
      all += std::string("== ") + format + "\n" + out.str();
    }
    return all;
  };
  const std::string one = reports(1);
  EXPECT_EQ(one, reports(2));
  EXPECT_EQ(one, reports(7));
}

TEST(Secrets, NoSecretValueInAnyOutput) {
  TempDir dir;
  const std::string secrets[] = {"c2VjcmV0S2V5Rm9yVGVzdHM0Mg==", "Hunter2Password!", "AppKeyValue~123",
                                 "SigValueXYZ987", "CodeValueQRS654"};
  std::string f = dir.Write("s.json", std::string(R"({
  "$schema": "https://leadlint.dev/schemas/manifest-v1.schema.json",
  "offer": {"id": "s", "type": "powerBiApp", "listings": [{"storefront": "appsource"}],
    "leads": {"leadDestination": "dynamics",
      "dynamicsLeadConfiguration": {"instanceUrl": "https://x.crm.dynamics.com", "authentication": "azureAD",
        "applicationId": "not-a-guid", "applicationKey": ")") +
                                          secrets[2] + R"(", "directoryId": "x",
        "username": "u", "password": ")" + secrets[1] +
                                          R"("},
      "tableLeadConfiguration": {"storageAccountConnectionString": "DefaultEndpointsProtocol=https;AccountName=UPPER;AccountKey=)" +
                                          secrets[0] + R"("},
      "httpsEndpointLeadConfiguration": {"httpsEndpointUrl": "http://h.example.com/a?sig=)" +
                                          secrets[3] + "&code=" + secrets[4] + R"("}}}
  ,"broken": })");
  std::string g = dir.Write("t.json", std::string(R"({
  "$schema": "https://leadlint.dev/schemas/manifest-v1.schema.json",
  "offer": {"id": "s", "type": "powerBiApp", "listings": [{"storefront": "appsource"}],
    "leads": {"leadDestination": "httpsEndpoint",
      "httpsEndpointLeadConfiguration": {"httpsEndpointUrl": "http://h.example.com/a?sig=)" +
                                                  secrets[3] + "&code=" + secrets[4] + R"("},
      "dynamicsLeadConfiguration": {"instanceUrl": "https://x.crm.dynamics.com", "authentication": "azureAD",
        "applicationId": "not-a-guid", "applicationKey": ")" +
                                                  secrets[2] + R"(", "directoryId": "x",
        "username": "u", "password": ")" + secrets[1] +
                                                  R"("},
      "tableLeadConfiguration": {"storageAccountConnectionString": "DefaultEndpointsProtocol=https;AccountName=UPPER;AccountKey=)" +
                                                  secrets[0] + R"("}}}})"));
  for (const char* format : {"text", "json", "sarif", "junit", "github", "markdown", "html"}) {
    auto r = RunBinary({"check", "--color", "always", "--format", format, f, g});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_NE(r.out.find("leads-plaintext-secret"), std::string::npos) << format << r.out;
    for (const std::string& s : secrets) {
      EXPECT_EQ(r.out.find(s), std::string::npos) << format << " output leaks '" << s << "':\n" << r.out;
      EXPECT_EQ(r.err.find(s), std::string::npos) << r.err;
    }
  }
  std::string baseline = dir.path() + "/baseline.json";
  RunBinary({"check", "--write-baseline", baseline, f, g});
  std::string written = testing::ReadFileOrEmpty(baseline);
  EXPECT_FALSE(written.empty());
  for (const std::string& s : secrets) EXPECT_EQ(written.find(s), std::string::npos) << "baseline leaks " << s;
}

// Each duplicate names the first one as related information (editors show it).
TEST(Related, DuplicatesPointAtTheFirstOne) {
  const std::string dir = std::string(LEADLINT_SOURCE_DIR) + "/fixtures/rules/manifest-duplicate-resource/bad/";
  RunOptions options;
  options.paths = {dir};
  RunResult r = RunCheck(options);
  std::string got;
  for (const Finding& f : r.findings) {
    if (f.rule != "manifest-duplicate-resource") continue;
    ASSERT_TRUE(f.related) << f.message;
    ASSERT_EQ(f.related->size(), 1u);
    const RelatedPlace& p = f.related->front();
    got += p.path.str().substr(dir.size()) + ":" + std::to_string(p.line) + ":" + std::to_string(p.column) + ": " +
           p.message + "\n";
  }
  EXPECT_EQ(got,
            "leads-in-two-files/customer-leads.json:4:5: the first 'customer-leads' resource\n"
            "products-with-one-key/contoso-saas.json:7:15: the first product with this key\n"
            "two-customer-leads-in-one-file.json:10:5: the first 'customer-leads' resource\n");
}

}  // namespace
}  // namespace leadlint
