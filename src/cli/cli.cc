// Argument parsing with CLI11 and the sub-commands. Sub-commands live in one
// table-like block so `--help` lists them all; unknown rule ids get a "did you
// mean" suggestion.
#include "cli/cli.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "engine/baseline.h"
#include "engine/config.h"
#include "engine/engine.h"
#include "model/doc.h"
#include "report/report.h"
#include "rules/rule.h"
#include "schema/embedded_schemas.h"

#ifndef LEADLINT_VERSION
#define LEADLINT_VERSION "0.1.0"
#endif

namespace leadlint::cli {
namespace {

constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitUsage = 2;
constexpr int kExitInternal = 3;

std::string_view RuleDoc(std::string_view id) {
  std::string name = std::string(id) + ".md";
  for (const EmbeddedFile& f : EmbeddedRuleDocs()) {
    if (f.name == name) return f.text;
  }
  return {};
}

std::string JsonEscape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    if (static_cast<unsigned char>(c) < 0x20) continue;
    out.push_back(c);
  }
  return out;
}

int CmdRules(std::ostream& out, const std::string& format) {
  if (format == "json") {
    out << "[\n";
    const auto& rules = AllRules();
    for (size_t i = 0; i < rules.size(); ++i) {
      out << "  {\"id\": \"" << JsonEscape(rules[i].id) << "\", \"severity\": \"" << SeverityName(rules[i].severity)
          << "\", \"summary\": \"" << JsonEscape(rules[i].summary) << "\"}" << (i + 1 < rules.size() ? "," : "") << "\n";
    }
    out << "]\n";
    return kExitClean;
  }
  size_t width = 0;
  for (const RuleInfo& r : AllRules()) width = std::max(width, r.id.size());
  for (const RuleInfo& r : AllRules()) {
    std::string sev(SeverityName(r.severity));
    out << r.id << std::string(width - r.id.size() + 2, ' ') << sev << std::string(9 - sev.size(), ' ') << r.summary
        << "\n";
  }
  return kExitClean;
}

int CmdExplain(const std::string& id, std::ostream& out, std::ostream& err) {
  const RuleInfo* rule = FindRule(id);
  if (rule == nullptr) {
    err << "leadlint: unknown rule '" << id << "'";
    std::string suggestion = SuggestRule(id);
    if (!suggestion.empty()) err << "; did you mean '" << suggestion << "'?";
    err << "\nrun 'leadlint rules' to list every rule\n";
    return kExitUsage;
  }
  out << rule->id << " (" << SeverityName(rule->severity) << ")\n" << rule->summary << "\n";
  std::string_view doc = RuleDoc(id);
  if (!doc.empty()) out << "\n" << doc;
  if (!doc.empty() && doc.back() != '\n') out << "\n";
  return kExitClean;
}

bool ReadWhole(const std::string& path, std::string* text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  *text = s.str();
  return true;
}

int CmdExtract(const std::string& path, const std::string& source_path, std::ostream& out, std::ostream& err) {
  std::string text;
  if (!ReadWhole(path, &text)) {
    err << "leadlint: cannot read '" << path << "'\n";
    return kExitUsage;
  }
  std::unique_ptr<DocModel> source;
  if (!source_path.empty()) {
    std::string source_text;
    if (!ReadWhole(source_path, &source_text)) {
      err << "leadlint: cannot read '" << source_path << "'\n";
      return kExitUsage;
    }
    source = BuildDocModel(source_path, std::move(source_text));
    ExtractRuleTables(source.get(), nullptr);
  }
  std::unique_ptr<DocModel> doc = BuildDocModel(path, std::move(text));
  ExtractRuleTables(doc.get(), source.get());
  for (const Finding& f : doc->markdown.findings) {
    LineCol lc = doc->file.Locate(f.offset);
    err << path << ':' << lc.line << ':' << lc.column << ": error: " << f.message << " [" << f.rule << "]\n";
  }
  WriteExtractJson(*doc, out);
  return doc->rule_tables.size() == 4 ? kExitClean : kExitFindings;
}

}  // namespace

int Run(int argc, char** argv) { return Run(argc, argv, std::cout, std::cerr); }

int Run(int argc, char** argv, std::ostream& out, std::ostream& err) {
  CLI::App app{"leadlint: checks marketplace offer lead settings against storefront rules, and the localized docs that state those rules", "leadlint"};
  app.require_subcommand(1);
  app.footer(
      "Exit codes: 0 no findings at or above --fail-on, 1 findings, 2 usage or configuration error, 3 internal "
      "error.\nRun 'leadlint <command> --help' for a command's options.");

  std::vector<std::string> paths;
  std::vector<std::string> formats;
  std::vector<std::string> outputs;
  std::string fail_on = "error";
  std::string profile_name = "partner-center-2022";
  std::string color = "auto";
  int jobs = 0;
  std::vector<std::string> only_rules;
  size_t max_file_bytes = 8u << 20;
  size_t max_depth = 256;
  std::string config_path;
  bool no_config = false;
  bool no_gitignore = false;
  std::string baseline_path;
  std::string write_baseline_path;
  std::string stdin_filename = "<stdin>";
  bool quiet = false;
  std::string docs_source;
  std::vector<std::string> docs_translations;
  std::vector<std::string> docs_history;
  bool no_git_history = false;

  CLI::App* check = app.add_subcommand("check", "check offer manifests and localized lead-sharing docs (files and folders, recursive)");
  check->add_option("paths", paths, "files or folders to check (default: the current folder)");
  check->add_option("-f,--format", formats,
                    "output format: text, json, sarif, junit, github, markdown, html (repeatable; pair each with --output)")
      ->check(CLI::IsMember(ReportFormats()))
      ->allow_extra_args(false);
  check->add_option("-o,--output", outputs,
                    "write the report of the --format before it to FILE instead of standard output (repeatable)")
      ->allow_extra_args(false);
  check->add_option("--fail-on", fail_on, "lowest severity that makes the exit code 1 (none: never)")
      ->check(CLI::IsMember({"error", "warning", "note", "none"}));
  check->add_option("--profile", profile_name,
                    "dated rule profile: cloud-partner-portal-2018, partner-center-2020, partner-center-2022");
  check->add_option("-j,--jobs", jobs, "files checked in parallel (default: number of cores)")
      ->check(CLI::Range(0, 1024));
  check->add_option("--color", color, "colour in text output (NO_COLOR disables auto)")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  check->add_option("--rule", only_rules, "run only this rule (repeatable)")->allow_extra_args(false);
  CLI::Option* max_file_opt =
      check->add_option("--max-file-size", max_file_bytes, "largest file checked, in bytes (default 8 MiB)");
  check->add_option("-c,--config", config_path, "use this leadlint.json (default: the nearest one upward from the current folder)");
  check->add_flag("--no-config", no_config, "ignore any leadlint.json");
  check->add_flag("--no-gitignore", no_gitignore, "check files that .gitignore files exclude");
  check->add_option("--baseline", baseline_path, "report only findings that are not in this baseline file");
  check->add_option("--write-baseline", write_baseline_path, "record every current finding in FILE and exit 0");
  check->add_option("--stdin-filename", stdin_filename, "the name to report for '-' (standard input)");
  check->add_flag("-q,--quiet", quiet, "report errors only");
  check->add_option("--docs-source", docs_source,
                    "the English source of a doc set: a file (Markdown files among the paths are its translations) "
                    "or a folder tree");
  check->add_option("--docs-translations", docs_translations,
                    "translated files, or trees with the same relative paths as --docs-source (repeatable)")
      ->allow_extra_args(false);
  check->add_option("--docs-history", docs_history,
                    "a folder of older versions of the source, to tell which one a translation was made from (repeatable)")
      ->allow_extra_args(false);
  check->add_flag("--no-git-history", no_git_history,
                  "do not use git (older source versions; files a sparse checkout left out)");
  std::string docs_root;
  check->add_option("--docs-root", docs_root,
                    "the checked docs tree: a missing link target outside it is a 'not verified' note, not an error");
  std::string shard;
  check->add_option("--shard", shard,
                    "check only shard K of N (K/N, 1-based; by folder for manifests, by source for docs); combine "
                    "the shards' reports with 'leadlint merge'");
  CLI::Option* max_depth_opt = check->add_option("--max-depth", max_depth, "deepest JSON nesting accepted (default 256)")
                                   ->check(CLI::Range(1, 10000));
  CLI::Option* profile_opt = check->get_option("--profile");
  CLI::Option* fail_on_opt = check->get_option("--fail-on");

  std::string rules_format = "text";
  CLI::App* rules = app.add_subcommand("rules", "list every rule with its default severity");
  rules->add_option("-f,--format", rules_format, "text or json")->check(CLI::IsMember({"text", "json"}));
  std::string explain_id;
  CLI::App* explain = app.add_subcommand("explain", "show a rule's documentation");
  explain->add_option("id", explain_id, "rule id, e.g. leads-missing-destination")->required();
  CLI::App* version = app.add_subcommand("version", "print the version");
  std::string merge_format = "json";
  std::string merge_output;
  std::vector<std::string> merge_inputs;
  CLI::App* merge = app.add_subcommand("merge", "combine the JSON or SARIF reports of --shard runs into one report");
  merge->add_option("reports", merge_inputs, "the shards' reports")->required();
  merge->add_option("-f,--format", merge_format, "json or sarif (the format of the inputs)")
      ->check(CLI::IsMember({"json", "sarif"}));
  merge->add_option("-o,--output", merge_output, "write the merged report to FILE");
  std::string extract_path;
  std::string extract_source;
  CLI::App* extract = app.add_subcommand(
      "extract", "print the storefront rule tables of a lead-sharing doc (any locale) as JSON, with canonical terms");
  extract->add_option("doc", extract_path, "the Markdown document")->required();
  extract->add_option("--source", extract_source,
                      "the English source to align a translation with (default: the built-in tables of the seed)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    out << app.help(e.get_name() == "--help" ? "" : "");
    return kExitClean;
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) {
      std::ostringstream help;
      app.exit(e, help, help);
      out << help.str();
      return kExitClean;
    }
    std::ostringstream msg;
    app.exit(e, msg, msg);
    err << "leadlint: " << msg.str();
    return kExitUsage;
  }

  try {
    if (*version) {
      out << "leadlint " << LEADLINT_VERSION << "\n";
      return kExitClean;
    }
    if (*rules) return CmdRules(out, rules_format);
    if (*explain) return CmdExplain(explain_id, out, err);
    if (*extract) return CmdExtract(extract_path, extract_source, out, err);
    if (*merge) {
      std::ofstream file;
      std::ostream* sink = &out;
      if (!merge_output.empty()) {
        file.open(merge_output, std::ios::binary | std::ios::trunc);
        if (!file) {
          err << "leadlint: cannot write '" << merge_output << "'\n";
          return kExitUsage;
        }
        sink = &file;
      }
      std::string error;
      if (!MergeReports(merge_format, merge_inputs, *sink, &error)) {
        err << "leadlint: " << error << "\n";
        return kExitUsage;
      }
      return kExitClean;
    }

    RunOptions options;
    options.paths = paths.empty() ? std::vector<std::string>{"."} : paths;

    // Configuration: command-line options win over leadlint.json.
    Config config;
    if (!no_config) {
      std::string path = config_path.empty() ? FindConfig(".") : config_path;
      if (!config_path.empty() && !std::filesystem::exists(config_path)) {
        err << "leadlint: configuration file '" << config_path << "' does not exist\n";
        return kExitUsage;
      }
      std::vector<Finding> errors;
      if (!path.empty() && !LoadConfig(path, &config, &errors)) {
        for (const Finding& f : errors) {
          err << f.path << ':' << f.line << ':' << f.column << ": error: " << f.message << " [config]\n";
          if (!f.excerpt.empty()) err << f.excerpt << "\n" << std::string(static_cast<size_t>(f.column - 1), ' ') << "^\n";
        }
        err << "leadlint: invalid configuration in '" << path << "'\n";
        return kExitUsage;
      }
    }
    if (config.profile && profile_opt->count() == 0) profile_name = *config.profile;
    if (config.fail_on && fail_on_opt->count() == 0) fail_on = *config.fail_on;
    if (config.max_file_size && max_file_opt->count() == 0) max_file_bytes = *config.max_file_size;
    if (config.max_depth && max_depth_opt->count() == 0) max_depth = *config.max_depth;
    for (const auto& [id, level] : config.rules) {
      Severity severity;
      if (level == "off") {
        options.rule_overrides[id] = std::nullopt;
      } else if (ParseSeverity(level, &severity)) {
        options.rule_overrides[id] = severity;
      }
    }
    options.discover.ignore.Add(config.base_dir, config.ignore);
    options.docs.source = !docs_source.empty() ? docs_source : config.docs_source;
    options.docs.translations = !docs_translations.empty() ? docs_translations : config.docs_translations;
    options.docs.history = !docs_history.empty() ? docs_history : config.docs_history;
    options.docs.use_git_history = !no_git_history && config.docs_git_history.value_or(true);
    options.docs.glossary = config.glossary;
    options.docs.root = !docs_root.empty() ? docs_root : config.docs_root;
    if (!options.docs.source.empty() && !std::filesystem::exists(options.docs.source)) {
      err << "leadlint: --docs-source '" << options.docs.source << "' does not exist\n";
      return kExitUsage;
    }
    if (!options.docs.root.empty() && !std::filesystem::is_directory(options.docs.root)) {
      err << "leadlint: --docs-root '" << options.docs.root << "' is not a folder\n";
      return kExitUsage;
    }
    if (options.docs.source.empty() && !options.docs.translations.empty()) {
      err << "leadlint: --docs-translations needs --docs-source (the English source they translate)\n";
      return kExitUsage;
    }
    for (const auto* list : {&options.docs.translations, &options.docs.history}) {
      for (const std::string& p : *list) {
        if (!std::filesystem::exists(p)) {
          err << "leadlint: '" << p << "' (--docs-translations or --docs-history) does not exist\n";
          return kExitUsage;
        }
      }
    }
    if (!docs_source.empty() && paths.empty()) options.paths.clear();
    options.discover.use_gitignore = !no_gitignore;
    options.stdin_name = stdin_filename;
    if (std::find(options.paths.begin(), options.paths.end(), "-") != options.paths.end()) {
      std::ostringstream in;
      in << std::cin.rdbuf();
      options.stdin_text = in.str();
    }
    if (!FindProfile(profile_name, &options.profile)) {
      err << "leadlint: unknown profile '" << profile_name
          << "'; expected cloud-partner-portal-2018, partner-center-2020 or partner-center-2022\n";
      return kExitUsage;
    }
    for (const std::string& id : only_rules) {
      if (FindRule(id) == nullptr) {
        err << "leadlint: unknown rule '" << id << "'";
        std::string suggestion = SuggestRule(id);
        if (!suggestion.empty()) err << "; did you mean '" << suggestion << "'?";
        err << "\n";
        return kExitUsage;
      }
      options.only_rules.insert(id);
    }
    options.jobs = jobs;
    if (!shard.empty()) {
      int k = 0;
      int n = 0;
      char slash = 0;
      std::istringstream in(shard);
      if (!(in >> k >> slash >> n) || slash != '/' || n < 1 || k < 1 || k > n || !in.eof()) {
        err << "leadlint: --shard must be K/N with 1 <= K <= N; got '" << shard << "'\n";
        return kExitUsage;
      }
      options.shard_index = k - 1;
      options.shard_count = n;
    }
    options.limits.max_file_bytes = max_file_bytes;
    options.limits.max_json_depth = max_depth;

    // Pair each --output with the --format before it (in command-line order);
    // a --format without an --output goes to standard output.
    std::vector<std::pair<std::string, std::string>> sinks;  // (format, file or "")
    {
      size_t next_format = 0;
      size_t next_output = 0;
      for (const CLI::Option* opt : check->parse_order()) {
        if (opt->get_name() == "--format" && next_format < formats.size()) {
          sinks.emplace_back(formats[next_format++], "");
        } else if (opt->get_name() == "--output" && next_output < outputs.size()) {
          if (sinks.empty() || !sinks.back().second.empty()) sinks.emplace_back("text", "");
          sinks.back().second = outputs[next_output++];
        }
      }
      if (sinks.empty()) sinks.emplace_back("text", "");
      size_t to_stdout = 0;
      for (const auto& sink : sinks) to_stdout += sink.second.empty();
      if (to_stdout > 1) {
        err << "leadlint: only one --format may go to standard output; give the others an --output FILE "
               "right after them\n";
        return kExitUsage;
      }
    }
    RunResult result = RunCheck(options);
    if (!write_baseline_path.empty()) {
      std::ofstream baseline(write_baseline_path, std::ios::binary | std::ios::trunc);
      WriteBaseline(result.findings, baseline);
      if (!baseline.flush()) {
        err << "leadlint: cannot write '" << write_baseline_path << "'\n";
        return kExitUsage;
      }
      out << "leadlint: wrote " << result.findings.size() << " finding" << (result.findings.size() == 1 ? "" : "s")
          << " to the baseline '" << write_baseline_path << "'\n";
      return kExitClean;
    }
    if (!baseline_path.empty()) {
      size_t removed = 0;
      std::string error;
      if (!ApplyBaseline(baseline_path, &result.findings, &removed, &error)) {
        err << "leadlint: " << error << "\n";
        return kExitUsage;
      }
      result.baselined = static_cast<int>(removed);
      RecomputeVerdicts(&result);
    }
    if (quiet) {
      std::vector<Finding> errors_only;
      for (Finding& f : result.findings) {
        if (f.severity == Severity::kError) errors_only.push_back(std::move(f));
      }
      result.findings = std::move(errors_only);
    }

    ReportOptions report;
    report.profile = std::string(options.profile.name);
    report.version = LEADLINT_VERSION;
    if (options.shard_count > 1) {
      report.shard_index = options.shard_index + 1;
      report.shard_count = options.shard_count;
    }
    std::error_code cwd_error;
    report.working_directory = std::filesystem::current_path(cwd_error).string();
    const char* no_color = std::getenv("NO_COLOR");
    for (const auto& [format, path] : sinks) {
      const bool to_stdout = path.empty();
      std::ofstream file;
      std::ostream* sink = &out;
      if (!to_stdout) {
        file.open(path, std::ios::binary | std::ios::trunc);
        if (!file) {
          err << "leadlint: cannot write '" << path << "'\n";
          return kExitUsage;
        }
        sink = &file;
      }
      report.color = color == "always" || (color == "auto" && to_stdout && &out == &std::cout &&
                                           isatty(STDOUT_FILENO) != 0 && (no_color == nullptr || no_color[0] == '\0'));
      WriteReport(format, result, report, *sink);
      sink->flush();
      if (!*sink) {
        err << "leadlint: failed writing the " << format << " report\n";
        return kExitInternal;
      }
    }
    if (fail_on == "none") return kExitClean;
    Severity threshold = Severity::kError;
    ParseSeverity(fail_on, &threshold);
    for (const Finding& f : result.findings) {
      if (f.severity >= threshold) return kExitFindings;
    }
    return kExitClean;
  } catch (const std::exception& e) {
    err << "leadlint: internal error: " << e.what() << "\n";
    return kExitInternal;
  } catch (...) {
    err << "leadlint: internal error\n";
    return kExitInternal;
  }
}

}  // namespace leadlint::cli
