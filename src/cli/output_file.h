// Report and baseline files written safely: into a temporary file next to the
// target, renamed over it only once complete (devices and pipes such as
// /dev/null are written in place), so an interrupted or failed run
// never leaves a half-written report; and never onto a file the run reads.
#pragma once

#include <fstream>
#include <string>
#include <vector>

namespace leadlint::cli {

class AtomicFile {
 public:
  explicit AtomicFile(std::string path) : path_(std::move(path)) {}
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // Creates the temporary file; false with `error` set when it cannot.
  bool Open(std::string* error);
  std::ostream& stream() { return file_; }
  // Flushes, closes and renames the temporary file over the target.
  bool Commit(std::string* error);

 private:
  std::string path_;
  std::string temp_;
  std::ofstream file_;
  bool committed_ = false;
  bool direct_ = false;  // not a regular file: written in place
};

// What a run reads: paths named on the command line (files or folders), the
// doc set, the configuration file and a baseline.
struct RunInputs {
  std::vector<std::string> paths;  // files and folders (folders: the files a walk would read)
  std::vector<std::string> files;  // exact files: the configuration, a baseline, merge inputs
};

// "" when writing `output` cannot overwrite an input; otherwise why it would
// ("the configuration file in use", "a file under the checked folder 'offers'").
std::string InputCollision(const std::string& output, const RunInputs& inputs);

// The same file, whatever the spelling (relative, absolute, through symlinks).
bool SameFile(const std::string& a, const std::string& b);

}  // namespace leadlint::cli
