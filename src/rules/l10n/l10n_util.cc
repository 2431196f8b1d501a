// Helpers shared by several l10n-* rules.
#include "rules/l10n/l10n_util.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string_view>

namespace leadlint::l10n_util {

std::string Against(const DocCheckInput& in) {
  if (in.compared_is_current) {
    return in.freshness == "stale"
               ? " (compared with the current source: the version it was translated from is not available)"
               : "";
  }
  return " (compared with '" + in.translated_from + "', the version it was translated from)";
}

namespace {

std::string LexicallyNormal(const std::string& path) {
  std::string n = std::filesystem::path(path).lexically_normal().generic_string();
  return n == "." ? "" : n;
}

bool IsLocaleSegment(std::string_view seg) {
  // "en-us", "hu-hu", "zh-cn", "sr-latn-rs" style: letters, dashes, a 2-letter region.
  if (seg.size() < 5 || seg.size() > 10 || seg[2] != '-') return false;
  for (char c : seg) {
    if (!std::isalpha(static_cast<unsigned char>(c)) && c != '-') return false;
  }
  size_t last = seg.rfind('-');
  return seg.size() - last - 1 == 2;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

std::string NormalizeUrl(std::string url, std::string_view own_file) {
  size_t b = url.find_first_not_of(" \t");
  size_t e = url.find_last_not_of(" \t");
  url = b == std::string::npos ? "" : url.substr(b, e - b + 1);
  std::string anchor;
  if (size_t hash = url.find('#'); hash != std::string::npos) {
    anchor = Lower(url.substr(hash + 1));
    url.resize(hash);
  }
  std::string query;
  if (size_t q = url.find('?'); q != std::string::npos) {
    query = url.substr(q);
    url.resize(q);
  }
  bool site = false;  // a page of the Learn / Docs site, compared by its site path
  std::string prefix;
  size_t colon = url.find(':');
  size_t slash = url.find('/');
  if (colon != std::string::npos && (slash == std::string::npos || colon < slash)) {
    // Absolute URL: the scheme and host in lower case; Learn and Docs are one site.
    size_t host_start = url.compare(colon, 3, "://") == 0 ? colon + 3 : colon + 1;
    size_t host_end = url.find('/', host_start);
    if (host_end == std::string::npos) host_end = url.size();
    std::string host = Lower(url.substr(host_start, host_end - host_start));
    if (host.rfind("www.", 0) == 0) host = host.substr(4);
    std::string path = url.substr(host_end);
    if (host == "learn.microsoft.com" || host == "docs.microsoft.com") {
      site = true;
      url = path;
    } else {
      prefix = Lower(url.substr(0, colon)) + "://" + host;
      url = path;
    }
  } else if (!url.empty() && url[0] == '/' && url.rfind("//", 0) != 0) {
    site = true;
  } else {
    while (url.rfind("./", 0) == 0) url.erase(0, 2);
    if (!url.empty()) url = LexicallyNormal(url);
    if (url == own_file || url == own_file.substr(0, own_file.rfind('.'))) url.clear();  // the page itself
  }
  // Locale segments (/en-us/, /hu-hu/) are dropped: each locale links to its own.
  std::string out;
  for (size_t p = 0; p < url.size();) {
    size_t next = url.find('/', p + 1);
    if (next == std::string::npos) next = url.size();
    std::string_view seg(url.data() + p + (url[p] == '/' ? 1 : 0), next - p - (url[p] == '/' ? 1 : 0));
    if (!(url[p] == '/' && IsLocaleSegment(seg))) out.append(url, p, next - p);
    p = next;
  }
  url = out;
  if (site) {
    url = Lower(url);
    while (url.size() > 1 && url.back() == '/') url.pop_back();
    if (url.size() > 3 && url.compare(url.size() - 3, 3, ".md") == 0) url.resize(url.size() - 3);
    std::string stem(own_file.substr(0, own_file.rfind('.')));
    size_t last = url.rfind('/');
    if (!anchor.empty() && !stem.empty() && last != std::string::npos && url.substr(last + 1) == Lower(stem)) {
      url.clear();  // the page's own published URL plus #anchor
    }
  } else if (!prefix.empty() && url.empty()) {
    url = "/";
  }
  std::string key = prefix + url + query;
  if (!anchor.empty()) key += "#" + anchor;
  return key;
}

BlockAlignment AlignBlocks(const MarkdownDoc& mine, const MarkdownDoc& theirs) {
  BlockAlignment out;
  auto sections = [](const MarkdownDoc& d) {
    std::vector<std::vector<const MdBlock*>> s(d.headings.size() + 1);
    for (const MdBlock& b : d.blocks) {
      if (b.section >= 0 && static_cast<size_t>(b.section) < s.size()) s[static_cast<size_t>(b.section)].push_back(&b);
    }
    return s;
  };
  auto anchor = [](const MdHeading& h) { return h.anchors.empty() ? h.slug : h.anchors.front(); };
  auto name = [&](size_t section) {
    return section == 0 || section > mine.headings.size() ? std::string("the opening before the first heading")
                                                          : "'" + mine.headings[section - 1].text + "'";
  };
  std::vector<std::vector<const MdBlock*>> a = sections(mine);
  std::vector<std::vector<const MdBlock*>> b = sections(theirs);
  // Section pairs: (mine, theirs).
  std::vector<std::pair<size_t, size_t>> section_pairs;
  if (mine.headings.size() == theirs.headings.size()) {
    for (size_t i = 0; i < a.size(); ++i) section_pairs.emplace_back(i, i);
  } else {
    section_pairs.emplace_back(0, 0);
    for (size_t i = 0; i < mine.headings.size(); ++i) {
      size_t found = 0;
      for (size_t j = 0; j < theirs.headings.size() && found == 0; ++j) {
        if (anchor(mine.headings[i]) == anchor(theirs.headings[j])) found = j + 1;
      }
      if (found == 0) {
        out.unaligned.push_back(name(i + 1));
        if (out.first_unaligned_offset == 0) out.first_unaligned_offset = mine.headings[i].offset;
      } else {
        section_pairs.emplace_back(i + 1, found);
      }
    }
  }
  for (const auto& [i, j] : section_pairs) {
    const auto& x = a[i];
    const auto& y = b[j];
    bool same = x.size() == y.size();
    for (size_t k = 0; same && k < x.size(); ++k) same = x[k]->kind == y[k]->kind;
    if (!same) {
      out.unaligned.push_back(name(i));
      if (out.first_unaligned_offset == 0) {
        out.first_unaligned_offset = !x.empty() ? x.front()->offset : i > 0 ? mine.headings[i - 1].offset : 0;
      }
      continue;
    }
    for (size_t k = 0; k < x.size(); ++k) out.pairs.emplace_back(x[k], y[k]);
  }
  return out;
}

std::string UnalignedNote(const BlockAlignment& a, std::string_view what) {
  if (a.unaligned.empty()) return "";
  std::string names;
  for (size_t i = 0; i < a.unaligned.size() && i < 5; ++i) names += (i == 0 ? "" : ", ") + a.unaligned[i];
  if (a.unaligned.size() > 5) names += ", ...";
  return std::to_string(a.unaligned.size()) + (a.unaligned.size() == 1 ? " section" : " sections") +
         " cannot be aligned block by block with the source (" + names + "); " + std::string(what) +
         " is not checked there";
}

}  // namespace leadlint::l10n_util
