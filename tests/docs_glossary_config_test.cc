// leadlint.json's glossary extends and overrides the built-in one (issue 12):
// an "allowed" rendering replaces a built-in wrong one, a "wrong" rendering is
// reported like a built-in one, and the array form still allows renderings.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "test_util.h"

namespace leadlint {
namespace {

namespace fs = std::filesystem;

TEST(GlossaryConfig, ExtendsAndOverridesTheBuiltInGlossary) {
  fs::path root = fs::temp_directory_path() / ("leadlint-glossary-" + std::to_string(getpid()));
  fs::remove_all(root);
  auto write = [&](const std::string& name, const std::string& text) {
    fs::create_directories((root / name).parent_path());
    std::ofstream(root / name, std::ios::binary) << text;
  };
  write("leadlint.json", R"({"glossary": {
    "zh-CN": {"Azure Marketplace": {"allowed": ["Azure 市场"]}},
    "tr-TR": {"Azure Marketplace": {"wrong": ["Azure Pazaryeri"]}},
    "de-DE": {"Azure Marketplace": ["Azure-Marktplatz"]}}})");
  const std::string head = "---\ntitle: T\nms.date: 01/01/2021\n";
  write("azure-docs/a.md", head + "---\n\n# T\n\nFind it in Azure Marketplace.\n");
  write("azure-docs.zh-cn/a.md", head + "ms.contentlocale: zh-CN\n---\n\n# T\n\n在 Azure 市场中找到它。\n");
  write("azure-docs.tr-tr/a.md", head + "ms.contentlocale: tr-TR\n---\n\n# T\n\nAzure Pazaryerinde bulun.\n");
  write("azure-docs.de-de/a.md", head + "ms.contentlocale: de-DE\n---\n\n# T\n\nIm Azure-Marktplatz finden.\n");
  auto r = testing::RunBinary({"check", "--color", "never", "--no-git-history", "--rule", "l10n-do-not-translate",
                               "azure-docs.zh-cn", "azure-docs.tr-tr", "azure-docs.de-de"},
                              root.string());
  std::istringstream lines(r.out);
  std::string got;
  for (std::string line; std::getline(lines, line);) {
    if (line.find("[l10n-do-not-translate]") != std::string::npos) got += line + "\n";
  }
  EXPECT_EQ(got,
            "azure-docs.tr-tr/a.md:9:1: warning: 'Azure Pazaryerinde' translates or alters the product name 'Azure "
            "Marketplace'; product names stay in English [l10n-do-not-translate]\n")
      << r.out << r.err;
  fs::remove_all(root);
}

}  // namespace
}  // namespace leadlint
