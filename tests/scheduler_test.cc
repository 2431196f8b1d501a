// The run's one thread pool (engine/scheduler.h).
#include "engine/scheduler.h"

#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <vector>

#include "base/string_pool.h"
#include "load/file_source.h"

namespace leadlint {
namespace {

TEST(Scheduler, EveryItemRunsOnceInEveryBatchWhateverTheJobs) {
  for (int jobs : {1, 2, 4}) {
    Scheduler scheduler(jobs);
    EXPECT_EQ(scheduler.jobs(), jobs);
    for (size_t n : {0u, 1u, 7u, 1000u}) {
      std::vector<std::atomic<int>> runs(n);
      scheduler.ForEach(n, [&](size_t i) { runs[i].fetch_add(1); });
      for (size_t i = 0; i < n; ++i) EXPECT_EQ(runs[i].load(), 1) << "jobs " << jobs << ", item " << i << " of " << n;
    }
  }
}

TEST(Scheduler, TasksSeeTheCallersPoolAndFileSource) {
  Scheduler scheduler(3);
  StringPool pool;
  PoolScope pool_scope(&pool);
  OverlayFiles overlay;
  FileSourceScope files_scope(&overlay);
  std::atomic<int> wrong{0};
  std::mutex mutex;
  std::set<std::thread::id> threads;
  scheduler.ForEach(200, [&](size_t) {
    if (&CurrentPool() != &pool || &CurrentFiles() != &overlay) wrong.fetch_add(1);
    std::lock_guard<std::mutex> lock(mutex);
    threads.insert(std::this_thread::get_id());
  });
  EXPECT_EQ(wrong.load(), 0);
  EXPECT_GE(threads.size(), 1u);
  EXPECT_LE(threads.size(), 3u);
}

}  // namespace
}  // namespace leadlint
