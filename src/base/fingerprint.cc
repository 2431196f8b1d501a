// FNV-1a over the fields that identify a finding; see fingerprint.h.
#include "base/fingerprint.h"

#include <map>

namespace leadlint {
namespace {

uint64_t Fnv1a(std::string_view text, uint64_t hash = 1469598103934665603ull) {
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::vector<std::string> Fingerprints(const std::vector<Finding>& findings) { return Fingerprints(findings, {}); }

std::vector<std::string> Fingerprints(const std::vector<Finding>& findings, const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  out.reserve(findings.size());
  std::map<uint64_t, int> occurrences;
  for (size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    uint64_t h = Fnv1a(f.rule);
    h = Fnv1a("\x1f", h);
    h = Fnv1a(i < paths.size() ? std::string_view(paths[i]) : f.path.view(), h);
    h = Fnv1a("\x1f", h);
    h = Fnv1a(Trim(f.excerpt), h);
    h = Fnv1a("\x1f", h);
    h = Fnv1a(f.message, h);
    int n = occurrences[h]++;
    h = Fnv1a(std::to_string(n), h);
    static const char kHex[] = "0123456789abcdef";
    std::string hex(16, '0');
    for (int d = 15; d >= 0; --d) {
      hex[static_cast<size_t>(d)] = kHex[h & 15];
      h >>= 4;
    }
    out.push_back(std::move(hex));
  }
  return out;
}

}  // namespace leadlint
