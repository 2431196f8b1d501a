// Stable identities for findings, for SARIF partialFingerprints and baselines.
//
// A fingerprint hashes what a finding *is* — rule, file, the trimmed text of its
// source line and its message — plus its occurrence among identical findings in
// the same file, but never its line number: inserting lines above a finding
// does not change it, so code scanning and baselines keep tracking it.
#pragma once

#include <string>
#include <vector>

#include "base/finding.h"

namespace leadlint {

// One fingerprint (16 hex digits) per finding, in the same order, over the
// paths as reported.
std::vector<std::string> Fingerprints(const std::vector<Finding>& findings);

// The same over the given paths (one per finding) instead of the reported ones:
// a baseline hashes paths relative to its own folder (BaselinePath).
std::vector<std::string> Fingerprints(const std::vector<Finding>& findings, const std::vector<std::string>& paths);

}  // namespace leadlint
