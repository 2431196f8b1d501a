// Link keys for l10n-link-parity (issue 12): targets spelled differently but
// meaning the same page compare equal; really different targets do not.
#include <gtest/gtest.h>

#include "rules/l10n/l10n_util.h"

namespace leadlint {
namespace {

using l10n_util::NormalizeUrl;

TEST(NormalizeUrl, SameTargetsSpelledDifferently) {
  const char* own = "enable-lead-sharing.md";
  EXPECT_EQ(NormalizeUrl("./media/x.png", own), NormalizeUrl("media/x.png", own));
  EXPECT_EQ(NormalizeUrl("././media/../media/x.png", own), "media/x.png");
  EXPECT_EQ(NormalizeUrl("https://learn.microsoft.com/en-us/dynamics365/x", own), "/dynamics365/x");
  EXPECT_EQ(NormalizeUrl("https://docs.microsoft.com/hu-hu/dynamics365/x/", own), "/dynamics365/x");
  EXPECT_EQ(NormalizeUrl("/de-de/dynamics365/x", own), "/dynamics365/x");
  EXPECT_EQ(NormalizeUrl("https://azuremarketplace.microsoft.com/en-us/", own),
            "https://azuremarketplace.microsoft.com/");
  EXPECT_EQ(NormalizeUrl("https://AzureMarketplace.microsoft.com/hu-hu", own),
            "https://azuremarketplace.microsoft.com/");
  EXPECT_EQ(NormalizeUrl("./enable-lead-sharing.md#Turn-On", own), "#turn-on");
  EXPECT_EQ(NormalizeUrl("enable-lead-sharing#turn-on", own), "#turn-on");
  EXPECT_EQ(NormalizeUrl("https://learn.microsoft.com/en-us/azure/marketplace/enable-lead-sharing#turn-on", own),
            "#turn-on");
  EXPECT_EQ(NormalizeUrl("#turn-on", own), "#turn-on");
}

TEST(NormalizeUrl, DifferentTargetsStayDifferent) {
  const char* own = "enable-lead-sharing.md";
  EXPECT_NE(NormalizeUrl("media/x.png", own), NormalizeUrl("media/y.png", own));
  EXPECT_NE(NormalizeUrl("/dynamics365/x", own), NormalizeUrl("/dynamics365/y", own));
  EXPECT_NE(NormalizeUrl("https://example.com/dynamics365/x", own), NormalizeUrl("/dynamics365/x", own));
  EXPECT_NE(NormalizeUrl("https://partner.microsoft.com/dashboard/home", own),
            NormalizeUrl("https://partner.microsoft.com/dashboard/", own));
  EXPECT_EQ(NormalizeUrl("other-page.md#a", own), "other-page.md#a");
}

}  // namespace
}  // namespace leadlint
