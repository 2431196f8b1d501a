// --shard K/N and `leadlint merge`: the merged report of N shards is byte for
// byte the report of one run, in JSON and in SARIF.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "test_util.h"

namespace leadlint {
namespace {

namespace fs = std::filesystem;
using testing::RunBinary;

TEST(Shard, MergedShardsEqualOneRun) {
  fs::path dir = fs::temp_directory_path() / ("leadlint-shard-" + std::to_string(getpid()));
  fs::create_directories(dir);
  const std::string src = testing::SourceDir();
  std::vector<std::string> inputs = {"fixtures/examples"};
  for (const char* format : {"json", "sarif"}) {
    std::vector<std::string> shards;
    for (int k = 1; k <= 3; ++k) {
      std::string out = (dir / (std::to_string(k) + "." + format)).string();
      auto r = RunBinary({"check", "--no-config", "--shard", std::to_string(k) + "/3", "--format", format, "--output", out,
                          "fixtures/examples"},
                         src);
      ASSERT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.err;
      shards.push_back(out);
    }
    std::string single = (dir / (std::string("all.") + format)).string();
    RunBinary({"check", "--no-config", "--format", format, "--output", single, "fixtures/examples"}, src);
    std::vector<std::string> merge_args = {"merge", "--format", format};
    merge_args.insert(merge_args.end(), shards.begin(), shards.end());
    auto merged = RunBinary(merge_args, src);
    EXPECT_EQ(merged.exit_code, 0) << merged.err;
    EXPECT_EQ(merged.out, testing::ReadFileOrEmpty(single)) << format;
  }
  EXPECT_EQ(RunBinary({"check", "--shard", "4/3", "fixtures/examples"}, src).exit_code, 2);
  EXPECT_EQ(RunBinary({"merge", (dir / "missing.json").string()}, src).exit_code, 2);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace leadlint
