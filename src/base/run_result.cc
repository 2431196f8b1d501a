// Offer details shared through the run's pool (base/run_result.h).
#include "base/run_result.h"

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace leadlint {

void SetOfferDetails(OfferSummary* summary, const std::vector<ListingSummary>& listings,
                     const std::vector<PooledString>& reasons) {
  struct Details {
    std::vector<ListingSummary> listings;
    std::vector<PooledString> reasons;
  };
  // Pooled strings are equal exactly when they share their text, so the key is
  // the counts and the texts' addresses.
  std::string key;
  auto add = [&key](auto value) { key.append(reinterpret_cast<const char*>(&value), sizeof value); };
  add(listings.size());
  for (const ListingSummary& l : listings) {
    add(l.storefront.data());
    add(l.kind.data());
    add(l.requirement.data());
    add(l.assumed);
  }
  for (const PooledString& r : reasons) add(r.data());
  // Stored in the current run's pool, like the text it points to, and freed with it.
  struct Cache {
    std::mutex mutex;
    std::unordered_map<std::string, std::unique_ptr<Details>> stored;
  };
  Cache& cache = CurrentPool().State<Cache>();
  std::lock_guard<std::mutex> lock(cache.mutex);
  std::unique_ptr<Details>& details = cache.stored[key];
  if (!details) details = std::make_unique<Details>(Details{listings, reasons});
  summary->listings = details->listings;
  summary->reasons = details->reasons;
}

}  // namespace leadlint
