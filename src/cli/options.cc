#include "cli/options.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <filesystem>

#include "base/suggest.h"
#include "report/report.h"

namespace leadlint::cli {
namespace {

namespace fs = std::filesystem;

// The options of `check` that take a value. Repeatable ones take one value per
// occurrence; `commas` ones also take a comma-separated list.
struct ValueOption {
  const char* name;
  const char* alias;
  bool repeatable;
  bool commas;
};
constexpr ValueOption kValueOptions[] = {
    {"--format", "-f", true, false},
    {"--output", "-o", true, false},
    {"--fail-on", nullptr, false, false},
    {"--profile", nullptr, false, false},
    {"--jobs", "-j", false, false},
    {"--color", nullptr, false, false},
    {"--rule", nullptr, true, true},
    {"--max-file-size", nullptr, false, false},
    {"--config", "-c", false, false},
    {"--baseline", nullptr, false, false},
    {"--write-baseline", nullptr, false, false},
    {"--stdin-filename", nullptr, false, false},
    {"--docs-source", nullptr, false, false},
    {"--docs-translations", nullptr, true, true},
    {"--docs-history", nullptr, true, true},
    {"--shard", nullptr, false, false},
    {"--max-depth", nullptr, false, false},
};

// The subcommands, for "did you mean" on a mistyped one.
const std::vector<std::string_view>& CommandNames() {
  static const std::vector<std::string_view> names = {"check", "rules",   "explain", "version",
                                                      "merge", "extract", "init",    "lsp"};
  return names;
}

// An option that takes one PATH per occurrence, or a comma list.
void AddPathList(CLI::App* check, const std::string& name, std::vector<std::string>* values,
                 const std::string& description) {
  check->add_option(name, *values, description)
      ->allow_extra_args(false)
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->delimiter(',')
      ->type_name("PATH");
}

// The doc-set options of `check`.
void AddDocsOptions(CLI::App* check, CheckArgs* args) {
  check
      ->add_option("--docs-source", args->docs_source,
                   "the English source of a doc set: a file (Markdown files among the paths are its translations) "
                   "or a folder tree")
      ->type_name("PATH");
  AddPathList(check, "--docs-translations", &args->docs_translations,
              "translated files, or trees with the same relative paths as --docs-source (repeatable, or a "
              "comma list)");
  AddPathList(check, "--docs-history", &args->docs_history,
              "a folder of older versions of the source, to tell which one a translation was made from "
              "(repeatable, or a comma list)");
  check->add_flag("--no-git-history", args->no_git_history,
                  "do not use git (older source versions; files a sparse checkout left out)");
  check
      ->add_option("--docs-root", args->docs_root,
                   "the checked docs tree: a missing link target outside it is a 'not verified' note, not an error")
      ->type_name("PATH");
}

void AddCheckCommand(CLI::App& app, CheckArgs* args) {
  CLI::App* check = app.add_subcommand(
      "check", "check offer manifests and localized lead-sharing docs (files and folders, recursive)");
  args->command = check;
  check->add_option("paths", args->paths, "files or folders to check (default: the current folder)")->type_name("PATH");
  check
      ->add_option(
          "-f,--format", args->formats,
          "output format: text, json, sarif, junit, github, markdown, html (repeatable; pair each with --output)")
      ->check(CLI::IsMember(ReportFormats()))
      ->allow_extra_args(false)
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  check
      ->add_option("-o,--output", args->outputs,
                   "write the report of the --format before it to FILE instead of standard output (repeatable)")
      ->allow_extra_args(false)
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->type_name("FILE");
  args->fail_on_opt =
      check->add_option("--fail-on", args->fail_on, "lowest severity that makes the exit code 1 (none: never)")
          ->check(CLI::IsMember({"error", "warning", "note", "none"}));
  args->profile_opt = check->add_option("--profile", args->profile_name,
                                        "dated rule profile: cloud-partner-portal-2018, partner-center-2020, "
                                        "partner-center-2022, partner-center-2025 (default)");
  check->add_option("-j,--jobs", args->jobs, "files checked in parallel (default: number of cores)")
      ->check(CLI::Range(0, 1024));
  check->add_option("--color", args->color, "colour in text output (NO_COLOR disables auto)")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  check->add_option("--rule", args->only_rules, "run only this rule (repeatable, or a comma list: --rule A,B)")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->allow_extra_args(false)
      ->delimiter(',')
      ->type_name("ID");
  args->max_file_opt =
      check->add_option("--max-file-size", args->max_file_bytes, "largest file checked, in bytes (default 8 MiB)");
  check
      ->add_option("-c,--config", args->config_path,
                   "use this leadlint.json (default: the nearest one upward from the current folder)")
      ->type_name("FILE");
  check->add_flag("--no-config", args->no_config, "ignore any leadlint.json");
  check->add_flag("--no-gitignore", args->no_gitignore, "check files that .gitignore files exclude");
  check->add_option("--baseline", args->baseline_path, "report only findings that are not in this baseline file")
      ->type_name("FILE");
  check
      ->add_option("--write-baseline", args->write_baseline_path,
                   "record every current finding in FILE (dropping stale entries) and exit 0")
      ->type_name("FILE");
  check->add_flag("--fix", args->fix, "apply the safe fixes to the files, then report what is left");
  check->add_flag("--unsafe-fixes", args->unsafe_fixes, "with --fix or --diff, apply the unsafe fixes too");
  check->add_flag("--diff", args->diff,
                  "print a unified diff of what --fix would change and write nothing (exit 1 if any)");
  check->add_flag("--allow-empty", args->allow_empty,
                  "accept a run that checks no manifest and no doc (by default it exits 2, naming what was skipped)");
  check->add_option("--stdin-filename", args->stdin_filename, "the name to report for '-' (standard input)");
  check->add_flag("-q,--quiet", args->quiet, "report errors only");
  AddDocsOptions(check, args);
  check->add_option("--shard", args->shard,
                    "check only shard K of N (K/N, 1-based; by folder for manifests, by source for docs); combine "
                    "the shards' reports with 'leadlint merge'");
  args->max_depth_opt = check->add_option("--max-depth", args->max_depth, "deepest JSON nesting accepted (default 256)")
                            ->check(CLI::Range(1, 10000));
}

void AddRulesCommand(CLI::App& app, RulesArgs* args) {
  args->command = app.add_subcommand("rules", "list every rule with its default severity");
  args->command->add_option("-f,--format", args->format, "text or json")->check(CLI::IsMember({"text", "json"}));
}

void AddExplainCommand(CLI::App& app, ExplainArgs* args) {
  args->command = app.add_subcommand("explain", "show a rule's documentation");
  args->command->add_option("id", args->id, "rule id, e.g. leads-missing-destination (any case)")->required();
}

void AddMergeCommand(CLI::App& app, MergeArgs* args) {
  CLI::App* merge = app.add_subcommand("merge", "combine the JSON or SARIF reports of --shard runs into one report");
  args->command = merge;
  merge->add_option("reports", args->inputs, "the shards' reports")->required();
  args->format_opt = merge->add_option("-f,--format", args->format, "json or sarif (the format of the inputs)")
                         ->check(CLI::IsMember({"json", "sarif"}));
  merge->add_option("-o,--output", args->output, "write the merged report to FILE");
}

void AddExtractCommand(CLI::App& app, ExtractArgs* args) {
  CLI::App* extract = app.add_subcommand(
      "extract", "print the storefront rule tables of a lead-sharing doc (any locale) as JSON, with canonical terms");
  args->command = extract;
  extract->add_option("doc", args->path, "the Markdown document")->required();
  extract->add_option("--source", args->source,
                      "the English source to align a translation with (default: the built-in tables of the seed)");
}

// A mistyped command: say which one was meant instead of "a subcommand is required".
std::string UnknownCommandError(int argc, char** argv) {
  if (argc <= 1 || argv[1][0] == '-') return "";
  const std::string word = argv[1];
  const auto& names = CommandNames();
  if (std::find(names.begin(), names.end(), word) != names.end()) return "";
  const std::string suggestion = Nearest(word, names, 3);
  std::string msg = "leadlint: unknown command '" + word + "'";
  if (!suggestion.empty()) msg += "; did you mean '" + suggestion + "'?";
  return msg + " (run 'leadlint --help' for the commands)\n";
}

// `--format json,sarif`: each format needs its own --output, so there is no
// comma list; say how to write several reports.
std::string FormatListError(int argc, char** argv) {
  if (argc <= 1 || std::string(argv[1]) != "check") return "";
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--") break;
    std::string value;
    if ((a == "--format" || a == "-f") && i + 1 < argc) value = argv[i + 1];
    if (a.rfind("--format=", 0) == 0) value = a.substr(9);
    if (value.find(',') != std::string::npos) {
      return "leadlint: --format takes one format per occurrence ('" + value +
             "'); repeat it, each with its own --output FILE: '--format json --output report.json --format sarif "
             "--output report.sarif'\n";
    }
  }
  return "";
}

// The value option `args[i]` names, with its value and the index after it;
// nullptr when `args[i]` is not one or its value is missing.
const ValueOption* ValueOptionAt(const std::vector<std::string>& args, size_t i, std::string* value, size_t* next) {
  const std::string& a = args[i];
  for (const ValueOption& o : kValueOptions) {
    const std::string name = o.name;
    if (a == name || (o.alias != nullptr && a == o.alias)) {
      if (i + 1 >= args.size()) return nullptr;
      *value = args[i + 1];
      *next = i + 2;
      return &o;
    }
    if (a.rfind(name + "=", 0) == 0) {
      *value = a.substr(name.size() + 1);
      *next = i + 1;
      return &o;
    }
  }
  return nullptr;
}

// The error for `word` after `given` (an option and its value), which is a file
// or folder when `exists`.
std::string StrayWordMessage(const ValueOption& opt, const std::string& value, const std::string& word, bool exists) {
  const std::string given = std::string(opt.name) + " " + value;
  std::string how;
  if (opt.repeatable) {
    how = "repeat the option ('" + given + " " + opt.name + " " + word + "')";
    if (opt.commas) how += " or separate the values with commas ('" + given + "," + word + "')";
  }
  std::string msg = "leadlint: '" + word + "' after '" + given + "' ";
  if (exists) {
    msg += "would be checked as a path of its own: '" + std::string(opt.name) + "' takes one value per occurrence; " +
           how + ", or put the paths to check before the options or after '--'";
  } else {
    msg += "is not a file or folder to check: '" + std::string(opt.name) + "' takes one value per occurrence; " + how;
  }
  return msg;
}

// A word right after an option's value is a path to check. When it is not a
// file or folder (`--rule A B`), or when it follows a doc-set path (where it
// would silently become a doc of its own), that is a usage error that says
// how to give several values.
std::string StrayWordIn(const std::vector<std::string>& args) {
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--") break;
    std::string value;
    size_t next = 0;
    const ValueOption* opt = ValueOptionAt(args, i, &value, &next);
    if (opt == nullptr || next >= args.size()) continue;
    const std::string& word = args[next];
    if (word.empty() || word[0] == '-') continue;  // an option, `-` or `--`
    // Only a repeatable option's value can be followed by a second value; after
    // another option a missing path stays a finding of the run.
    if (!opt->repeatable) continue;
    std::error_code ec;
    const bool exists = fs::exists(fs::symlink_status(word, ec));
    const bool doc_set = std::string(opt->name) == "--docs-translations" || std::string(opt->name) == "--docs-history";
    if (exists && !doc_set) continue;
    return StrayWordMessage(*opt, value, word, exists);
  }
  return "";
}

}  // namespace

std::unique_ptr<CLI::App> MakeApp(CommandArgs* args) {
  auto app = std::make_unique<CLI::App>(
      "leadlint: checks marketplace offer lead settings against storefront rules, and the localized docs that state "
      "those rules",
      "leadlint");
  app->require_subcommand(1);
  app->set_version_flag("-V,--version", std::string("leadlint ") + LEADLINT_VERSION, "print the version and exit");
  app->footer(
      "Exit codes: 0 no findings at or above --fail-on, 1 findings, 2 usage or configuration error, 3 internal "
      "error.\nRun 'leadlint <command> --help' for a command's options.");
  AddCheckCommand(*app, &args->check);
  AddRulesCommand(*app, &args->rules);
  AddExplainCommand(*app, &args->explain);
  args->version = app->add_subcommand("version", "print the version (also: leadlint --version, -V)");
  args->lsp = app->add_subcommand(
      "lsp", "serve the Language Server Protocol on standard input and output (for editors; see docs/editors.md)");
  AddMergeCommand(*app, &args->merge);
  AddExtractCommand(*app, &args->extract);
  args->init =
      app->add_subcommand("init", "write a starter leadlint.json in the current folder (never overwrites one)");
  return app;
}

bool WasGiven(const CLI::Option* option) { return option->count() != 0; }

std::string PreParseError(int argc, char** argv) {
  std::string error = UnknownCommandError(argc, argv);
  return error.empty() ? FormatListError(argc, argv) : error;
}

std::string StrayWordError(int argc, char** argv) {
  std::vector<std::string> args;
  bool after_command = false;
  for (int i = 1; i < argc; ++i) {
    if (after_command) args.emplace_back(argv[i]);
    if (std::string(argv[i]) == "check") after_command = true;
  }
  return StrayWordIn(args);
}

std::vector<std::pair<std::string, std::string>> ReportSinks(const CheckArgs& args) {
  std::vector<std::pair<std::string, std::string>> sinks;
  size_t next_format = 0;
  size_t next_output = 0;
  for (const CLI::Option* opt : args.command->parse_order()) {
    if (opt->get_name() == "--format" && next_format < args.formats.size()) {
      sinks.emplace_back(args.formats[next_format++], "");
    } else if (opt->get_name() == "--output" && next_output < args.outputs.size()) {
      if (sinks.empty() || !sinks.back().second.empty()) sinks.emplace_back("text", "");
      sinks.back().second = args.outputs[next_output++];
    }
  }
  if (sinks.empty()) sinks.emplace_back("text", "");
  return sinks;
}

}  // namespace leadlint::cli
