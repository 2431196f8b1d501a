#include "base/string_pool.h"

#include <array>
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace leadlint {
namespace {

constexpr size_t kShards = 16;
constexpr size_t kBlockBytes = 64 * 1024;

class Shard {
 public:
  std::string_view Intern(std::string_view text, uint64_t hash) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (text.size() > UINT32_MAX) return Store(text);  // kept, not shared (inputs are capped far lower)
    const auto short_hash = static_cast<uint32_t>(hash);
    if ((count_ + 1) * 4 > table_.size() * 3) Grow();
    size_t mask = table_.size() - 1;
    for (size_t i = short_hash & mask;; i = (i + 1) & mask) {
      Slot& slot = table_[i];
      if (slot.data == nullptr) {
        std::string_view stored = Store(text);
        slot = {stored.data(), static_cast<uint32_t>(stored.size()), short_hash};
        ++count_;
        return stored;
      }
      if (slot.hash == short_hash && slot.size == text.size() &&
          std::memcmp(slot.data, text.data(), text.size()) == 0) {
        return std::string_view(slot.data, slot.size);
      }
    }
  }

  void AddStats(StringPoolStats* stats) {
    std::lock_guard<std::mutex> lock(mutex_);
    stats->strings += count_;
    for (const Slot& slot : table_) stats->bytes += slot.size;
  }

 private:
  // An open-addressing table (linear probing) of 16-byte slots: no node per
  // string, as a std::unordered_set would allocate.
  struct Slot {
    const char* data = nullptr;  // nullptr: empty (the empty string is never stored)
    uint32_t size = 0;
    uint32_t hash = 0;
  };

  void Grow() {
    std::vector<Slot> old = std::move(table_);
    table_.assign(old.empty() ? 256 : old.size() * 2, Slot{});
    const size_t mask = table_.size() - 1;
    for (const Slot& slot : old) {
      if (slot.data == nullptr) continue;
      size_t i = slot.hash & mask;
      while (table_[i].data != nullptr) i = (i + 1) & mask;
      table_[i] = slot;
    }
  }

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
  std::vector<Slot> table_;
  size_t count_ = 0;
  std::vector<std::unique_ptr<char[]>> blocks_;
  std::vector<std::unique_ptr<char[]>> large_;
  size_t used_ = 0;
};

thread_local StringPool* current_pool = nullptr;

}  // namespace

struct StringPool::Shards {
  std::array<Shard, kShards> shards;
};

StringPool::StringPool() : shards_(std::make_unique<Shards>()) {}
StringPool::~StringPool() = default;

std::string_view StringPool::Intern(std::string_view text) {
  if (text.empty()) return std::string_view();
  const uint64_t hash = std::hash<std::string_view>{}(text);
  // The low bits pick the slot inside a shard; the high bits pick the shard.
  return shards_->shards[(hash >> 58) % kShards].Intern(text, hash);
}

StringPoolStats StringPool::Stats() {
  StringPoolStats stats;
  for (Shard& shard : shards_->shards) shard.AddStats(&stats);
  return stats;
}

StringPool& CurrentPool() {
  if (current_pool != nullptr) return *current_pool;
  // Never destroyed: views handed out must outlive every static destructor.
  static auto* process_pool = new StringPool();
  return *process_pool;
}

bool InRunPool() { return current_pool != nullptr; }

PoolScope::PoolScope(StringPool* pool) : previous_(current_pool) { current_pool = pool; }
PoolScope::~PoolScope() { current_pool = previous_; }

StringPoolStats GetStringPoolStats() { return CurrentPool().Stats(); }

}  // namespace leadlint
