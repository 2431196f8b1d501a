// Which parts of a path name a locale: known languages and regions only, so
// that docs folders such as how-to, ci-cd or go-live never turn an English page
// into a translation.
#include "model/locale_codes.h"

#include <gtest/gtest.h>

#include "model/doc.h"

namespace leadlint {
namespace {

TEST(LocaleCodes, KnownLocales) {
  for (const char* locale : {"de-de", "en-us", "pt-br", "zh-tw", "es-419", "sr-latn-rs", "fil-ph", "nb-no", "xh-za"}) {
    EXPECT_TRUE(IsKnownLocale(locale)) << locale;
  }
}

TEST(LocaleCodes, FolderNamesThatLookLikeLocales) {
  for (const char* name : {"how-to", "ci-cd", "go-live", "ui-ux", "add-on", "qa-us", "en-zz", "de-d3", "de", "de-",
                           "-de", "sr-lat-rs", "sr-l4tn-rs", "en-12", "en-1234"}) {
    EXPECT_FALSE(IsKnownLocale(name)) << name;
  }
}

TEST(LocaleCodes, LanguagesAndRegions) {
  EXPECT_TRUE(IsKnownLanguage("aa"));
  EXPECT_TRUE(IsKnownLanguage("zu"));
  EXPECT_TRUE(IsKnownLanguage("haw"));
  EXPECT_FALSE(IsKnownLanguage("how"));
  EXPECT_FALSE(IsKnownLanguage("ci"));
  EXPECT_TRUE(IsKnownRegion("ad"));
  EXPECT_TRUE(IsKnownRegion("zw"));
  EXPECT_TRUE(IsKnownRegion("xk"));
  EXPECT_TRUE(IsKnownRegion("419"));
  EXPECT_FALSE(IsKnownRegion("zz"));
  EXPECT_FALSE(IsKnownRegion("4x9"));
}

TEST(LocaleFromPath, TreeSuffixesFoldersAndFileNames) {
  EXPECT_EQ(LocaleFromPath("azure-docs.hu-hu/articles/marketplace/x.md"), "hu-hu");
  EXPECT_EQ(LocaleFromPath("docs/x.pt-BR.md"), "pt-br");
  EXPECT_EQ(LocaleFromPath("content/de-de/articles/x.md"), "de-de");
  EXPECT_EQ(LocaleFromPath("content/sr-Latn-RS/x.md"), "sr-latn-rs");
  EXPECT_EQ(LocaleFromPath("azure-docs/articles/marketplace/x.md"), "");
  EXPECT_EQ(LocaleFromPath("articles/how-to/enable-lead-sharing.md"), "");
  EXPECT_EQ(LocaleFromPath("docs/ci-cd/enable-lead-sharing.md"), "");
}

TEST(LocaleFromPath, AnEnglishPageInAHowToFolderIsEnglish) {
  const std::string text = "---\ntitle: Leads\nms.service: marketplace\n---\n\n# Leads\n";
  const auto doc = BuildDocModel("repo/articles/how-to/enable-lead-sharing.md", text);
  EXPECT_EQ(doc->locale, "");
  EXPECT_TRUE(doc->english);
  const auto german = BuildDocModel("repo.de-de/articles/how-to/enable-lead-sharing.md", text);
  EXPECT_EQ(german->locale, "de-de");
  EXPECT_FALSE(german->english);
}

}  // namespace
}  // namespace leadlint
