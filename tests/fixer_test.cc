// Autofix: edits on the original bytes (line endings, BOM, escapes and the
// final newline untouched), safe and unsafe fixes, passes until nothing
// changes, fixes that would break a file dropped, and the unified diff.
#include "engine/fixer.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "test_util.h"

namespace leadlint {
namespace {

const char* kPreview2Head =
    "{\r\n"
    "  \"$schema\": \"https://schema.mp.microsoft.com/schema/configure/2022-03-01-preview2\",\r\n"
    "  \"resources\": [\r\n"
    "    {\"$schema\": \"https://schema.mp.microsoft.com/schema/product/2022-03-01-preview3\",\r\n"
    "     \"identity\": {\"externalId\": \"proseware\"}, \"type\": \"softwareAsAService\", \"alias\": "
    "\"Pros\\u00e9ware \xC3\xA9\"},\r\n"
    "    {\"$schema\": \"https://schema.mp.microsoft.com/schema/customer-leads/2022-03-01-preview2\",\r\n"
    "     \"product\": {\"externalId\": \"proseware\"},\r\n";

std::string Doc(const std::string& leads) {
  return std::string("\xEF\xBB\xBF") + kPreview2Head + leads + "}\r\n  ]\r\n}";
}

TEST(Fixer, ApplyEditsRefusesOverlaps) {
  std::string out = "unchanged";
  EXPECT_TRUE(ApplyEdits("abcdef", {{4, 1, "E"}, {0, 2, "AB"}, {3, 0, "+"}}, &out));
  EXPECT_EQ(out, "ABc+dEf");
  out = "unchanged";
  EXPECT_FALSE(ApplyEdits("abcdef", {{0, 3, "x"}, {2, 1, "y"}}, &out));
  EXPECT_EQ(out, "unchanged");
}

TEST(Fixer, SafeFixesKeepEveryOtherByte) {
  const std::string before =
      Doc("     \"leadDestination\": \"Salesforce\",\r\n"
          "     \"salesforceLeadConfiguration\": {\"objectIdentifier\": \"00D5g000004PrOs\",\r\n"
          "       \"contactEmail\": \"sales@proseware.example; presales@proseware.example\"}");
  RunOptions options;
  FixResult r = FixText("offer.json", before, options, false);
  EXPECT_EQ(r.text, Doc("     \"leadDestination\": \"salesforce\",\r\n"
                        "     \"salesforceLeadConfiguration\": {\"objectIdentifier\": \"00D5g000004PrOs\",\r\n"
                        "       \"contactEmail\": [\"sales@proseware.example\", \"presales@proseware.example\"]}"));
  ASSERT_EQ(r.applied.size(), 2u);
  // The destination is fixed first; the contact list once the destination is valid.
  EXPECT_EQ(r.applied[0].description, "change the case of 'leadDestination' from 'Salesforce' to 'salesforce'");
  EXPECT_EQ(r.applied[1].description, "split 'contactEmail' into a list of 2 addresses");
  EXPECT_EQ(r.passes, 2);
  // Fixing again changes nothing.
  EXPECT_EQ(FixText("offer.json", r.text, options, false).text, r.text);
}

TEST(Fixer, UnsafeFixesOnlyWhenAsked) {
  const std::string before = Doc(
      "     \"leadDestination\": \"none\",\r\n"
      "     \"httpsEndpointLeadConfiguration\": {\"httpsEndpointUrl\": \"http://leads.example/api?code=Zm9vYmFy\"}");
  RunOptions options;
  EXPECT_EQ(FixText("offer.json", before, options, false).text, before);
  FixResult r = FixText("offer.json", before, options, true);
  EXPECT_EQ(r.text, Doc("     \"leadDestination\": \"none\""));
  ASSERT_EQ(r.applied.size(), 1u);
  EXPECT_FALSE(r.applied[0].safe);
  EXPECT_EQ(r.applied[0].description, "remove 'httpsEndpointLeadConfiguration', which the service ignores");
}

TEST(Fixer, SchemeAndAuthenticationFixes) {
  const std::string https = Doc(
      "     \"leadDestination\": \"httpsEndpoint\",\r\n"
      "     \"httpsEndpointLeadConfiguration\": {\"httpsEndpointUrl\": \"http://leads.example/api?code=Zm9vYmFy\"}");
  RunOptions options;
  FixResult r = FixText("offer.json", https, options, true);
  EXPECT_EQ(r.text, Doc("     \"leadDestination\": \"httpsEndpoint\",\r\n"
                        "     \"httpsEndpointLeadConfiguration\": {\"httpsEndpointUrl\": "
                        "\"https://leads.example/api?code=Zm9vYmFy\"}"));
  const std::string dynamics =
      Doc("     \"leadDestination\": \"dynamics\",\r\n"
          "     \"dynamicsLeadConfiguration\": {\"instanceUrl\": \"https://x.crm.dynamics.com\", \"authentication\": "
          "\"AzureAd\",\r\n"
          "       \"applicationId\": \"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d\", \"applicationKey\": \"****\",\r\n"
          "       \"directoryId\": \"f0e1d2c3-b4a5-4968-8776-655443322110\"}");
  r = FixText("offer.json", dynamics, options, false);
  ASSERT_EQ(r.applied.size(), 1u);
  EXPECT_NE(r.text.find("\"authentication\": \"azureAD\","), std::string::npos);
  EXPECT_EQ(r.text.size(), dynamics.size());
}

TEST(Fixer, DidYouMeanThatIsNotACaseChangeIsUnsafe) {
  const std::string before =
      Doc("     \"leadDestination\": \"AzureTable\",\r\n"
          "     \"tableLeadConfiguration\": {\"storageAccountConnectionString\": \"${CONN}\"}");
  RunOptions options;
  EXPECT_TRUE(FixText("offer.json", before, options, false).applied.empty());
  FixResult r = FixText("offer.json", before, options, true);
  ASSERT_EQ(r.applied.size(), 1u);
  EXPECT_EQ(r.applied[0].description, "replace 'leadDestination' 'AzureTable' with 'table'");
}

TEST(Fixer, UnifiedDiffWithContextAndMaskedSecrets) {
  std::string before =
      "{\n  \"a\": 1,\n  \"password\": \"hunter2\",\n  \"b\": \"x\",\n  \"c\": 3,\n  \"d\": 4,\n  \"e\": 5\n}\n";
  std::string after = before;
  after.replace(after.find("\"x\""), 3, "[\"x\"]");
  EXPECT_EQ(UnifiedDiff("o.json", before, after),
            "--- a/o.json\n+++ b/o.json\n@@ -1,7 +1,7 @@\n {\n   \"a\": 1,\n   \"password\": \"*******\",\n"
            "-  \"b\": \"x\",\n+  \"b\": [\"x\"],\n   \"c\": 3,\n   \"d\": 4,\n   \"e\": 5\n");
  EXPECT_EQ(UnifiedDiff("o.json", before, before), "");
  EXPECT_EQ(UnifiedDiff("n.json", "a\nb", "a\nc"),
            "--- a/n.json\n+++ b/n.json\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at "
            "end of file\n");
}

std::string Slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The CLI: --diff shows and writes nothing, --fix writes each real file once
// (named twice, through a symlink too), keeps CRLF, and refuses --shard.
TEST(FixCommand, DiffThenFixThenNothingLeft) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("leadlint-fix-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "offers");
  const std::string before =
      Doc("     \"leadDestination\": \"email\",\r\n"
          "     \"emailLeadConfiguration\": {\"contactEmail\": \"a@contoso.example,b@contoso.example\"}");
  std::ofstream(dir / "offers/leads.json", std::ios::binary) << before;
  fs::create_symlink(dir / "offers/leads.json", dir / "alias.json");
  auto diff = testing::RunBinary({"check", "--diff", "offers/leads.json", "alias.json"}, dir.string());
  EXPECT_EQ(diff.exit_code, 1) << diff.err;
  // The first spelling in path order names the file; the other is the same file.
  EXPECT_EQ(diff.out.rfind("--- a/alias.json\n+++ b/alias.json\n@@ -6,6 +6,6 @@\n", 0), 0u) << diff.out;
  EXPECT_EQ(diff.out.find("offers/leads.json"), std::string::npos) << diff.out;
  EXPECT_NE(
      diff.out.find(
          "-     \"emailLeadConfiguration\": {\"contactEmail\": \"a@contoso.example,b@contoso.example\"}}\r\n"
          "+     \"emailLeadConfiguration\": {\"contactEmail\": [\"a@contoso.example\", \"b@contoso.example\"]}}\r\n"),
      std::string::npos)
      << diff.out;
  EXPECT_EQ(Slurp(dir / "offers/leads.json"), before);  // --diff writes nothing
  EXPECT_EQ(testing::RunBinary({"check", "--fix", "--shard", "1/2", "offers"}, dir.string()).exit_code, 2);
  auto fix =
      testing::RunBinary({"check", "--fix", "--color", "never", "offers/leads.json", "alias.json"}, dir.string());
  EXPECT_EQ(fix.err,
            "leadlint: alias.json: fixed: split 'contactEmail' into a list of 2 addresses [leads-invalid-field]\n"
            "leadlint: fixed 1 problem in 1 file\n");
  EXPECT_EQ(Slurp(dir / "offers/leads.json"),
            Doc("     \"leadDestination\": \"email\",\r\n"
                "     \"emailLeadConfiguration\": {\"contactEmail\": [\"a@contoso.example\", \"b@contoso.example\"]}"));
  EXPECT_TRUE(fs::is_symlink(dir / "alias.json"));
  EXPECT_EQ(testing::RunBinary({"check", "--diff", "offers"}, dir.string()).exit_code, 0);
  fs::remove_all(dir);
}

// A translation's rule table: a translated storefront name is restored to the
// aligned source cell's term; nothing else in the page changes.
TEST(FixCommand, TranslatedStorefrontNameInARuleTableIsRestored) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("leadlint-fix-md-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::copy(fs::path(testing::SourceDir()) / "fixtures/rules/l10n-do-not-translate/bad/chinese-azure-shichang", dir,
           fs::copy_options::recursive);
  const fs::path page = dir / "azure-docs.zh-cn/articles/marketplace/enable-lead-sharing.md";
  const std::string before = Slurp(page);
  ASSERT_NE(before.find("| Azure \u5e02\u573a | "), std::string::npos);
  auto fix = testing::RunBinary({"check", "--fix", "--no-git-history", "--color", "never", "."}, dir.string());
  EXPECT_NE(fix.err.find("fixed: restore the product name 'Azure Marketplace' in place of 'Azure \u5e02\u573a' "
                         "[l10n-do-not-translate]"),
            std::string::npos)
      << fix.err;
  const std::string after = Slurp(page);
  EXPECT_EQ(after.find("| Azure \u5e02\u573a | "), std::string::npos);
  std::string expected = before;
  for (size_t p = expected.find("| Azure \u5e02\u573a | "); p != std::string::npos;
       p = expected.find("| Azure \u5e02\u573a | ")) {
    expected.replace(p, std::string("| Azure \u5e02\u573a | ").size(), "| Azure Marketplace | ");
  }
  // HTML list items inside a cell are aligned items too.
  for (size_t p = expected.find("<td>Azure \u5e02\u573a</td>"); p != std::string::npos;
       p = expected.find("<td>Azure \u5e02\u573a</td>")) {
    expected.replace(p, std::string("<td>Azure \u5e02\u573a</td>").size(), "<td>Azure Marketplace</td>");
  }
  EXPECT_EQ(after, expected);
  EXPECT_EQ(testing::RunBinary({"check", "--diff", "--no-git-history", "."}, dir.string()).exit_code, 0);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace leadlint
