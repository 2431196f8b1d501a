// docs-front-matter: front matter keys missing or invalid (title, ms.date, locale, hashes).
#include <algorithm>
#include <cctype>
#include <set>

#include "rules/doc_rule.h"
#include "rules/docs/docs_util.h"
#include "rules/rule.h"

namespace leadlint {
namespace {

using docs_util::Lower;

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
  if (rest.size() == 2)
    return std::isalpha(static_cast<unsigned char>(rest[0])) && std::isalpha(static_cast<unsigned char>(rest[1]));
  if (rest.size() == 3) {
    for (char c : rest) {
      if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    }
    return true;
  }
  return false;
}

void CheckDocsFrontMatter(const DocCheckInput& in, DocContext& ctx) {
  const DocModel& doc = *in.doc;
  if (!doc.markdown.has_front_matter) {
    ctx.Report(0, 1,
               "the document has no YAML front matter (a '---' block with title, description, ms.date and ms.topic)");
    return;
  }
  for (const ParseError& e : doc.front_matter.errors) ctx.Report(e.offset, 1, e.message);
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
      ctx.Report(at, 1, "front matter is missing the required key '" + key + "'");
    } else if (!e->scalar) {
      ctx.Report(e->key_offset, key.size(),
                 "front matter key '" + key + "' must be a single value, not a list or a mapping");
    } else if (e->value.empty()) {
      ctx.Report(e->key_offset, key.size(), "front matter key '" + key + "' is empty");
    }
  }
  if (const FrontMatterEntry* e = doc.front_matter.Find("ms.date");
      e != nullptr && !e->value.empty() && !IsRealDate(e->value)) {
    ctx.Report(e->value_offset, e->value.size(),
               "'ms.date' must be a real date written MM/DD/YYYY; got '" + e->value + "'");
  }
  if (!in.translation) return;
  if (const FrontMatterEntry* e = doc.front_matter.Find("ms.contentlocale"); e != nullptr && !e->value.empty()) {
    if (!IsLocale(e->value)) {
      ctx.Report(e->value_offset, e->value.size(),
                 "'ms.contentlocale' must be a locale code like 'hu-HU'; got '" + e->value + "'");
    } else if (!in.tree_locale.empty() && Lower(e->value) != in.tree_locale) {
      ctx.Report(e->value_offset, e->value.size(),
                 "'ms.contentlocale' is '" + e->value + "' but the file is in the '" + in.tree_locale + "' tree");
    }
  }
  for (const char* key : {"ms.openlocfilehash", "ms.sourcegitcommit"}) {
    const FrontMatterEntry* e = doc.front_matter.Find(key);
    if (e != nullptr && !e->value.empty() && !IsHex40(e->value)) {
      ctx.Report(e->value_offset, e->value.size(),
                 "'" + std::string(key) + "' must be 40 hexadecimal digits (a SHA-1); got '" + e->value + "'");
    }
  }
}

}  // namespace

extern constinit const Rule kDocsFrontMatter{
    .id = "docs-front-matter",
    .severity = Severity::kError,
    .summary = "front matter keys missing or invalid (title, ms.date, locale, hashes)",
    .stage = "doc",
    .check = &CheckDocsFrontMatter,
};

}  // namespace leadlint
