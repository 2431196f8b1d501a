// Doc-set pairing by real path and link verification (issue 12): a translation
// pairs with its source however the paths are spelled ('.', './x', '../x',
// absolute, symlinks), a file is never its own source, a translation left
// without a source is reported once, saying how to pair it; a missing link
// target is an error only where the checkout is known to be complete (the docs
// root, git's index). Each case runs the built binary.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "test_util.h"

namespace leadlint {
namespace {

namespace fs = std::filesystem;
using testing::RunBinary;

constexpr const char* kSource = "---\ntitle: Leads\nms.date: 01/01/2020\n---\n\n# Leads\n\nSee [x](#leads).\n";
constexpr const char* kGerman =
    "---\ntitle: Leads\nms.date: 01/01/2019\nms.contentlocale: de-DE\n"
    "ms.openlocfilehash: 0123456789abcdef0123456789abcdef01234567\n---\n\n# Leads\n\nSiehe [x](#leads).\n";

class DocTree : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("leadlint-pairing-" + std::to_string(getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    Write("azure-docs/articles/x.md", kSource);
    Write("azure-docs.de-de/articles/x.md", kGerman);
    fs::create_directory_symlink(root_ / "azure-docs.de-de", root_ / "link-de");
  }
  void TearDown() override { fs::remove_all(root_); }
  void Write(const std::string& name, const std::string& text) {
    fs::path p = root_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
  }
  // The finding lines (no excerpts, no summary) of a run with only `rule`.
  std::string Findings(std::vector<std::string> args, const std::string& rule, const std::string& cwd = "") {
    args.insert(args.begin(), {"check", "--color", "never", "--no-git-history", "--rule", rule});
    auto r = RunBinary(args, cwd.empty() ? root_.string() : cwd);
    std::istringstream lines(r.out);
    std::string out;
    for (std::string line; std::getline(lines, line);) {
      if (line.find("[" + rule + "]") != std::string::npos) out += line + "\n";
    }
    return out;
  }
  fs::path root_;
};

std::string Stale(const std::string& translation, const std::string& source) {
  return translation +
         ":5:21: warning: 'ms.openlocfilehash' '0123456789ab' is not the SHA-1 of the current source: "
         "the current source '" +
         source +
         "' has SHA-1 bc5c7e251dc7; the version it was made from is not in the history (--docs-history, git); the "
         "source checkout may also be older than the translation [l10n-stale-translation]\n";
}

TEST_F(DocTree, EverySpellingPairsTheTranslationWithItsSource) {
  const std::string rule = "l10n-stale-translation";
  EXPECT_EQ(Findings({"azure-docs.de-de", "azure-docs"}, rule),
            Stale("azure-docs.de-de/articles/x.md", "azure-docs/articles/x.md"));
  EXPECT_EQ(Findings({"./azure-docs.de-de/articles/x.md"}, rule),
            Stale("azure-docs.de-de/articles/x.md", "azure-docs/articles/x.md"));
  // `check .` from inside the localized tree pairs with the sibling source tree.
  EXPECT_EQ(Findings({"."}, rule, (root_ / "azure-docs.de-de").string()),
            Stale("articles/x.md", "../azure-docs/articles/x.md"));
  EXPECT_EQ(Findings({"x.md"}, rule, (root_ / "azure-docs.de-de/articles").string()),
            Stale("x.md", "../../azure-docs/articles/x.md"));
  // Tree form, with ./, ../, absolute and symlinked spellings.
  EXPECT_EQ(Findings({"--docs-source", "azure-docs", "--docs-translations", "./azure-docs.de-de"}, rule),
            Stale("azure-docs.de-de/articles/x.md", "azure-docs/articles/x.md"));
  EXPECT_EQ(Findings({"--docs-source", "../azure-docs", "--docs-translations", "."}, rule,
                     (root_ / "azure-docs.de-de").string()),
            Stale("articles/x.md", "../azure-docs/articles/x.md"));
  const std::string abs = root_.string();
  EXPECT_EQ(Findings({"--docs-source", abs + "/azure-docs", "--docs-translations", abs + "/azure-docs.de-de"}, rule),
            Stale(abs + "/azure-docs.de-de/articles/x.md", abs + "/azure-docs/articles/x.md"));
  EXPECT_EQ(Findings({"--docs-source", "azure-docs", "--docs-translations", "link-de"}, rule),
            Stale("link-de/articles/x.md", "azure-docs/articles/x.md"));
}

// Layouts other than localized trees: a locale folder beside an English one,
// and a locale before the extension beside the English file.
TEST_F(DocTree, LocaleFoldersAndLocaleSuffixesPairToo) {
  Write("site/en-us/x.md", kSource);
  Write("site/de-de/x.md", kGerman);
  Write("pages/x.md", kSource);
  Write("pages/x.de-de.md", kGerman);
  Write("hugo/en/x.md", kSource);
  Write("hugo/de-DE/x.md", kGerman);
  const std::string rule = "l10n-stale-translation";
  EXPECT_EQ(Findings({"site"}, rule), Stale("site/de-de/x.md", "site/en-us/x.md"));
  EXPECT_EQ(Findings({"pages"}, rule), Stale("pages/x.de-de.md", "pages/x.md"));
  EXPECT_EQ(Findings({"hugo"}, rule), Stale("hugo/de-DE/x.md", "hugo/en/x.md"));
  EXPECT_EQ(Findings({"site", "pages", "hugo"}, "l10n-source-unknown"), "");
}

// A page made a translation by its folder, its file name or only its front
// matter, with no source to be found, is said so once, with where the source
// was looked for: it is checked against nothing.
TEST_F(DocTree, EveryUnpairedTranslationIsReported) {
  Write("site/fr-fr/y.md", kGerman);
  Write("pages/y.pt-br.md", kGerman);
  Write("misc/z.md", kGerman);
  const std::string how =
      "; pair it with --docs-source SOURCE --docs-translations TREE, or 'docs' in leadlint.json "
      "[l10n-source-unknown]\n";
  const std::string what = ":5:21: warning: no English source to compare this translation with (";
  EXPECT_EQ(Findings({"site", "pages", "misc"}, "l10n-source-unknown"),
            "misc/z.md" + what + "no source tree was found)" + how +                //
                "pages/y.pt-br.md" + what + "'pages/y.md' does not exist)" + how +  //
                "site/fr-fr/y.md" + what + "'site/en-us/y.md' does not exist)" + how);
}

// Folder names that look like locales are not: an English page under how-to/
// is a source, not an unpaired translation.
TEST_F(DocTree, AHowToFolderIsNotALocale) {
  Write("articles/how-to/x.md", kSource);
  Write("articles/ci-cd/x.md", kSource);
  EXPECT_EQ(Findings({"articles"}, "l10n-source-unknown"), "");
  // Asked for an English page's keys, not a translation's (ms.contentlocale, hashes).
  std::string expected;
  for (const char* page : {"articles/ci-cd/x.md", "articles/how-to/x.md"}) {
    for (const char* key : {"description", "ms.topic"}) {
      expected += std::string(page) + ":2:1: error: front matter is missing the required key '" + key +
                  "' [docs-front-matter]\n";
    }
  }
  EXPECT_EQ(Findings({"articles"}, "docs-front-matter"), expected);
}

TEST_F(DocTree, AFileIsNeverItsOwnSource) {
  EXPECT_EQ(Findings({"--docs-source", "azure-docs", "--docs-translations", "./azure-docs"}, "l10n-source-unknown"),
            "./azure-docs:1:1: warning: the translation folder './azure-docs' is the source folder 'azure-docs' (the "
            "same real path): its files are checked as sources, never paired with themselves; name the localized "
            "tree, e.g. --docs-translations azure-docs.de-de [l10n-source-unknown]\n");
  EXPECT_EQ(
      Findings({"--docs-source", "azure-docs/articles/x.md", "./azure-docs/articles/x.md"}, "l10n-stale-translation"),
      "");
}

TEST_F(DocTree, ATranslationWithoutSourceIsReportedOnceWithHowToPairIt) {
  fs::remove_all(root_ / "azure-docs");
  EXPECT_EQ(Findings({"azure-docs.de-de"}, "l10n-source-unknown"),
            "azure-docs.de-de/articles/x.md:5:21: warning: no English source to compare this translation with "
            "('azure-docs/articles/x.md' does not exist); pair it with --docs-source SOURCE --docs-translations TREE, "
            "or 'docs' in leadlint.json [l10n-source-unknown]\n");
  EXPECT_EQ(Findings({"azure-docs.de-de"}, "l10n-stale-translation"), "");
}

// A sparse checkout: git tracks pages and images the working tree does not
// have. They exist on the site: no error. A target git does not track either
// is a broken link.
TEST(DocLinks, GitTrackedButNotCheckedOutIsNotAnError) {
  fs::path root = fs::temp_directory_path() / ("leadlint-sparse-" + std::to_string(getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "azure-docs/articles/media");
  std::ofstream(root / "azure-docs/articles/a.md")
      << "---\ntitle: A\nms.date: 01/01/2021\n---\n\n# A\n\nSee [b](./b.md), ![x](media/x.png) and [c](./c.md).\n";
  std::ofstream(root / "azure-docs/articles/b.md") << "# B\n";
  std::ofstream(root / "azure-docs/articles/media/x.png") << "png";
  std::string git = "cd '" + root.string() + "' && git init -q && git -c user.email=a@b -c user.name=a add -A && " +
                    "git -c user.email=a@b -c user.name=a commit -qm x && " +
                    "git update-index --skip-worktree azure-docs/articles/b.md azure-docs/articles/media/x.png";
  if (std::system(git.c_str()) != 0) GTEST_SKIP() << "git is not available";
  fs::remove(root / "azure-docs/articles/b.md");
  fs::remove(root / "azure-docs/articles/media/x.png");
  auto r = testing::RunBinary(
      {"check", "--color", "never", "--rule", "docs-broken-link", "--rule", "docs-missing-image", "azure-docs"},
      root.string());
  EXPECT_EQ(r.out.substr(0, r.out.find('\n') + 1),
            "azure-docs/articles/a.md:8:40: error: link target './c.md' does not exist (did you mean './a.md'?) "
            "[docs-broken-link]\n")
      << r.out;
  EXPECT_EQ(r.out.find("b.md' does not exist"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("[docs-missing-image]"), std::string::npos) << r.out;
  fs::remove_all(root);
}

TEST(DocLinks, DocsRootMustBeAFolder) {
  auto r = testing::RunBinary({"check", "--docs-root", "/nonexistent-leadlint-root", "."});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "leadlint: --docs-root '/nonexistent-leadlint-root' is not a folder\n");
}

// Outside git, a missing target is an error only under the docs root, which
// leadlint.json's docs.root (or --docs-root) names; without it, a note.
TEST(DocLinks, ConfigDocsRootMakesMissingTargetsErrors) {
  fs::path root = fs::temp_directory_path() / ("leadlint-docsroot-" + std::to_string(getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "azure-docs/articles");
  std::ofstream(root / "azure-docs/articles/a.md")
      << "---\ntitle: A\nms.date: 01/01/2021\n---\n\n# A\n\nSee [c](./c.md).\n";
  auto run = [&]() {
    auto r = testing::RunBinary({"check", "--color", "never", "--no-git-history", "--rule", "docs-broken-link",
                                 "--rule", "docs-link-unverified", "azure-docs"},
                                root.string());
    return r.out.substr(0, r.out.find('\n') + 1);
  };
  EXPECT_EQ(
      run(),
      "azure-docs/articles/a.md:8:5: note: link target './c.md' is not in this checkout, which may be partial, so "
      "it was not verified (set --docs-root to a complete checkout to check it) [docs-link-unverified]\n");
  std::ofstream(root / "leadlint.json") << R"({"docs": {"root": "azure-docs"}})";
  EXPECT_EQ(run(),
            "azure-docs/articles/a.md:8:5: error: link target './c.md' does not exist (did you mean './a.md'?) "
            "[docs-broken-link]\n");
  fs::remove_all(root);
}

}  // namespace
}  // namespace leadlint
