#include "engine/problem_rules.h"

namespace leadlint {

std::string_view RuleFor(ParseErrorKind kind) {
  switch (kind) {
    case ParseErrorKind::kJsonSyntax: return "manifest-syntax";
    case ParseErrorKind::kJsonLimit: return "manifest-limit";
    case ParseErrorKind::kJsonEncoding: return "manifest-encoding";
    case ParseErrorKind::kJsonDuplicateKey: return "manifest-duplicate-key";
    case ParseErrorKind::kMarkdownLineLimit:
    case ParseErrorKind::kMarkdownTableLimit:
    case ParseErrorKind::kMarkdownNodeLimit: return "docs-limit";
    case ParseErrorKind::kFrontMatterSyntax: return "docs-front-matter";
  }
  return "manifest-syntax";
}

std::string_view RuleFor(LoadProblemKind kind) {
  switch (kind) {
    case LoadProblemKind::kUnreadable: return "manifest-unreadable";
    case LoadProblemKind::kUnknownFormat: return "manifest-unknown-format";
  }
  return "manifest-unreadable";
}

Finding FindingFor(const ParseError& error) {
  Finding f;
  f.rule = RuleFor(error.kind);
  f.severity = Severity::kError;
  f.offset = error.offset;
  f.length = error.length;
  f.message = error.message;
  return f;
}

Finding FindingFor(const LoadProblem& problem) {
  Finding f;
  f.rule = RuleFor(problem.kind);
  f.severity = Severity::kError;
  f.path = problem.path;
  f.line = 1;
  f.column = 1;
  f.message = problem.message;
  return f;
}

}  // namespace leadlint
