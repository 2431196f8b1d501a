// Markdown suppressions: leadlint-disable-next-line, leadlint-disable and
// leadlint-enable comments, and the docs-unused-suppression findings.
#include <algorithm>
#include <sstream>

#include "base/suggest.h"
#include "engine/docs_internal.h"
#include "rules/rule.h"
#include "rules/rules.h"

namespace leadlint::docs_detail {

std::vector<MdSuppression> ParseMdSuppressions(const SourceFile& file, std::vector<Finding>* findings) {
  std::vector<MdSuppression> out;
  std::vector<MdSuppression> open;  // disable ... enable ranges in progress
  const std::string& text = file.contents();
  for (size_t p = text.find("<!--"); p != std::string::npos; p = text.find("<!--", p + 4)) {
    size_t end = text.find("-->", p + 4);
    if (end == std::string::npos) break;
    std::string body = text.substr(p + 4, end - p - 4);
    size_t b = body.find_first_not_of(" \t\r\n");
    if (b == std::string::npos || body.compare(b, 9, "leadlint-") != 0) continue;
    std::istringstream words(body.substr(b));
    std::string directive;
    words >> directive;
    std::vector<std::string> rules;
    size_t named = 0;
    for (std::string w; words >> w;) {
      if (!w.empty() && w.back() == ',') w.pop_back();
      if (w.empty()) continue;
      ++named;
      if (FindRule(w) == nullptr) {
        Finding f;
        f.rule = kDocsUnusedSuppression.id;
        f.severity = Severity::kWarning;
        f.path = file.path();
        f.offset = p;
        std::string suggestion = SuggestRule(w);
        f.message = "'" + directive + "' names an unknown rule '" + w + "'" +
                    (suggestion.empty() ? std::string() : " (did you mean '" + suggestion + "'?)");
        findings->push_back(std::move(f));
        continue;
      }
      rules.push_back(w);
    }
    // Only unknown ids: suppress nothing rather than everything.
    if (named > 0 && rules.empty()) continue;
    int line = file.Locate(p).line;
    int end_line = file.Locate(end).line;
    if (directive == "leadlint-disable-next-line") {
      MdSuppression s;
      s.first_line = s.last_line = end_line + 1;
      s.rules = rules;
      s.offset = p;
      out.push_back(std::move(s));
    } else if (directive == "leadlint-disable") {
      MdSuppression s;
      s.first_line = line;
      s.last_line = file.LineCount();
      s.rules = rules;
      s.offset = p;
      open.push_back(std::move(s));
    } else if (directive == "leadlint-enable") {
      for (auto it = open.begin(); it != open.end();) {
        bool closes = rules.empty() || it->rules == rules;
        if (closes) {
          it->last_line = line;
          out.push_back(std::move(*it));
          it = open.erase(it);
        } else {
          ++it;
        }
      }
    }
  }
  for (MdSuppression& s : open) out.push_back(std::move(s));
  return out;
}

void ApplyMdSuppressions(const SourceFile& file, std::vector<MdSuppression>* sups, std::vector<Finding>* findings,
                         const std::set<std::string>& only_rules, const std::set<std::string>& off_rules,
                         int* suppressed) {
  if (sups->empty()) return;
  std::vector<Finding> kept;
  for (Finding& f : *findings) {
    bool hidden = false;
    for (MdSuppression& s : *sups) {
      if (f.line < s.first_line || f.line > s.last_line || f.rule == kDocsUnusedSuppression.id) continue;
      if (s.rules.empty() || std::find(s.rules.begin(), s.rules.end(), f.rule) != s.rules.end()) {
        s.used = true;
        hidden = true;
      }
    }
    if (hidden) {
      ++*suppressed;
    } else {
      kept.push_back(std::move(f));
    }
  }
  *findings = std::move(kept);
  for (const MdSuppression& s : *sups) {
    if (s.used) continue;
    bool relevant = s.rules.empty() ? only_rules.empty() : false;
    for (const std::string& r : s.rules) relevant = relevant || (Enabled(only_rules, r) && off_rules.count(r) == 0);
    if (!relevant || !Enabled(only_rules, kDocsUnusedSuppression.id)) continue;
    Finding f;
    f.rule = kDocsUnusedSuppression.id;
    f.severity = kDocsUnusedSuppression.severity;
    f.path = file.path();
    f.offset = s.offset;
    LineCol lc = file.Locate(s.offset);
    f.line = lc.line;
    f.column = lc.column;
    f.excerpt = std::string(file.Line(lc.line));
    std::string what;
    for (const std::string& r : s.rules) what += (what.empty() ? "'" : ", '") + r + "'";
    f.message = "unused suppression: no " + (what.empty() ? std::string("finding") : what + " finding") +
                " in the lines it covers";
    findings->push_back(std::move(f));
  }
}

}  // namespace leadlint::docs_detail
