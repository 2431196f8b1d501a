// Schema validation: leadlint::ValidateAgainstSchema (valijson) for a whole
// leadlint manifest v1 and for the lead-configuration branch of each
// destination. The document is parsed once, outside the timed loop.
#include <benchmark/benchmark.h>

#include "bench_inputs.h"
#include "parse/json.h"
#include "rules/rule.h"
#include "schema/schema_store.h"

namespace leadlint::bench {
namespace {

const char* const kDestinations[] = {"none", "table", "dynamics", "httpsEndpoint", "marketo", "salesforce"};

void Validate(benchmark::State& state, SchemaId id, const std::string& text, const JsonNode& (*pick)(const JsonNode&)) {
  JsonParseResult parsed = ParseJson(text);
  if (!parsed.ok) {
    state.SkipWithError("the input did not parse");
    return;
  }
  const JsonNode& node = pick(parsed.root);
  const size_t max_regex_input = Limits{}.max_regex_input;
  size_t issues = 0;
  for (auto _ : state) {
    std::vector<SchemaIssue> result = ValidateAgainstSchema(id, node, text, max_regex_input);
    issues = result.size();
    benchmark::DoNotOptimize(result.data());
  }
  state.counters["issues"] = static_cast<double>(issues);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}

const JsonNode& Root(const JsonNode& root) { return root; }
const JsonNode& Leads(const JsonNode& root) {
  const JsonNode* offer = root.Find("offer");
  const JsonNode* leads = offer ? offer->Find("leads") : nullptr;
  return leads ? *leads : root;
}

void BM_Schema_ManifestV1(benchmark::State& state) {
  Validate(state, SchemaId::kManifestV1, V1Manifest(kDestinations[state.range(0)]), Root);
  state.SetLabel(kDestinations[state.range(0)]);
}
BENCHMARK(BM_Schema_ManifestV1)->DenseRange(0, 5);

void BM_Schema_LeadConfiguration(benchmark::State& state) {
  Validate(state, SchemaId::kLeadConfiguration, V1Manifest(kDestinations[state.range(0)]), Leads);
  state.SetLabel(kDestinations[state.range(0)]);
}
BENCHMARK(BM_Schema_LeadConfiguration)->DenseRange(0, 5);

// A manifest that fails several keywords: error translation is on the path.
void BM_Schema_ManifestV1_Invalid(benchmark::State& state) {
  std::string text = V1Manifest("salesforce");
  for (const char* from : {"\"softwareAsAService\"", "\"appsource\"", "\"en-us\""}) {
    text.replace(text.find(from), std::string(from).size(), "\"Not-Valid value\"");
  }
  Validate(state, SchemaId::kManifestV1, text, Root);
}
BENCHMARK(BM_Schema_ManifestV1_Invalid);

// A value above the inline-regex threshold (2 KB) moves validation to a thread
// with a large stack: the cost of that hand-off.
void BM_Schema_LeadConfiguration_LongUrl(benchmark::State& state) {
  std::string url(static_cast<size_t>(state.range(0)), 'a');
  std::string text =
      R"({"offer": {"leads": {"leadDestination": "httpsEndpoint", "httpsEndpointLeadConfiguration": {"httpsEndpointUrl": "https://x.example/)" +
      url + R"("}}}})";
  Validate(state, SchemaId::kLeadConfiguration, text, Leads);
}
BENCHMARK(BM_Schema_LeadConfiguration_LongUrl)->Arg(1000)->Arg(4000)->Arg(30000);

}  // namespace
}  // namespace leadlint::bench
