// The run's one thread pool (engine/scheduler.h).
#include "engine/scheduler.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <set>
#include <vector>

#include "base/string_pool.h"
#include "load/discover.h"
#include "load/file_source.h"
#include "test_util.h"

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

// Discovery with its subfolders walked as tasks of a scheduler finds exactly
// what one thread finds (fixtures/ has nested folders, .gitignore files, YAML,
// Markdown and JSON).
TEST(Scheduler, AParallelWalkFindsWhatOneThreadFinds) {
  StringPool pool;
  PoolScope pool_scope(&pool);
  const std::string root = testing::SourceDir() + "/fixtures";
  DiscoverOptions one;
  Discovery expected = DiscoverInputs({root}, one);
  Scheduler scheduler(2);
  DiscoverOptions parallel;
  parallel.for_each = [&](size_t n, const std::function<void(size_t)>& task) { scheduler.ForEach(n, task); };
  Discovery got = DiscoverInputs({root}, parallel);
  auto paths = [](const std::vector<InputFile>& files) {
    std::vector<std::string> out;
    for (const InputFile& f : files) out.push_back(f.path.str() + (f.explicit_path ? " (named)" : ""));
    return out;
  };
  ASSERT_GT(expected.files.size(), 100u);
  EXPECT_EQ(paths(got.files), paths(expected.files));
  EXPECT_EQ(paths(got.markdown), paths(expected.markdown));
  std::sort(expected.ignored.begin(), expected.ignored.end());
  std::sort(got.ignored.begin(), got.ignored.end());
  EXPECT_EQ(got.ignored, expected.ignored);
  EXPECT_EQ(got.problems.size(), expected.problems.size());
}

}  // namespace
}  // namespace leadlint
