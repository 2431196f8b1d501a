// What a rule is: metadata beside its code, and the two contexts rules report
// through. Rules are pure: a read-only model in, findings out through the
// context; they never print, throw or touch files.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/finding.h"
#include "base/source_file.h"
#include "model/manifest.h"
#include "model/offer.h"
#include "rules/profile.h"

namespace leadlint {

class FileContext;
class OfferContext;

using FileCheck = void (*)(const ManifestDoc& doc, FileContext& ctx);
using OfferCheck = void (*)(const Offer& offer, OfferContext& ctx);
struct DocCheckInput;
class DocContext;
using DocCheckFn = void (*)(const DocCheckInput& in, DocContext& ctx);

struct RuleInfo {
  std::string_view id;
  Severity severity;
  std::string_view summary;
  // Where the rule runs: "parse" (the reader emits it), "file" (one parsed
  // manifest), "offer" (the normalized offer, after cross-file resolution), or
  // "run" (the engine, e.g. skipped or unresolved inputs).
  std::string_view stage;
  FileCheck file_check = nullptr;
  OfferCheck offer_check = nullptr;
  DocCheckFn doc_check = nullptr;
};

// Limits from DESIGN §5a; each exceeded limit is a manifest-limit finding.
struct Limits {
  size_t max_file_bytes = 8u << 20;
  size_t max_json_depth = 256;
  size_t max_regex_input = 64u << 10;
};

class FileContext {
 public:
  FileContext(const SourceFile& file, const Limits& limits, std::vector<Finding>* out)
      : file_(file), limits_(limits), out_(out) {}
  const SourceFile& file() const { return file_; }
  const Limits& limits() const { return limits_; }
  void Report(std::string_view rule, size_t offset, size_t length, std::string message);
  // Reports at a node's key when it has one, else at its value.
  void ReportAtKey(std::string_view rule, const JsonNode& node, std::string message);
  void ReportAtValue(std::string_view rule, const JsonNode& node, std::string message);
  // Reports with the exact repair (base/fix.h) attached.
  void ReportWithFix(std::string_view rule, size_t offset, size_t length, std::string message, Fix fix);

 private:
  const SourceFile& file_;
  const Limits& limits_;
  std::vector<Finding>* out_;
};

class OfferContext {
 public:
  OfferContext(const Profile& profile, const StorefrontRules& storefront_rules, std::vector<Finding>* out)
      : profile_(profile), storefront_rules_(storefront_rules), out_(out) {}
  const Profile& profile() const { return profile_; }
  const StorefrontRules& storefront_rules() const { return storefront_rules_; }
  void Report(std::string_view rule, const Offer& offer, const Place& place, std::string message);

 private:
  const Profile& profile_;
  const StorefrontRules& storefront_rules_;
  std::vector<Finding>* out_;
};

// The sorted registry (rules/registry.cc).
const std::vector<RuleInfo>& AllRules();
const RuleInfo* FindRule(std::string_view id);
// The closest rule id to a misspelt one ("" if none is close): "did you mean".
std::string SuggestRule(std::string_view id);

}  // namespace leadlint
