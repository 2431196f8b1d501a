// Test helpers: fork/exec of the real binary so exit codes and streams are
// checked exactly as a CI job sees them.
#include "test_util.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace leadlint::testing {

std::string SourceDir() { return LEADLINT_SOURCE_DIR; }
std::string BinaryPath() { return LEADLINT_BINARY; }

std::string ReadFileOrEmpty(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string CorpusDir() {
  std::string dir = SourceDir() + "/../shared/corpus";
  if (const char* env = std::getenv("LEADLINT_CORPUS")) dir = env;
  return std::filesystem::is_directory(dir) ? dir : "";
}

namespace {

std::string Drain(int fd) {
  std::string out;
  char buf[65536];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  return out;
}

}  // namespace

ProcessResult RunBinary(const std::vector<std::string>& args, const std::string& cwd, const std::string& stdin_text,
                        unsigned budget_seconds) {
  ProcessResult result;
  std::string tmp = std::filesystem::temp_directory_path().string();
  std::string out_path = tmp + "/leadlint-test-out-" + std::to_string(getpid()) + "-" + std::to_string(rand());
  std::string err_path = out_path + ".err";
  std::string in_path = out_path + ".in";
  {
    std::ofstream in(in_path, std::ios::binary);
    in << stdin_text;
  }
  pid_t pid = fork();
  if (pid == 0) {
    if (!cwd.empty() && chdir(cwd.c_str()) != 0) _exit(127);
    int in = open(in_path.c_str(), O_RDONLY);
    int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(in, 0);
    dup2(out, 1);
    dup2(err, 2);
    if (budget_seconds > 0) alarm(budget_seconds);  // kept across execv
    std::vector<char*> argv;
    std::string binary = BinaryPath();
    argv.push_back(binary.data());
    std::vector<std::string> copy = args;
    for (std::string& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = ReadFileOrEmpty(out_path);
  result.err = ReadFileOrEmpty(err_path);
  std::filesystem::remove(out_path);
  std::filesystem::remove(err_path);
  std::filesystem::remove(in_path);
  (void)Drain;
  return result;
}

}  // namespace leadlint::testing
