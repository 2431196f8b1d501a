// The check of one doc set: its source read once, then each doc read within
// the limits, its freshness and the version to compare with, the input of the
// doc rules, the rules, and the Markdown suppressions.
#include <cctype>
#include <filesystem>

#include "engine/docs_internal.h"
#include "engine/problem_rules.h"
#include "rules/rule.h"
#include "rules/rules.h"

namespace leadlint::docs_detail {
namespace fs = std::filesystem;

void DocChecker::CheckGroup(const std::vector<DocJob>& jobs, const std::vector<size_t>& group,
                            std::vector<DocOutcome>* out) {
  const GroupSource source = ReadSource(jobs[group.front()].source);
  for (size_t i : group) CheckDoc(jobs[i], source, &(*out)[i]);
}

// The group's source: its model and hash ("" for a group of one doc).
DocChecker::GroupSource DocChecker::ReadSource(const std::string& path) const {
  GroupSource source;
  source.path = path;
  if (path.empty()) return source;
  std::string text;
  if (ReadText(path, &text)) {
    source.sha1 = CrlfSha1(text);
    source.model = BuildDocModel(path, std::move(text));
    ExtractRuleTables(source.model.get(), nullptr);
  }
  return source;
}

void DocChecker::CheckDoc(const DocJob& job, const GroupSource& source, DocOutcome* out) {
  std::unique_ptr<DocModel> doc = ReadDoc(job, out);
  if (doc == nullptr) return;
  if (job.standalone && !HasMsFrontMatter(*doc)) return;  // ordinary Markdown: not ours
  out->checked = true;
  DocSummary& s = out->summary;
  DocCheckInput in = BuildInput(job, *doc, &s);
  std::unique_ptr<DocModel> older;
  if (job.translation && source.model != nullptr) {
    older = CompareWithSource(job, source, doc.get(), &in, &s);
  } else {
    ExtractRuleTables(doc.get(), nullptr);
  }
  s.rule_tables = static_cast<int>(doc->rule_tables.size());
  if (auto gl = options_.glossary.find(doc->locale); gl != options_.glossary.end()) in.glossary = gl->second;
  std::pair<std::string, std::string> pair_roots;
  if (job.translation && !job.source.empty()) pair_roots = PairRoots(RealPath(job.path), RealPath(job.source));
  std::map<std::string, LinkTarget> links = links_.Resolve(*doc, pair_roots.first, pair_roots.second);
  in.links = &links;
  RunRules(in, *doc, &out->findings);
  if (doc->markdown.parsed) Suppress(*doc, out);
}

// Reads the doc within the size limit; nullptr (and a finding, the job
// counted as checked) when it is too large or cannot be read.
std::unique_ptr<DocModel> DocChecker::ReadDoc(const DocJob& job, DocOutcome* out) const {
  std::error_code size_ec;
  auto bytes = fs::file_size(job.path, size_ec);
  if (!size_ec && bytes > options_.max_file_bytes) {
    Finding f;
    f.rule = kDocsLimit.id;
    f.path = job.path;
    f.line = 1;
    f.column = 1;
    f.message = "the file is " + std::to_string(bytes) + " bytes, larger than the limit of " +
                std::to_string(options_.max_file_bytes) + " bytes; it was not checked";
    if (Enabled(only_rules_, f.rule)) out->findings.push_back(std::move(f));
    out->checked = true;
    return nullptr;
  }
  std::string text;
  if (!ReadText(job.path, &text)) {
    Finding f;
    f.rule = kManifestUnreadable.id;
    f.path = job.path;
    f.line = 1;
    f.column = 1;
    f.message = "cannot read '" + job.path + "' (missing, unreadable, or larger than 8 MiB)";
    out->findings.push_back(std::move(f));
    out->checked = true;
    return nullptr;
  }
  return BuildDocModel(job.path, std::move(text));
}

// The input of the doc rules that does not depend on the source, and the
// doc's summary.
DocCheckInput DocChecker::BuildInput(const DocJob& job, const DocModel& doc, DocSummary* s) const {
  DocCheckInput in;
  in.doc = &doc;
  in.profile = profile_;
  in.translation = job.translation || (job.source.empty() && !doc.english && !doc.locale.empty());
  in.tree_locale = TreeLocale(job.path);
  s->path = job.path;
  s->locale = doc.locale_written.empty() ? doc.locale : doc.locale_written;
  if (s->locale.empty() && doc.english) s->locale = "en";
  s->role = job.translation                                            ? "translation"
            : (job.standalone || job.source.empty()) && in.translation ? "translation"
                                                                       : "source";
  // Any translation left without a source is said so (l10n-source-unknown),
  // whether its tree, its folder or its front matter made it one.
  if (in.translation && job.source.empty()) {
    in.without_source = true;
    in.expected_source = job.expected_source;
  }
  return in;
}

// Freshness from ms.openlocfilehash and the version to compare with: the
// current source, or the older version the translation was made from (its
// model is returned, to live while the rules run).
std::unique_ptr<DocModel> DocChecker::CompareWithSource(const DocJob& job, const GroupSource& source, DocModel* doc,
                                                        DocCheckInput* in, DocSummary* s) const {
  std::unique_ptr<DocModel> older;
  s->source = job.source;
  in->current_source = source.model.get();
  in->current_source_path = job.source;
  in->current_source_hash = source.sha1;
  const FrontMatterEntry* e = doc->front_matter.Find("ms.openlocfilehash");
  std::string claimed_hash = e != nullptr ? e->value : "";
  for (char& c : claimed_hash) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  in->compared = source.model.get();
  if (claimed_hash.empty()) {
    in->freshness = "unknown";  // docs-front-matter reports the missing hash
  } else if (claimed_hash == in->current_source_hash) {
    in->freshness = "fresh";
  } else {
    // Not the current source's hash: certainly not made from it (DESIGN §2a).
    in->freshness = "stale";
    std::string version_label;
    std::string version_text;
    FindVersion(source.path, claimed_hash, &version_label, &version_text);
    if (!version_label.empty()) {
      in->translated_from = version_label;
      older = BuildDocModel(version_label, std::move(version_text));
      ExtractRuleTables(older.get(), nullptr);
      in->compared = older.get();
      in->compared_is_current = false;
    }
  }
  s->freshness = in->freshness;
  s->translated_from = in->translated_from;
  ExtractRuleTables(doc, in->compared);
  return older;
}

// The version a translation was made from: a history folder, else git (read
// in one pass before the checks started).
void DocChecker::FindVersion(const std::string& source_path, const std::string& claimed_hash, std::string* label,
                             std::string* text) const {
  if (auto h = history_.labels.find(claimed_hash); h != history_.labels.end()) {
    *label = h->second;
    *text = history_.texts.at(h->second);
  } else if (auto gv = history_.git.find(RealPath(source_path)); gv != history_.git.end()) {
    if (auto v = gv->second.find(claimed_hash); v != gv->second.end()) {
      *label = v->second.first;
      *text = v->second.second;
    }
  }
}

// The parse errors of the doc, then (when it parsed) every rule with a doc_check.
void DocChecker::RunRules(const DocCheckInput& in, const DocModel& doc, std::vector<Finding>* findings) const {
  for (const ParseError& error : doc.markdown.errors) {
    if (!Enabled(only_rules_, RuleFor(error.kind))) continue;
    DocContext(RuleById(RuleFor(error.kind)), doc, findings).Report(error.offset, 1, error.message);
  }
  if (!doc.markdown.parsed) return;
  for (const Rule& rule : AllRules()) {
    if (rule.doc_check() == nullptr || !Enabled(only_rules_, rule.id)) continue;
    DocContext ctx(rule, doc, findings);
    rule.doc_check()(in, ctx);
  }
}

// The doc's leadlint-disable comments: malformed ones reported, the findings
// they cover hidden and counted, unused ones reported.
void DocChecker::Suppress(const DocModel& doc, DocOutcome* out) const {
  std::vector<Finding> directive_findings;
  std::vector<MdSuppression> sups = ParseMdSuppressions(doc.file, &directive_findings);
  for (Finding& f : directive_findings) {
    if (!Enabled(only_rules_, f.rule)) continue;
    DocContext(RuleById(f.rule), doc, &out->findings).ReportWithSeverity(f.severity, f.offset, 4, f.message);
  }
  ApplyMdSuppressions(doc.file, &sups, &out->findings, only_rules_, options_.off_rules, &out->suppressed);
}

}  // namespace leadlint::docs_detail
