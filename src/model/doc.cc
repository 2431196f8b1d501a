// Building document models and extracting the storefront rule tables.
#include "model/doc.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "model/locale_codes.h"

namespace leadlint {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsLocaleCode(std::string_view s) {
  // ll-cc or ll-Scri-cc, two or three letter language.
  size_t dash = s.find('-');
  if (dash < 2 || dash > 3) return false;
  for (size_t i = 0; i < dash; ++i) {
    if (!std::isalpha(static_cast<unsigned char>(s[i]))) return false;
  }
  std::string_view rest = s.substr(dash + 1);
  if (rest.size() < 2 || rest.size() > 9) return false;
  for (char c : rest) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return false;
  }
  return true;
}

DocTerm Term(const MdItem& item) { return DocTerm{item.text, item.offset, ""}; }

std::string StorefrontOf(std::string_view text) {
  if (text == "AppSource" || text == "Microsoft AppSource") return "appsource";
  if (text == "Azure Marketplace") return "azure-marketplace";
  return "";
}

std::string KindOfHeader(std::string_view english) {
  std::string slug = CanonicalTerm(english);
  if (slug == "audience") return "audience";
  if (slug == "campaign") return "campaign";
  if (slug == "listing" || slug == "listings") return "listing";
  if (slug == "leads" || slug == "lead") return "leads";
  return "";
}

}  // namespace

std::string CanonicalTerm(std::string_view text) {
  std::string out;
  bool dash = false;
  for (unsigned char c : text) {
    if (std::isalnum(c)) {
      if (dash && !out.empty()) out.push_back('-');
      dash = false;
      out.push_back(static_cast<char>(std::tolower(c)));
    } else {
      dash = true;
    }
  }
  return out;
}

std::string LocaleFromPath(std::string_view path) {
  // Any path component or file-name part like "azure-docs.hu-hu" / "x.hu-hu.md".
  std::string best;
  size_t start = 0;
  while (start < path.size()) {
    size_t end = path.find_first_of("/.", start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view part = path.substr(start, end - start);
    if (IsLocaleCode(part) && part.size() <= 10 && part.find('-') != std::string_view::npos) {
      // A known language and region: "azure-docs", "how-to" and "ci-cd" are not locales.
      std::string l = Lower(part);
      if (IsKnownLocale(l)) best = l;
    }
    start = end + 1;
  }
  return best;
}

bool HasMsFrontMatter(const DocModel& doc) {
  for (const FrontMatterEntry& e : doc.front_matter.entries) {
    if (e.key.rfind("ms.", 0) == 0) return true;
  }
  return false;
}

const std::vector<RuleTable>& BuiltInRuleTables() {
  static const std::vector<RuleTable> tables = [] {
    struct Spec {
      const char* kind;
      const char* header;
      std::vector<const char*> appsource;
      std::vector<const char*> marketplace;
    };
    const Spec specs[] = {
        {"audience", "Audience", {"Business customers"}, {"All customers"}},
        {"campaign", "Campaign", {"Nurture"}, {"In-demand generation"}},
        {"listing", "Listing", {"App", "Consulting Services"}, {"Offer", "Technology"}},
        {"leads",
         "Leads",
         {"Your CRM", "Microsoft field seller CRM"},
         {"Azure Marketplace", "Microsoft field seller CRM"}},
    };
    std::vector<RuleTable> out;
    for (const Spec& s : specs) {
      RuleTable t;
      t.kind = s.kind;
      t.header = {s.header, 0, s.kind};
      t.storefront_header = {"Storefront", 0, "storefront"};
      RuleTableRow a;
      a.storefront = {"AppSource", 0, "appsource"};
      for (const char* i : s.appsource) a.items.push_back({i, 0, CanonicalTerm(i)});
      a.list = a.items.size() > 1;
      RuleTableRow m;
      m.storefront = {"Azure Marketplace", 0, "azure-marketplace"};
      for (const char* i : s.marketplace) m.items.push_back({i, 0, CanonicalTerm(i)});
      m.list = m.items.size() > 1;
      t.rows = {a, m};
      out.push_back(std::move(t));
    }
    return out;
  }();
  return tables;
}

std::unique_ptr<DocModel> BuildDocModel(const std::string& path, std::string text) {
  auto doc = std::make_unique<DocModel>();
  doc->path = path;
  doc->file = SourceFile(path, std::move(text));
  doc->markdown = ParseMarkdown(doc->file.contents());
  if (doc->markdown.has_front_matter) {
    doc->front_matter =
        ParseFrontMatter(doc->file.contents(), doc->markdown.front_matter, doc->markdown.front_matter_offset);
  }
  if (const FrontMatterEntry* e = doc->front_matter.Find("ms.contentlocale"); e != nullptr && !e->value.empty()) {
    doc->locale_written = e->value;
    doc->locale = Lower(e->value);
  }
  if (doc->locale.empty()) doc->locale = LocaleFromPath(path);
  doc->english = doc->locale.empty() || doc->locale.rfind("en", 0) == 0;
  return doc;
}

void ExtractRuleTables(DocModel* doc, const DocModel* source) {
  doc->rule_tables.clear();
  // A rule table has two columns and names AppSource (never translated) in its
  // first; a table whose first header cell is the same Storefront heading as a
  // rule table's is one too, even when its AppSource cell was translated.
  std::vector<bool> is_rule(doc->markdown.tables.size(), false);
  std::set<std::string> storefront_headers;
  for (size_t k = 0; k < doc->markdown.tables.size(); ++k) {
    const MdTable& table = doc->markdown.tables[k];
    if (table.rows.size() < 2) continue;
    bool two_columns = true;
    bool names_appsource = false;
    for (const MdRow& row : table.rows) {
      if (row.cells.size() != 2) two_columns = false;
      if (!row.header && !row.cells.empty() && row.cells[0].text.find("AppSource") != std::string::npos) {
        names_appsource = true;
      }
    }
    if (two_columns && names_appsource) {
      is_rule[k] = true;
      storefront_headers.insert(table.rows[0].cells[0].text);
    }
  }
  for (size_t k = 0; k < doc->markdown.tables.size(); ++k) {
    const MdTable& table = doc->markdown.tables[k];
    if (is_rule[k] || table.rows.size() < 2 || table.rows[0].cells.size() != 2) continue;
    bool two_columns = true;
    for (const MdRow& row : table.rows) two_columns = two_columns && row.cells.size() == 2;
    if (two_columns && storefront_headers.count(table.rows[0].cells[0].text) != 0) is_rule[k] = true;
  }
  for (size_t k = 0; k < doc->markdown.tables.size(); ++k) {
    if (!is_rule[k]) continue;
    const MdTable& table = doc->markdown.tables[k];
    RuleTable rt;
    rt.offset = table.offset;
    const MdRow& header = table.rows.front();
    rt.storefront_header = {header.cells[0].text,
                            header.cells[0].items.empty() ? header.cells[0].offset : header.cells[0].items[0].offset,
                            ""};
    rt.header = {header.cells[1].text,
                 header.cells[1].items.empty() ? header.cells[1].offset : header.cells[1].items[0].offset, ""};
    for (size_t r = 1; r < table.rows.size(); ++r) {
      const MdRow& row = table.rows[r];
      RuleTableRow out;
      out.storefront = row.cells[0].items.empty() ? DocTerm{row.cells[0].text, row.cells[0].offset, ""}
                                                  : Term(row.cells[0].items[0]);
      out.list = row.cells[1].is_list;
      for (const MdItem& item : row.cells[1].items) out.items.push_back(Term(item));
      rt.rows.push_back(std::move(out));
    }
    doc->rule_tables.push_back(std::move(rt));
  }
  doc->lead_sharing = !doc->rule_tables.empty();

  // Canonical identifiers: English by text, translations by alignment.
  const std::vector<RuleTable>* reference = nullptr;
  if (doc->english && source == nullptr) {
    for (RuleTable& t : doc->rule_tables) {
      t.kind = KindOfHeader(t.header.text);
      t.header.canonical = t.kind;
      t.storefront_header.canonical = CanonicalTerm(t.storefront_header.text);
      for (RuleTableRow& row : t.rows) {
        row.storefront.canonical = StorefrontOf(row.storefront.text);
        row.storefront.source_text = row.storefront.text;
        for (DocTerm& item : row.items) {
          item.canonical = CanonicalTerm(item.text);
          item.source_text = item.text;
        }
      }
    }
    doc->aligned_with = "own text";
    return;
  }
  reference = source != nullptr ? &source->rule_tables : &BuiltInRuleTables();
  doc->aligned_with = source != nullptr ? source->path : "built-in skeleton";
  for (size_t ti = 0; ti < doc->rule_tables.size(); ++ti) {
    RuleTable& t = doc->rule_tables[ti];
    if (ti >= reference->size()) break;
    const RuleTable& ref = (*reference)[ti];
    t.kind = ref.kind;
    t.header.canonical = ref.header.canonical;
    t.storefront_header.canonical = ref.storefront_header.canonical;
    for (size_t r = 0; r < t.rows.size() && r < ref.rows.size(); ++r) {
      RuleTableRow& row = t.rows[r];
      row.storefront.canonical = ref.rows[r].storefront.canonical;
      row.storefront.source_text = ref.rows[r].storefront.text;
      for (size_t i = 0; i < row.items.size() && i < ref.rows[r].items.size(); ++i) {
        row.items[i].canonical = ref.rows[r].items[i].canonical;
        row.items[i].source_text = ref.rows[r].items[i].text;
      }
    }
  }
}

}  // namespace leadlint
