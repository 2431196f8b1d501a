// Pools of immutable strings (like LLDB's ConstString or a compiler's
// identifier table). Interning returns a string_view that stays valid as long
// as its pool, and equal strings share one copy.
//
// Memory belongs to a run: RunCheck creates a StringPool, makes it current on
// every thread of the run (PoolScope), and hands it to its result, which keeps
// it alive; the pool and everything interned in it are freed with the last
// result that holds it. Text interned outside any run (start-up, merging
// reports) goes to a process pool that is never freed. So one process can serve
// thousands of runs (an editor server, a fuzzer) with flat memory.
//
// The engine keeps one small record per offer and per checked file for the
// whole run; most of their text repeats (formats, offer types, storefronts,
// requirement reasons, excerpts such as `"type": "saas",`), and a file's path
// is needed by several records. Interning stores each such text once, in
// 64 KiB blocks without a heap header per string, so 100,000 files cost a few
// megabytes instead of several allocations each.
//
// Thread-safe: the pool is split into shards by hash, each with its own lock.
#pragma once

#include <compare>
#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <ostream>
#include <string>
#include <string_view>
#include <typeindex>

namespace leadlint {

struct StringPoolStats {
  size_t strings = 0;  // distinct strings held
  size_t bytes = 0;    // bytes of text held
};

class StringPool {
 public:
  StringPool();
  ~StringPool();
  StringPool(const StringPool&) = delete;
  StringPool& operator=(const StringPool&) = delete;

  // The pooled copy of `text`, valid as long as this pool. Thread-safe.
  std::string_view Intern(std::string_view text);
  StringPoolStats Stats();

  // State of another module that must live exactly as long as the strings
  // (the engine's shared offer details, which hold pooled views): created on
  // first use, freed with the pool. Thread-safe.
  template <typename T>
  T& State() {
    std::lock_guard<std::mutex> lock(state_mutex_);
    std::shared_ptr<void>& slot = states_[std::type_index(typeid(T))];
    if (!slot) slot = std::make_shared<T>();
    return *static_cast<T*>(slot.get());
  }

 private:
  struct Shards;
  std::unique_ptr<Shards> shards_;
  std::mutex state_mutex_;
  std::map<std::type_index, std::shared_ptr<void>> states_;
};

// The pool of the current thread's run, or the process pool outside any run.
StringPool& CurrentPool();
// Whether a run's pool is current on this thread.
bool InRunPool();

// Makes `pool` current on this thread until the scope ends (the previous one
// is restored). A run's worker threads each open one.
class PoolScope {
 public:
  explicit PoolScope(StringPool* pool);
  ~PoolScope();
  PoolScope(const PoolScope&) = delete;
  PoolScope& operator=(const PoolScope&) = delete;

 private:
  StringPool* previous_;
};

// The pooled copy of `text` in the current pool.
inline std::string_view Intern(std::string_view text) { return CurrentPool().Intern(text); }

// A string held in the pool: 16 bytes, immutable, and safe to build from a
// temporary (the text is copied into the pool). For fields of records that a
// run keeps by the hundred thousand, such as a finding's path, rule and
// excerpt, where a std::string would cost 32 bytes plus a heap block each.
class PooledString {
 public:
  PooledString() = default;
  PooledString(std::string_view text) : view_(Intern(text)) {}    // NOLINT: implicit, like std::string
  PooledString(const std::string& text) : view_(Intern(text)) {}  // NOLINT
  PooledString(const char* text) : view_(Intern(text)) {}         // NOLINT
  operator std::string_view() const { return view_; }             // NOLINT
  std::string_view view() const { return view_; }
  std::string str() const { return std::string(view_); }
  bool empty() const { return view_.empty(); }
  size_t size() const { return view_.size(); }
  const char* data() const { return view_.data(); }
  std::string_view::const_iterator begin() const { return view_.begin(); }
  std::string_view::const_iterator end() const { return view_.end(); }
  char operator[](size_t i) const { return view_[i]; }
  size_t find(std::string_view what, size_t from = 0) const { return view_.find(what, from); }
  size_t find(char what, size_t from = 0) const { return view_.find(what, from); }
  size_t rfind(std::string_view what, size_t from = std::string_view::npos) const { return view_.rfind(what, from); }
  std::string_view substr(size_t at, size_t n = std::string_view::npos) const { return view_.substr(at, n); }

  // One overload per right-hand type, each an exact match, so that neither
  // C++20's reversed candidates nor the implicit conversions are ambiguous.
  friend bool operator==(const PooledString& a, const PooledString& b) { return a.view_ == b.view_; }
  friend bool operator==(const PooledString& a, std::string_view b) { return a.view_ == b; }
  friend bool operator==(const PooledString& a, const std::string& b) { return a.view_ == b; }
  friend bool operator==(const PooledString& a, const char* b) { return a.view_ == b; }
  friend std::strong_ordering operator<=>(const PooledString& a, const PooledString& b) { return a.view_ <=> b.view_; }
  friend std::strong_ordering operator<=>(const PooledString& a, std::string_view b) { return a.view_ <=> b; }
  friend std::strong_ordering operator<=>(const PooledString& a, const std::string& b) {
    return a.view_ <=> std::string_view(b);
  }
  friend std::strong_ordering operator<=>(const PooledString& a, const char* b) {
    return a.view_ <=> std::string_view(b);
  }
  friend std::ostream& operator<<(std::ostream& out, const PooledString& s) { return out << s.view_; }
  friend std::string operator+(std::string a, const PooledString& b) { return a.append(b.view_); }
  friend std::string operator+(const PooledString& a, std::string_view b) { return std::string(a.view_).append(b); }
  friend std::string operator+(const PooledString& a, const char* b) { return std::string(a.view_).append(b); }

 private:
  std::string_view view_;
};

// Statistics of the current pool, for tests and the benchmark notes.
StringPoolStats GetStringPoolStats();

}  // namespace leadlint
