// A process-wide pool of immutable strings (like LLDB's ConstString or a
// compiler's identifier table). Interning returns a string_view that stays
// valid until the process ends, and equal strings share one copy.
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

#include <cstddef>
#include <string_view>

namespace leadlint {

// The pooled copy of `text`. Never invalidated.
std::string_view Intern(std::string_view text);

// Statistics, for tests and the benchmark notes.
struct StringPoolStats {
  size_t strings = 0;  // distinct strings held
  size_t bytes = 0;    // bytes of text held
};
StringPoolStats GetStringPoolStats();

}  // namespace leadlint
