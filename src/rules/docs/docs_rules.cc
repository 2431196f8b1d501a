// docs-* rules: one document on its own. docs-front-matter (required keys and
// their values), docs-broken-link (relative links and anchors), docs-rule-table
// (a lead-sharing page whose four tables cannot be extracted) and
// docs-unmapped-term (source terms the rule model gives no meaning).
#include <algorithm>
#include <cctype>
#include <set>

#include "rules/checks.h"
#include "rules/doc_rule.h"

namespace leadlint {
namespace {

bool IsHex40(std::string_view s) {
  if (s.size() != 40) return false;
  for (char c : s) {
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

bool IsRealDate(std::string_view s) {
  // MM/DD/YYYY, as Microsoft Docs writes ms.date.
  if (s.size() != 10 || s[2] != '/' || s[5] != '/') return false;
  for (size_t i : {0, 1, 3, 4, 6, 7, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  int month = (s[0] - '0') * 10 + (s[1] - '0');
  int day = (s[3] - '0') * 10 + (s[4] - '0');
  int year = std::stoi(std::string(s.substr(6)));
  if (month < 1 || month > 12 || day < 1 || year < 1990 || year > 2100) return false;
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int max = kDays[month - 1] - (month == 2 && !leap ? 1 : 0);
  return day <= max;
}

bool IsLocale(std::string_view s) {
  // language (2-3 letters) '-' region (2 letters or 3 digits), optionally a script between.
  size_t dash = s.find('-');
  if (dash != 2 && dash != 3) return false;
  for (size_t i = 0; i < dash; ++i) {
    if (!std::isalpha(static_cast<unsigned char>(s[i]))) return false;
  }
  std::string_view rest = s.substr(dash + 1);
  size_t second = rest.find('-');
  if (second != std::string_view::npos) {
    if (second != 4) return false;
    rest = rest.substr(5);
  }
  if (rest.size() == 2) return std::isalpha(static_cast<unsigned char>(rest[0])) && std::isalpha(static_cast<unsigned char>(rest[1]));
  if (rest.size() == 3) {
    for (char c : rest) {
      if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    }
    return true;
  }
  return false;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsExternal(std::string_view url) {
  size_t colon = url.find(':');
  size_t slash = url.find('/');
  if (colon != std::string_view::npos && (slash == std::string_view::npos || colon < slash)) return true;
  return url.rfind("//", 0) == 0 || url.rfind("/", 0) == 0;  // scheme or site-absolute
}

}  // namespace

void CheckDocsFrontMatter(const DocCheckInput& in, DocContext& ctx) {
  const DocModel& doc = *in.doc;
  constexpr std::string_view kRule = "docs-front-matter";
  if (!doc.markdown.has_front_matter) {
    ctx.Report(kRule, 0, 1, "the document has no YAML front matter (a '---' block with title, description, ms.date and ms.topic)");
    return;
  }
  for (const Finding& f : doc.front_matter.findings) ctx.Report(kRule, f.offset, 1, f.message);
  if (!doc.front_matter.valid) return;
  const size_t at = doc.markdown.front_matter_offset;
  std::vector<std::string> required = {"title", "description", "ms.date", "ms.topic"};
  if (in.translation) {
    for (const char* k : {"ms.contentlocale", "ms.translationtype", "ms.openlocfilehash", "ms.sourcegitcommit"}) {
      required.emplace_back(k);
    }
  }
  for (const std::string& key : required) {
    const FrontMatterEntry* e = doc.front_matter.Find(key);
    if (e == nullptr) {
      ctx.Report(kRule, at, 1, "front matter is missing the required key '" + key + "'");
    } else if (!e->scalar) {
      ctx.Report(kRule, e->key_offset, key.size(),
                 "front matter key '" + key + "' must be a single value, not a list or a mapping");
    } else if (e->value.empty()) {
      ctx.Report(kRule, e->key_offset, key.size(), "front matter key '" + key + "' is empty");
    }
  }
  if (const FrontMatterEntry* e = doc.front_matter.Find("ms.date"); e != nullptr && !e->value.empty() && !IsRealDate(e->value)) {
    ctx.Report(kRule, e->value_offset, e->value.size(),
               "'ms.date' must be a real date written MM/DD/YYYY; got '" + e->value + "'");
  }
  if (!in.translation) return;
  if (const FrontMatterEntry* e = doc.front_matter.Find("ms.contentlocale"); e != nullptr && !e->value.empty()) {
    if (!IsLocale(e->value)) {
      ctx.Report(kRule, e->value_offset, e->value.size(),
                 "'ms.contentlocale' must be a locale code like 'hu-HU'; got '" + e->value + "'");
    } else if (!in.tree_locale.empty() && Lower(e->value) != in.tree_locale) {
      ctx.Report(kRule, e->value_offset, e->value.size(),
                 "'ms.contentlocale' is '" + e->value + "' but the file is in the '" + in.tree_locale + "' tree");
    }
  }
  for (const char* key : {"ms.openlocfilehash", "ms.sourcegitcommit"}) {
    const FrontMatterEntry* e = doc.front_matter.Find(key);
    if (e != nullptr && !e->value.empty() && !IsHex40(e->value)) {
      ctx.Report(kRule, e->value_offset, e->value.size(),
                 "'" + std::string(key) + "' must be 40 hexadecimal digits (a SHA-1); got '" + e->value + "'");
    }
  }
}

void CheckDocsBrokenLink(const DocCheckInput& in, DocContext& ctx) {
  const DocModel& doc = *in.doc;
  constexpr std::string_view kRule = "docs-broken-link";
  std::set<std::string> own;
  for (const MdHeading& h : doc.markdown.headings) own.insert(h.slug);
  for (const std::string& a : doc.markdown.html_anchors) own.insert(a);
  for (const MdLink& link : doc.markdown.links) {
    const std::string& url = link.url;
    if (url.empty() || IsExternal(url)) continue;
    size_t hash = url.find('#');
    std::string target = url.substr(0, hash);
    std::string anchor = hash == std::string::npos ? "" : url.substr(hash + 1);
    if (size_t q = target.find('?'); q != std::string::npos) target.resize(q);
    if (target.empty()) {
      if (!anchor.empty() && own.count(anchor) == 0 && own.count(Lower(anchor)) == 0) {
        ctx.Report(kRule, link.offset, 1, "'#" + anchor + "' is not a heading or anchor of this document");
      }
      continue;
    }
    if (in.links == nullptr) continue;
    auto it = in.links->find(target);
    if (it == in.links->end()) continue;
    if (!it->second.exists) {
      ctx.Report(kRule, link.offset, 1, "link target '" + target + "' does not exist");
    } else if (!anchor.empty() && it->second.markdown) {
      const auto& anchors = it->second.anchors;
      if (std::find(anchors.begin(), anchors.end(), anchor) == anchors.end() &&
          std::find(anchors.begin(), anchors.end(), Lower(anchor)) == anchors.end()) {
        ctx.Report(kRule, link.offset, 1, "'#" + anchor + "' is not a heading or anchor of '" + target + "'");
      }
    }
  }
}

void CheckDocsRuleTable(const DocCheckInput& in, DocContext& ctx) {
  const DocModel& doc = *in.doc;
  constexpr std::string_view kRule = "docs-rule-table";
  if (!doc.lead_sharing) return;
  if (doc.rule_tables.size() != 4) {
    ctx.Report(kRule, doc.rule_tables.front().offset, 1,
               "found " + std::to_string(doc.rule_tables.size()) +
                   " storefront rule tables; a lead-sharing page has 4 (Audience, Campaign, Listing, Leads), each of "
                   "exactly 2 columns whose first, Storefront, names AppSource and Azure Marketplace");
  }
  if (in.translation) return;  // translations are aligned with their source instead (l10n-table-shape)
  std::set<std::string> kinds;
  for (const RuleTable& t : doc.rule_tables) {
    if (t.kind.empty()) {
      ctx.Report(kRule, t.header.offset, 1,
                 "the rule table's second column '" + t.header.text +
                     "' is not one of Audience, Campaign, Listing or Leads; its terms cannot be mapped");
    } else if (!kinds.insert(t.kind).second) {
      ctx.Report(kRule, t.header.offset, 1, "a second '" + t.header.text + "' table; each rule table appears once");
    }
    for (const RuleTableRow& row : t.rows) {
      if (row.storefront.canonical.empty()) {
        ctx.Report(kRule, row.storefront.offset, 1,
                   "the Storefront column must name 'AppSource' or 'Azure Marketplace'; got '" + row.storefront.text + "'");
      }
      for (const DocTerm& item : row.items) {
        if (item.text.empty()) ctx.Report(kRule, item.offset, 1, "an empty term in the '" + t.header.text + "' table");
      }
    }
  }
}

void CheckDocsUnmappedTerm(const DocCheckInput& in, DocContext& ctx) {
  const DocModel& doc = *in.doc;
  if (in.translation || !doc.lead_sharing) return;
  static const std::set<std::string> kListing = {"app", "consulting-services", "offer", "technology"};
  static const std::set<std::string> kLeads = {"your-crm", "azure-marketplace", "microsoft-field-seller-crm"};
  for (const RuleTable& t : doc.rule_tables) {
    const std::set<std::string>* known = t.kind == "listing" ? &kListing : t.kind == "leads" ? &kLeads : nullptr;
    if (known == nullptr) continue;
    for (const RuleTableRow& row : t.rows) {
      for (const DocTerm& item : row.items) {
        if (item.canonical.empty() || known->count(item.canonical) != 0) continue;
        std::string list;
        for (const std::string& k : *known) list += (list.empty() ? "" : ", ") + k;
        ctx.Report("docs-unmapped-term", item.offset, item.text.size(),
                   "the " + t.header.text + " term '" + item.text + "' ('" + item.canonical +
                       "') has no meaning in profile " + std::string(in.profile.name) + "; known terms: " + list);
      }
    }
  }
}

}  // namespace leadlint
