// Baselines: `--write-baseline FILE` records today's findings by fingerprint;
// `--baseline FILE` then hides those and reports only new ones. Fingerprints do
// not include line numbers (engine/fingerprint.h), so code that moves does not
// bring a baselined finding back.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "base/finding.h"

namespace leadlint {

void WriteBaseline(const std::vector<Finding>& findings, std::ostream& out);

// Removes baselined findings from `findings`; returns how many were removed.
// Returns false with `error` set when the file cannot be read or is malformed.
bool ApplyBaseline(const std::string& path, std::vector<Finding>* findings, size_t* removed, std::string* error);

}  // namespace leadlint
