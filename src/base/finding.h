// Findings are the data every check produces: a rule, a severity, a place and a
// message. They carry a byte offset into their file; line and column are filled
// in once, by the engine, from the file's line table.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/fix.h"
#include "base/string_pool.h"

namespace leadlint {

enum class Severity { kNote = 0, kWarning = 1, kError = 2 };

std::string_view SeverityName(Severity severity);
// Parses "error", "warning", "note" (and "off" -> false). Returns false if unknown.
bool ParseSeverity(std::string_view text, Severity* out);

// Another place a finding involves, in the same file or another one: the first
// of two duplicates, the product a customer-leads resource configures. Editors
// show them as related information; line and column are 1-based code points.
struct RelatedPlace {
  PooledString path;
  size_t offset = 0;
  size_t length = 0;
  int line = 0;
  int column = 0;
  std::string message;
};

// A run keeps every finding until the end (to sort, suppress and baseline
// them), so the repeated parts (rule, path, excerpt) are pooled strings.
struct Finding {
  PooledString rule;
  Severity severity = Severity::kError;
  PooledString path;  // as given on the command line or found while walking
  size_t offset = 0;  // byte offset of the offending key or value
  size_t length = 0;  // bytes covered (for carets and redaction); may be 0
  int line = 0;       // filled from offset by the engine
  int column = 0;
  std::string message;                                       // never contains a secret value
  PooledString excerpt;                                      // the source line, secrets redacted ("" if none)
  std::shared_ptr<const Fix> fix;                            // the exact repair, when the rule knows one
  std::shared_ptr<const std::vector<RelatedPlace>> related;  // null when none
};

}  // namespace leadlint
