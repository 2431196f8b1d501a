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
constexpr size_t kBlockBytes = 64 * 1024;  // offsets in a block fit in 16 bits
constexpr size_t kMaxBlocks = 0xffff;      // block numbers (plus one) fit in 16 bits
constexpr size_t kSizeBytes = sizeof(uint32_t);

class Shard {
 public:
  std::string_view Intern(std::string_view text, uint64_t hash) {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto short_hash = static_cast<uint32_t>(hash);
    if ((count_ + 1) * 4 > table_.size() * 3) Grow();
    size_t mask = table_.size() - 1;
    for (size_t i = short_hash & mask;; i = (i + 1) & mask) {
      Slot& slot = table_[i];
      if (slot.location == 0) {
        const uint32_t location = Store(text);
        if (location == 0) return Unshared(text);
        slot = {location, short_hash};
        ++count_;
        return At(location);
      }
      if (slot.hash == short_hash) {
        const std::string_view stored = At(slot.location);
        if (stored == text) return stored;
      }
    }
  }

  void AddStats(StringPoolStats* stats) {
    std::lock_guard<std::mutex> lock(mutex_);
    stats->strings += count_;
    for (const Slot& slot : table_) {
      if (slot.location != 0) stats->bytes += At(slot.location).size();
    }
  }

 private:
  // An open-addressing table (linear probing) of 8-byte slots: no node per
  // string, as a std::unordered_set would allocate, and no pointer either.
  // A string is found by its location: (block number + 1) << 16 | offset,
  // where the block holds its size (4 bytes) followed by its text.
  struct Slot {
    uint32_t location = 0;  // 0: empty (the empty string is never stored)
    uint32_t hash = 0;
  };

  void Grow() {
    std::vector<Slot> old = std::move(table_);
    table_.assign(old.empty() ? 256 : old.size() * 2, Slot{});
    const size_t mask = table_.size() - 1;
    for (const Slot& slot : old) {
      if (slot.location == 0) continue;
      size_t i = slot.hash & mask;
      while (table_[i].location != 0) i = (i + 1) & mask;
      table_[i] = slot;
    }
  }

  std::string_view At(uint32_t location) const {
    const char* at = blocks_[(location >> 16) - 1].get() + (location & 0xffff);
    uint32_t size = 0;
    std::memcpy(&size, at, kSizeBytes);
    return std::string_view(at + kSizeBytes, size);
  }

  // Copies `text` (with its size) into a block; returns its location, or 0
  // when the shard has no block number left for it.
  uint32_t Store(std::string_view text) {
    const size_t need = kSizeBytes + text.size();
    size_t block = current_;
    size_t offset = used_;
    if (need > kBlockBytes / 4) {
      // Large strings get a block of their own; the current block stays open.
      if (blocks_.size() >= kMaxBlocks || text.size() > UINT32_MAX) return 0;
      blocks_.push_back(std::make_unique<char[]>(need));
      block = blocks_.size() - 1;
      offset = 0;
    } else {
      if (blocks_.empty() || used_ + need > kBlockBytes) {
        if (blocks_.size() >= kMaxBlocks) return 0;
        blocks_.push_back(std::make_unique<char[]>(kBlockBytes));
        current_ = blocks_.size() - 1;
        used_ = 0;
      }
      block = current_;
      offset = used_;
      used_ += need;
    }
    char* at = blocks_[block].get() + offset;
    const auto size = static_cast<uint32_t>(text.size());
    std::memcpy(at, &size, kSizeBytes);
    std::memcpy(at + kSizeBytes, text.data(), text.size());
    return static_cast<uint32_t>(((block + 1) << 16) | offset);
  }

  // A copy that is kept but not shared: only when the shard is out of block
  // numbers (4 GiB of text) or the text is over 4 GiB; inputs are capped far lower.
  std::string_view Unshared(std::string_view text) {
    unshared_.push_back(std::make_unique<char[]>(text.size()));
    std::memcpy(unshared_.back().get(), text.data(), text.size());
    return std::string_view(unshared_.back().get(), text.size());
  }

  std::mutex mutex_;
  std::vector<Slot> table_;
  size_t count_ = 0;
  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t current_ = 0;         // the block small strings go to
  size_t used_ = kBlockBytes;  // bytes used in it (full: none yet)
  std::vector<std::unique_ptr<char[]>> unshared_;
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
