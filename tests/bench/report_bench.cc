// Report writing over a synthetic, sorted RunResult: JSON, SARIF and text, for
// 100 to 10,000 findings (one offer per 4 findings). Writes to a string stream
// that is reused, so the figure is the writer's own cost.
#include <benchmark/benchmark.h>

#include <sstream>

#include "bench_inputs.h"
#include "report/report.h"

namespace leadlint::bench {
namespace {

using Writer = void (*)(const RunResult&, const ReportOptions&, std::ostream&);

void Write(benchmark::State& state, Writer writer) {
  RunResult result = SyntheticRunResult(static_cast<int>(state.range(0)));
  ReportOptions options;
  options.profile = "partner-center-2022";
  options.version = "0.1.0";
  options.working_directory = "/work/repo";
  size_t bytes = 0;
  for (auto _ : state) {
    std::ostringstream out;
    writer(result, options, out);
    bytes = out.tellp() > 0 ? static_cast<size_t>(out.tellp()) : 0;
    benchmark::DoNotOptimize(bytes);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * state.range(0));
  state.counters["output_bytes"] = static_cast<double>(bytes);
}

void BM_Report_Json(benchmark::State& state) { Write(state, WriteJsonReport); }
void BM_Report_Sarif(benchmark::State& state) { Write(state, WriteSarifReport); }
void BM_Report_Text(benchmark::State& state) { Write(state, WriteTextReport); }
BENCHMARK(BM_Report_Json)->Arg(100)->Arg(10000);
BENCHMARK(BM_Report_Sarif)->Arg(100)->Arg(10000);
BENCHMARK(BM_Report_Text)->Arg(100)->Arg(10000);

}  // namespace
}  // namespace leadlint::bench
