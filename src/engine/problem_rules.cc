#include "engine/problem_rules.h"

#include "rules/rules.h"

namespace leadlint {

std::string_view RuleFor(ParseErrorKind kind) {
  switch (kind) {
    case ParseErrorKind::kJsonSyntax:
      return kManifestSyntax.id;
    case ParseErrorKind::kJsonLimit:
      return kManifestLimit.id;
    case ParseErrorKind::kJsonEncoding:
      return kManifestEncoding.id;
    case ParseErrorKind::kJsonDuplicateKey:
      return kManifestDuplicateKey.id;
    case ParseErrorKind::kMarkdownLineLimit:
    case ParseErrorKind::kMarkdownTableLimit:
    case ParseErrorKind::kMarkdownNodeLimit:
      return kDocsLimit.id;
    case ParseErrorKind::kFrontMatterSyntax:
      return kDocsFrontMatter.id;
  }
  return kManifestSyntax.id;
}

std::string_view RuleFor(LoadProblemKind kind) {
  switch (kind) {
    case LoadProblemKind::kUnreadable:
      return kManifestUnreadable.id;
    case LoadProblemKind::kUnknownFormat:
      return kManifestUnknownFormat.id;
  }
  return kManifestUnreadable.id;
}

Finding FindingFor(const ParseError& error) {
  Finding f;
  f.rule = RuleFor(error.kind);
  f.severity = FindRule(f.rule.view())->severity;
  f.offset = error.offset;
  f.length = error.length;
  f.message = error.message;
  return f;
}

Finding FindingFor(const LoadProblem& problem) {
  Finding f;
  f.rule = RuleFor(problem.kind);
  f.severity = FindRule(f.rule.view())->severity;
  f.path = problem.path;
  f.line = 1;
  f.column = 1;
  f.message = problem.message;
  return f;
}

}  // namespace leadlint
