// The report writers over a small run result built by hand: two findings (one
// with a fix), an offer with listings, a doc. Text, JSON, JUnit, GitHub and
// Markdown are checked byte for byte; HTML and SARIF by their key parts.
#include "report/report.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

namespace leadlint {
namespace {

constexpr RuleDescriptor kRules[] = {
    {"leads-missing-destination", Severity::kError, "offer has no lead destination", ""},
    {"manifest-deprecated-field", Severity::kWarning, "field is deprecated", "# manifest-deprecated-field\n"},
};

RunResult SmallResult() {
  RunResult result;
  Finding missing;
  missing.rule = "leads-missing-destination";
  missing.severity = Severity::kError;
  missing.path = "offers/a.json";
  missing.line = 3;
  missing.column = 5;
  missing.message = "offer 'A & B' sells on AppSource but has no <leadDestination>";
  missing.excerpt = "  \"type\": \"saas\",";
  Finding deprecated;
  deprecated.rule = "manifest-deprecated-field";
  deprecated.severity = Severity::kWarning;
  deprecated.path = "offers/a.json";
  deprecated.line = 7;
  deprecated.column = 3;
  deprecated.message = "'contactEmail' is deprecated, use 'contactEmails'";
  auto fix = std::make_shared<Fix>();
  fix->description = "rename 'contactEmail' to 'contactEmails'";
  fix->edits = {{120, 14, "\"contactEmails\""}};
  deprecated.fix = fix;
  result.findings = {missing, deprecated};

  OfferSummary offer;
  offer.path = "offers/a.json";
  offer.name = "A & B";
  offer.format = "manifest-v1";
  offer.type = "saas";
  offer.storefronts_assumed = true;
  offer.verdict = "fail";
  offer.decided_by = "leads-missing-destination";
  offer.line = 1;
  offer.column = 1;
  ListingSummary appsource;
  appsource.storefront = "appsource";
  appsource.kind = "app";
  appsource.requirement = "your CRM";
  ListingSummary azure;
  azure.storefront = "azure-marketplace";
  azure.kind = "offer";
  azure.assumed = true;
  azure.requirement = "marketplace keeps leads";
  SetOfferDetails(&offer, {appsource, azure}, {PooledString("AppSource sends every lead to you")});
  result.offers = {offer};

  DocSummary doc;
  doc.path = "docs/fr/guide.md";
  doc.locale = "fr";
  doc.role = "translation";
  doc.source = "docs/guide.md";
  doc.freshness = "stale";
  doc.translated_from = "v1";
  doc.rule_tables = 1;
  result.docs = {doc};

  result.files_checked = 2;
  result.files_skipped = 1;
  result.skipped = {"offers/notes.json"};
  result.checked = {"docs/fr/guide.md", "offers/a.json"};
  result.rules = kRules;
  return result;
}

ReportOptions Options() {
  ReportOptions options;
  options.profile = "partner-center-2022";
  options.version = "1.2.3";
  options.working_directory = "/work/repo";
  return options;
}

std::string Write(const std::string& format, const RunResult& result, const ReportOptions& options = Options()) {
  std::ostringstream out;
  EXPECT_TRUE(WriteReport(format, result, options, out)) << format;
  return out.str();
}

TEST(ReportFormats, UnknownFormatIsRefused) {
  std::ostringstream out;
  EXPECT_FALSE(WriteReport("yaml", SmallResult(), Options(), out));
  EXPECT_EQ(out.str(), "");
}

TEST(TextReport, Exact) {
  EXPECT_EQ(
      Write("text", SmallResult()),
      R"EXP(offers/a.json:3:5: error: offer 'A & B' sells on AppSource but has no <leadDestination> [leads-missing-destination]
  "type": "saas",
    ^
offers/a.json:7:3: warning: 'contactEmail' is deprecated, use 'contactEmails' [manifest-deprecated-field]

docs (storefront rules: built-in (seed))
  docs/fr/guide.md  fr  translation of docs/guide.md  stale (translated from v1)

2 problems (1 error, 1 warning, 0 notes) in 2 files checked; 1 file skipped (not manifests or docs, or ignored) [profile partner-center-2022]
1 problem fixable with --fix; --diff shows the changes
skipped: offers/notes.json
)EXP");
}

TEST(JsonReport, Exact) {
  EXPECT_EQ(Write("json", SmallResult()), R"EXP({
  "$schema": "https://leadlint.dev/schemas/report.schema.json",
  "tool": {
    "name": "leadlint",
    "version": "1.2.3"
  },
  "profile": "partner-center-2022",
  "summary": {
    "filesChecked": 2,
    "filesSkipped": 1,
    "errors": 1,
    "warnings": 1,
    "notes": 0
  },
  "skipped": [
    "offers/notes.json"
  ],
  "offers": [
    {
      "path": "offers/a.json",
      "line": 1,
      "column": 1,
      "name": "A & B",
      "format": "manifest-v1",
      "type": "saas",
      "storefronts": [
        "appsource",
        "azure-marketplace"
      ],
      "storefrontsAssumed": true,
      "leadDestination": null,
      "verdict": "fail",
      "decidedBy": "leads-missing-destination"
    }
  ],
  "docs": [
    {
      "path": "docs/fr/guide.md",
      "locale": "fr",
      "role": "translation",
      "ruleTables": 1,
      "source": "docs/guide.md",
      "freshness": "stale",
      "translatedFrom": "v1"
    }
  ],
  "storefrontRules": "built-in (seed)",
  "findings": [
    {
      "rule": "leads-missing-destination",
      "severity": "error",
      "path": "offers/a.json",
      "line": 3,
      "column": 5,
      "message": "offer 'A & B' sells on AppSource but has no <leadDestination>"
    },
    {
      "rule": "manifest-deprecated-field",
      "severity": "warning",
      "path": "offers/a.json",
      "line": 7,
      "column": 3,
      "message": "'contactEmail' is deprecated, use 'contactEmails'",
      "fix": {
        "description": "rename 'contactEmail' to 'contactEmails'",
        "safe": true,
        "edits": [
          {
            "offset": 120,
            "length": 14,
            "replacement": "\"contactEmails\""
          }
        ]
      }
    }
  ]
}
)EXP");
}

TEST(JunitReport, Exact) {
  EXPECT_EQ(Write("junit", SmallResult()), R"EXP(<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="leadlint" tests="4" failures="2" errors="0" time="0">
  <testsuite name="leadlint partner-center-2022" tests="4" failures="2" errors="0" skipped="0" time="0">
    <testcase classname="docs/fr/guide.md" name="docs" file="docs/fr/guide.md" time="0"/>
    <testcase classname="docs/fr/guide.md" name="l10n" file="docs/fr/guide.md" time="0"/>
    <testcase classname="offers/a.json" name="manifest" file="offers/a.json" time="0">
      <failure type="manifest" message="1 manifest finding">offers/a.json:7:3: warning: &apos;contactEmail&apos; is deprecated, use &apos;contactEmails&apos; [manifest-deprecated-field]
</failure>
    </testcase>
    <testcase classname="offers/a.json" name="leads" file="offers/a.json" time="0">
      <failure type="leads" message="1 leads finding">offers/a.json:3:5: error: offer &apos;A &amp; B&apos; sells on AppSource but has no &lt;leadDestination&gt; [leads-missing-destination]
</failure>
    </testcase>
  </testsuite>
</testsuites>
)EXP");
}

TEST(GithubReport, Exact) {
  EXPECT_EQ(
      Write("github", SmallResult()),
      R"EXP(::error file=offers/a.json,line=3,col=5,title=leadlint leads-missing-destination::offer 'A & B' sells on AppSource but has no <leadDestination> [leads-missing-destination]
::warning file=offers/a.json,line=7,col=3,title=leadlint manifest-deprecated-field::'contactEmail' is deprecated, use 'contactEmails' [manifest-deprecated-field]
)EXP");
}

TEST(MarkdownReport, Exact) {
  EXPECT_EQ(Write("markdown", SmallResult()), R"EXP(### leadlint: ❌ 1 error

| files checked | skipped | errors | warnings | notes | profile |
|---:|---:|---:|---:|---:|---|
| 2 | 1 | 1 | 1 | 0 | `partner-center-2022` |

| offer | type | storefronts | lead destination | verdict | decided by |
|---|---|---|---|---|---|
| A & B (`offers/a.json:1`) | saas | appsource, azure-marketplace (assumed) | — | ❌ fail | `leads-missing-destination` (`partner-center-2022`) |

| | location | message | rule |
|---|---|---|---|
| ❌ | `offers/a.json:3:5` | offer 'A & B' sells on AppSource but has no &lt;leadDestination> | `leads-missing-destination` |
| ⚠️ | `offers/a.json:7:3` | 'contactEmail' is deprecated, use 'contactEmails' | `manifest-deprecated-field` |
)EXP");
}

TEST(HtmlReport, KeyParts) {
  const std::string html = Write("html", SmallResult());
  for (const char* part : {
           "<header><h1>leadlint compliance report</h1><div>profile <b>partner-center-2022</b> · leadlint "
           "1.2.3</div></header>\n",
           "<div class=\"card\" id=\"total-files\"><b>2</b>files checked</div>",
           "<div class=\"card\"><b>1</b>non-compliant</div>",
           "<div class=\"offer\" data-verdict=\"fail\"><h3>A &amp; B <span class=\"verdict fail\">fail</span></h3>\n",
           "<tr><td>Azure Marketplace <span class=\"muted\">(assumed)</span></td><td>offer</td><td>marketplace keeps "
           "leads</td><td>none configured</td></tr>\n",
           "<ul class=\"reasons\"><li>AppSource sends every lead to you</li></ul>\n",
           "<tr class=\"doc\"><td class=\"loc\">docs/fr/guide.md</td><td>fr</td><td><span class=\"verdict "
           "fail\">stale</span><div class=\"muted\">from v1</div></td>",
           "<option>leads-missing-destination</option><option>manifest-deprecated-field</option>",
           "offer &apos;A &amp; B&apos; sells on AppSource but has no &lt;leadDestination&gt;",
           "<pre>  &quot;type&quot;: &quot;saas&quot;,\n    ^</pre>",
           "<li class=\"loc\">offers/notes.json</li>",
       }) {
    EXPECT_NE(html.find(part), std::string::npos) << part;
  }
  EXPECT_EQ(html.find("<leadDestination>"), std::string::npos) << "unescaped message";
  EXPECT_EQ(html.substr(html.size() - 16), "</body>\n</html>\n");
}

// A doc's finding of a check outside the matrix's main columns gets a column
// of its own (no row of "ok" over a finding); a rule with no finding on a doc
// gets none.
TEST(HtmlReport, EveryDocCheckWithAFindingHasAColumn) {
  static constexpr RuleDescriptor kDocRules[] = {
      {"docs-missing-image", Severity::kError, "an image whose file does not exist", ""},
      {"l10n-markup-parity", Severity::kWarning, "markup counts differ from the source", ""},
      {"leads-missing-destination", Severity::kError, "offer has no lead destination", ""},
  };
  RunResult result = SmallResult();
  result.rules = kDocRules;
  Finding markup;
  markup.rule = "l10n-markup-parity";
  markup.severity = Severity::kWarning;
  markup.path = "docs/fr/guide.md";
  markup.line = 9;
  markup.column = 1;
  markup.message = "2 bold spans in the source, 1 here";
  result.findings.push_back(markup);
  const std::string html = Write("html", result);
  EXPECT_NE(html.find("<th>l10n-link-parity</th><th>l10n-markup-parity</th></tr>\n"), std::string::npos) << html;
  EXPECT_EQ(html.find("<th>docs-missing-image</th>"), std::string::npos);
  EXPECT_NE(html.find("<span class=\"verdict pass\">ok</span></td><td><span class=\"verdict fail\">1</span></td></tr>"),
            std::string::npos);
  EXPECT_EQ(Write("html", SmallResult()).find("<th>l10n-markup-parity</th>"), std::string::npos);
}

TEST(SarifReport, KeyParts) {
  const nlohmann::json sarif = nlohmann::json::parse(Write("sarif", SmallResult()));
  EXPECT_EQ(sarif["version"], "2.1.0");
  const nlohmann::json& run = sarif["runs"][0];
  EXPECT_EQ(run["originalUriBaseIds"]["SRCROOT"]["uri"], "file:///work/repo/");
  EXPECT_EQ(run["properties"]["profile"], "partner-center-2022");
  const nlohmann::json& rules = run["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.size(), 2u);
  EXPECT_EQ(rules[1]["name"], "ManifestDeprecatedField");
  EXPECT_EQ(rules[1]["shortDescription"]["text"], "Field is deprecated.");
  EXPECT_EQ(rules[1]["defaultConfiguration"]["level"], "warning");
  EXPECT_EQ(rules[1]["properties"]["tags"], nlohmann::json::array({"manifest"}));
  EXPECT_EQ(rules[1]["help"]["markdown"], "# manifest-deprecated-field\n");
  EXPECT_FALSE(rules[0]["help"].contains("markdown"));
  const nlohmann::json& results = run["results"];
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0]["ruleId"], "leads-missing-destination");
  EXPECT_EQ(results[0]["ruleIndex"], 0);
  EXPECT_EQ(results[0]["level"], "error");
  EXPECT_EQ(results[0]["message"]["text"], "Offer 'A & B' sells on AppSource but has no <leadDestination>.");
  const nlohmann::json& location = results[0]["locations"][0]["physicalLocation"];
  EXPECT_EQ(location["artifactLocation"]["uri"], "offers/a.json");
  EXPECT_EQ(location["artifactLocation"]["uriBaseId"], "SRCROOT");
  EXPECT_EQ(location["region"]["startLine"], 3);
  EXPECT_EQ(location["region"]["startColumn"], 5);
  EXPECT_EQ(location["region"]["snippet"]["text"], "  \"type\": \"saas\",");
  EXPECT_FALSE(results[0].contains("fixes"));
  EXPECT_EQ(results[1]["ruleIndex"], 1);
  const nlohmann::json& fix = results[1]["fixes"][0];
  EXPECT_EQ(fix["description"]["text"], "Rename 'contactEmail' to 'contactEmails'.");
  const nlohmann::json& replacement = fix["artifactChanges"][0]["replacements"][0];
  EXPECT_EQ(replacement["deletedRegion"]["byteOffset"], 120);
  EXPECT_EQ(replacement["deletedRegion"]["byteLength"], 14);
  EXPECT_EQ(replacement["insertedContent"]["text"], "\"contactEmails\"");
  EXPECT_EQ(results[1]["partialFingerprints"].size(), 1u);
}

// A finding that names other places (a duplicate, the product of another
// file): the JSON report lists them as `related`, SARIF as relatedLocations
// relative to SRCROOT, which widens to hold a related file outside the
// working directory.
RunResult WithRelated() {
  RunResult result = SmallResult();
  result.findings[0].related = std::make_shared<const std::vector<RelatedPlace>>(std::vector<RelatedPlace>{
      {"offers/products.json", 40, 6, 2, 11, "the product 'A & B' whose listings this lead configuration serves"},
      {"../shared/first.json", 0, 1, 1, 1, "the first 'customer-leads' resource"}});
  return result;
}

TEST(JsonReport, RelatedPlacesFollowTheMessage) {
  const std::string json = Write("json", WithRelated());
  EXPECT_NE(json.find(R"EXP(      "message": "offer 'A & B' sells on AppSource but has no <leadDestination>",
      "related": [
        {
          "path": "offers/products.json",
          "line": 2,
          "column": 11,
          "message": "the product 'A & B' whose listings this lead configuration serves"
        },
        {
          "path": "../shared/first.json",
          "line": 1,
          "column": 1,
          "message": "the first 'customer-leads' resource"
        }
      ]
    },
)EXP"),
            std::string::npos)
      << json;
  EXPECT_EQ(Write("json", SmallResult()).find("\"related\""), std::string::npos);
}

TEST(SarifReport, RelatedLocations) {
  const nlohmann::json sarif = nlohmann::json::parse(Write("sarif", WithRelated()));
  const nlohmann::json& run = sarif["runs"][0];
  EXPECT_EQ(run["originalUriBaseIds"]["SRCROOT"]["uri"], "file:///work/");
  const nlohmann::json& result = run["results"][0];
  EXPECT_EQ(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "repo/offers/a.json");
  const nlohmann::json& related = result["relatedLocations"];
  ASSERT_EQ(related.size(), 2u);
  EXPECT_EQ(related[0]["id"], 0);
  EXPECT_EQ(related[0]["physicalLocation"]["artifactLocation"]["uri"], "repo/offers/products.json");
  EXPECT_EQ(related[0]["physicalLocation"]["artifactLocation"]["uriBaseId"], "SRCROOT");
  EXPECT_EQ(related[0]["physicalLocation"]["region"]["startLine"], 2);
  EXPECT_EQ(related[0]["physicalLocation"]["region"]["startColumn"], 11);
  EXPECT_EQ(related[0]["message"]["text"], "The product 'A & B' whose listings this lead configuration serves.");
  EXPECT_EQ(related[1]["id"], 1);
  EXPECT_EQ(related[1]["physicalLocation"]["artifactLocation"]["uri"], "shared/first.json");
  EXPECT_FALSE(run["results"][1].contains("relatedLocations"));
  // Linked from the message, as GitHub code scanning shows related locations.
  EXPECT_EQ(result["message"]["text"],
            "Offer 'A & B' sells on AppSource but has no <leadDestination>. See [the product 'A & B' whose listings "
            "this lead configuration serves](0), [the first 'customer-leads' resource](1).");
  EXPECT_EQ(run["results"][1]["message"]["text"], "'contactEmail' is deprecated, use 'contactEmails'.");
  RunResult brackets = WithRelated();
  brackets.findings[0].message = "an array [0] of one";
  (*std::const_pointer_cast<std::vector<RelatedPlace>>(brackets.findings[0].related))[0].message = "the [first]";
  const nlohmann::json escaped = nlohmann::json::parse(Write("sarif", brackets));
  EXPECT_EQ(escaped["runs"][0]["results"][0]["message"]["text"],
            "An array \\[0\\] of one. See [the \\[first\\]](0), [the first 'customer-leads' resource](1).");
}

}  // namespace
}  // namespace leadlint
