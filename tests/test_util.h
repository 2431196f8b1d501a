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
ProcessResult RunBinary(const std::vector<std::string>& args, const std::string& cwd = "",
                        const std::string& stdin_text = "");

}  // namespace leadlint::testing
