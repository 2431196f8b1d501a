// Autofix passes and the unified diff of --diff.
#include "engine/fixer.h"

#include <algorithm>
#include <filesystem>
#include <memory>
#include <set>
#include <utility>

#include "base/secret_text.h"
#include "load/file_source.h"
#include "model/manifest.h"
#include "parse/json.h"

namespace leadlint {
namespace {

namespace fs = std::filesystem;

constexpr int kMaxPasses = 10;

std::pair<size_t, size_t> Span(const Fix& fix) {
  size_t begin = SIZE_MAX;
  size_t end = 0;
  for (const Edit& e : fix.edits) {
    begin = std::min(begin, e.offset);
    end = std::max(end, e.offset + e.length);
  }
  return {begin, end};
}

// Whether a fixed text is still a manifest leadlint can read.
bool StillValid(const std::string& path, const std::string& text, const RunOptions& options) {
  if (path.size() > 3 && path.compare(path.size() - 3, 3, ".md") == 0) return true;  // Markdown always parses
  JsonLimits limits;
  limits.max_depth = options.limits.max_json_depth;
  JsonParseResult parsed = ParseJson(text, limits);
  if (!parsed.ok) return false;
  return NormalizeManifest(path, parsed.root).format.has_value();
}

std::string Key(const Finding& f) { return f.rule.str() + "\n" + f.fix->description; }

bool IsMarkdown(const std::string& path) { return path.size() > 3 && path.compare(path.size() - 3, 3, ".md") == 0; }

// A file's findings for one version of its text: a manifest on its own; a doc
// through a run over it (with its doc set), the text read from an overlay.
std::vector<Finding> FindingsOf(const std::string& path, const std::string& text, const RunOptions& options,
                                std::shared_ptr<StringPool>* memory) {
  if (!IsMarkdown(path)) {
    FileOutcome outcome = CheckManifestText(path, text, true, options);
    *memory = outcome.memory;
    return std::move(outcome.findings);
  }
  OverlayFiles overlay;
  overlay.Set(path, text);
  FileSourceScope scope(&overlay);
  RunOptions doc_options = options;
  doc_options.paths = {path};
  doc_options.jobs = 1;
  RunResult run = RunCheck(doc_options);
  *memory = run.memory;
  std::vector<Finding> mine;
  std::error_code ec;
  const fs::path want = fs::weakly_canonical(path, ec);
  for (Finding& f : run.findings) {
    if (fs::weakly_canonical(f.path.str(), ec) == want) mine.push_back(std::move(f));
  }
  return mine;
}

}  // namespace

bool ApplyEdits(std::string_view text, std::vector<Edit> edits, std::string* out) {
  std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) {
    return a.offset != b.offset ? a.offset < b.offset : a.length < b.length;
  });
  std::string result;
  result.reserve(text.size() + 64);
  size_t at = 0;
  for (const Edit& e : edits) {
    if (e.offset < at || e.offset + e.length > text.size()) return false;  // overlap or out of range
    result.append(text.substr(at, e.offset - at));
    result.append(e.replacement);
    at = e.offset + e.length;
  }
  result.append(text.substr(at));
  *out = std::move(result);
  return true;
}

FixResult FixText(const std::string& path, const std::string& text, const RunOptions& options, bool unsafe) {
  FixResult r;
  r.text = text;
  std::set<std::string> refused;  // fixes dropped once are not tried again
  for (int pass = 0; pass < kMaxPasses; ++pass) {
    std::shared_ptr<StringPool> memory;
    const std::vector<Finding> findings = FindingsOf(path, r.text, options, &memory);
    std::vector<const Finding*> candidates;
    for (const Finding& f : findings) {
      if (f.fix && (f.fix->safe || unsafe) && !f.fix->edits.empty() && refused.count(Key(f)) == 0) {
        candidates.push_back(&f);
      }
    }
    std::sort(candidates.begin(), candidates.end(), [](const Finding* a, const Finding* b) {
      return std::make_pair(Span(*a->fix), a->rule.view()) < std::make_pair(Span(*b->fix), b->rule.view());
    });
    // One pass takes fixes whose spans do not touch; the rest wait for the next pass.
    std::vector<const Finding*> chosen;
    size_t taken_end = 0;
    for (const Finding* f : candidates) {
      auto [begin, end] = Span(*f->fix);
      if (!chosen.empty() && begin < taken_end) continue;
      chosen.push_back(f);
      taken_end = std::max(taken_end, end);
    }
    if (chosen.empty()) break;
    std::vector<Edit> edits;
    for (const Finding* f : chosen) edits.insert(edits.end(), f->fix->edits.begin(), f->fix->edits.end());
    std::string candidate;
    if (ApplyEdits(r.text, edits, &candidate) && StillValid(path, candidate, options)) {
      for (const Finding* f : chosen) r.applied.push_back({f->rule.str(), f->fix->description, f->fix->safe});
      r.text = std::move(candidate);
      ++r.passes;
      continue;
    }
    // Together they break the file: find which, one at a time.
    bool progressed = false;
    for (const Finding* f : chosen) {
      std::string alone;
      if (ApplyEdits(r.text, f->fix->edits, &alone) && StillValid(path, alone, options)) {
        r.applied.push_back({f->rule.str(), f->fix->description, f->fix->safe});
        r.text = std::move(alone);
        progressed = true;
        break;  // offsets moved: the next pass checks again
      }
      refused.insert(Key(*f));
      r.dropped.push_back({f->rule.str(), f->fix->description, f->fix->safe});
    }
    if (progressed) ++r.passes;
  }
  return r;
}

namespace {

std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

// Masks secret values on a printed line: connection-string keys and URL
// parameters (RedactSecrets), and the string value of a secret JSON key.
std::string RedactLine(std::string_view line) {
  std::string out = RedactSecrets(line);
  for (std::string_view key :
       {"password", "applicationKey", "clientSecret", "storageAccountConnectionString", "connectionString"}) {
    std::string quoted = "\"" + std::string(key) + "\"";
    for (size_t p = out.find(quoted); p != std::string::npos; p = out.find(quoted, p + 1)) {
      size_t v = out.find_first_not_of(" \t", p + quoted.size());
      if (v == std::string::npos || out[v] != ':') continue;
      v = out.find_first_not_of(" \t", v + 1);
      if (v == std::string::npos || out[v] != '"') continue;
      size_t end = v + 1;
      while (end < out.size() && out[end] != '"') end += out[end] == '\\' ? 2 : 1;
      if (key == "storageAccountConnectionString" || key == "connectionString") continue;  // AccountKey= is masked
      for (size_t i = v + 1; i < end && i < out.size(); ++i) out[i] = '*';
    }
  }
  return out;
}

void Emit(std::string* out, char mark, std::string_view line) {
  out->push_back(mark);
  out->append(RedactLine(line));
  if (line.empty() || line.back() != '\n') out->append("\n\\ No newline at end of file\n");
}

}  // namespace

std::string UnifiedDiff(const std::string& path, std::string_view before, std::string_view after) {
  if (before == after) return "";
  std::vector<std::string_view> a = Lines(before);
  std::vector<std::string_view> b = Lines(after);
  // Common prefix and suffix, then an LCS table over the middle (fixes are
  // local, so the middle is small); a middle too large is replaced whole.
  size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
    ++suffix;
  }
  const size_t n = a.size() - prefix - suffix;
  const size_t m = b.size() - prefix - suffix;
  // ops: '=' same, '-' line of a, '+' line of b, over the whole files.
  std::vector<std::pair<char, size_t>> ops;
  for (size_t i = 0; i < prefix; ++i) ops.push_back({'=', i});
  if (n * m <= 4'000'000) {
    std::vector<std::vector<unsigned>> lcs(n + 1, std::vector<unsigned>(m + 1, 0));
    for (size_t i = n; i-- > 0;) {
      for (size_t j = m; j-- > 0;) {
        lcs[i][j] = a[prefix + i] == b[prefix + j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    size_t i = 0;
    size_t j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[prefix + i] == b[prefix + j]) {
        ops.push_back({'=', prefix + i});
        ++i;
        ++j;
      } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        ops.push_back({'-', prefix + i++});  // removals before additions, as diff prints them
      } else {
        ops.push_back({'+', prefix + j++});
      }
    }
  } else {
    for (size_t i = 0; i < n; ++i) ops.push_back({'-', prefix + i});
    for (size_t j = 0; j < m; ++j) ops.push_back({'+', prefix + j});
  }
  for (size_t i = 0; i < suffix; ++i) ops.push_back({'=', a.size() - suffix + i});

  std::string out = "--- a/" + path + "\n+++ b/" + path + "\n";
  constexpr size_t kContext = 3;
  size_t k = 0;
  while (k < ops.size()) {
    if (ops[k].first == '=') {
      ++k;
      continue;
    }
    // A hunk: from kContext lines before the change to kContext after the last
    // change that is within 2 * kContext of the previous one.
    size_t start = k >= kContext ? k - kContext : 0;
    size_t end = k;
    while (end < ops.size()) {
      if (ops[end].first != '=') {
        ++end;
        continue;
      }
      size_t run = end;
      while (run < ops.size() && ops[run].first == '=') ++run;
      if (run == ops.size() || run - end > 2 * kContext) {
        end = std::min(ops.size(), end + kContext);
        break;
      }
      end = run;
    }
    // Line numbers (1-based) of the hunk in each file.
    size_t a_line = 1;
    size_t b_line = 1;
    for (size_t t = 0; t < start; ++t) {
      a_line += ops[t].first != '+';
      b_line += ops[t].first != '-';
    }
    size_t a_count = 0;
    size_t b_count = 0;
    for (size_t t = start; t < end; ++t) {
      a_count += ops[t].first != '+';
      b_count += ops[t].first != '-';
    }
    out += "@@ -" + std::to_string(a_count == 0 ? a_line - 1 : a_line) + "," + std::to_string(a_count) + " +" +
           std::to_string(b_count == 0 ? b_line - 1 : b_line) + "," + std::to_string(b_count) + " @@\n";
    for (size_t t = start; t < end; ++t) {
      const auto [op, index] = ops[t];
      Emit(&out, op == '=' ? ' ' : op, op == '+' ? b[index] : a[index]);
    }
    k = end;
  }
  return out;
}

}  // namespace leadlint
