// `leadlint extract`: the four storefront rule tables of one document as JSON,
// with their positions, for people who check what leadlint understood.
#include "engine/extract.h"

#include <cctype>
#include <memory>
#include <nlohmann/json.hpp>

#include "engine/problem_rules.h"
#include "load/read_file.h"
#include "model/doc.h"

namespace leadlint {

namespace {

// A lead-sharing page, read like every checked doc (at most 8 MiB).
bool ReadWhole(const std::string& path, std::string* text) {
  std::string error;
  return ReadFileLimited(path, 8u << 20, text, &error) == ReadStatus::kOk;
}

void WriteExtractJson(const DocModel& doc, std::ostream& out) {
  using nlohmann::ordered_json;
  auto place = [&](ordered_json& j, size_t offset) {
    LineCol lc = doc.file.Locate(offset);
    j["line"] = lc.line;
    j["column"] = lc.column;
  };
  ordered_json root;
  root["path"] = doc.path;
  root["locale"] = !doc.locale_written.empty() ? doc.locale_written : !doc.locale.empty() ? doc.locale : "en";
  root["alignedWith"] = doc.aligned_with;
  ordered_json tables = ordered_json::array();
  for (const RuleTable& t : doc.rule_tables) {
    ordered_json jt;
    jt["kind"] = t.kind.empty() ? ordered_json(nullptr) : ordered_json(t.kind);
    place(jt, t.offset);
    jt["header"] = {{"text", t.header.text}};
    place(jt["header"], t.header.offset);
    ordered_json rows = ordered_json::array();
    for (const RuleTableRow& row : t.rows) {
      ordered_json jr;
      jr["storefront"] =
          row.storefront.canonical.empty() ? ordered_json(nullptr) : ordered_json(row.storefront.canonical);
      jr["text"] = row.storefront.text;
      place(jr, row.storefront.offset);
      ordered_json items = ordered_json::array();
      for (const DocTerm& item : row.items) {
        ordered_json ji;
        ji["text"] = item.text;
        ji["canonical"] = item.canonical.empty() ? ordered_json(nullptr) : ordered_json(item.canonical);
        place(ji, item.offset);
        items.push_back(std::move(ji));
      }
      jr["items"] = std::move(items);
      rows.push_back(std::move(jr));
    }
    jt["rows"] = std::move(rows);
    tables.push_back(std::move(jt));
  }
  root["tables"] = std::move(tables);
  out << root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace

ExtractStatus ExtractRuleTablesJson(const std::string& path, const std::string& source_path, std::ostream& out,
                                    std::ostream& err) {
  std::string text;
  if (!ReadWhole(path, &text)) {
    err << "leadlint: cannot read '" << path << "'\n";
    return ExtractStatus::kUnreadable;
  }
  std::unique_ptr<DocModel> source;
  if (!source_path.empty()) {
    std::string source_text;
    if (!ReadWhole(source_path, &source_text)) {
      err << "leadlint: cannot read '" << source_path << "'\n";
      return ExtractStatus::kUnreadable;
    }
    source = BuildDocModel(source_path, std::move(source_text));
    ExtractRuleTables(source.get(), nullptr);
  }
  std::unique_ptr<DocModel> doc = BuildDocModel(path, std::move(text));
  ExtractRuleTables(doc.get(), source.get());
  for (const ParseError& e : doc->markdown.errors) {
    LineCol lc = doc->file.Locate(e.offset);
    err << path << ':' << lc.line << ':' << lc.column << ": error: " << e.message << " [" << RuleFor(e.kind) << "]\n";
  }
  WriteExtractJson(*doc, out);
  if (doc->rule_tables.size() == 4) return ExtractStatus::kComplete;
  // Say why the JSON holds fewer tables than a lead-sharing page has.
  std::string found;
  std::string missing;
  for (const char* kind : {"audience", "campaign", "listing", "leads"}) {
    bool present = false;
    for (const RuleTable& t : doc->rule_tables) present = present || t.kind == kind;
    std::string name(kind);
    name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
    (present ? found : missing) += (present ? found : missing).empty() ? name : ", " + name;
  }
  err << "leadlint: '" << path << "' ";
  if (doc->rule_tables.empty()) {
    err << "has no storefront rule tables";
  } else {
    err << "has " << doc->rule_tables.size() << " storefront rule table" << (doc->rule_tables.size() == 1 ? "" : "s")
        << (found.empty() ? "" : " (" + found + ")") << (missing.empty() ? "" : "; missing: " + missing);
  }
  err << ": a lead-sharing page has 4 (Audience, Campaign, Listing, Leads), each a table of 2 columns whose first, "
         "Storefront, names AppSource and Azure Marketplace\n";
  return ExtractStatus::kIncomplete;
}

}  // namespace leadlint
