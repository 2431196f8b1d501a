#include "engine/scheduler.h"

#include <algorithm>

#include "base/string_pool.h"
#include "load/file_source.h"

namespace leadlint {

Scheduler::Scheduler(int jobs) {
  if (jobs <= 0) jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  for (int i = 1; i < jobs; ++i) workers_.emplace_back([this] { Work(); });
}

Scheduler::~Scheduler() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  for (std::thread& t : workers_) t.join();
}

// Takes items of the current batch until none is left; `lock` is held on entry
// and on return, and released around each task.
void Scheduler::Drain(std::unique_lock<std::mutex>& lock) {
  while (task_ != nullptr && next_ < count_) {
    const size_t i = next_++;
    const std::function<void(size_t)>& task = *task_;
    lock.unlock();
    task(i);
    lock.lock();
    if (++finished_ == count_) done_.notify_all();
  }
}

void Scheduler::Work() {
  size_t seen = 0;
  std::unique_lock<std::mutex> lock(mutex_);
  while (true) {
    wake_.wait(lock, [&] { return stop_ || generation_ != seen; });
    if (stop_) return;
    seen = generation_;
    PoolScope pool(pool_);
    FileSourceScope files(files_);
    Drain(lock);
  }
}

void Scheduler::ForEach(size_t n, const std::function<void(size_t)>& task) {
  if (n == 0) return;
  if (workers_.empty() || n == 1) {
    for (size_t i = 0; i < n; ++i) task(i);
    return;
  }
  std::unique_lock<std::mutex> lock(mutex_);
  task_ = &task;
  pool_ = &CurrentPool();
  files_ = &CurrentFiles();
  next_ = 0;
  count_ = n;
  finished_ = 0;
  ++generation_;
  wake_.notify_all();
  Drain(lock);
  done_.wait(lock, [&] { return finished_ == count_; });
  task_ = nullptr;
}

}  // namespace leadlint
