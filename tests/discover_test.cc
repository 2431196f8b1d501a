// Discovery of input files (src/load/discover.cc) and ignore patterns
// (src/load/glob.cc), on a temporary folder tree.
#include "load/discover.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "load/glob.h"
#include "load/read_file.h"

namespace leadlint {
namespace {

namespace fs = std::filesystem;

class DiscoverTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = (fs::temp_directory_path() /
             ("leadlint-discover-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name()))
                .generic_string();
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  std::string Write(const std::string& rel, const std::string& text = "{}") {
    fs::path p = fs::path(root_) / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p.generic_string();
  }

  static std::vector<std::string> Paths(const std::vector<InputFile>& files) {
    std::vector<std::string> out;
    for (const InputFile& f : files) out.push_back(f.path.str() + (f.explicit_path ? " (named)" : ""));
    return out;
  }

  std::string root_;
};

TEST_F(DiscoverTest, WalksJsonAndMarkdownSkippingToolFoldersAndIgnoredFiles) {
  Write("b.json");
  Write("a/c.json");
  Write("a/notes.md", "# n\n");
  Write("node_modules/dep.json");
  Write(".git/config.json");
  Write("offer.yaml", "a: 1\n");
  Write("build/out.json");
  Write(".gitignore", "build/\n");
  Write("readme.txt", "x");
  Discovery d = DiscoverInputs({root_});
  EXPECT_EQ(Paths(d.files), (std::vector<std::string>{root_ + "/a/c.json", root_ + "/b.json"}));
  EXPECT_EQ(Paths(d.markdown), (std::vector<std::string>{root_ + "/a/notes.md"}));
  EXPECT_TRUE(d.problems.empty());
  // YAML met while walking is counted as skipped; ignored folders are pruned.
  EXPECT_EQ(d.ignored, (std::vector<std::string>{root_ + "/offer.yaml"}));

  DiscoverOptions no_gitignore;
  no_gitignore.use_gitignore = false;
  Discovery all = DiscoverInputs({root_}, no_gitignore);
  EXPECT_EQ(Paths(all.files),
            (std::vector<std::string>{root_ + "/a/c.json", root_ + "/b.json", root_ + "/build/out.json"}));
}

TEST_F(DiscoverTest, NamedPathsAreExplicitAndProblemsAreTyped) {
  const std::string b = Write("b.json");
  const std::string yaml = Write("offer.yml", "a: 1\n");
  const std::string missing = root_ + "/missing.json";
  Discovery d = DiscoverInputs({missing, b, yaml, root_});
  // Named and found while walking: listed once, as named.
  EXPECT_EQ(Paths(d.files), (std::vector<std::string>{b + " (named)"}));
  ASSERT_EQ(d.problems.size(), 2u);
  EXPECT_EQ(d.problems[0].kind, LoadProblemKind::kUnreadable);
  EXPECT_EQ(d.problems[0].path, missing);
  EXPECT_EQ(d.problems[0].message, "cannot read '" + missing + "': no such file or folder");
  EXPECT_EQ(d.problems[1].kind, LoadProblemKind::kUnknownFormat);
  EXPECT_EQ(d.problems[1].path, yaml);
  EXPECT_EQ(d.problems[1].message,
            "YAML manifests are not supported; leadlint reads offer manifests as JSON: convert the file to JSON, or "
            "leave it out of the paths to check");
}

TEST_F(DiscoverTest, ConfiguredIgnoreListAppliesToNamedFilesToo) {
  const std::string kept = Write("keep.json");
  const std::string dropped = Write("drop/me.json");
  DiscoverOptions options;
  options.ignore.AddLines(root_, "drop/\n");
  Discovery d = DiscoverInputs({kept, dropped, root_}, options);
  EXPECT_EQ(Paths(d.files), (std::vector<std::string>{kept + " (named)"}));
  EXPECT_EQ(d.ignored, (std::vector<std::string>{dropped}));
}

TEST_F(DiscoverTest, ReadFileLimited) {
  const std::string path = Write("f.json", "0123456789");
  std::string text;
  std::string error;
  size_t size = 0;
  EXPECT_EQ(ReadFileLimited(path, 10, &text, &error, &size), ReadStatus::kOk);
  EXPECT_EQ(text, "0123456789");
  EXPECT_EQ(size, 10u);
  EXPECT_EQ(ReadFileLimited(path, 9, &text, &error, &size), ReadStatus::kTooLarge);
  EXPECT_EQ(size, 10u);
  EXPECT_EQ(error, "");
  EXPECT_EQ(ReadFileLimited(root_, 100, &text, &error), ReadStatus::kUnreadable);
  EXPECT_EQ(error, "'" + root_ + "' is a folder, not a file");
  EXPECT_EQ(ReadFileLimited(root_ + "/none", 100, &text, &error), ReadStatus::kUnreadable);
  EXPECT_EQ(error, "cannot read '" + root_ + "/none': No such file or directory");
}

TEST(Glob, PatternsAndLines) {
  EXPECT_TRUE(GlobMatch("*.json", "a.json"));
  EXPECT_FALSE(GlobMatch("*.json", "dir/a.json"));
  EXPECT_TRUE(GlobMatch("**/a.json", "x/y/a.json"));
  EXPECT_TRUE(GlobMatch("**/a.json", "a.json"));
  EXPECT_TRUE(GlobMatch("file?.[a-c]", "file1.b"));
  EXPECT_FALSE(GlobMatch("file?.[!a-c]", "file1.b"));
  IgnorePattern p;
  EXPECT_FALSE(ParseIgnoreLine("# comment", &p));
  EXPECT_FALSE(ParseIgnoreLine("   ", &p));
  ASSERT_TRUE(ParseIgnoreLine("!/build/", &p));
  EXPECT_EQ(p.glob, "build");
  EXPECT_TRUE(p.negate);
  EXPECT_TRUE(p.anchored);
  EXPECT_TRUE(p.directory_only);
  ASSERT_TRUE(ParseIgnoreLine("\\#literal", &p));
  EXPECT_FALSE(p.negate);
  EXPECT_FALSE(p.anchored);
}

TEST(Glob, LastMatchingPatternWins) {
  IgnoreList list;
  list.AddLines("/r", "*.json\n!keep.json\nout/\n");
  EXPECT_TRUE(list.Ignored("/r/a.json", false));
  EXPECT_TRUE(list.Ignored("/r/sub/a.json", false));
  EXPECT_FALSE(list.Ignored("/r/keep.json", false));
  EXPECT_TRUE(list.Ignored("/r/out", true));
  EXPECT_FALSE(list.Ignored("/r/out", false));  // `out/` matches folders only
  EXPECT_FALSE(list.Ignored("/elsewhere/a.json", false));
}

}  // namespace
}  // namespace leadlint
