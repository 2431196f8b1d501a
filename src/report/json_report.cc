// The machine report (schemas/report.schema.json, documented in
// docs/formats.md): tool, profile, summary, offers with their verdicts, and
// findings with 1-based line and code-point column. No source excerpts, so no
// secret can travel in it.
#include <nlohmann/json.hpp>

#include "report/report.h"
#include "rules/rule.h"

namespace leadlint {

void WriteJsonReport(const RunResult& result, const ReportOptions& options, std::ostream& out) {
  using nlohmann::ordered_json;
  ordered_json doc;
  doc["$schema"] = "https://leadlint.dev/schemas/report.schema.json";
  doc["tool"] = {{"name", "leadlint"}, {"version", options.version}};
  doc["profile"] = options.profile;
  size_t counts[3] = {0, 0, 0};
  for (const Finding& f : result.findings) ++counts[static_cast<int>(f.severity)];
  doc["summary"] = {{"filesChecked", result.files_checked},
                    {"filesSkipped", result.files_skipped},
                    {"errors", counts[2]},
                    {"warnings", counts[1]},
                    {"notes", counts[0]}};
  doc["skipped"] = result.skipped;
  ordered_json offers = ordered_json::array();
  for (const OfferSummary& o : result.offers) {
    offers.push_back({{"path", o.path},
                      {"line", o.line},
                      {"column", o.column},
                      {"name", o.name},
                      {"format", o.format},
                      {"type", o.type},
                      {"storefronts", o.storefronts},
                      {"storefrontsAssumed", o.storefronts_assumed},
                      {"leadDestination", o.destination.empty() ? ordered_json(nullptr) : ordered_json(o.destination)},
                      {"verdict", o.verdict}});
  }
  doc["offers"] = std::move(offers);
  ordered_json findings = ordered_json::array();
  for (const Finding& f : result.findings) {
    findings.push_back({{"rule", f.rule},
                        {"severity", std::string(SeverityName(f.severity))},
                        {"path", f.path},
                        {"line", f.line},
                        {"column", f.column},
                        {"message", f.message}});
  }
  doc["findings"] = std::move(findings);
  out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace leadlint
