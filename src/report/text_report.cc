// The human report: `path:line:col: severity: message [rule-id]`, then the
// source line and a caret under the exact character, then a one-line summary.
#include <map>

#include "base/source_file.h"
#include "report/report.h"
#include "report/text_helpers.h"

namespace leadlint {
namespace {

const char* ColorOf(Severity s) {
  switch (s) {
    case Severity::kError:
      return "\x1b[1;31m";
    case Severity::kWarning:
      return "\x1b[1;35m";
    case Severity::kNote:
      return "\x1b[1;36m";
  }
  return "";
}

// East Asian wide characters take two terminal columns; the caret follows.
bool IsWide(std::string_view utf8) {
  if (utf8.size() < 3) return false;
  unsigned int cp = utf8.size() == 3 ? ((utf8[0] & 0x0Fu) << 12) | ((utf8[1] & 0x3Fu) << 6) | (utf8[2] & 0x3Fu)
                                     : ((utf8[0] & 0x07u) << 18) | ((utf8[1] & 0x3Fu) << 12) |
                                           ((utf8[2] & 0x3Fu) << 6) | (utf8[3] & 0x3Fu);
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
         (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

std::string Plural(size_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

}  // namespace

void WriteTextReport(const RunResult& result, const ReportOptions& options, std::ostream& out) {
  const char* bold = options.color ? "\x1b[1m" : "";
  const char* reset = options.color ? "\x1b[0m" : "";
  const char* green = options.color ? "\x1b[1;32m" : "";
  const std::array<size_t, 3> counts = CountBySeverity(result.findings);
  for (const Finding& f : result.findings) {
    out << bold << f.path << ':' << f.line << ':' << f.column << ":" << reset << ' '
        << (options.color ? ColorOf(f.severity) : "") << SeverityName(f.severity) << ':' << reset << ' ' << bold
        << f.message << reset << " [" << f.rule << "]\n";
    if (!f.excerpt.empty()) {
      out << f.excerpt << '\n';
      // The caret line keeps tabs so it lines up under the same character.
      std::string pad;
      int col = 1;
      size_t i = 0;
      const std::string_view line = f.excerpt;
      while (col < f.column && i < line.size()) {
        unsigned char c = static_cast<unsigned char>(line[i]);
        size_t start = i;
        ++i;
        while (i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) ++i;
        if ((c & 0xC0) == 0x80) continue;
        if (c == '\t') {
          pad.push_back('\t');
        } else {
          pad.append(IsWide(std::string_view(line).substr(start, i - start)) ? 2 : 1, ' ');
        }
        ++col;
      }
      size_t span = f.length > 0
                        ? CountCodePoints(std::string_view(line).substr(
                              std::min(i, line.size()), std::min(f.length, line.size() - std::min(i, line.size()))))
                        : 1;
      if (span == 0) span = 1;
      out << pad << green << '^' << std::string(span > 1 ? span - 1 : 0, '~') << reset << '\n';
    }
  }
  if (!result.docs.empty()) {
    out << (result.findings.empty() ? "" : "\n") << bold << "docs" << reset
        << " (storefront rules: " << result.storefront_rules_source << ")\n";
    for (const DocSummary& d : result.docs) {
      out << "  " << d.path << "  " << (d.locale.empty() ? "?" : d.locale) << "  " << d.role;
      if (!d.source.empty()) out << " of " << d.source;
      if (!d.freshness.empty()) out << "  " << d.freshness;
      if (!d.translated_from.empty()) out << " (translated from " << d.translated_from << ")";
      out << "\n";
    }
  }
  size_t total = counts[0] + counts[1] + counts[2];
  out << (total == 0 ? "" : "\n");
  if (total == 0) {
    out << "no problems found";
  } else {
    out << Plural(total, "problem") << " (" << Plural(counts[2], "error") << ", " << Plural(counts[1], "warning")
        << ", " << Plural(counts[0], "note") << ")";
  }
  out << " in " << Plural(static_cast<size_t>(result.files_checked), "file") << " checked";
  if (result.files_skipped > 0) {
    out << "; " << result.files_skipped << " file" << (result.files_skipped == 1 ? "" : "s")
        << " skipped (not manifests or docs, or ignored)";
  }
  if (result.suppressed > 0) out << "; " << result.suppressed << " suppressed inline";
  if (result.baselined > 0) out << "; " << result.baselined << " in the baseline";
  if (result.baseline_stale > 0) {
    out << "; " << result.baseline_stale << " stale baseline entr" << (result.baseline_stale == 1 ? "y" : "ies");
  }
  out << " [profile " << options.profile << "]\n";
  size_t safe = 0;
  size_t unsafe = 0;
  for (const Finding& f : result.findings) {
    if (f.fix) ++(f.fix->safe ? safe : unsafe);
  }
  if (safe + unsafe > 0) {
    out << Plural(safe, "problem") << " fixable with --fix";
    if (unsafe > 0) out << " (" << unsafe << " more with --unsafe-fixes)";
    out << "; --diff shows the changes\n";
  }
  // Name what was not checked, so a skip is never silent (the first few; the
  // JSON report lists them all).
  if (!result.skipped.empty()) {
    constexpr size_t kNamed = 5;
    out << "skipped:";
    for (size_t i = 0; i < result.skipped.size() && i < kNamed; ++i) out << (i == 0 ? " " : ", ") << result.skipped[i];
    if (result.skipped.size() > kNamed) {
      out << " and " << (result.skipped.size() - kNamed) << " more (--format json lists them all)";
    }
    out << "\n";
  }
}

}  // namespace leadlint
