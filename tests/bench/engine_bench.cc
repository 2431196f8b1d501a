// A whole-file check: leadlint::CheckManifestText (parse, detect the format,
// normalize, every file-level rule, locate findings) for each format and size.
// Offer-level rules and cross-file resolution run in RunCheck, not here.
#include <benchmark/benchmark.h>

#include "bench_inputs.h"
#include "engine/engine.h"

namespace leadlint::bench {
namespace {

void Check(benchmark::State& state, const std::string& path, const std::string& text) {
  RunOptions options;
  size_t findings = 0;
  for (auto _ : state) {
    FileOutcome outcome = CheckManifestText(path, text, false, options);
    findings = outcome.findings.size();
    benchmark::DoNotOptimize(outcome.offers.data());
  }
  state.counters["findings"] = static_cast<double>(findings);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}

void BM_Check_FixtureV1(benchmark::State& state) { Check(state, kFixtureV1, ReadSourceFile(kFixtureV1)); }
void BM_Check_FixtureProductIngestion(benchmark::State& state) { Check(state, kFixturePi, ReadSourceFile(kFixturePi)); }
void BM_Check_FixtureCloudPartnerPortal(benchmark::State& state) {
  Check(state, kFixtureCpp, ReadSourceFile(kFixtureCpp));
}
BENCHMARK(BM_Check_FixtureV1);
BENCHMARK(BM_Check_FixtureProductIngestion);
BENCHMARK(BM_Check_FixtureCloudPartnerPortal);

void BM_Check_V1(benchmark::State& state) {
  Check(state, "offer.json", V1Manifest("dynamics", static_cast<size_t>(state.range(0))));
}
BENCHMARK(BM_Check_V1)->Arg(1 << 10)->Arg(4 << 10)->Arg(20 << 10);

void BM_Check_ProductIngestion(benchmark::State& state) {
  Check(state, "configure.json", PiConfigure("table", static_cast<size_t>(state.range(0))));
}
BENCHMARK(BM_Check_ProductIngestion)->Arg(1 << 10)->Arg(4 << 10)->Arg(20 << 10);

void BM_Check_CloudPartnerPortal(benchmark::State& state) {
  Check(state, "offer.json", CppOffer(static_cast<int>(state.range(0))));
}
BENCHMARK(BM_Check_CloudPartnerPortal)->Arg(2)->Arg(8)->Arg(40);

// Files with findings: a syntax error, a duplicate key, an 18-character
// Salesforce id and a plaintext AccountKey (message building, redaction).
void BM_Check_WithFindings(benchmark::State& state) {
  std::string text;
  switch (state.range(0)) {
    case 0:
      text = V1Manifest("dynamics", 4 << 10);
      text.erase(text.find("\"name\"") - 6, 1);  // the comma after "id"
      state.SetLabel("syntax-error");
      break;
    case 1:
      text = V1Manifest("dynamics", 4 << 10);
      text.insert(text.find("\"leadDestination\""), "\"leadDestination\": \"none\", ");
      state.SetLabel("duplicate-key");
      break;
    case 2:
      text = V1Manifest("salesforce", 4 << 10);
      text.replace(text.find("00D5e000001AbCd"), 15, "00D5e000001AbCdEFG");
      state.SetLabel("salesforce-18");
      break;
    default:
      text = V1Manifest("table", 4 << 10);
      text.replace(text.find("${LEADS_KEY}"), 12, "RkFLRS1LRVktZm9yLWJlbmNobWFyay1vbmx5");
      state.SetLabel("plaintext-secret");
      break;
  }
  Check(state, "offer.json", text);
}
BENCHMARK(BM_Check_WithFindings)->DenseRange(0, 3);

// Valid JSON of another shape, met while walking a folder: detect and skip.
void BM_Check_SkippedPackageJson(benchmark::State& state) {
  Check(state, "package.json", ReadSourceFile("fixtures/examples/package.json"));
}
BENCHMARK(BM_Check_SkippedPackageJson);

}  // namespace
}  // namespace leadlint::bench
