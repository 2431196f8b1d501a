#include "base/string_pool.h"

#include <array>
#include <cstring>
#include <functional>
#include <memory>
#include <mutex>
#include <unordered_set>
#include <vector>

namespace leadlint {
namespace {

constexpr size_t kShards = 16;
constexpr size_t kBlockBytes = 64 * 1024;

class Shard {
 public:
  std::string_view Intern(std::string_view text) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = set_.find(text);
    if (it != set_.end()) return *it;
    std::string_view stored = Store(text);
    set_.insert(stored);
    return stored;
  }

  void AddStats(StringPoolStats* stats) {
    std::lock_guard<std::mutex> lock(mutex_);
    stats->strings += set_.size();
    for (std::string_view s : set_) stats->bytes += s.size();
  }

 private:
  std::string_view Store(std::string_view text) {
    if (text.empty()) return std::string_view();
    if (text.size() > kBlockBytes / 4) {
      // Large strings get a block of their own; the current block stays open.
      large_.push_back(std::make_unique<char[]>(text.size()));
      std::memcpy(large_.back().get(), text.data(), text.size());
      return std::string_view(large_.back().get(), text.size());
    }
    if (blocks_.empty() || used_ + text.size() > kBlockBytes) {
      blocks_.push_back(std::make_unique<char[]>(kBlockBytes));
      used_ = 0;
    }
    char* at = blocks_.back().get() + used_;
    std::memcpy(at, text.data(), text.size());
    used_ += text.size();
    return std::string_view(at, text.size());
  }

  std::mutex mutex_;
  std::unordered_set<std::string_view> set_;
  std::vector<std::unique_ptr<char[]>> blocks_;
  std::vector<std::unique_ptr<char[]>> large_;
  size_t used_ = 0;
};

std::array<Shard, kShards>& Shards() {
  // Never destroyed: views handed out must outlive every static destructor.
  static auto* shards = new std::array<Shard, kShards>();
  return *shards;
}

}  // namespace

std::string_view Intern(std::string_view text) {
  if (text.empty()) return std::string_view();
  size_t hash = std::hash<std::string_view>{}(text);
  return Shards()[(hash >> 7) % kShards].Intern(text);
}

StringPoolStats GetStringPoolStats() {
  StringPoolStats stats;
  for (Shard& shard : Shards()) shard.AddStats(&stats);
  return stats;
}

}  // namespace leadlint
