// The compliance report: one self-contained HTML file (no external assets, no
// network) that a person opens in a browser. Per offer, a storefront x listing x
// lead destination matrix with a verdict; totals; every finding with its
// (redacted) source excerpt; severity and rule filters that work offline.
#include <algorithm>
#include <map>
#include <set>

#include "report/report.h"
#include "report/text_helpers.h"

namespace leadlint {
namespace {

std::string_view StorefrontLabel(std::string_view id) { return id == "appsource" ? "AppSource" : "Azure Marketplace"; }

constexpr const char* kStyle = R"CSS(
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1b1f24;background:#f6f8fa}
header{background:#0f3d68;color:#fff;padding:18px 28px}
header h1{margin:0 0 4px;font-size:22px}
main{padding:18px 28px;max-width:1200px}
.totals{display:flex;gap:12px;flex-wrap:wrap;margin:8px 0 18px}
.card{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:10px 16px;min-width:110px}
.card b{display:block;font-size:22px}
section{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:14px 18px;margin-bottom:18px}
h2{font-size:17px;margin:0 0 10px}
table{border-collapse:collapse;width:100%;margin:6px 0 12px}
th,td{border:1px solid #d0d7de;padding:5px 8px;text-align:left;vertical-align:top}
th{background:#f0f3f6}
.verdict{font-weight:600;border-radius:10px;padding:1px 9px;display:inline-block}
.pass{background:#dafbe1;color:#116329}.fail{background:#ffebe9;color:#a40e26}.undetermined{background:#fff8c5;color:#7d4e00}
.sev{font-weight:600;text-transform:uppercase;font-size:11px;border-radius:4px;padding:1px 6px}
.sev-error{background:#ffebe9;color:#a40e26}.sev-warning{background:#fff8c5;color:#7d4e00}.sev-note{background:#ddf4ff;color:#0550ae}
.finding{border-top:1px solid #eaeef2;padding:8px 0}
.loc{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;color:#57606a}
pre{background:#f6f8fa;border-radius:6px;padding:6px 10px;margin:6px 0 0;overflow-x:auto}
.filters{display:flex;gap:14px;align-items:center;flex-wrap:wrap;margin-bottom:8px}
.muted{color:#57606a}
)CSS";

constexpr const char* kScript = R"JS(
(function(){
  function apply(){
    var shown={};
    document.querySelectorAll('input[data-sev]').forEach(function(b){shown[b.getAttribute('data-sev')]=b.checked;});
    var rule=document.getElementById('rule-filter').value;
    var visible=0;
    document.querySelectorAll('.finding').forEach(function(f){
      var ok=shown[f.getAttribute('data-severity')]&&(rule===''||f.getAttribute('data-rule')===rule);
      f.style.display=ok?'':'none'; if(ok)visible++;
    });
    document.getElementById('visible-count').textContent=visible;
  }
  document.querySelectorAll('input[data-sev]').forEach(function(b){b.addEventListener('change',apply);});
  document.getElementById('rule-filter').addEventListener('change',apply);
  apply();
})();
)JS";

void WriteHead(const ReportOptions& options, std::ostream& out) {
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
         "script-src 'unsafe-inline'\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>leadlint compliance report</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n";
  out << "<header><h1>leadlint compliance report</h1><div>profile <b>" << MarkupEscape(options.profile)
      << "</b> · leadlint " << MarkupEscape(options.version) << "</div></header>\n<main>\n";
}

void WriteTotals(const RunResult& result, std::ostream& out) {
  const std::array<size_t, 3> counts = CountBySeverity(result.findings);
  size_t verdicts[3] = {0, 0, 0};
  for (const OfferSummary& o : result.offers) {
    ++verdicts[o.verdict == "pass" ? 0 : o.verdict == "fail" ? 1 : 2];
  }
  out << "<div class=\"totals\">"
      << "<div class=\"card\" id=\"total-files\"><b>" << result.files_checked << "</b>files checked</div>"
      << "<div class=\"card\"><b>" << result.offers.size() << "</b>offers</div>"
      << "<div class=\"card\"><b>" << verdicts[0] << "</b>compliant</div>"
      << "<div class=\"card\"><b>" << verdicts[1] << "</b>non-compliant</div>"
      << "<div class=\"card\"><b>" << verdicts[2] << "</b>undetermined</div>"
      << "<div class=\"card\" id=\"total-errors\"><b>" << counts[2] << "</b>errors</div>"
      << "<div class=\"card\"><b>" << counts[1] << "</b>warnings</div>"
      << "<div class=\"card\"><b>" << counts[0] << "</b>notes</div></div>\n";
}

// One offer: its storefront x listing x lead destination table and verdict.
void WriteOffer(const OfferSummary& o, const ReportOptions& options, std::ostream& out) {
  out << "<div class=\"offer\" data-verdict=\"" << MarkupEscape(o.verdict) << "\"><h3>"
      << MarkupEscape(o.name.empty() ? o.path : o.name) << " <span class=\"verdict " << MarkupEscape(o.verdict) << "\">"
      << MarkupEscape(o.verdict) << "</span></h3>\n";
  out << "<div class=\"loc\">" << MarkupEscape(o.path) << ":" << o.line << ":" << o.column << " · "
      << MarkupEscape(o.format) << " · "
      << MarkupEscape(o.type.empty() ? std::string_view("unknown type") : o.type.view()) << "</div>\n";
  out << "<table><tr><th>storefront</th><th>listing</th><th>leads must reach</th><th>lead destination</th></tr>\n";
  const std::string destination =
      MarkupEscape(o.destination.empty() ? std::string_view("none configured") : o.destination.view());
  if (o.listings.empty()) {
    out << "<tr><td colspan=\"3\" class=\"muted\">no storefront listing known</td><td>" << destination
        << "</td></tr>\n";
  }
  for (const ListingSummary& l : o.listings) {
    out << "<tr><td>" << StorefrontLabel(l.storefront) << (l.assumed ? " <span class=\"muted\">(assumed)</span>" : "")
        << "</td><td>" << MarkupEscape(l.kind) << "</td><td>" << MarkupEscape(l.requirement) << "</td><td>"
        << destination << "</td></tr>\n";
  }
  out << "</table>\n";
  out << "<div class=\"muted\">verdict decided by "
      << (o.decided_by.empty() ? std::string("no finding") : "<code>" + MarkupEscape(o.decided_by) + "</code>")
      << " under profile <code>" << MarkupEscape(options.profile) << "</code></div>\n";
  if (!o.reasons.empty()) {
    out << "<ul class=\"reasons\">";
    for (std::string_view r : o.reasons) out << "<li>" << MarkupEscape(r) << "</li>";
    out << "</ul>\n";
  }
  out << "</div>\n";
}

void WriteOffers(const RunResult& result, const ReportOptions& options, std::ostream& out) {
  out << "<section id=\"offers\"><h2>Offers: storefront × listing × lead destination</h2>\n";
  if (result.offers.empty()) out << "<p class=\"muted\">No offer manifests were found.</p>\n";
  for (const OfferSummary& o : result.offers) WriteOffer(o, options, out);
  out << "</section>\n";
}

// The matrix's columns: the main checks always, then every other docs or l10n
// rule (in catalog order) with a finding on a doc of the run, so that no
// finding of a doc hides behind a row of "ok".
std::vector<std::string> DocColumns(const RunResult& result) {
  std::vector<std::string> columns = {"docs-front-matter",  "docs-broken-link",      "docs-rule-table",
                                      "l10n-table-shape",   "l10n-do-not-translate", "l10n-inconsistent-term",
                                      "l10n-anchor-parity", "l10n-link-parity"};
  std::set<std::string_view> doc_paths;
  for (const DocSummary& d : result.docs) doc_paths.insert(d.path.view());
  std::set<std::string_view> fired;
  for (const Finding& f : result.findings) {
    if (doc_paths.count(f.path.view()) != 0) fired.insert(f.rule.view());
  }
  for (const RuleDescriptor& r : result.rules) {
    const std::string_view family = RuleFamily(r.id);
    if ((family != "docs" && family != "l10n") || fired.count(r.id) == 0) continue;
    if (std::find(columns.begin(), columns.end(), r.id) == columns.end()) columns.emplace_back(r.id);
  }
  return columns;
}

// Per doc: locale x check matrix. A cell counts the doc's findings of that check.
void WriteDocs(const RunResult& result, std::ostream& out) {
  const std::vector<std::string> kChecks = DocColumns(result);
  std::map<std::pair<std::string, std::string>, int> per_doc;
  for (const Finding& f : result.findings) ++per_doc[{f.path.str(), f.rule.str()}];
  out << "<section id=\"docs\"><h2>Docs: locale × check</h2>\n<p class=\"muted\">storefront rules from "
      << MarkupEscape(result.storefront_rules_source)
      << "</p>\n<table><tr><th>document</th><th>locale</th><th>freshness</th>";
  for (const std::string& c : kChecks) out << "<th>" << MarkupEscape(c) << "</th>";
  out << "</tr>\n";
  for (const DocSummary& d : result.docs) {
    std::string_view fresh = d.role != "translation" ? "source" : d.freshness.empty() ? "no source" : d.freshness;
    std::string fresh_class = fresh == "fresh" || fresh == "source" ? "pass"
                              : fresh == "stale"                    ? "fail"
                                                                    : "undetermined";
    out << "<tr class=\"doc\"><td class=\"loc\">" << MarkupEscape(d.path) << "</td><td>"
        << MarkupEscape(d.locale.empty() ? "?" : d.locale) << "</td><td><span class=\"verdict " << fresh_class << "\">"
        << MarkupEscape(fresh) << "</span>"
        << (d.translated_from.empty() ? "" : "<div class=\"muted\">from " + MarkupEscape(d.translated_from) + "</div>")
        << "</td>";
    for (const std::string& c : kChecks) {
      auto it = per_doc.find({std::string(d.path), c});
      int n = it == per_doc.end() ? 0 : it->second;
      out << "<td>"
          << (n == 0 ? "<span class=\"verdict pass\">ok</span>"
                     : "<span class=\"verdict fail\">" + std::to_string(n) + "</span>")
          << "</td>";
    }
    out << "</tr>\n";
  }
  out << "</table></section>\n";
}

// One finding with its (redacted) excerpt and a caret under its column.
void WriteFinding(const Finding& f, std::ostream& out) {
  std::string sev(SeverityName(f.severity));
  out << "<div class=\"finding\" data-severity=\"" << sev << "\" data-rule=\"" << MarkupEscape(f.rule) << "\">"
      << "<span class=\"sev sev-" << sev << "\">" << sev << "</span> <span class=\"loc\">" << MarkupEscape(f.path)
      << ":" << f.line << ":" << f.column << "</span> " << MarkupEscape(f.message) << " <code>[" << MarkupEscape(f.rule)
      << "]</code>";
  if (!f.excerpt.empty()) {
    std::string caret;
    int col = 1;
    for (size_t i = 0; i < f.excerpt.size() && col < f.column; ++i) {
      unsigned char c = static_cast<unsigned char>(f.excerpt[i]);
      if ((c & 0xC0) == 0x80) continue;
      caret.push_back(c == '\t' ? '\t' : ' ');
      ++col;
    }
    out << "<pre>" << MarkupEscape(f.excerpt) << "\n" << caret << "^</pre>";
  }
  out << "</div>\n";
}

// Every finding, with severity and rule filters.
void WriteFindings(const RunResult& result, std::ostream& out) {
  std::set<std::string> rules;
  for (const Finding& f : result.findings) rules.insert(f.rule.str());
  out << "<section id=\"findings\"><h2>Findings (<span id=\"visible-count\">" << result.findings.size()
      << "</span> shown)</h2>\n<div class=\"filters\">";
  for (const char* sev : {"error", "warning", "note"}) {
    out << "<label><input type=\"checkbox\" data-sev=\"" << sev << "\" checked> " << sev << "s</label>";
  }
  out << "<label>rule <select id=\"rule-filter\"><option value=\"\">all rules</option>";
  for (const std::string& r : rules) out << "<option>" << MarkupEscape(r) << "</option>";
  out << "</select></label></div>\n";
  if (result.findings.empty()) out << "<p class=\"muted\">No findings.</p>\n";
  for (const Finding& f : result.findings) WriteFinding(f, out);
  out << "</section>\n";
}

void WriteSkipped(const RunResult& result, std::ostream& out) {
  out << "<section id=\"skipped\"><h2>Skipped (" << result.skipped.size() << ")</h2><p class=\"muted\">"
      << "Files that are neither offer manifests nor docs, or that an ignore pattern excludes.</p><ul>";
  for (const std::string& s : result.skipped) out << "<li class=\"loc\">" << MarkupEscape(s) << "</li>";
  out << "</ul></section>\n";
}

}  // namespace

void WriteHtmlReport(const RunResult& result, const ReportOptions& options, std::ostream& out) {
  WriteHead(options, out);
  WriteTotals(result, out);
  WriteOffers(result, options, out);
  if (!result.docs.empty()) WriteDocs(result, out);
  WriteFindings(result, out);
  if (!result.skipped.empty()) WriteSkipped(result, out);
  out << "</main>\n<script>" << kScript << "</script>\n</body>\n</html>\n";
}

}  // namespace leadlint
