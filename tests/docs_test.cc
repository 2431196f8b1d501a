// Documentation checks: the Markdown reader on the shapes real files have, the
// rule-table extraction, CRLF SHA-1 freshness, and the corpus of real
// translations (run when ../shared/corpus exists, skipped with a message when not).
#include "engine/docs.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "engine/engine.h"
#include "model/doc.h"
#include "parse/markdown.h"
#include "test_util.h"

namespace leadlint {
namespace {

namespace fs = std::filesystem;

std::string Read(const std::string& path) { return testing::ReadFileOrEmpty(path); }

std::string Items(const RuleTable& t, size_t row) {
  std::string out = t.rows[row].storefront.canonical + ":";
  for (const DocTerm& i : t.rows[row].items) out += " " + i.canonical;
  return out;
}

TEST(Markdown, HtmlListsEntitiesSpansAndPositions) {
  std::string text =
      "---\r\ntitle: x\r\n---\r\n"
      "| Storefront | Listing |  \n"
      "|:--- |:--- |  \r\n"
      "| AppSource | <table> <tr><td><span data-ttu-id=\"a1\">Прило&amp;жение</span></td></tr> "
      "<tr><td>咨询服务</td></tr> </table> |  \n"
      "| Azure Marketplace | Azure Marketplace |\n";
  MarkdownDoc md = ParseMarkdown(text);
  ASSERT_TRUE(md.has_front_matter);
  EXPECT_EQ(md.front_matter, "title: x\r\n");
  ASSERT_EQ(md.tables.size(), 1u);
  const MdTable& t = md.tables[0];
  ASSERT_EQ(t.rows.size(), 3u);
  const MdCell& list = t.rows[1].cells[1];
  EXPECT_TRUE(list.is_list);
  ASSERT_EQ(list.items.size(), 2u);
  EXPECT_EQ(list.items[0].text, "Прило&жение");
  EXPECT_EQ(list.items[1].text, "咨询服务");
  SourceFile file("t.md", text);
  LineCol lc = file.Locate(list.items[1].offset);
  EXPECT_EQ(lc.line, 6);
  EXPECT_EQ(lc.column, 95);
  // A header cell equal to a value cell, and a plain cell.
  EXPECT_EQ(t.rows[2].cells[1].text, "Azure Marketplace");
  EXPECT_FALSE(t.rows[2].cells[1].is_list);
}

TEST(Markdown, HeadingsAnchorsSetextAndBom) {
  std::string text =
      "\xEF\xBB\xBF# <a name=\"enable-lead-sharing\"></a>Включение\n\nNext steps\n----------\n\n[a](./x.md#y)\n";
  MarkdownDoc md = ParseMarkdown(text);
  ASSERT_EQ(md.headings.size(), 2u);
  EXPECT_EQ(md.headings[0].anchors, std::vector<std::string>{"enable-lead-sharing"});
  EXPECT_EQ(md.headings[0].text, "Включение");
  EXPECT_EQ(md.headings[1].slug, "next-steps");
  EXPECT_EQ(md.headings[1].level, 2);
  ASSERT_EQ(md.links.size(), 1u);
  EXPECT_EQ(md.links[0].url, "./x.md#y");
}

TEST(Markdown, LimitsAreCheckedBeforeCmarkSeesTheText) {
  std::string row = "|";
  for (int i = 0; i < 10000; ++i) row += " a |";
  MarkdownDoc md = ParseMarkdown("# t\n\n" + row + "\n");
  EXPECT_FALSE(md.parsed);
  ASSERT_EQ(md.errors.size(), 1u);
  EXPECT_EQ(md.errors[0].kind, ParseErrorKind::kMarkdownTableLimit);
  EXPECT_EQ(md.errors[0].offset, 5u);
  EXPECT_EQ(md.errors[0].message,
            "a table row with 10000 columns is wider than the limit of 256 columns; the document is not checked");
}

TEST(Markdown, DeepNestingIsLinear) {
  std::string quotes(60000, '>');
  std::string lists;
  for (int i = 0; i < 2000; ++i) lists += std::string(static_cast<size_t>(i) * 2 % 64, ' ') + "- x\n";
  MarkdownDoc a = ParseMarkdown(quotes + " deep\n");
  MarkdownDoc b = ParseMarkdown(lists);
  EXPECT_TRUE(a.parsed);
  EXPECT_TRUE(b.parsed);
}

TEST(Sha1, CrlfNormalized) {
  EXPECT_EQ(CrlfSha1("a\nb\r\nc\rd"), CrlfSha1("a\r\nb\r\nc\r\nd"));
  EXPECT_EQ(CrlfSha1(""), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
}

class DocsCorpus : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::CorpusDir();
    if (dir_.empty()) GTEST_SKIP() << "../shared/corpus is absent; corpus doc checks skipped";
    dir_ += "/docs";
  }
  std::string dir_;
};

TEST_F(DocsCorpus, CrlfSha1MatchesTheIndexForEveryDoc) {
  std::istringstream index(Read(dir_ + "/INDEX.tsv"));
  std::string line;
  std::getline(index, line);  // header
  int rows = 0;
  while (std::getline(index, line)) {
    std::vector<std::string> cols;
    std::stringstream ss(line);
    for (std::string c; std::getline(ss, c, '\t');) cols.push_back(c);
    ASSERT_EQ(cols.size(), 6u) << line;
    EXPECT_EQ(CrlfSha1(Read(dir_ + "/" + cols[0])).substr(0, cols[5].size()), cols[5]) << cols[0];
    ++rows;
  }
  EXPECT_EQ(rows, 62);
}

TEST_F(DocsCorpus, EveryEnableLeadSharingTranslationExtractsFourTablesShapedLikeTheSource) {
  const std::string folder = dir_ + "/enable-lead-sharing";
  auto source = BuildDocModel(folder + "/MicrosoftDocs__azure-docs.md", Read(folder + "/MicrosoftDocs__azure-docs.md"));
  ExtractRuleTables(source.get(), nullptr);
  ASSERT_EQ(source->rule_tables.size(), 4u);
  EXPECT_EQ(Items(source->rule_tables[2], 0), "appsource: app consulting-services");
  EXPECT_EQ(Items(source->rule_tables[3], 1), "azure-marketplace: azure-marketplace microsoft-field-seller-crm");
  int translations = 0;
  for (const auto& e : fs::directory_iterator(folder)) {
    std::string name = e.path().filename().string();
    if (name.rfind("MicrosoftDocs__", 0) == 0) continue;
    ++translations;
    auto doc = BuildDocModel(e.path().string(), Read(e.path().string()));
    ExtractRuleTables(doc.get(), source.get());
    ASSERT_EQ(doc->rule_tables.size(), 4u) << name;
    EXPECT_FALSE(doc->english) << name;
    for (size_t t = 0; t < 4; ++t) {
      EXPECT_EQ(doc->rule_tables[t].kind, source->rule_tables[t].kind) << name;
      ASSERT_EQ(doc->rule_tables[t].rows.size(), 2u) << name;
      for (size_t r = 0; r < 2; ++r) {
        EXPECT_EQ(Items(doc->rule_tables[t], r), Items(source->rule_tables[t], r)) << name << " table " << t;
      }
    }
  }
  EXPECT_EQ(translations, 37);
}

TEST_F(DocsCorpus, FreshnessNamesTheVersionEachTranslationWasMadeFrom) {
  const std::string folder = dir_ + "/enable-lead-sharing";
  // The English versions in the corpus, by their CRLF SHA-1.
  std::map<std::string, std::string> versions;
  for (const auto& e : fs::directory_iterator(folder)) {
    std::string name = e.path().filename().string();
    if (name.rfind("MicrosoftDocs__", 0) == 0) versions[CrlfSha1(Read(e.path().string()))] = name;
  }
  RunOptions options;
  options.docs.source = folder + "/MicrosoftDocs__azure-docs.md";
  options.docs.history = {folder};
  options.docs.use_git_history = false;
  for (const auto& e : fs::directory_iterator(folder)) {
    if (e.path().filename().string().rfind("MicrosoftDocs__", 0) != 0) options.paths.push_back(e.path().string());
  }
  options.only_rules = {"l10n-stale-translation", "l10n-source-unknown"};
  RunResult r = RunCheck(options);
  int fresh = 0, stale_named = 0, stale_not_in_history = 0;
  for (const DocSummary& d : r.docs) {
    if (d.role != "translation") continue;
    auto doc = BuildDocModel(std::string(d.path), Read(std::string(d.path)));
    std::string hash = doc->front_matter.Find("ms.openlocfilehash")->value;
    auto v = versions.find(hash);
    if (v == versions.end()) {
      // Not the current source's hash: certainly stale (DESIGN §2a).
      EXPECT_EQ(d.freshness, "stale") << d.path;
      EXPECT_EQ(d.translated_from, "") << d.path;
      ++stale_not_in_history;
    } else if (v->second == "MicrosoftDocs__azure-docs.md") {
      EXPECT_EQ(d.freshness, "fresh") << d.path;
      ++fresh;
    } else {
      EXPECT_EQ(d.freshness, "stale") << d.path;
      EXPECT_EQ(fs::path(d.translated_from.view()).filename().string(), v->second) << d.path;
      ++stale_named;
    }
  }
  EXPECT_EQ(fresh, 3);
  EXPECT_EQ(stale_named, 17);
  EXPECT_EQ(stale_not_in_history, 17);
  int stale_findings = 0, naming = 0, unknown_findings = 0;
  for (const Finding& f : r.findings) {
    stale_findings += f.rule == "l10n-stale-translation";
    naming += f.message.find("translated from an older version of the source ('") != std::string::npos;
    unknown_findings += f.rule == "l10n-source-unknown";
  }
  EXPECT_EQ(stale_findings, 34);
  EXPECT_EQ(naming, 17);
  EXPECT_EQ(unknown_findings, 0);
}

TEST_F(DocsCorpus, SeedAzurePiacterIsFlaggedWhereItIs) {
  const std::string seed = testing::SourceDir() + "/../shared/seed/enable-lead-sharing.hu-hu.md";
  RunOptions options;
  options.docs.source = dir_ + "/enable-lead-sharing/MicrosoftDocs__azure-docs.md";
  options.docs.use_git_history = false;
  options.paths = {seed};
  options.only_rules = {"l10n-do-not-translate"};
  RunResult r = RunCheck(options);
  std::vector<std::string> got;
  for (const Finding& f : r.findings) {
    got.push_back(std::to_string(f.line) + ":" + std::to_string(f.column) + " " + SeverityName(f.severity).data() +
                  " " + f.message);
  }
  ASSERT_GE(got.size(), 6u);
  EXPECT_EQ(got[0],
            "20:74 warning 'Azure piactéren' translates or alters the product name 'Azure Marketplace'; product "
            "names stay in English");
  EXPECT_EQ(got[1],
            "25:3 error 'Azure Piactér' translates or alters the product name 'Azure Marketplace'; product "
            "names stay in English");
}

TEST(Extract, SeedListingTableInCanonicalIdentifiers) {
  std::string seed = testing::SourceDir() + "/../shared/seed/enable-lead-sharing.hu-hu.md";
  if (!fs::exists(seed)) GTEST_SKIP() << "../shared/seed is absent; seed extraction skipped";
  auto r = testing::RunBinary({"extract", seed});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  // AppSource -> {app, consulting-services}; Azure Marketplace -> {offer, technology}.
  EXPECT_NE(r.out.find(R"("kind": "listing")"), std::string::npos) << r.out;
  size_t listing = r.out.find(R"("kind": "listing")");
  size_t leads = r.out.find(R"("kind": "leads")");
  std::string part = r.out.substr(listing, leads - listing);
  std::vector<std::string> canon;
  for (size_t p = part.find("\"canonical\": \""); p != std::string::npos; p = part.find("\"canonical\": \"", p + 1)) {
    size_t start = p + 14;
    canon.push_back(part.substr(start, part.find('"', start) - start));
  }
  EXPECT_EQ(canon, (std::vector<std::string>{"app", "consulting-services", "offer", "technology"}));
  EXPECT_NE(part.find(R"("storefront": "appsource")"), std::string::npos);
  EXPECT_NE(part.find(R"("storefront": "azure-marketplace")"), std::string::npos);
}

}  // namespace
}  // namespace leadlint
