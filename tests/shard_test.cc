// --shard K/N and `leadlint merge`: the merged report of N shards is byte for
// byte the report of one run, in JSON and in SARIF.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "engine/engine.h"

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

// A product, its customer-leads and its test drive in three folders: whichever
// shards the folders fall in, the merged report equals one run's (no
// unresolved product, no product judged without its lead settings).
TEST(Shard, ProductIngestionReferencesAcrossShards) {
  fs::path dir = fs::temp_directory_path() / ("leadlint-shard-pi-" + std::to_string(getpid()));
  fs::remove_all(dir);
  const std::string schema = "https://product-ingestion.azureedge.net/schema/";
  auto write = [&](const std::string& relative, const std::string& resources) {
    fs::create_directories((dir / relative).parent_path());
    std::ofstream((dir / relative).string()) << "{\n  \"$schema\": \"" << schema
                                            << "configure/2022-03-01-preview2\",\n  \"resources\": [\n" << resources
                                            << "\n  ]\n}\n";
  };
  write("catalog/products/northwind.json", "    {\"$schema\": \"" + schema +
                                               "product/2022-03-01-preview2\", \"identity\": {\"externalId\": "
                                               "\"northwind-sql-vm\"}, \"type\": \"azureVirtualMachine\", "
                                               "\"alias\": \"Northwind SQL VM\"}");
  write("leads/northwind/customer-leads.json", "    {\"$schema\": \"" + schema +
                                                   "customer-leads/2022-03-01-preview2\", \"product\": {\"externalId\": "
                                                   "\"northwind-sql-vm\"}, \"leadDestination\": \"none\"}");
  write("test-drives/northwind.json", "    {\"$schema\": \"" + schema +
                                          "test-drive/2022-03-01-preview2\", \"product\": {\"externalId\": "
                                          "\"northwind-sql-vm\"}, \"enabled\": true}");
  const std::vector<std::string> folders = {(dir / "catalog/products").string(), (dir / "leads/northwind").string(),
                                            (dir / "test-drives").string()};
  auto single = RunBinary({"check", "--no-config", "--format", "json", dir.string()});
  ASSERT_EQ(single.exit_code, 1) << single.err;  // a VM with a test drive needs a CRM destination
  EXPECT_EQ(single.out.find("manifest-unresolved-product"), std::string::npos) << single.out;
  EXPECT_NE(single.out.find("\"rule\": \"leads-"), std::string::npos) << single.out;
  bool split = false;
  for (int count = 2; count <= 5; ++count) {
    std::set<int> shards;
    for (const std::string& f : folders) shards.insert(ShardOf(f, count));
    split = split || shards.size() > 1;
    std::vector<std::string> merge_args = {"merge", "--format", "json"};
    for (int k = 1; k <= count; ++k) {
      std::string out = (dir / ("shard-" + std::to_string(k) + "-of-" + std::to_string(count) + ".json")).string();
      auto r = RunBinary({"check", "--no-config", "--shard", std::to_string(k) + "/" + std::to_string(count), "--format",
                          "json", "--output", out, dir.string() + "/catalog", dir.string() + "/leads",
                          dir.string() + "/test-drives"});
      ASSERT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.err;
      merge_args.push_back(out);
    }
    auto merged = RunBinary(merge_args);
    EXPECT_EQ(merged.exit_code, 0) << merged.err;
    EXPECT_EQ(merged.out, single.out) << count << " shards";
  }
  EXPECT_TRUE(split) << "the folders never fell in different shards; the test proves nothing";
  fs::remove_all(dir);
}

}  // namespace
}  // namespace leadlint
