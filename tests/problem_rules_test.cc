// The one mapping from parser errors and load problems to rule ids
// (src/engine/problem_rules.cc), and the findings made from them.
#include "engine/problem_rules.h"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

#include "rules/rule.h"

namespace leadlint {
namespace {

TEST(ProblemRules, EveryParseErrorKindHasItsRule) {
  const std::vector<std::pair<ParseErrorKind, std::string_view>> table = {
      {ParseErrorKind::kJsonSyntax, "manifest-syntax"},
      {ParseErrorKind::kJsonLimit, "manifest-limit"},
      {ParseErrorKind::kJsonEncoding, "manifest-encoding"},
      {ParseErrorKind::kJsonDuplicateKey, "manifest-duplicate-key"},
      {ParseErrorKind::kMarkdownLineLimit, "docs-limit"},
      {ParseErrorKind::kMarkdownTableLimit, "docs-limit"},
      {ParseErrorKind::kMarkdownNodeLimit, "docs-limit"},
      {ParseErrorKind::kFrontMatterSyntax, "docs-front-matter"},
  };
  for (const auto& [kind, rule] : table) {
    EXPECT_EQ(RuleFor(kind), rule);
    EXPECT_NE(FindRule(rule), nullptr) << rule;  // a registered rule
  }
}

TEST(ProblemRules, EveryLoadProblemKindHasItsRule) {
  EXPECT_EQ(RuleFor(LoadProblemKind::kUnreadable), "manifest-unreadable");
  EXPECT_EQ(RuleFor(LoadProblemKind::kUnknownFormat), "manifest-unknown-format");
  EXPECT_NE(FindRule(RuleFor(LoadProblemKind::kUnreadable)), nullptr);
  EXPECT_NE(FindRule(RuleFor(LoadProblemKind::kUnknownFormat)), nullptr);
}

TEST(ProblemRules, FindingsKeepThePlaceAndMessage) {
  Finding parse = FindingFor(ParseError{ParseErrorKind::kJsonDuplicateKey, 12, 5, "duplicate key 'k'"});
  EXPECT_EQ(parse.rule, "manifest-duplicate-key");
  EXPECT_EQ(parse.severity, Severity::kError);
  EXPECT_EQ(parse.offset, 12u);
  EXPECT_EQ(parse.length, 5u);
  EXPECT_EQ(parse.line, 0);  // located later, from the file's line table
  EXPECT_EQ(parse.message, "duplicate key 'k'");
  Finding load = FindingFor(LoadProblem{LoadProblemKind::kUnreadable, "x.json", "cannot read 'x.json'"});
  EXPECT_EQ(load.rule, "manifest-unreadable");
  EXPECT_EQ(load.path, "x.json");
  EXPECT_EQ(load.line, 1);
  EXPECT_EQ(load.column, 1);
  EXPECT_EQ(load.message, "cannot read 'x.json'");
}

}  // namespace
}  // namespace leadlint
