// Markdown and rule-table extraction: leadlint::ParseMarkdown (cmark-gfm with
// the table extension, plus leadlint's walk for headings, links, HTML list
// cells and prose), BuildDocModel (front matter + Markdown + locale), and
// ExtractRuleTables for an English source and for a translation aligned with
// it. Inputs: the lead-sharing fixtures in four locales and synthetic pages
// of 4 KB to 256 KB.
#include <benchmark/benchmark.h>

#include <memory>
#include <string>

#include "bench_inputs.h"
#include "model/doc.h"
#include "parse/markdown.h"

namespace leadlint::bench {
namespace {

constexpr const char* kDocSet = "fixtures/rules/docs-rule-table/good/complete-set/";
constexpr const char* kPage = "/articles/marketplace/enable-lead-sharing.md";

std::string LeadSharingPage(const std::string& tree) { return ReadSourceFile(kDocSet + tree + kPage); }

// A docs page of about `bytes`: front matter, headings, prose with links,
// bullet lists, a field table and a code block, repeated.
std::string SyntheticPage(size_t bytes) {
  std::string out =
      "---\ntitle: Lead destinations\nms.date: 06/01/2022\nms.topic: how-to\nms.contentlocale: de-de\n"
      "ms.openlocfilehash: 0123456789abcdef0123456789abcdef01234567\n---\n\n# Lead destinations\n\n";
  for (unsigned section = 0; out.size() < bytes; ++section) {
    out += "## Section " + std::to_string(section) + "\n\n";
    out += Prose(400, section) + " See [the guide](./lead-management.md#section-" + std::to_string(section) +
           ") and [Partner Center](https://partner.microsoft.com/dashboard).\n\n";
    out += "- " + Prose(60, section + 1) + "\n- " + Prose(60, section + 2) + "\n\n";
    out += "| Field | Value |\n|---|---|\n";
    for (int row = 0; row < 6; ++row)
      out += "| `field" + std::to_string(row) + "` | " + Prose(40, section + row) + " |\n";
    out += "\n```json\n{ \"leadDestination\": \"AzureTable\" }\n```\n\n";
  }
  return out;
}

void BM_ParseMarkdown_LeadSharing(benchmark::State& state, const std::string& tree) {
  const std::string text = LeadSharingPage(tree);
  for (auto _ : state) {
    MarkdownDoc doc = ParseMarkdown(text);
    benchmark::DoNotOptimize(doc.headings.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
  state.counters["bytes"] = static_cast<double>(text.size());
}
BENCHMARK_CAPTURE(BM_ParseMarkdown_LeadSharing, en_us, std::string("azure-docs"));
BENCHMARK_CAPTURE(BM_ParseMarkdown_LeadSharing, hu_hu, std::string("azure-docs.hu-hu"));
BENCHMARK_CAPTURE(BM_ParseMarkdown_LeadSharing, ja_jp, std::string("azure-docs.ja-jp"));
BENCHMARK_CAPTURE(BM_ParseMarkdown_LeadSharing, ru_ru, std::string("azure-docs.ru-ru"));

void BM_ParseMarkdown_Synthetic(benchmark::State& state) {
  const std::string text = SyntheticPage(static_cast<size_t>(state.range(0)));
  for (auto _ : state) {
    MarkdownDoc doc = ParseMarkdown(text);
    benchmark::DoNotOptimize(doc.links.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_ParseMarkdown_Synthetic)->Arg(4 << 10)->Arg(32 << 10)->Arg(256 << 10);

// Front matter (yaml-cpp), Markdown and the locale: everything before the rules.
void BM_BuildDocModel(benchmark::State& state, const std::string& tree) {
  const std::string text = LeadSharingPage(tree);
  const std::string path = tree + kPage;
  for (auto _ : state) {
    std::unique_ptr<DocModel> doc = BuildDocModel(path, text);
    benchmark::DoNotOptimize(doc.get());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}
BENCHMARK_CAPTURE(BM_BuildDocModel, en_us, std::string("azure-docs"));
BENCHMARK_CAPTURE(BM_BuildDocModel, hu_hu, std::string("azure-docs.hu-hu"));

// Table extraction alone, on an already built model: the English source maps
// its own terms; a translation is aligned with the source model.
void BM_ExtractRuleTables(benchmark::State& state, const std::string& tree) {
  std::unique_ptr<DocModel> source = BuildDocModel(std::string("azure-docs") + kPage, LeadSharingPage("azure-docs"));
  ExtractRuleTables(source.get(), nullptr);
  const bool english = tree == "azure-docs";
  std::unique_ptr<DocModel> doc = BuildDocModel(tree + kPage, LeadSharingPage(tree));
  size_t tables = 0;
  for (auto _ : state) {
    ExtractRuleTables(doc.get(), english ? nullptr : source.get());
    tables = doc->rule_tables.size();
  }
  state.counters["tables"] = static_cast<double>(tables);
  if (tables != 4) state.SkipWithError("expected the four storefront rule tables");
}
BENCHMARK_CAPTURE(BM_ExtractRuleTables, en_us, std::string("azure-docs"));
BENCHMARK_CAPTURE(BM_ExtractRuleTables, hu_hu, std::string("azure-docs.hu-hu"));
BENCHMARK_CAPTURE(BM_ExtractRuleTables, ja_jp, std::string("azure-docs.ja-jp"));

}  // namespace
}  // namespace leadlint::bench
