#include "load/read_file.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace leadlint {

ReadStatus ReadFileLimited(const std::string& path, size_t max_bytes, std::string* contents, std::string* error,
                           size_t* size) {
  size_t ignored_size = 0;
  if (size == nullptr) size = &ignored_size;
  *size = 0;
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    *error = "'" + path + "' is a folder, not a file";
    return ReadStatus::kUnreadable;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "cannot read '" + path + "': " + std::strerror(errno);
    return ReadStatus::kUnreadable;
  }
  contents->clear();
  char buffer[1 << 16];
  while (in) {
    in.read(buffer, sizeof buffer);
    std::streamsize n = in.gcount();
    if (n <= 0) break;
    if (contents->size() + static_cast<size_t>(n) > max_bytes) {
      *size = contents->size() + static_cast<size_t>(n);
      in.seekg(0, std::ios::end);
      std::streamoff total = in.tellg();
      if (total > 0) *size = static_cast<size_t>(total);
      return ReadStatus::kTooLarge;
    }
    contents->append(buffer, static_cast<size_t>(n));
  }
  if (in.bad()) {
    *error = "cannot read '" + path + "': read error";
    return ReadStatus::kUnreadable;
  }
  *size = contents->size();
  return ReadStatus::kOk;
}

std::string ReadFileHead(const std::string& path, size_t max_bytes) {
  std::ifstream in(path, std::ios::binary);
  std::string head(max_bytes, '\0');
  in.read(head.data(), static_cast<std::streamsize>(max_bytes));
  head.resize(in ? max_bytes : static_cast<size_t>(std::max<std::streamsize>(in.gcount(), 0)));
  return head;
}

}  // namespace leadlint
