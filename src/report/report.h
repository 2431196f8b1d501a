// Report writers, one per format. Each takes the finished, sorted run result
// and writes to a stream; none of them reads files or decides severities.
#pragma once

#include <ostream>
#include <string>

#include "engine/engine.h"

namespace leadlint {

struct ReportOptions {
  bool color = false;
  std::string profile;
  std::string version;
};

void WriteTextReport(const RunResult& result, const ReportOptions& options, std::ostream& out);
void WriteJsonReport(const RunResult& result, const ReportOptions& options, std::ostream& out);

}  // namespace leadlint
