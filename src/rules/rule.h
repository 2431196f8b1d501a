// What a rule is: a Rule object (id, default severity, summary, stage and its
// check) that each rule file defines, and the contexts a check reports
// through, each bound to one rule so that a check reports only under its own.
// Rules are pure: a read-only model in, findings out through the context; they
// never print, throw or touch files.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/finding.h"
#include "base/source_file.h"
#include "model/manifest.h"
#include "model/offer.h"
#include "rules/profile.h"

namespace leadlint {

class FileContext;
class OfferContext;
struct DocCheckInput;
class DocContext;

using FileCheck = void (*)(const ManifestDoc& doc, FileContext& ctx);
using OfferCheck = void (*)(const Offer& offer, OfferContext& ctx);
using DocCheckFn = void (*)(const DocCheckInput& in, DocContext& ctx);
// A rule a reader or an engine pass emits has no check function.
struct NoCheck {};
using Check = std::variant<NoCheck, FileCheck, OfferCheck, DocCheckFn>;

// One rule: its identity, default severity and check. Each is defined in its
// own file, src/rules/<family>/<id_with_underscores>.cc, as a constinit object
// declared in rules/rules.h, and listed once in the sorted registry
// (rules/registry.cc). Contexts are bound to the rule being run, so a check can
// only report under its own id.
struct Rule {
  std::string_view id;
  Severity severity;
  std::string_view summary;
  // Where the rule runs: "parse" (a reader emits it), "file" (one parsed
  // manifest), "offer" (the normalized offer, after cross-file resolution),
  // "doc" (one Markdown document), or "run" (an engine pass, e.g. skipped or
  // unresolved inputs, suppressions).
  std::string_view stage;
  Check check = NoCheck{};

  FileCheck file_check() const { return CheckOf<FileCheck>(); }
  OfferCheck offer_check() const { return CheckOf<OfferCheck>(); }
  DocCheckFn doc_check() const { return CheckOf<DocCheckFn>(); }

 private:
  template <typename Fn>
  Fn CheckOf() const {
    const Fn* fn = std::get_if<Fn>(&check);
    return fn != nullptr ? *fn : nullptr;
  }
};

// Limits from DESIGN §5a; each exceeded limit is a manifest-limit finding.
struct Limits {
  size_t max_file_bytes = 8u << 20;
  size_t max_json_depth = 256;
  size_t max_regex_input = 64u << 10;
};

class FileContext {
 public:
  FileContext(const Rule& rule, const SourceFile& file, const Limits& limits, std::vector<Finding>* out)
      : rule_(rule), file_(file), limits_(limits), out_(out) {}
  const SourceFile& file() const { return file_; }
  const Limits& limits() const { return limits_; }
  // Reports under the bound rule, with its default severity.
  void Report(size_t offset, size_t length, std::string message);
  // Reports at a node's key when it has one, else at its value.
  void ReportAtKey(const JsonNode& node, std::string message);
  void ReportAtValue(const JsonNode& node, std::string message);
  // Reports with the exact repair (base/fix.h) attached.
  void ReportWithFix(size_t offset, size_t length, std::string message, Fix fix);

 private:
  const Rule& rule_;
  const SourceFile& file_;
  const Limits& limits_;
  std::vector<Finding>* out_;
};

class OfferContext {
 public:
  OfferContext(const Rule& rule, const Profile& profile, const StorefrontRules& storefront_rules,
               std::vector<Finding>* out)
      : rule_(rule), profile_(profile), storefront_rules_(storefront_rules), out_(out) {}
  const Profile& profile() const { return profile_; }
  const StorefrontRules& storefront_rules() const { return storefront_rules_; }
  // Reports under the bound rule, with its default severity.
  void Report(const Offer& offer, const Place& place, std::string message);

 private:
  const Rule& rule_;
  const Profile& profile_;
  const StorefrontRules& storefront_rules_;
  std::vector<Finding>* out_;
};

// A finding of `rule` (its default severity) at an offer's place; the excerpt
// is left to the caller. OfferContext::Report and the engine's run-level
// rules build their findings with it.
Finding FindingAt(const Rule& rule, const PooledString& path, const Place& place, std::string message);

// The sorted registry (rules/registry.cc): every rule object, once.
std::span<const Rule* const> RulePointers();
// The registry as a range of `const Rule&`, sorted by id. (A small view of its
// own: clang 14, which builds the fuzzers, rejects libstdc++ 12's
// views::transform over a span.)
class RuleRange {
 public:
  class Iterator {
   public:
    explicit Iterator(const Rule* const* at) : at_(at) {}
    const Rule& operator*() const { return **at_; }
    Iterator& operator++() {
      ++at_;
      return *this;
    }
    bool operator==(const Iterator& other) const { return at_ == other.at_; }
    bool operator!=(const Iterator& other) const { return at_ != other.at_; }

   private:
    const Rule* const* at_;
  };
  explicit RuleRange(std::span<const Rule* const> rules) : rules_(rules) {}
  Iterator begin() const { return Iterator(rules_.data()); }
  Iterator end() const { return Iterator(rules_.data() + rules_.size()); }
  size_t size() const { return rules_.size(); }
  const Rule& operator[](size_t i) const { return *rules_[i]; }

 private:
  std::span<const Rule* const> rules_;
};
inline RuleRange AllRules() { return RuleRange(RulePointers()); }
// The rule with this id, or nullptr: for ids written by users (configuration,
// suppressions, the command line).
const Rule* FindRule(std::string_view id);
// The rule with this id, for ids the program itself emits (a reader's
// findings): an unknown id is a bug, never a silent error; it throws
// std::logic_error.
const Rule& RuleById(std::string_view id);
// The closest rule id to a misspelt one ("" if none is close): "did you mean".
std::string SuggestRule(std::string_view id);

}  // namespace leadlint
