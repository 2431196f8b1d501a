// Hostile inputs for the issue-12 docs checks (block alignment, verbatim and
// markup parity, :::image directives): they end with findings, never a hang or
// a signal. CTest's TIMEOUT is the hang detector; nothing here is timed.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "test_util.h"

namespace leadlint {
namespace {

namespace fs = std::filesystem;

class DocsPathological : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("leadlint-docs-patho-" + std::to_string(getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const std::string& name, const std::string& text) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
  }
  fs::path dir_;
};

constexpr const char* kHead = "---\ntitle: T\ndescription: D\nms.topic: how-to\nms.date: 01/01/2021\n---\n\n# T\n\n";

TEST_F(DocsPathological, HugeIdentifierBlocksAndMarkerRuns) {
  std::string ids, near;
  for (int i = 0; i < 20000; ++i) {
    ids += "MarketplaceLeadBackend" + std::to_string(i) + "\n";
    near += "MarketplaceLeadBacked" + std::to_string(i) + "\n";
  }
  std::string markers(60000, '*');
  Write("azure-docs/a.md", std::string(kHead) + ids + "\n\n**x** " + std::string(30000, '_') + "\n");
  Write("azure-docs.de-de/a.md", std::string(kHead) + near + "\n\n" + markers + " x\n");
  auto r = testing::RunBinary({"check", "--color", "never", "--no-git-history", "--rule", "l10n-verbatim-parity",
                               "--rule", "l10n-markup-parity", "azure-docs.de-de"},
                              dir_.string(), "", 60);  // a 60 s budget: a hang, not a speed check
  EXPECT_EQ(r.exit_code, 0) << r.err;                  // warnings only
  EXPECT_NE(r.out.find("[l10n-verbatim-parity]"), std::string::npos) << r.out.substr(0, 400);
  EXPECT_NE(r.out.find("[l10n-markup-parity]"), std::string::npos) << r.out.substr(0, 400);
}

TEST_F(DocsPathological, UnclosedImageDirectivesAndIncludes) {
  std::string lines;
  for (int i = 0; i < 50000; ++i) lines += ":::image source=\"m/" + std::to_string(i) + ".png\n";
  for (int i = 0; i < 20000; ++i) lines += "[!INCLUDE [x](i/" + std::to_string(i) + ".md)]\n";
  Write("d/a.md", std::string(kHead) + lines);
  auto r =
      testing::RunBinary({"check", "--color", "never", "--rule", "docs-link-unverified", "d"}, dir_.string(), "", 60);
  EXPECT_EQ(r.exit_code, 0) << r.err;  // notes only
  EXPECT_NE(r.out.find("d/a.md:"), std::string::npos) << r.out.substr(0, 400);
}

}  // namespace
}  // namespace leadlint
