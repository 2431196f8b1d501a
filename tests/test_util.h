// Shared helpers for leadlint's tests: paths of the source tree and the built
// binary, running the CLI in-process or as a process, and reading files.
#pragma once

#include <string>
#include <vector>

namespace leadlint::testing {

std::string SourceDir();
std::string BinaryPath();
std::string ReadFileOrEmpty(const std::string& path);
// The shared corpus, or "" when ../shared is absent (tests then skip, saying so).
std::string CorpusDir();

struct ProcessResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};
// Runs the built leadlint binary with arguments, in `cwd` (default: unchanged).
// With a budget, the process gets SIGALRM after that many seconds of wall time
// (exit code kOverBudget): the per-case time budget of the pathological tests,
// as cmark's, generous enough for a sanitizer build; it detects a hang or a
// blow-up, it does not measure speed.
ProcessResult RunBinary(const std::vector<std::string>& args, const std::string& cwd = "",
                        const std::string& stdin_text = "", unsigned budget_seconds = 0);
inline constexpr int kOverBudget = 128 + 14;  // SIGALRM

}  // namespace leadlint::testing
