// `leadlint merge` (docs/usage.md).
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace leadlint {

// Combines JSON (or SARIF) reports of shards into the report a single run would
// have written (one SARIF run). Returns false with `error` set on bad input;
// `results` receives the number of findings merged.
bool MergeReports(const std::string& format, const std::vector<std::string>& inputs, std::ostream& out,
                  std::string* error, size_t* results = nullptr);

}  // namespace leadlint
