// Helpers the engine's passes share (engine.cc: one file's checks;
// check_run.cc: the run; project_index.cc: cross-file resolution). Not part of
// the engine's interface.
#pragma once

#include <algorithm>
#include <numeric>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/finding.h"
#include "base/source_file.h"
#include "engine/engine.h"
#include "model/offer.h"
#include "parse/json.h"

namespace leadlint {

// --rule: whether the run reports this rule at all.
bool Enabled(const RunOptions& options, std::string_view rule);

// Gives an offer's places their line, column and redacted excerpt.
void ResolveOffer(const SourceFile& file, const std::vector<std::pair<size_t, size_t>>& spans, Offer* offer);

// The x-leadlint-ignore entries of a JSON document (malformed ones become findings).
void CollectSuppressions(const JsonNode& node, const SourceFile& file, std::vector<Suppression>* out,
                         std::vector<Finding>* findings, int depth);

// The positioned JSON reader with the run's depth limit: for checked files and
// for the files read only for references.
JsonParseResult ParseWithLimits(const std::string& text, const Limits& limits);

// A product key as messages name it: externalId 'x', resourceName 'x' or 'product/<id>'.
std::string KeyText(std::string_view key);
// "path:line:column" of a place, for a message that points at another finding's spot.
std::string Where(std::string_view path, const Place& place);

// The report order: path, line, column, rule, message.
bool FindingLess(const Finding& a, const Finding& b);

// Runs the offer rules on one offer, appends its findings (with excerpts and
// related places) to `out` and returns its summary and verdict.
OfferSummary EvaluateOffer(const Offer& offer, const RunOptions& options, const StorefrontRules& storefront_rules,
                           std::vector<Finding>* out);

// std::stable_sort, without the merge buffer of half the container that
// std::stable_sort allocates (18 MB for 100,000 offer summaries): the indices
// are sorted, and the permutation is applied in place by following its cycles.
template <typename Container, typename Less>
void StableSortInPlace(Container* items, Less less) {
  const size_t n = items->size();
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return less((*items)[a], (*items)[b]); });
  // order[i] is the index of the element that belongs at position i.
  std::vector<bool> placed(n, false);
  for (size_t i = 0; i < n; ++i) {
    if (placed[i] || order[i] == i) continue;
    auto held = std::move((*items)[i]);
    size_t j = i;
    while (true) {
      placed[j] = true;
      size_t k = order[j];
      if (k == i) {
        (*items)[j] = std::move(held);
        break;
      }
      (*items)[j] = std::move((*items)[k]);
      j = k;
    }
  }
}

}  // namespace leadlint
