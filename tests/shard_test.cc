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
      auto r = RunBinary({"check", "--no-config", "--shard", std::to_string(k) + "/3", "--format", format, "--output",
                          out, "fixtures/examples"},
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

// merge takes shards 1..N of one N, each once: anything else would silently
// not be the whole run's report.
TEST(Shard, MergeRefusesMissingRepeatedOrForeignShards) {
  fs::path dir = fs::temp_directory_path() / ("leadlint-shard-merge-" + std::to_string(getpid()));
  fs::create_directories(dir);
  const std::string src = testing::SourceDir();
  auto report = [&](const std::string& shard, const std::string& format) {
    std::string out =
        (dir / (shard.empty() ? std::string("all") : shard.substr(0, 1) + "-of-" + shard.substr(2))).string() + "." +
        format;
    std::vector<std::string> args = {"check", "--no-config", "--format", format, "--output", out};
    if (!shard.empty()) args.insert(args.end(), {"--shard", shard});
    args.push_back("fixtures/examples");
    auto r = RunBinary(args, src);
    EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.err;
    return out;
  };
  const std::string s1 = report("1/3", "json"), s2 = report("2/3", "json"), s3 = report("3/3", "json");
  const std::string t1 = report("1/2", "json"), all = report("", "json");
  auto merge = [&](const std::vector<std::string>& files, const std::string& format = "json") {
    std::vector<std::string> args = {"merge", "--format", format};
    args.insert(args.end(), files.begin(), files.end());
    return RunBinary(args, src);
  };
  auto whole = merge({s3, s1, s2});
  EXPECT_EQ(whole.exit_code, 0) << whole.err;
  EXPECT_EQ(whole.out, testing::ReadFileOrEmpty(all));  // and no "shard" key left
  auto missing = merge({s1, s3});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_EQ(missing.err, "leadlint: shard 2/3 is missing: the merged report would not be the whole run's\n");
  auto twice = merge({s1, s2, s2, s3});
  EXPECT_EQ(twice.exit_code, 2);
  EXPECT_EQ(twice.err, "leadlint: '" + s2 + "' and '" + s2 + "' are both shard 2/3; each shard must be merged once\n");
  auto foreign = merge({s1, s2, s3, t1});
  EXPECT_EQ(foreign.exit_code, 2);
  EXPECT_EQ(foreign.err,
            "leadlint: '" + t1 + "' is shard 1/2, but '" + s1 + "' is from --shard K/3; merge the shards of one run\n");
  auto mixed = merge({s1, s2, s3, all});
  EXPECT_EQ(mixed.exit_code, 2);
  EXPECT_EQ(mixed.err,
            "leadlint: 1 of the reports did not come from a --shard run; merge only the shards of one run\n");
  const std::string q1 = report("1/2", "sarif"), q2 = report("2/2", "sarif");
  EXPECT_EQ(merge({q1, q2}, "sarif").exit_code, 0);
  auto sarif_missing = merge({q2}, "sarif");
  EXPECT_EQ(sarif_missing.exit_code, 2);
  EXPECT_EQ(sarif_missing.err, "leadlint: shard 1/2 is missing: the merged report would not be the whole run's\n");
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
    std::ofstream((dir / relative).string())
        << "{\n  \"$schema\": \"" << schema << "configure/2022-03-01-preview2\",\n  \"resources\": [\n"
        << resources << "\n  ]\n}\n";
  };
  write("catalog/products/northwind.json", "    {\"$schema\": \"" + schema +
                                               "product/2022-03-01-preview2\", \"identity\": {\"externalId\": "
                                               "\"northwind-sql-vm\"}, \"type\": \"azureVirtualMachine\", "
                                               "\"alias\": \"Northwind SQL VM\"}");
  write("leads/northwind/customer-leads.json",
        "    {\"$schema\": \"" + schema +
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
      auto r = RunBinary({"check", "--no-config", "--shard", std::to_string(k) + "/" + std::to_string(count),
                          "--format", "json", "--output", out, dir.string() + "/catalog", dir.string() + "/leads",
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
