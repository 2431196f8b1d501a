// Baselines: `--write-baseline FILE` records today's findings by fingerprint;
// `--baseline FILE` then hides those and reports only new ones. Fingerprints do
// not include line numbers (base/fingerprint.h), so code that moves does not
// bring a baselined finding back. Paths in a baseline (version 2) are relative
// to the baseline file's folder, as PHPStan's are, so one baseline matches from
// any working directory and with absolute paths.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "base/finding.h"

namespace leadlint {

// The current format version; version 1 (paths as reported) is still read.
inline constexpr int kBaselineVersion = 2;

// A reported path as a baseline in `baseline_file`'s folder records it.
std::string BaselinePath(std::string_view reported, const std::string& baseline_file);

void WriteBaseline(const std::vector<Finding>& findings, const std::string& baseline_file, std::ostream& out);

// A baseline entry that hid nothing although its file was checked (or no
// longer exists): the problem was fixed, or its line or message changed.
struct StaleEntry {
  std::string rule;
  std::string path;  // as recorded
  std::string message;
  int line = 0;  // of the entry in the baseline file
  int column = 0;
};

struct BaselineOutcome {
  int version = 0;
  size_t removed = 0;
  std::vector<StaleEntry> stale;
};

// Removes baselined findings from `findings` and reports stale entries among
// those whose file is in `checked` (the run's checked files, as reported).
// Returns false with `error` set when the file cannot be read, is not a
// baseline or is of a newer format.
bool ApplyBaseline(const std::string& path, const std::vector<std::string>& checked, std::vector<Finding>* findings,
                   BaselineOutcome* outcome, std::string* error);

}  // namespace leadlint
