// The model of one localized document (DESIGN §2): its front matter, headings,
// links and the four storefront rule tables (Audience, Campaign, Listing,
// Leads) with every term mapped to a canonical English identifier.
//
// Terms of the English source are canonical by their own text (a slug:
// "Your CRM" -> "your-crm"). A translation's terms are mapped by alignment with
// the version of the source it was translated from — same table, same row,
// same item — never by a per-language dictionary. Without a source, the
// built-in skeleton of the seed's tables stands in.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/source_file.h"
#include "parse/front_matter.h"
#include "parse/markdown.h"

namespace leadlint {

// One rendering of a do-not-translate product name in one locale: allowed (the
// locale's official name, e.g. "Центр партнеров" for Partner Center) or known
// to be wrong (a machine translation, e.g. "Azure 市场"). '*' in `text` stands
// for letters (an inflection inside the name); a match also takes the letters
// that follow it (an inflected ending: "Azure piactér" matches "Azure piactéren").
struct GlossaryRendering {
  std::string term;  // "Partner Center"
  std::string text;  // "Центр* партнеров"
  bool allowed = true;
  std::string evidence = {};  // where the rendering was seen (built-in entries)
};

struct DocTerm {
  std::string text;  // as written (entities decoded)
  size_t offset = 0;
  std::string canonical;         // "your-crm", or "" when it cannot be aligned
  std::string source_text = {};  // the aligned source term as the source writes it
};

struct RuleTableRow {
  DocTerm storefront;          // canonical "appsource" / "azure-marketplace"
  std::vector<DocTerm> items;  // the second column's list items (one for plain cells)
  bool list = false;           // the cell is an HTML list
};

struct RuleTable {
  std::string kind;  // "audience", "campaign", "listing", "leads" ("" when unknown)
  DocTerm header;    // the second header cell
  DocTerm storefront_header;
  size_t offset = 0;
  std::vector<RuleTableRow> rows;
};

struct DocModel {
  std::string path;
  SourceFile file;
  FrontMatter front_matter;
  MarkdownDoc markdown;
  std::string locale;          // "hu-hu" (lower case), "" if unknown
  std::string locale_written;  // as in ms.contentlocale
  bool english = false;
  std::vector<RuleTable> rule_tables;
  bool lead_sharing = false;  // has at least one storefront rule table
  std::string aligned_with;   // path of the source version, or "built-in skeleton"
};

// Reads and models a document (never throws). `text` is the file's bytes.
std::unique_ptr<DocModel> BuildDocModel(const std::string& path, std::string text);

// Finds the storefront rule tables (two-column tables whose first column names
// AppSource) and maps their terms. `source` is the English version to align
// with; nullptr aligns English docs by their own text and translations with the
// built-in skeleton.
void ExtractRuleTables(DocModel* doc, const DocModel* source);

// The seed's four tables as a source-like model (English texts, canonical ids).
const std::vector<RuleTable>& BuiltInRuleTables();

// "your-crm" for "Your CRM".
std::string CanonicalTerm(std::string_view english_text);

// Whether the doc carries ms.* front matter (docs found while walking).
bool HasMsFrontMatter(const DocModel& doc);

// The locale of a tree name like "azure-docs.hu-hu" or a file name like
// "x.hu-hu.md", lower case, or "".
std::string LocaleFromPath(std::string_view path);

}  // namespace leadlint
