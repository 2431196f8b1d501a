// The run's one thread pool. Every parallel pass of a run (manifests, docs,
// offers) hands its items to the same Scheduler, which the run creates once
// with --jobs threads (the calling thread is one of them).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace leadlint {

class FileSource;
class StringPool;

class Scheduler {
 public:
  // `jobs` threads in all, the caller included; 0 means one per core.
  explicit Scheduler(int jobs);
  ~Scheduler();
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  int jobs() const { return static_cast<int>(workers_.size()) + 1; }

  // Calls task(i) for every i in [0, n), in any order and on any of the pool's
  // threads, and returns when all calls have returned. Each call runs with the
  // caller's string pool and file source. A task must not throw.
  void ForEach(size_t n, const std::function<void(size_t)>& task);

 private:
  void Work();
  void Drain(std::unique_lock<std::mutex>& lock);

  std::vector<std::thread> workers_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable done_;
  // The batch in progress (one at a time).
  const std::function<void(size_t)>* task_ = nullptr;
  StringPool* pool_ = nullptr;
  const FileSource* files_ = nullptr;
  size_t next_ = 0;
  size_t count_ = 0;
  size_t finished_ = 0;
  size_t generation_ = 0;
  bool stop_ = false;
};

}  // namespace leadlint
