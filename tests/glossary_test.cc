// The do-not-translate glossary (issue 12): inflected matching in Latin and
// Cyrillic, CJK substrings, Microsoft's own localized names allowed, and
// leadlint.json entries that extend or override the built-in ones.
#include <gtest/gtest.h>

#include "rules/l10n/l10n_glossary.h"

namespace leadlint {
namespace {

using l10n_util::EffectiveGlossary;
using l10n_util::FindRendering;
using l10n_util::KeepsTerm;

std::vector<std::string> Found(std::string_view text, std::string_view pattern) {
  std::vector<std::string> out;
  for (const auto& m : FindRendering(text, pattern)) out.emplace_back(text.substr(m.begin, m.end - m.begin));
  return out;
}

TEST(Glossary, InflectedFormsAndCase) {
  EXPECT_EQ(Found("Az Azure piactéren és az Azure Piactér oldalon", "Azure piactér"),
            (std::vector<std::string>{"Azure piactéren", "Azure Piactér"}));
  EXPECT_EQ(Found("в Центре партнеров и Центра партнеров", "Центр* партнеров"),
            (std::vector<std::string>{"Центре партнеров", "Центра партнеров"}));
  EXPECT_EQ(Found("Azure Marketi'nde ve Azure Market'te", "Azure Market"),
            (std::vector<std::string>{"Azure Marketi'nde", "Azure Market'te"}));
  // CJK: no word boundaries, no inflected ending taken.
  EXPECT_EQ(Found("客户在 Azure 市场中找到", "Azure 市场"), (std::vector<std::string>{"Azure 市场"}));
  // Not inside another word.
  EXPECT_TRUE(Found("MyAzure piactér", "Azure piactér").empty());
}

TEST(Glossary, MicrosoftLocalizedNamesAreAllowed) {
  EXPECT_TRUE(KeepsTerm("Войдите в Центр партнеров", "Partner Center", EffectiveGlossary("ru-ru", {})));
  EXPECT_TRUE(KeepsTerm("登录合作伙伴中心", "Partner Center", EffectiveGlossary("zh-cn", {})));
  EXPECT_TRUE(KeepsTerm("파트너 센터에 로그인", "Partner Center", EffectiveGlossary("ko-kr", {})));
  EXPECT_FALSE(KeepsTerm("登录合作伙伴中心", "Partner Center", EffectiveGlossary("ja-jp", {})));
  EXPECT_FALSE(KeepsTerm("Azure 市场", "Azure Marketplace", EffectiveGlossary("zh-cn", {})));
}

TEST(Glossary, UserEntriesExtendAndOverride) {
  // Extend: an official French rendering.
  auto fr = EffectiveGlossary("fr-fr", {{"Azure Marketplace", "Place de marché Azure", true}});
  EXPECT_TRUE(KeepsTerm("sur la Place de marché Azure", "Azure Marketplace", fr));
  // Override: a built-in wrong rendering declared allowed is no longer wrong.
  auto zh = EffectiveGlossary("zh-cn", {{"Azure Marketplace", "Azure 市场", true}});
  for (const GlossaryRendering& g : zh) EXPECT_FALSE(g.text == "Azure 市场" && !g.allowed);
  EXPECT_TRUE(KeepsTerm("Azure 市场", "Azure Marketplace", zh));
  // Override: a built-in allowed name declared wrong.
  auto ru = EffectiveGlossary("ru-ru", {{"Partner Center", "Центр* партнеров", false}});
  EXPECT_FALSE(KeepsTerm("Центр партнеров", "Partner Center", ru));
  // Every built-in entry carries its evidence.
  for (const auto& e : l10n_util::BuiltInGlossary()) EXPECT_FALSE(e.rendering.evidence.empty()) << e.rendering.text;
}

}  // namespace
}  // namespace leadlint
