// JSON with positions: leadlint::ParseJson on the example fixtures and on
// synthetic manifests from 1 KB to 1 MB (bytes/s is the figure to watch).
#include <benchmark/benchmark.h>

#include "bench_inputs.h"
#include "parse/json.h"

namespace leadlint::bench {
namespace {

void ParseText(benchmark::State& state, const std::string& text) {
  for (auto _ : state) {
    JsonParseResult result = ParseJson(text);
    benchmark::DoNotOptimize(result.root.children.data());
    if (!result.ok) state.SkipWithError("the input did not parse");
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
  state.counters["bytes"] = static_cast<double>(text.size());
}

void BM_ParseJson_FixtureV1(benchmark::State& state) { ParseText(state, ReadSourceFile(kFixtureV1)); }
void BM_ParseJson_FixtureProductIngestion(benchmark::State& state) { ParseText(state, ReadSourceFile(kFixturePi)); }
void BM_ParseJson_FixtureCloudPartnerPortal(benchmark::State& state) { ParseText(state, ReadSourceFile(kFixtureCpp)); }
BENCHMARK(BM_ParseJson_FixtureV1);
BENCHMARK(BM_ParseJson_FixtureProductIngestion);
BENCHMARK(BM_ParseJson_FixtureCloudPartnerPortal);

// Structure-heavy: many small objects and keys (Cloud Partner Portal plans).
void BM_ParseJson_CppPlans(benchmark::State& state) { ParseText(state, CppOffer(static_cast<int>(state.range(0)))); }
BENCHMARK(BM_ParseJson_CppPlans)->Arg(2)->Arg(40)->Arg(2000);

// String-heavy: one long listing description (escapes, UTF-8 validation).
void BM_ParseJson_PiLongStrings(benchmark::State& state) {
  ParseText(state, PiConfigure("dynamics", static_cast<size_t>(state.range(0))));
}
BENCHMARK(BM_ParseJson_PiLongStrings)->Arg(1 << 10)->Arg(20 << 10)->Arg(1 << 20);

// Deep nesting close to the default depth limit.
void BM_ParseJson_Deep(benchmark::State& state) {
  const int depth = static_cast<int>(state.range(0));
  std::string text;
  for (int i = 0; i < depth; ++i) text += "{\"a\":";
  text += "1";
  for (int i = 0; i < depth; ++i) text += "}";
  ParseText(state, text);
}
BENCHMARK(BM_ParseJson_Deep)->Arg(16)->Arg(250);

// A syntax error near the end: the parse must stop cheaply and report once.
void BM_ParseJson_SyntaxErrorAtEnd(benchmark::State& state) {
  std::string text = CppOffer(40);
  text.insert(text.size() - 8, "x");
  for (auto _ : state) {
    JsonParseResult result = ParseJson(text);
    benchmark::DoNotOptimize(result.findings.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_ParseJson_SyntaxErrorAtEnd);

}  // namespace
}  // namespace leadlint::bench
