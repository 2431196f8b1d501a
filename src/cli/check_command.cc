#include "cli/check_command.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "base/suggest.h"
#include "cli/cli.h"
#include "cli/fix_command.h"
#include "cli/output_file.h"
#include "engine/baseline.h"
#include "engine/config.h"
#include "engine/engine.h"
#include "engine/rule_catalog.h"
#include "report/report.h"

namespace leadlint::cli {
namespace {

// What one `check` builds up, step by step.
struct CheckRun {
  CheckArgs args;  // the command line, with leadlint.json's values where it gave none
  Config config;
  std::string config_in_use;  // "" with --no-config or without a leadlint.json
  RunOptions options;
  std::vector<std::pair<std::string, std::string>> sinks;  // (format, file or "" for standard output)
  RunResult result;
};

// Loads leadlint.json (--config, or the nearest one upward) and applies its
// values under the options the command line gave: command-line options win.
bool LoadConfiguration(CheckRun* run, std::ostream& err) {
  CheckArgs& args = run->args;
  const Config& config = run->config;
  if (!args.no_config) {
    std::string path = args.config_path.empty() ? FindConfig(".") : args.config_path;
    if (!args.config_path.empty() && !std::filesystem::exists(args.config_path)) {
      err << "leadlint: configuration file '" << args.config_path << "' does not exist\n";
      return false;
    }
    std::vector<Finding> errors;
    if (!path.empty() && !LoadConfig(path, &run->config, &errors)) {
      for (const Finding& f : errors) {
        err << f.path << ':' << f.line << ':' << f.column << ": error: " << f.message << " [config]\n";
        if (!f.excerpt.empty())
          err << f.excerpt << "\n" << std::string(static_cast<size_t>(f.column - 1), ' ') << "^\n";
      }
      err << "leadlint: invalid configuration in '" << path << "'\n";
      return false;
    }
    run->config_in_use = path;
  }
  if (config.profile && !WasGiven(args.profile_opt)) args.profile_name = *config.profile;
  if (config.fail_on && !WasGiven(args.fail_on_opt)) args.fail_on = *config.fail_on;
  if (config.max_file_size && !WasGiven(args.max_file_opt)) args.max_file_bytes = *config.max_file_size;
  if (config.max_depth && !WasGiven(args.max_depth_opt)) args.max_depth = *config.max_depth;
  return true;
}

// The doc set: the command line's, else leadlint.json's; every path must exist.
bool SetDocsOptions(const CheckArgs& args, const Config& config, RunOptions* options, std::ostream& err) {
  DocSetOptions& docs = options->docs;
  docs.source = !args.docs_source.empty() ? args.docs_source : config.docs_source;
  docs.translations = !args.docs_translations.empty() ? args.docs_translations : config.docs_translations;
  docs.history = !args.docs_history.empty() ? args.docs_history : config.docs_history;
  docs.use_git_history = !args.no_git_history && config.docs_git_history.value_or(true);
  docs.glossary = config.glossary;
  docs.root = !args.docs_root.empty() ? args.docs_root : config.docs_root;
  if (!docs.source.empty() && !std::filesystem::exists(docs.source)) {
    err << "leadlint: --docs-source '" << docs.source << "' does not exist\n";
    return false;
  }
  if (!docs.root.empty() && !std::filesystem::is_directory(docs.root)) {
    err << "leadlint: --docs-root '" << docs.root << "' is not a folder\n";
    return false;
  }
  if (docs.source.empty() && !docs.translations.empty()) {
    err << "leadlint: --docs-translations needs --docs-source (the English source they translate)\n";
    return false;
  }
  for (const auto* list : {&docs.translations, &docs.history}) {
    for (const std::string& p : *list) {
      if (!std::filesystem::exists(p)) {
        err << "leadlint: '" << p << "' (" << (list == &docs.translations ? "--docs-translations" : "--docs-history")
            << ") does not exist\n";
        return false;
      }
    }
  }
  return true;
}

// --profile: a known profile, with "did you mean" on a mistyped one.
bool SetProfile(const std::string& profile_name, RunOptions* options, std::ostream& err) {
  if (FindProfile(profile_name, &options->profile)) return true;
  err << "leadlint: unknown profile '" << profile_name << "'";
  std::vector<std::string_view> names;
  for (const Profile& p : AllProfiles()) names.push_back(p.name);
  std::string suggestion = Nearest(profile_name, names, 5);
  if (!suggestion.empty()) err << "; did you mean '" << suggestion << "'?";
  err << " (expected cloud-partner-portal-2018, partner-center-2020, partner-center-2022 or partner-center-2025)\n";
  return false;
}

// --rule: known rule ids, in any case.
bool SetOnlyRules(const std::vector<std::string>& only_rules, RunOptions* options, std::ostream& err) {
  for (const std::string& written : only_rules) {
    const std::string id = AsciiLower(written);
    if (FindRuleDescriptor(id) == nullptr) {
      err << "leadlint: unknown rule '" << written << "'";
      std::string suggestion = SuggestRuleId(id);
      if (!suggestion.empty()) err << "; did you mean '" << suggestion << "'?";
      err << " (run 'leadlint rules' for the list)\n";
      return false;
    }
    options->only_rules.insert(id);
  }
  return true;
}

// --shard K/N.
bool SetShard(const std::string& shard, RunOptions* options, std::ostream& err) {
  if (shard.empty()) return true;
  int k = 0;
  int n = 0;
  char slash = 0;
  std::istringstream in(shard);
  if (!(in >> k >> slash >> n) || slash != '/' || n < 1 || k < 1 || k > n || !in.eof()) {
    err << "leadlint: --shard must be K/N with 1 <= K <= N; got '" << shard << "'\n";
    return false;
  }
  options->shard_index = k - 1;
  options->shard_count = n;
  return true;
}

// The RunOptions of the run: the options over leadlint.json's.
bool BuildRunOptions(CheckRun* run, std::ostream& err) {
  const CheckArgs& args = run->args;
  RunOptions& options = run->options;
  options.paths = args.paths.empty() ? std::vector<std::string>{"."} : args.paths;
  for (const auto& [id, level] : run->config.rules) {
    Severity severity;
    if (level == "off") {
      options.rule_overrides[id] = std::nullopt;
    } else if (ParseSeverity(level, &severity)) {
      options.rule_overrides[id] = severity;
    }
  }
  options.discover.ignore.Add(run->config.base_dir, run->config.ignore);
  if (!SetDocsOptions(args, run->config, &options, err)) return false;
  if (!args.docs_source.empty() && args.paths.empty()) options.paths.clear();
  options.discover.use_gitignore = !args.no_gitignore;
  options.stdin_name = args.stdin_filename;
  if (!SetProfile(args.profile_name, &options, err) || !SetOnlyRules(args.only_rules, &options, err)) return false;
  options.jobs = args.jobs;
  if (!SetShard(args.shard, &options, err)) return false;
  options.limits.max_file_bytes = args.max_file_bytes;
  options.limits.max_json_depth = args.max_depth;
  return true;
}

// Where the reports go: at most one on standard output.
bool PlanReports(CheckRun* run, std::ostream& err) {
  run->sinks = ReportSinks(run->args);
  size_t to_stdout = 0;
  for (const auto& sink : run->sinks) to_stdout += sink.second.empty();
  if (to_stdout > 1) {
    err << "leadlint: only one --format may go to standard output; give the others an --output FILE "
           "right after them\n";
    return false;
  }
  return true;
}

// Never write onto what the run reads, nor twice to one file.
bool CheckOutputTargets(const CheckRun& run, std::ostream& err) {
  const RunOptions& options = run.options;
  RunInputs inputs;
  inputs.paths = options.paths;
  if (!options.docs.source.empty()) inputs.paths.push_back(options.docs.source);
  for (const std::string& p : options.docs.translations) inputs.paths.push_back(p);
  for (const std::string& p : options.docs.history) inputs.paths.push_back(p);
  inputs.files.push_back(run.config_in_use);
  std::vector<std::pair<std::string, std::string>> targets;  // (option, file)
  for (const auto& sink : run.sinks) {
    if (!sink.second.empty()) targets.emplace_back("--output", sink.second);
  }
  if (!run.args.write_baseline_path.empty()) targets.emplace_back("--write-baseline", run.args.write_baseline_path);
  for (size_t i = 0; i < targets.size(); ++i) {
    const auto& [option, target] = targets[i];
    RunInputs these = inputs;
    // --write-baseline may replace the baseline it updates; a report may not.
    if (option == "--output") these.files.push_back(run.args.baseline_path);
    std::string collision = InputCollision(target, these);
    if (!run.config_in_use.empty() && SameFile(target, run.config_in_use)) collision = "the configuration file in use";
    if (!collision.empty()) {
      err << "leadlint: refusing to write " << option << " '" << target << "': it is " << collision
          << "; write it elsewhere\n";
      return false;
    }
    for (size_t j = 0; j < i; ++j) {
      if (SameFile(target, targets[j].second)) {
        err << "leadlint: " << targets[j].first << " and " << option << " both write '" << target
            << "'; give each its own file\n";
        return false;
      }
    }
  }
  return true;
}

// `-` among the paths: standard input, read whole before the run.
void ReadStandardInput(RunOptions* options) {
  if (std::find(options->paths.begin(), options->paths.end(), "-") != options->paths.end()) {
    std::ostringstream in;
    in << std::cin.rdbuf();
    options->stdin_text = in.str();
  }
}

// --fix, --diff and --unsafe-fixes where they can apply.
bool CheckFixOptions(const CheckRun& run, std::ostream& err) {
  const CheckArgs& args = run.args;
  if ((args.fix || args.diff) && run.options.shard_count > 1) {
    err << "leadlint: --fix and --diff are never applied under --shard (a shard sees only part of an offer); "
           "run them without --shard\n";
    return false;
  }
  if ((args.fix || args.diff) && !run.options.stdin_text.empty()) {
    err << "leadlint: --fix and --diff change files; standard input ('-') cannot be fixed\n";
    return false;
  }
  if (args.unsafe_fixes && !args.fix && !args.diff) {
    err << "leadlint: --unsafe-fixes goes with --fix or --diff\n";
    return false;
  }
  return true;
}

// The run, and with --fix the run again after the fixes. The exit code when
// the command ends here (--diff, or fixes that could not be written).
std::optional<int> RunAndFix(CheckRun* run, std::ostream& out, std::ostream& err) {
  const CheckArgs& args = run->args;
  run->result = RunCheck(run->options);
  if (!args.fix && !args.diff) return std::nullopt;
  FixSummary fixed = FixCheckedFiles(run->options, run->result, args.unsafe_fixes, args.diff, out, err);
  if (fixed.write_failed) return kExitUsage;
  if (args.diff) return fixed.files > 0 ? kExitFindings : kExitClean;
  err << "leadlint: fixed " << fixed.fixed << " problem" << (fixed.fixed == 1 ? "" : "s") << " in " << fixed.files
      << " file" << (fixed.files == 1 ? "" : "s") << "\n";
  if (fixed.fixed > 0) run->result = RunCheck(run->options);  // report what is left
  return std::nullopt;
}

// Fail closed: a gate that checked nothing must not pass (DESIGN §1d).
// A shard may be left with nothing of its own while the other shards check the rest.
bool IsEmptyRun(const CheckRun& run) {
  return run.result.files_checked == 0 && run.result.other_shard_files == 0 && !run.args.allow_empty &&
         !run.config.allow_empty.value_or(false);
}

int ReportEmptyRun(const RunResult& result, std::ostream& err) {
  err << "leadlint: nothing was checked: no offer manifest and no doc among the inputs";
  if (!result.skipped.empty()) {
    err << " (" << result.skipped.size() << " skipped, not manifests or docs, or ignored: ";
    for (size_t i = 0; i < result.skipped.size() && i < 5; ++i) err << (i == 0 ? "" : ", ") << result.skipped[i];
    if (result.skipped.size() > 5) err << " and " << (result.skipped.size() - 5) << " more";
    err << ")";
  }
  err << "; name the files to check, or pass --allow-empty (\"allowEmpty\": true in leadlint.json) to accept "
         "an empty run\n";
  return kExitUsage;
}

// --write-baseline: every finding recorded, and the command ends.
int WriteBaselineFile(const CheckRun& run, std::ostream& out, std::ostream& err) {
  const std::string& path = run.args.write_baseline_path;
  AtomicFile baseline(path);
  std::string error;
  if (!baseline.Open(&error)) {
    err << "leadlint: " << error << "\n";
    return kExitUsage;
  }
  WriteBaseline(run.result.findings, path, baseline.stream());
  if (!baseline.Commit(&error)) {
    err << "leadlint: " << error << "\n";
    return kExitUsage;
  }
  out << "leadlint: wrote " << run.result.findings.size() << " finding" << (run.result.findings.size() == 1 ? "" : "s")
      << " to the baseline '" << path << "'\n";
  return kExitClean;
}

// Tells the stale entries of --baseline and an old baseline version.
void ReportBaselineNotes(const std::string& baseline_path, const BaselineOutcome& outcome, std::ostream& err) {
  if (outcome.version < kBaselineVersion) {
    err << "leadlint: note: '" << baseline_path << "' is a version " << outcome.version
        << " baseline, whose paths are relative to where it was written: it matches only from that folder with "
           "the same paths; write it again with --write-baseline to make it work from any folder\n";
  }
  for (const StaleEntry& s : outcome.stale) {
    err << baseline_path << ':' << s.line << ':' << s.column << ": note: stale baseline entry: no '" << s.rule
        << "' finding in '" << s.path << "' matches it any more (fixed, or its line or message changed)\n";
  }
  if (!outcome.stale.empty()) {
    err << "leadlint: " << outcome.stale.size() << " stale " << (outcome.stale.size() == 1 ? "entry" : "entries")
        << " in the baseline '" << baseline_path << "'; drop " << (outcome.stale.size() == 1 ? "it" : "them")
        << " with --write-baseline '" << baseline_path << "'\n";
  }
}

// --baseline: the findings it records are dropped and the verdicts computed again.
bool ApplyBaselineFile(CheckRun* run, std::ostream& err) {
  const std::string& baseline_path = run->args.baseline_path;
  if (baseline_path.empty()) return true;
  RunResult& result = run->result;
  BaselineOutcome outcome;
  std::string error;
  std::vector<std::string> checked;
  checked.reserve(result.checked.size());
  for (const PooledString& c : result.checked) checked.emplace_back(c.view());
  if (!ApplyBaseline(baseline_path, checked, &result.findings, &outcome, &error)) {
    err << "leadlint: " << error << "\n";
    return false;
  }
  ReportBaselineNotes(baseline_path, outcome, err);
  result.baselined = static_cast<int>(outcome.removed);
  result.baseline_applied = true;
  result.baseline_stale = static_cast<int>(outcome.stale.size());
  RecomputeVerdicts(&result);
  return true;
}

// --quiet: errors only.
void KeepErrorsOnly(RunResult* result) {
  std::vector<Finding> errors_only;
  for (Finding& f : result->findings) {
    if (f.severity == Severity::kError) errors_only.push_back(std::move(f));
  }
  result->findings = std::move(errors_only);
}

ReportOptions MakeReportOptions(const RunOptions& options) {
  ReportOptions report;
  report.profile = std::string(options.profile.name);
  report.version = LEADLINT_VERSION;
  if (options.shard_count > 1) {
    report.shard_index = options.shard_index + 1;
    report.shard_count = options.shard_count;
  }
  std::error_code cwd_error;
  report.working_directory = std::filesystem::current_path(cwd_error).string();
  return report;
}

// One report, to `path` or ("") to `out`. Returns the exit code on failure,
// kExitClean when written.
int WriteOneReport(const CheckRun& run, const std::string& format, const std::string& path, ReportOptions report,
                   std::ostream& out, std::ostream& err) {
  const bool to_stdout = path.empty();
  std::unique_ptr<AtomicFile> file;
  std::ostream* sink = &out;
  if (!to_stdout) {
    file = std::make_unique<AtomicFile>(path);
    std::string error;
    if (!file->Open(&error)) {
      err << "leadlint: " << error << "\n";
      return kExitUsage;
    }
    sink = &file->stream();
  }
  const char* no_color = std::getenv("NO_COLOR");
  const std::string& color = run.args.color;
  report.color = color == "always" || (color == "auto" && to_stdout && &out == &std::cout &&
                                       isatty(STDOUT_FILENO) != 0 && (no_color == nullptr || no_color[0] == '\0'));
  if (format == "sarif" && run.result.findings.size() > kSarifResultLimit) {
    err << "leadlint: warning: " << SarifLimitMessage(run.result.findings.size()) << "\n";
  }
  WriteReport(format, run.result, report, *sink);
  sink->flush();
  if (!*sink) {
    err << "leadlint: failed writing the " << format << " report\n";
    return kExitInternal;
  }
  std::string error;
  if (file != nullptr && !file->Commit(&error)) {
    err << "leadlint: " << error << "\n";
    return kExitInternal;
  }
  return kExitClean;
}

// Every --format, in command-line order; stops at the first that fails.
int WriteReports(const CheckRun& run, std::ostream& out, std::ostream& err) {
  const ReportOptions report = MakeReportOptions(run.options);
  for (const auto& [format, path] : run.sinks) {
    const int code = WriteOneReport(run, format, path, report, out, err);
    if (code != kExitClean) return code;
  }
  return kExitClean;
}

// 1 when a finding is at or above --fail-on.
int FindingsExitCode(const CheckRun& run) {
  if (run.args.fail_on == "none") return kExitClean;
  Severity threshold = Severity::kError;
  ParseSeverity(run.args.fail_on, &threshold);
  for (const Finding& f : run.result.findings) {
    if (f.severity >= threshold) return kExitFindings;
  }
  return kExitClean;
}

}  // namespace

int CmdCheck(const CheckArgs& args, int argc, char** argv, std::ostream& out, std::ostream& err) {
  const std::string stray = StrayWordError(argc, argv);
  if (!stray.empty()) {
    err << stray << "\n";
    return kExitUsage;
  }
  CheckRun run;
  run.args = args;
  if (!LoadConfiguration(&run, err) || !BuildRunOptions(&run, err) || !PlanReports(&run, err) ||
      !CheckOutputTargets(run, err)) {
    return kExitUsage;
  }
  ReadStandardInput(&run.options);
  if (!CheckFixOptions(run, err)) return kExitUsage;
  if (std::optional<int> done = RunAndFix(&run, out, err)) return *done;
  const bool empty_run = IsEmptyRun(run);
  if (!run.args.write_baseline_path.empty()) {
    return empty_run ? ReportEmptyRun(run.result, err) : WriteBaselineFile(run, out, err);
  }
  if (!ApplyBaselineFile(&run, err)) return kExitUsage;
  if (run.args.quiet) KeepErrorsOnly(&run.result);
  const auto reports_start = std::chrono::steady_clock::now();
  const int written = WriteReports(run, out, err);
  if (std::getenv("LEADLINT_TIMING") != nullptr) {
    const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - reports_start;
    err << "leadlint: timing: " << std::left << std::setw(10) << "reports" << std::right << std::fixed
        << std::setprecision(2) << std::setw(10) << took.count() << " ms\n";
  }
  if (written != kExitClean) return written;
  if (empty_run) return ReportEmptyRun(run.result, err);
  return FindingsExitCode(run);
}

}  // namespace leadlint::cli
