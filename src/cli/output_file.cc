// Temporary file + rename(2): on POSIX the rename is atomic within a folder, so
// readers see the old report or the new one, never a mix.
#include "cli/output_file.h"

#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <filesystem>

#include "load/read_file.h"

namespace leadlint::cli {
namespace fs = std::filesystem;

namespace {

fs::path Canonical(const std::string& p) {
  std::error_code ec;
  fs::path abs = fs::absolute(p, ec);
  if (ec) abs = p;
  fs::path c = fs::weakly_canonical(abs, ec);
  return ec ? abs.lexically_normal() : c;
}

bool Under(const fs::path& file, const fs::path& folder) {
  fs::path rel = file.lexically_relative(folder);
  return !rel.empty() && rel.native() != "." && rel.native().rfind("..", 0) != 0;
}

bool ReadByWalk(const fs::path& p) {
  std::string ext = p.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".json" || ext == ".md" || ext == ".markdown";
}

// A report or baseline that leadlint wrote earlier: overwriting it loses no
// input (a walk skips it), so `-o report.json` can be run again.
bool EarlierOutput(const fs::path& p) {
  const std::string head = ReadFileHead(p.string(), 512);
  return head.find("\"leadlintBaseline\"") != std::string::npos ||
         head.find("https://leadlint.dev/schemas/report.schema.json") != std::string::npos ||
         (head.find("sarif-schema") != std::string::npos && head.find("\"leadlint\"") != std::string::npos) ||
         head.rfind("### leadlint: ", 0) == 0;
}

}  // namespace

AtomicFile::~AtomicFile() {
  if (!committed_ && !temp_.empty()) {
    if (file_.is_open()) file_.close();
    std::error_code ec;
    fs::remove(temp_, ec);
  }
}

bool AtomicFile::Open(std::string* error) {
  fs::path target(path_);
  std::error_code ec;
  if (fs::is_directory(target, ec)) {
    *error = "cannot write '" + path_ + "': it is a folder";
    return false;
  }
  // A device, pipe or socket (`--output /dev/null`, a named pipe) is written
  // in place: it cannot be replaced, and renaming over it would destroy it.
  if (fs::exists(target, ec) && !fs::is_regular_file(target, ec)) {
    file_.open(path_, std::ios::binary);
    if (!file_) {
      *error = "cannot write '" + path_ + "': " + std::strerror(errno);
      return false;
    }
    direct_ = true;
    return true;
  }
  fs::path dir = target.parent_path();
  temp_ = (dir / ("." + target.filename().string() + ".leadlint-" + std::to_string(getpid()) + ".tmp")).string();
  file_.open(temp_, std::ios::binary | std::ios::trunc);
  if (!file_) {
    *error = "cannot write '" + path_ + "': " + std::strerror(errno);
    temp_.clear();
    return false;
  }
  return true;
}

bool AtomicFile::Commit(std::string* error) {
  file_.flush();
  const bool ok = static_cast<bool>(file_);
  file_.close();
  if (!ok || file_.fail()) {
    *error = "cannot write '" + path_ + "': the disk may be full";
    return false;
  }
  if (direct_) {
    committed_ = true;
    return true;
  }
  if (std::rename(temp_.c_str(), path_.c_str()) != 0) {
    *error = "cannot write '" + path_ + "': " + std::strerror(errno);
    return false;
  }
  committed_ = true;
  return true;
}

bool SameFile(const std::string& a, const std::string& b) { return Canonical(a) == Canonical(b); }

std::string InputCollision(const std::string& output, const RunInputs& inputs) {
  const fs::path out = Canonical(output);
  for (const std::string& f : inputs.files) {
    if (!f.empty() && Canonical(f) == out) return "'" + f + "', which this run reads";
  }
  std::error_code ec;
  const bool exists = fs::is_regular_file(out, ec);
  for (const std::string& p : inputs.paths) {
    if (p.empty() || p == "-") continue;
    const fs::path in = Canonical(p);
    if (in == out) return "'" + p + "', a file this run checks";
    // A file a walk of the folder would read.
    if (exists && ReadByWalk(out) && fs::is_directory(in, ec) && Under(out, in) && !EarlierOutput(out)) {
      return "a file under '" + p + "', which this run checks";
    }
    // A named JSON file's folder is read for Product Ingestion references.
    if (exists && out.extension() == ".json" && in.extension() == ".json" && in.parent_path() == out.parent_path() &&
        !EarlierOutput(out)) {
      return "next to '" + p + "', in the folder this run reads for references";
    }
  }
  return "";
}

}  // namespace leadlint::cli
