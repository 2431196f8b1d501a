// What document rules see: one document, and for a translation the source
// version it is compared with, its freshness, and the resolved targets of its
// relative links (resolved by the engine, so rules stay free of I/O).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/finding.h"
#include "model/doc.h"
#include "rules/profile.h"

namespace leadlint {

struct Rule;

struct LinkTarget {
  bool exists = false;
  bool markdown = false;
  bool verified = true;           // false: missing but outside the checked tree, or site-relative
  bool site_relative = false;     // '/path' or '~/path': a page of the published site
  bool from_source_tree = false;  // a translation's target found in the source tree (the site falls back to it)
  std::string looked_also;        // a translation's missing target: where the source tree was searched too
  // Heading slugs and <a name|id> of a Markdown target, pooled
  // (base/string_pool.h): "prerequisites" is stored once for a whole tree.
  std::vector<PooledString> anchors;
  // A missing target: the name of the closest file in its folder ("" if none is close).
  PooledString nearest;
};

struct DocCheckInput {
  const DocModel* doc = nullptr;
  bool translation = false;                  // a localized doc (not the English source)
  const DocModel* compared = nullptr;        // source version used for parity, or nullptr
  bool compared_is_current = true;           // false: an older version from the history
  std::string freshness;                     // "fresh", "stale", "unknown" (no hash); "" for sources
  std::string translated_from;               // the matching history version when stale, or ""
  const DocModel* current_source = nullptr;  // the current source, when paired
  bool without_source = false;               // a translation that could not be paired
  std::string expected_source;               // where its source was looked for, or ""
  std::string current_source_path;
  std::string current_source_hash;                           // SHA-1 of the current source, CRLF line endings
  std::string tree_locale;                                   // locale implied by the path ("hu-hu"), or ""
  const std::map<std::string, LinkTarget>* links = nullptr;  // key: link URL without '#anchor'
  std::vector<GlossaryRendering>
      glossary;  // leadlint.json renderings for this locale (the built-in ones are added by the rule)
  Profile profile;
};

class DocContext {
 public:
  DocContext(const Rule& rule, const DocModel& doc, std::vector<Finding>* out) : rule_(rule), doc_(doc), out_(out) {}
  // Reports under the bound rule, with its default severity.
  void Report(size_t offset, size_t length, std::string message);
  void ReportWithSeverity(Severity severity, size_t offset, size_t length, std::string message);
  // The document's text, for a rule that builds a fix (base/fix.h) from it.
  std::string_view text() const;
  // Attaches the exact repair to the finding reported last.
  void AttachFix(Fix fix);

 private:
  const Rule& rule_;
  const DocModel& doc_;
  std::vector<Finding>* out_;
};

// Product names that are never translated (DESIGN §2).
const std::vector<std::string>& DoNotTranslateTerms();

}  // namespace leadlint
