// Applying fixes to the files of a run.
#include "cli/fix_command.h"

#include <filesystem>
#include <set>
#include <string>

#include "cli/output_file.h"
#include "engine/fixer.h"
#include "load/discover.h"

namespace leadlint::cli {

namespace fs = std::filesystem;

FixSummary FixCheckedFiles(const RunOptions& options, const RunResult& result, bool unsafe, bool diff_only,
                           std::ostream& out, std::ostream& err) {
  FixSummary summary;
  std::set<std::string> seen;  // real paths: each file once
  for (const PooledString& checked : result.checked) {
    const std::string path = checked.str();
    const bool json = path.size() > 5 && path.compare(path.size() - 5, 5, ".json") == 0;
    const bool markdown = path.size() > 3 && path.compare(path.size() - 3, 3, ".md") == 0;
    if (!json && !markdown) continue;
    std::error_code ec;
    const std::string real = fs::weakly_canonical(path, ec).generic_string();
    if (!seen.insert(ec ? path : real).second) continue;
    std::string text;
    std::string error;
    bool too_large = false;
    size_t size = 0;
    if (!ReadInputFile(path, options.limits.max_file_bytes, &text, &error, &too_large, &size)) continue;
    FixResult fixed = FixText(path, text, options, unsafe);
    for (const AppliedFix& d : fixed.dropped) {
      err << "leadlint: " << path << ": not applied, it would leave the file invalid: " << d.description << " ["
          << d.rule << "]\n";
    }
    if (fixed.applied.empty() || fixed.text == text) continue;
    ++summary.files;
    summary.fixed += static_cast<int>(fixed.applied.size());
    if (diff_only) {
      out << UnifiedDiff(path, text, fixed.text);
      continue;
    }
    // The real file is replaced (a symlink named on the command line stays a
    // symlink), keeping its permissions.
    const std::string target = ec ? path : real;
    const fs::perms perms = fs::status(target, ec).permissions();
    AtomicFile file(target);
    if (!file.Open(&error)) {
      err << "leadlint: cannot fix '" << path << "': " << error << "\n";
      summary.write_failed = true;
      continue;
    }
    file.stream() << fixed.text;
    if (!file.Commit(&error)) {
      err << "leadlint: cannot fix '" << path << "': " << error << "\n";
      summary.write_failed = true;
      continue;
    }
    fs::permissions(target, perms, ec);
    for (const AppliedFix& a : fixed.applied) {
      err << "leadlint: " << path << ": fixed: " << a.description << (a.safe ? "" : " (unsafe)") << " [" << a.rule
          << "]\n";
    }
  }
  return summary;
}

}  // namespace leadlint::cli
