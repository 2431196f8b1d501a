// The built-in do-not-translate glossary and rendering matching. Evidence: a
// page Microsoft publishes in that locale (its own localized name of the
// product), or, for wrong renderings, the machine translations in which they
// were found (docs/glossary.md lists them all).
#include "rules/l10n/l10n_glossary.h"

#include <algorithm>
#include <cctype>

namespace leadlint::l10n_util {
namespace {

struct Cp {
  unsigned int cp;
  size_t offset;  // byte offset of the code point
};

std::vector<Cp> Decode(std::string_view s) {
  std::vector<Cp> out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    if (i + len > s.size()) len = 1;
    unsigned int v = len == 1 ? c : c & (0xFFu >> (len + 1));
    for (size_t k = 1; k < len; ++k) v = (v << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
    out.push_back({v, i});
    i += len;
  }
  return out;
}

// Lower case for Latin-1, Latin Extended-A, Greek and Cyrillic; others unchanged.
unsigned int Fold(unsigned int cp) {
  if (cp < 0x80) return static_cast<unsigned int>(std::tolower(static_cast<int>(cp)));
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 0x20;
  if (cp >= 0x100 && cp <= 0x17F) return cp | 1u;  // pairs differ in the low bit (close enough for matching)
  if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) return cp + 0x20;
  if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;
  if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;
  return cp;
}

// A letter of a script with words separated by spaces (Latin, Greek,
// Cyrillic): inflected endings are taken only in these scripts.
bool IsWordLetter(unsigned int cp) {
  if (cp < 0x80) return std::isalnum(static_cast<int>(cp)) != 0;
  if (cp == 0xD7 || cp == 0xF7) return false;
  return (cp >= 0xC0 && cp <= 0x24F) || (cp >= 0x370 && cp <= 0x52F) || (cp >= 0x1E00 && cp <= 0x1FFF);
}

// Matches p[pi..] at t[ti..]; '*' takes the shortest run of word letters after
// which the rest matches. Depth is bounded by the number of '*' in the pattern.
bool MatchFrom(const std::vector<Cp>& t, const std::vector<Cp>& p, size_t ti, size_t pi, size_t* end) {
  while (pi < p.size()) {
    if (p[pi].cp == '*') {
      for (size_t skip = ti;; ++skip) {
        if (MatchFrom(t, p, skip, pi + 1, end)) return true;
        if (skip >= t.size() || !IsWordLetter(t[skip].cp)) return false;
      }
    }
    if (ti >= t.size() || t[ti].cp != p[pi].cp) return false;
    ++ti;
    ++pi;
  }
  *end = ti;
  return true;
}

}  // namespace

const std::vector<LocaleGlossaryEntry>& BuiltInGlossary() {
  static const std::vector<LocaleGlossaryEntry> entries = {
      // Allowed: Microsoft's own localized names of Partner Center.
      {"ru",
       {"Partner Center", "Центр* партнеров", true,
        "learn.microsoft.com/ru-ru/azure/marketplace/manage-account-settings-and-profile (title: "
        "\"... в Центре партнеров\")"}},
      {"zh-cn",
       {"Partner Center", "合作伙伴中心", true,
        "learn.microsoft.com/zh-cn/azure/marketplace/manage-account-settings-and-profile (title: "
        "\"在合作伙伴中心管理 ...\")"}},
      {"zh-tw",
       {"Partner Center", "合作夥伴中心", true,
        "docs.microsoft.com/zh-tw/partner-center/add-a-new-customer (\"適用於: 合作夥伴中心\")"}},
      {"ko",
       {"Partner Center", "파트너 센터", true,
        "learn.microsoft.com/ko-kr/partner-center/see-your-customer-list (\"적용 대상: 파트너 센터\"); the "
        "human translation (ms.translationtype HT) of commercial-marketplace-lead-management-instructions-azure-"
        "table in azure-docs.ko-kr"}},
      {"fr",
       {"Azure Marketplace", "Place de marché Azure", true,
        "docs.microsoft.com/fr-fr/azure/lighthouse/how-to/publish-managed-services-offers (title \"Publier une "
        "offre de services managés sur la Place de marché Azure\")"}},
      {"fr",
       {"Azure Marketplace", "Place de marché Microsoft Azure", true,
        "docs.microsoft.com/fr-fr/azure/marketplace/marketplace-faq-publisher-guide (\"Qu'est-ce que la Place "
        "de marché Microsoft Azure ?\")"}},
      {"fr",
       {"Co-Sell", "co-vente", true,
        "docs.microsoft.com/fr-fr/azure/marketplace/marketplace-faq-publisher-guide (\"nos équipes de vente par "
        "le biais du programme de co-vente\")"}},
      {"ja",
       {"Partner Center", "パートナー センター", true,
        "learn.microsoft.com/ja-jp/azure/marketplace/manage-account (title \"パートナー センターで商業マーケット"
        "プレース アカウントを管理する\")"}},
      {"fr",
       {"Partner Center", "Espace partenaires", true,
        "docs.microsoft.com/fr-fr/azure/lighthouse/how-to/publish-managed-services-offers (\"un compte valide "
        "dans l'Espace partenaires\")"}},
      // Wrong: machine translations of storefront names (Microsoft keeps them in English).
      {"zh-cn",
       {"Azure Marketplace", "Azure 市场", false,
        "machine translations (ms.translationtype MT) of enable-lead-sharing and "
        "lead-management-for-cloud-marketplace in zh-cn"}},
      {"zh-cn",
       {"Azure Marketplace", "Azure 应用商店", false, "machine translation of cloud-partner-portal pages in zh-cn"}},
      {"zh-cn", {"AppSource", "应用源", false, "machine translation (\"Azure 应用商店和应用源\") in zh-cn"}},
      {"zh-tw",
       {"Azure Marketplace", "Azure 應用商店", false,
        "machine translation of cloud-partner-portal-get-customer-leads in zh-tw"}},
      {"hu",
       {"Azure Marketplace", "Azure piactér", false,
        "machine translations of enable-lead-sharing in hu-hu (\"Azure Piactér\", \"Azure piactéren\")"}},
      {"tr",
       {"Azure Marketplace", "Azure Market", false,
        "translations of enable-lead-sharing in tr-tr (\"Azure Marketi\", \"Azure Market'te\")"}},
  };
  return entries;
}

std::vector<RenderingMatch> FindRendering(std::string_view text, std::string_view pattern) {
  std::vector<RenderingMatch> out;
  // At most 3 '*' (the matcher backtracks per '*'); longer patterns match nothing.
  if (pattern.empty() || text.empty() || std::count(pattern.begin(), pattern.end(), '*') > 3) return out;
  std::vector<Cp> t = Decode(text);
  std::vector<Cp> p = Decode(pattern);
  for (Cp& c : t) c.cp = Fold(c.cp);
  for (Cp& c : p) c.cp = Fold(c.cp);
  const bool word_start = IsWordLetter(p.front().cp);
  const bool word_end = IsWordLetter(p.back().cp);
  auto match_at = [&](size_t i, size_t* end) { return MatchFrom(t, p, i, 0, end); };
  for (size_t i = 0; i < t.size(); ++i) {
    if (word_start && i > 0 && IsWordLetter(t[i - 1].cp)) continue;
    size_t end = 0;
    if (!match_at(i, &end)) continue;
    if (word_end) {
      while (end < t.size() && (IsWordLetter(t[end].cp) || t[end].cp == '\'' || t[end].cp == 0x2019)) ++end;
      while (end > i && (t[end - 1].cp == '\'' || t[end - 1].cp == 0x2019)) --end;
    }
    size_t b = t[i].offset;
    size_t e = end < t.size() ? t[end].offset : text.size();
    out.push_back({b, e});
    i = end > i ? end - 1 : i;
  }
  return out;
}

std::vector<GlossaryRendering> EffectiveGlossary(std::string_view locale, const std::vector<GlossaryRendering>& user) {
  std::vector<GlossaryRendering> out;
  std::string language(locale.substr(0, locale.find('-')));
  for (const LocaleGlossaryEntry& e : BuiltInGlossary()) {
    std::string_view l = e.locale;
    if (l != locale && l != language) continue;
    bool overridden = false;
    for (const GlossaryRendering& u : user)
      overridden = overridden || (u.text == e.rendering.text && u.allowed != e.rendering.allowed);
    if (!overridden) out.push_back(e.rendering);
  }
  for (const GlossaryRendering& u : user) out.push_back(u);
  return out;
}

bool KeepsTerm(std::string_view text, std::string_view term, const std::vector<GlossaryRendering>& glossary) {
  if (text.find(term) != std::string_view::npos) return true;
  for (const GlossaryRendering& g : glossary) {
    if (g.allowed && g.term == term && !FindRendering(text, g.text).empty()) return true;
  }
  return false;
}

}  // namespace leadlint::l10n_util
