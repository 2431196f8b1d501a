// Severity names, shared by every reader and writer of findings.
#include "base/finding.h"

namespace leadlint {

std::string_view SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kNote:
      return "note";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "error";
}

bool ParseSeverity(std::string_view text, Severity* out) {
  if (text == "error") {
    *out = Severity::kError;
    return true;
  }
  if (text == "warning") {
    *out = Severity::kWarning;
    return true;
  }
  if (text == "note") {
    *out = Severity::kNote;
    return true;
  }
  return false;
}

}  // namespace leadlint
