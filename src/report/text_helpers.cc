#include "report/text_helpers.h"

namespace leadlint {

std::string MarkupEscape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        // XML 1.0 forbids most control characters even as references.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r') {
          out += "\xEF\xBF\xBD";
        } else {
          out.push_back(c);
        }
    }
  }
  return out;
}

std::string_view RuleFamily(std::string_view rule) { return rule.substr(0, rule.find('-')); }

std::array<size_t, 3> CountBySeverity(const std::vector<Finding>& findings) {
  std::array<size_t, 3> counts = {0, 0, 0};
  for (const Finding& f : findings) ++counts[static_cast<size_t>(f.severity)];
  return counts;
}

}  // namespace leadlint
