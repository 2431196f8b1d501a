// The one way leadlint reads a file from disk: whole, refusing files over a
// limit. The file sources (load/file_source.h) and the readers of
// configuration, .gitignore and baseline files go through it.
#pragma once

#include <cstddef>
#include <string>

namespace leadlint {

enum class ReadStatus {
  kOk,
  kUnreadable,  // missing, a folder, no permission, or an I/O error: `error` says which
  kTooLarge,    // larger than `max_bytes`: `size` is the file's size, `error` is untouched
};

// Reads the file at `path` into `contents`. `size`, when given, receives the
// bytes read, or the file's size when it is too large.
ReadStatus ReadFileLimited(const std::string& path, size_t max_bytes, std::string* contents, std::string* error,
                           size_t* size = nullptr);

// The first `max_bytes` bytes of the file ("" when it cannot be read): enough
// to recognize a report or a SARIF log without reading it whole.
std::string ReadFileHead(const std::string& path, size_t max_bytes);

}  // namespace leadlint
