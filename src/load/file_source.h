// The seam between the checks and the file system (ninja's DiskInterface): the
// disk for the CLI, an editor's open buffers over the disk for `leadlint lsp`,
// in-memory files for tests. Reading goes through the file source current on
// the thread (FileSourceScope), the disk by default; a run's worker threads
// open the same scope as the thread that started the run.
#pragma once

#include <map>
#include <mutex>
#include <string>

namespace leadlint {

class FileSource {
 public:
  virtual ~FileSource() = default;
  // Reads a whole file, refusing files over `max_bytes` (`too_large` is set).
  // Returns false and sets `error` (a sentence) on failure.
  virtual bool Read(const std::string& path, size_t max_bytes, std::string* contents, std::string* error,
                    bool* too_large, size_t* size) const = 0;
};

// The disk.
const FileSource& DiskFiles();

// Buffers by path over the disk: a path with a buffer reads the buffer, every
// other path reads the disk. Paths are compared after making them absolute and
// lexically normal. Thread-safe.
class OverlayFiles : public FileSource {
 public:
  void Set(const std::string& path, std::string text);
  void Remove(const std::string& path);
  bool Read(const std::string& path, size_t max_bytes, std::string* contents, std::string* error, bool* too_large,
            size_t* size) const override;

 private:
  static std::string Key(const std::string& path);
  mutable std::mutex mutex_;
  std::map<std::string, std::string> buffers_;
};

// The file source of the current thread.
const FileSource& CurrentFiles();

class FileSourceScope {
 public:
  explicit FileSourceScope(const FileSource* files);
  ~FileSourceScope();
  FileSourceScope(const FileSourceScope&) = delete;
  FileSourceScope& operator=(const FileSourceScope&) = delete;

 private:
  const FileSource* previous_;
};

}  // namespace leadlint
