// The documentation pipeline. Reading (files, git history) happens here and in
// the docs_*.cc files of this folder; the rules in src/rules/docs and
// src/rules/l10n only see models. A run is a list of passes (DocRun::Run).
#include "engine/docs.h"

#include <openssl/evp.h>

#include <algorithm>
#include <map>
#include <memory>

#include "engine/docs_internal.h"

namespace leadlint {

int ShardOf(std::string_view key, int count);

namespace {

using namespace docs_detail;

class DocRun {
 public:
  DocRun(const DocSetOptions& options, const std::vector<InputFile>& markdown, const Profile& profile,
         const std::set<std::string>& only_rules, Scheduler& scheduler)
      : options_(options), markdown_(markdown), profile_(profile), only_rules_(only_rules), scheduler_(scheduler) {}

  DocsResult Run(int shard_index, int shard_count) {
    CollectJobs();
    KeepShard(shard_index, shard_count);
    ReadHistoryFolders();
    ReadGitHistory();
    GroupBySource();
    CheckGroups();
    GatherResults();
    ReadStorefrontRules();
    return std::move(result_);
  }

 private:
  // 1. The doc jobs: the configured doc set and the Markdown met among the
  // paths, translations paired with their sources (docs_pairing.cc).
  void CollectJobs() { jobs_ = CollectDocJobs(options_, markdown_, only_rules_, &result_.findings); }

  // 2. The jobs of this shard: a translation goes with its source.
  void KeepShard(int shard_index, int shard_count) {
    if (shard_count <= 1) return;
    std::vector<DocJob> mine;
    for (DocJob& j : jobs_) {
      const std::string& key = j.source.empty() ? j.path : j.source;
      if (ShardOf(key, shard_count) == shard_index) mine.push_back(std::move(j));
    }
    jobs_ = std::move(mine);
  }

  // 3. Older source versions in --docs-history folders, by CRLF SHA-1.
  void ReadHistoryFolders() {
    for (const std::string& h : options_.history) {
      for (const std::string& f : MarkdownUnder(h)) {
        std::string text;
        if (!ReadText(f, &text)) continue;
        std::string hash = CrlfSha1(text);
        history_.labels.emplace(hash, f);
        history_.texts.emplace(f, std::move(text));
      }
    }
  }

  // 4. Git history: only for translations whose hash is neither the current
  // source's nor in a history folder, read for all their sources in one pass.
  void ReadGitHistory() {
    if (!options_.use_git_history) return;
    std::map<std::string, std::string> source_hash;  // source path -> CRLF SHA-1
    std::set<std::string> wanted;
    std::vector<std::pair<std::string, std::string>> sources;
    std::set<std::string> listed;
    for (const DocJob& j : jobs_) {
      if (!j.translation || j.source.empty()) continue;
      std::string text;
      if (!ReadText(j.path, &text)) continue;
      std::string claimed_hash = ClaimedHash(text);
      if (claimed_hash.empty() || history_.labels.count(claimed_hash) != 0) continue;
      auto [it, inserted] = source_hash.emplace(j.source, "");
      if (inserted) {
        std::string source_text;
        if (ReadText(j.source, &source_text)) it->second = CrlfSha1(source_text);
      }
      if (claimed_hash == it->second) continue;
      wanted.insert(claimed_hash);
      if (listed.insert(j.source).second) sources.emplace_back(j.source, RealPath(j.source));
    }
    if (!wanted.empty()) history_.git = GitVersions(sources, wanted);
  }

  // 5. Jobs grouped by source, so that a source (and its git history) is read
  // once, held only while its translations are checked, then dropped: memory
  // follows the largest doc set, not the size of the tree.
  void GroupBySource() {
    std::map<std::string, size_t> group_of;
    for (size_t i = 0; i < jobs_.size(); ++i) {
      if (jobs_[i].source.empty()) {
        groups_.push_back({i});
        continue;
      }
      auto [it, inserted] = group_of.emplace(jobs_[i].source, groups_.size());
      if (inserted) groups_.emplace_back();
      groups_[it->second].push_back(i);
    }
  }

  // 6. Check every group on the run's scheduler (docs_check.cc); each doc's
  // outcome is stored at its job's index. Link targets are resolved through
  // one cache for the run (docs_links.cc).
  void CheckGroups() {
    LinkResolver links(options_, jobs_);
    DocChecker checker(options_, profile_, only_rules_, history_, links);
    outcomes_.resize(jobs_.size());
    scheduler_.ForEach(groups_.size(), [&](size_t g) { checker.CheckGroup(jobs_, groups_[g], &outcomes_); });
  }

  // 7. Results gathered in job order; the summaries sorted by path.
  void GatherResults() {
    for (size_t i = 0; i < jobs_.size(); ++i) {
      DocOutcome& outcome = outcomes_[i];
      if (!outcome.checked) {
        ++result_.files_skipped;
        result_.skipped.push_back(jobs_[i].path);
        continue;
      }
      ++result_.files_checked;
      result_.suppressed += outcome.suppressed;
      for (Finding& f : outcome.findings) result_.findings.push_back(std::move(f));
      std::vector<Finding>().swap(outcome.findings);
      if (!outcome.summary.path.empty()) result_.docs.push_back(std::move(outcome.summary));
    }
    std::vector<DocOutcome>().swap(outcomes_);
    std::sort(result_.docs.begin(), result_.docs.end(),
              [](const DocSummary& a, const DocSummary& b) { return a.path < b.path; });
  }

  // 8. Storefront rules from the configured doc set's English source (read
  // here, whatever shard holds its job): the first page with all four tables.
  void ReadStorefrontRules() {
    std::vector<std::string> candidates;
    if (!options_.source.empty()) candidates = MarkdownUnder(options_.source);
    for (const std::string& path : candidates) {
      std::string text;
      if (!ReadText(path, &text)) continue;
      auto model = BuildDocModel(path, std::move(text));
      if (!model->english) continue;
      ExtractRuleTables(model.get(), nullptr);
      if (model->rule_tables.size() != 4) continue;
      StorefrontRules rules;
      rules.appsource = {};
      rules.azure_marketplace = {};
      for (const RuleTable& t : model->rule_tables) {
        if (t.kind != "listing" && t.kind != "leads") continue;
        for (const RuleTableRow& row : t.rows) {
          StorefrontTerms* terms = row.storefront.canonical == "appsource"           ? &rules.appsource
                                   : row.storefront.canonical == "azure-marketplace" ? &rules.azure_marketplace
                                                                                     : nullptr;
          if (terms == nullptr) continue;
          for (const DocTerm& item : row.items)
            (t.kind == "listing" ? terms->listing : terms->leads).insert(item.canonical);
        }
      }
      rules.source = path;
      result_.storefront_rules = std::move(rules);
      break;
    }
  }

  const DocSetOptions& options_;
  const std::vector<InputFile>& markdown_;
  const Profile& profile_;
  const std::set<std::string>& only_rules_;
  Scheduler& scheduler_;
  std::vector<DocJob> jobs_;
  SourceHistory history_;
  std::vector<std::vector<size_t>> groups_;  // job indexes, by source
  std::vector<DocOutcome> outcomes_;         // by job index
  DocsResult result_;
};

}  // namespace

std::string CrlfSha1(std::string_view text) {
  std::string crlf;
  crlf.reserve(text.size() + text.size() / 16);
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\r') {
      crlf += "\r\n";
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else if (c == '\n') {
      crlf += "\r\n";
    } else {
      crlf.push_back(c);
    }
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(crlf.data(), crlf.size(), digest, &length, EVP_sha1(), nullptr);
  static const char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) {
    hex.push_back(kHex[digest[i] >> 4]);
    hex.push_back(kHex[digest[i] & 15]);
  }
  return hex;
}

DocsResult RunDocs(const DocSetOptions& options, const std::vector<InputFile>& markdown, const Profile& profile,
                   const std::set<std::string>& only_rules, Scheduler& scheduler, int shard_index, int shard_count) {
  return DocRun(options, markdown, profile, only_rules, scheduler).Run(shard_index, shard_count);
}

}  // namespace leadlint
