// Argument parsing with CLI11 and the sub-commands. Sub-commands live in one
// table-like block so `--help` lists them all; unknown rule ids, commands and
// profiles get a "did you mean" suggestion. An option takes one value per
// occurrence (repeat it, or list values with commas); a word after an option's
// value that is not a file or folder is a usage error, never a silent path.
#include "cli/cli.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "base/suggest.h"
#include "cli/fix_command.h"
#include "cli/output_file.h"
#include "engine/baseline.h"
#include "engine/config.h"
#include "lsp/server.h"
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
  for (const Rule& r : AllRules()) width = std::max(width, r.id.size());
  for (const Rule& r : AllRules()) {
    std::string sev(SeverityName(r.severity));
    out << r.id << std::string(width - r.id.size() + 2, ' ') << sev << std::string(9 - sev.size(), ' ') << r.summary
        << "\n";
  }
  return kExitClean;
}

int CmdExplain(const std::string& written, std::ostream& out, std::ostream& err) {
  const std::string id = AsciiLower(written);
  const Rule* rule = FindRule(id);
  if (rule == nullptr) {
    err << "leadlint: unknown rule '" << written << "'";
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
  if (doc->rule_tables.size() == 4) return kExitClean;
  // Say why the JSON holds fewer tables than a lead-sharing page has.
  std::string found;
  std::string missing;
  for (const char* kind : {"audience", "campaign", "listing", "leads"}) {
    bool present = false;
    for (const RuleTable& t : doc->rule_tables) present = present || t.kind == kind;
    std::string name(kind);
    name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
    (present ? found : missing) += (present ? found : missing).empty() ? name : ", " + name;
  }
  err << "leadlint: '" << path << "' ";
  if (doc->rule_tables.empty()) {
    err << "has no storefront rule tables";
  } else {
    err << "has " << doc->rule_tables.size() << " storefront rule table" << (doc->rule_tables.size() == 1 ? "" : "s")
        << (found.empty() ? "" : " (" + found + ")") << (missing.empty() ? "" : "; missing: " + missing);
  }
  err << ": a lead-sharing page has 4 (Audience, Campaign, Listing, Leads), each a table of 2 columns whose first, "
         "Storefront, names AppSource and Azure Marketplace\n";
  return kExitFindings;
}

namespace fs = std::filesystem;

// `leadlint init`: a starter leadlint.json. JSON has no comments, so the notes
// are a "$comment" list, which the configuration schema accepts and ignores.
constexpr const char* kStarterConfig = R"({
  "$schema": "https://leadlint.dev/schemas/config.schema.json",
  "$comment": [
    "leadlint configuration: every key is optional; see docs/configuration.md",
    "profile: the dated rule profile (leave it out for the newest), e.g. \"profile\": \"partner-center-2022\"",
    "failOn: the lowest severity that fails the run: error, warning, note or none",
    "rules: a severity per rule id (error, warning, note) or off; 'leadlint rules' lists the ids",
    "ignore: paths to leave out, in .gitignore syntax, relative to this file's folder",
    "docs: a doc set, e.g. \"docs\": {\"source\": \"azure-docs\", \"translations\": [\"azure-docs.de-de\"]}"
  ],
  "failOn": "error",
  "rules": {},
  "ignore": []
}
)";

int CmdInit(std::ostream& out, std::ostream& err) {
  const std::string path = "leadlint.json";
  std::error_code ec;
  if (fs::exists(path, ec)) {
    err << "leadlint: 'leadlint.json' already exists here; leadlint init never overwrites it\n";
    return kExitUsage;
  }
  // Exclusive create: never replace a file that appeared meanwhile.
  FILE* f = std::fopen(path.c_str(), "wx");
  if (f == nullptr) {
    err << "leadlint: cannot write 'leadlint.json': " << std::strerror(errno) << "\n";
    return kExitUsage;
  }
  const std::string text = kStarterConfig;
  const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  if (std::fclose(f) != 0 || !ok) {
    err << "leadlint: cannot write 'leadlint.json'\n";
    return kExitUsage;
  }
  out << "leadlint: wrote a starter configuration to 'leadlint.json'";
  std::string above = FindConfig("..");
  if (!above.empty()) out << "; it replaces '" << above << "' for runs from this folder";
  out << "\n";
  return kExitClean;
}

// The options of `check` that take a value. Repeatable ones take one value per
// occurrence; `commas` ones also take a comma-separated list.
struct ValueOption {
  const char* name;
  const char* alias;
  bool repeatable;
  bool commas;
};
constexpr ValueOption kValueOptions[] = {
    {"--format", "-f", true, false},        {"--output", "-o", true, false},
    {"--fail-on", nullptr, false, false},   {"--profile", nullptr, false, false},
    {"--jobs", "-j", false, false},         {"--color", nullptr, false, false},
    {"--rule", nullptr, true, true},        {"--max-file-size", nullptr, false, false},
    {"--config", "-c", false, false},       {"--baseline", nullptr, false, false},
    {"--write-baseline", nullptr, false, false}, {"--stdin-filename", nullptr, false, false},
    {"--docs-source", nullptr, false, false},    {"--docs-translations", nullptr, true, true},
    {"--docs-history", nullptr, true, true},     {"--shard", nullptr, false, false},
    {"--max-depth", nullptr, false, false},
};

// A word right after an option's value is a path to check. When it is not a
// file or folder (`--rule A B`), or when it follows a doc-set path (where it
// would silently become a doc of its own), that is a usage error that says
// how to give several values.
std::string StrayWordError(const std::vector<std::string>& args) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--") break;
    const ValueOption* opt = nullptr;
    std::string value;
    size_t next = 0;
    for (const ValueOption& o : kValueOptions) {
      const std::string name = o.name;
      if (a == name || (o.alias != nullptr && a == o.alias)) {
        if (i + 1 < args.size()) {
          opt = &o;
          value = args[i + 1];
          next = i + 2;
        }
        break;
      }
      if (a.rfind(name + "=", 0) == 0) {
        opt = &o;
        value = a.substr(name.size() + 1);
        next = i + 1;
        break;
      }
    }
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
    const std::string given = std::string(opt->name) + " " + value;
    std::string how;
    if (opt->repeatable) {
      how = "repeat the option ('" + given + " " + opt->name + " " + word + "')";
      if (opt->commas) how += " or separate the values with commas ('" + given + "," + word + "')";
    }
    std::string msg = "leadlint: '" + word + "' after '" + given + "' ";
    if (exists) {
      msg += "would be checked as a path of its own: '" + std::string(opt->name) + "' takes one value per occurrence; " +
             how + ", or put the paths to check before the options or after '--'";
    } else {
      msg += "is not a file or folder to check: '" + std::string(opt->name) + "' takes one value per occurrence; " + how;
    }
    return msg;
  }
  return "";
}

// The subcommands, for "did you mean" on a mistyped one.
const std::vector<std::string_view>& CommandNames() {
  static const std::vector<std::string_view> names = {"check", "rules", "explain", "version", "merge", "extract", "init", "lsp"};
  return names;
}

// Merge inputs that are SARIF logs while `--format json` (the default) is in
// effect: the user forgot `--format sarif`.
bool LooksLikeSarif(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char buffer[4096];
  in.read(buffer, sizeof buffer);
  std::string head(buffer, static_cast<size_t>(in.gcount()));
  return head.find("\"runs\"") != std::string::npos || head.find("sarif-schema") != std::string::npos;
}

}  // namespace

int Run(int argc, char** argv) { return Run(argc, argv, std::cout, std::cerr); }

int Run(int argc, char** argv, std::ostream& out, std::ostream& err) {
  CLI::App app{"leadlint: checks marketplace offer lead settings against storefront rules, and the localized docs that state those rules", "leadlint"};
  app.require_subcommand(1);
  app.set_version_flag("-V,--version", std::string("leadlint ") + LEADLINT_VERSION, "print the version and exit");
  app.footer(
      "Exit codes: 0 no findings at or above --fail-on, 1 findings, 2 usage or configuration error, 3 internal "
      "error.\nRun 'leadlint <command> --help' for a command's options.");

  // A mistyped command: say which one was meant instead of "a subcommand is required".
  if (argc > 1 && argv[1][0] != '-') {
    const std::string word = argv[1];
    const auto& names = CommandNames();
    if (std::find(names.begin(), names.end(), word) == names.end()) {
      const std::string suggestion = Nearest(word, names, 3);
      err << "leadlint: unknown command '" << word << "'";
      if (!suggestion.empty()) err << "; did you mean '" << suggestion << "'?";
      err << " (run 'leadlint --help' for the commands)\n";
      return kExitUsage;
    }
  }

  // `--format json,sarif`: each format needs its own --output, so there is no
  // comma list; say how to write several reports.
  if (argc > 1 && std::string(argv[1]) == "check") {
    for (int i = 2; i < argc; ++i) {
      const std::string a = argv[i];
      if (a == "--") break;
      std::string value;
      if ((a == "--format" || a == "-f") && i + 1 < argc) value = argv[i + 1];
      if (a.rfind("--format=", 0) == 0) value = a.substr(9);
      if (value.find(',') != std::string::npos) {
        err << "leadlint: --format takes one format per occurrence ('" << value
            << "'); repeat it, each with its own --output FILE: '--format json --output report.json --format sarif "
               "--output report.sarif'\n";
        return kExitUsage;
      }
    }
  }

  std::vector<std::string> paths;
  std::vector<std::string> formats;
  std::vector<std::string> outputs;
  std::string fail_on = "error";
  std::string profile_name = "partner-center-2025";
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
  check->add_option("paths", paths, "files or folders to check (default: the current folder)")
      ->type_name("PATH");
  check->add_option("-f,--format", formats,
                    "output format: text, json, sarif, junit, github, markdown, html (repeatable; pair each with --output)")
      ->check(CLI::IsMember(ReportFormats()))
      ->allow_extra_args(false)
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  check->add_option("-o,--output", outputs,
                    "write the report of the --format before it to FILE instead of standard output (repeatable)")
      ->allow_extra_args(false)
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->type_name("FILE");
  check->add_option("--fail-on", fail_on, "lowest severity that makes the exit code 1 (none: never)")
      ->check(CLI::IsMember({"error", "warning", "note", "none"}));
  check->add_option("--profile", profile_name,
                    "dated rule profile: cloud-partner-portal-2018, partner-center-2020, partner-center-2022, partner-center-2025 (default)");
  check->add_option("-j,--jobs", jobs, "files checked in parallel (default: number of cores)")
      ->check(CLI::Range(0, 1024));
  check->add_option("--color", color, "colour in text output (NO_COLOR disables auto)")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  check->add_option("--rule", only_rules, "run only this rule (repeatable, or a comma list: --rule A,B)")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->allow_extra_args(false)
      ->delimiter(',')
      ->type_name("ID");
  CLI::Option* max_file_opt =
      check->add_option("--max-file-size", max_file_bytes, "largest file checked, in bytes (default 8 MiB)");
  check->add_option("-c,--config", config_path, "use this leadlint.json (default: the nearest one upward from the current folder)")
      ->type_name("FILE");
  check->add_flag("--no-config", no_config, "ignore any leadlint.json");
  check->add_flag("--no-gitignore", no_gitignore, "check files that .gitignore files exclude");
  check->add_option("--baseline", baseline_path, "report only findings that are not in this baseline file")
      ->type_name("FILE");
  check->add_option("--write-baseline", write_baseline_path,
                    "record every current finding in FILE (dropping stale entries) and exit 0")
      ->type_name("FILE");
  bool fix = false;
  bool unsafe_fixes = false;
  bool diff = false;
  check->add_flag("--fix", fix, "apply the safe fixes to the files, then report what is left");
  check->add_flag("--unsafe-fixes", unsafe_fixes, "with --fix or --diff, apply the unsafe fixes too");
  check->add_flag("--diff", diff, "print a unified diff of what --fix would change and write nothing (exit 1 if any)");
  bool allow_empty = false;
  check->add_flag("--allow-empty", allow_empty,
                  "accept a run that checks no manifest and no doc (by default it exits 2, naming what was skipped)");
  check->add_option("--stdin-filename", stdin_filename, "the name to report for '-' (standard input)");
  check->add_flag("-q,--quiet", quiet, "report errors only");
  check->add_option("--docs-source", docs_source,
                    "the English source of a doc set: a file (Markdown files among the paths are its translations) "
                    "or a folder tree")
      ->type_name("PATH");
  check->add_option("--docs-translations", docs_translations,
                    "translated files, or trees with the same relative paths as --docs-source (repeatable, or a "
                    "comma list)")
      ->allow_extra_args(false)
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->delimiter(',')
      ->type_name("PATH");
  check->add_option("--docs-history", docs_history,
                    "a folder of older versions of the source, to tell which one a translation was made from "
                    "(repeatable, or a comma list)")
      ->allow_extra_args(false)
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->delimiter(',')
      ->type_name("PATH");
  check->add_flag("--no-git-history", no_git_history,
                  "do not use git (older source versions; files a sparse checkout left out)");
  std::string docs_root;
  check->add_option("--docs-root", docs_root,
                    "the checked docs tree: a missing link target outside it is a 'not verified' note, not an error")
      ->type_name("PATH");
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
  explain->add_option("id", explain_id, "rule id, e.g. leads-missing-destination (any case)")->required();
  CLI::App* version = app.add_subcommand("version", "print the version (also: leadlint --version, -V)");
  CLI::App* lsp_command = app.add_subcommand(
      "lsp", "serve the Language Server Protocol on standard input and output (for editors; see docs/editors.md)");
  std::string merge_format = "json";
  std::string merge_output;
  std::vector<std::string> merge_inputs;
  CLI::App* merge = app.add_subcommand("merge", "combine the JSON or SARIF reports of --shard runs into one report");
  merge->add_option("reports", merge_inputs, "the shards' reports")->required();
  CLI::Option* merge_format_opt = merge->add_option("-f,--format", merge_format, "json or sarif (the format of the inputs)")
      ->check(CLI::IsMember({"json", "sarif"}));
  merge->add_option("-o,--output", merge_output, "write the merged report to FILE");
  std::string extract_path;
  std::string extract_source;
  CLI::App* extract = app.add_subcommand(
      "extract", "print the storefront rule tables of a lead-sharing doc (any locale) as JSON, with canonical terms");
  extract->add_option("doc", extract_path, "the Markdown document")->required();
  extract->add_option("--source", extract_source,
                      "the English source to align a translation with (default: the built-in tables of the seed)");
  CLI::App* init = app.add_subcommand("init", "write a starter leadlint.json in the current folder (never overwrites one)");

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
    if (*lsp_command) return lsp::RunServer(std::cin, out, err);
    if (*rules) return CmdRules(out, rules_format);
    if (*explain) return CmdExplain(explain_id, out, err);
    if (*extract) return CmdExtract(extract_path, extract_source, out, err);
    if (*init) return CmdInit(out, err);
    if (*merge) {
      if (merge_format_opt->count() == 0) {
        for (const std::string& input : merge_inputs) {
          if (LooksLikeSarif(input)) {
            err << "leadlint: '" << input << "' is a SARIF log; merge SARIF reports with 'leadlint merge --format sarif'\n";
            return kExitUsage;
          }
        }
      }
      std::unique_ptr<AtomicFile> file;
      std::ostream* sink = &out;
      if (!merge_output.empty()) {
        RunInputs inputs;
        inputs.files = merge_inputs;
        std::string collision = InputCollision(merge_output, inputs);
        if (!collision.empty()) {
          err << "leadlint: refusing to write the merged report to '" << merge_output << "': it is " << collision
              << "; write it elsewhere\n";
          return kExitUsage;
        }
        file = std::make_unique<AtomicFile>(merge_output);
        std::string error;
        if (!file->Open(&error)) {
          err << "leadlint: " << error << "\n";
          return kExitUsage;
        }
        sink = &file->stream();
      }
      std::string error;
      size_t results = 0;
      if (!MergeReports(merge_format, merge_inputs, *sink, &error, &results)) {
        err << "leadlint: " << error << "\n";
        return kExitUsage;
      }
      if (file != nullptr && !file->Commit(&error)) {
        err << "leadlint: " << error << "\n";
        return kExitUsage;
      }
      if (merge_format == "sarif" && results > kSarifResultLimit) {
        err << "leadlint: warning: " << SarifLimitMessage(results) << "\n";
      }
      return kExitClean;
    }

    // A word after an option's value that was meant as a second value.
    {
      std::vector<std::string> args;
      bool after_command = false;
      for (int i = 1; i < argc; ++i) {
        if (after_command) args.emplace_back(argv[i]);
        if (std::string(argv[i]) == "check") after_command = true;
      }
      std::string stray = StrayWordError(args);
      if (!stray.empty()) {
        err << stray << "\n";
        return kExitUsage;
      }
    }

    RunOptions options;
    options.paths = paths.empty() ? std::vector<std::string>{"."} : paths;

    // Configuration: command-line options win over leadlint.json.
    Config config;
    std::string config_in_use;
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
      config_in_use = path;
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
          err << "leadlint: '" << p << "' (" << (list == &options.docs.translations ? "--docs-translations" : "--docs-history")
              << ") does not exist\n";
          return kExitUsage;
        }
      }
    }
    if (!docs_source.empty() && paths.empty()) options.paths.clear();
    options.discover.use_gitignore = !no_gitignore;
    options.stdin_name = stdin_filename;
    if (!FindProfile(profile_name, &options.profile)) {
      err << "leadlint: unknown profile '" << profile_name << "'";
      std::vector<std::string_view> names;
      for (const Profile& p : AllProfiles()) names.push_back(p.name);
      std::string suggestion = Nearest(profile_name, names, 5);
      if (!suggestion.empty()) err << "; did you mean '" << suggestion << "'?";
      err << " (expected cloud-partner-portal-2018, partner-center-2020, partner-center-2022 or partner-center-2025)\n";
      return kExitUsage;
    }
    for (const std::string& written : only_rules) {
      const std::string id = AsciiLower(written);
      if (FindRule(id) == nullptr) {
        err << "leadlint: unknown rule '" << written << "'";
        std::string suggestion = SuggestRule(id);
        if (!suggestion.empty()) err << "; did you mean '" << suggestion << "'?";
        err << " (run 'leadlint rules' for the list)\n";
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

    // Never write onto what the run reads, nor twice to one file.
    {
      RunInputs inputs;
      inputs.paths = options.paths;
      if (!options.docs.source.empty()) inputs.paths.push_back(options.docs.source);
      for (const std::string& p : options.docs.translations) inputs.paths.push_back(p);
      for (const std::string& p : options.docs.history) inputs.paths.push_back(p);
      inputs.files.push_back(config_in_use);
      std::vector<std::pair<std::string, std::string>> targets;  // (option, file)
      for (const auto& sink : sinks) {
        if (!sink.second.empty()) targets.emplace_back("--output", sink.second);
      }
      if (!write_baseline_path.empty()) targets.emplace_back("--write-baseline", write_baseline_path);
      for (size_t i = 0; i < targets.size(); ++i) {
        const auto& [option, target] = targets[i];
        RunInputs these = inputs;
        // --write-baseline may replace the baseline it updates; a report may not.
        if (option == "--output") these.files.push_back(baseline_path);
        std::string collision = InputCollision(target, these);
        if (!config_in_use.empty() && SameFile(target, config_in_use)) collision = "the configuration file in use";
        if (!collision.empty()) {
          err << "leadlint: refusing to write " << option << " '" << target << "': it is " << collision
              << "; write it elsewhere\n";
          return kExitUsage;
        }
        for (size_t j = 0; j < i; ++j) {
          if (SameFile(target, targets[j].second)) {
            err << "leadlint: " << targets[j].first << " and " << option << " both write '" << target
                << "'; give each its own file\n";
            return kExitUsage;
          }
        }
      }
    }

    if (std::find(options.paths.begin(), options.paths.end(), "-") != options.paths.end()) {
      std::ostringstream in;
      in << std::cin.rdbuf();
      options.stdin_text = in.str();
    }
    if ((fix || diff) && options.shard_count > 1) {
      err << "leadlint: --fix and --diff are never applied under --shard (a shard sees only part of an offer); "
             "run them without --shard\n";
      return kExitUsage;
    }
    if ((fix || diff) && !options.stdin_text.empty()) {
      err << "leadlint: --fix and --diff change files; standard input ('-') cannot be fixed\n";
      return kExitUsage;
    }
    if (unsafe_fixes && !fix && !diff) {
      err << "leadlint: --unsafe-fixes goes with --fix or --diff\n";
      return kExitUsage;
    }
    RunResult result = RunCheck(options);
    if (fix || diff) {
      FixSummary fixed = FixCheckedFiles(options, result, unsafe_fixes, diff, out, err);
      if (fixed.write_failed) return kExitUsage;
      if (diff) return fixed.files > 0 ? kExitFindings : kExitClean;
      err << "leadlint: fixed " << fixed.fixed << " problem" << (fixed.fixed == 1 ? "" : "s") << " in " << fixed.files
          << " file" << (fixed.files == 1 ? "" : "s") << "\n";
      if (fixed.fixed > 0) result = RunCheck(options);  // report what is left
    }
    // Fail closed: a gate that checked nothing must not pass (DESIGN §1d).
    // A shard may be left with nothing of its own while the other shards check the rest.
    const bool empty_run = result.files_checked == 0 && result.other_shard_files == 0 && !allow_empty &&
                           !config.allow_empty.value_or(false);
    auto report_empty_run = [&]() {
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
    };
    if (empty_run && !write_baseline_path.empty()) return report_empty_run();
    if (!write_baseline_path.empty()) {
      AtomicFile baseline(write_baseline_path);
      std::string error;
      if (!baseline.Open(&error)) {
        err << "leadlint: " << error << "\n";
        return kExitUsage;
      }
      WriteBaseline(result.findings, write_baseline_path, baseline.stream());
      if (!baseline.Commit(&error)) {
        err << "leadlint: " << error << "\n";
        return kExitUsage;
      }
      out << "leadlint: wrote " << result.findings.size() << " finding" << (result.findings.size() == 1 ? "" : "s")
          << " to the baseline '" << write_baseline_path << "'\n";
      return kExitClean;
    }
    if (!baseline_path.empty()) {
      BaselineOutcome outcome;
      std::string error;
      std::vector<std::string> checked;
      checked.reserve(result.checked.size());
      for (const PooledString& c : result.checked) checked.emplace_back(c.view());
      if (!ApplyBaseline(baseline_path, checked, &result.findings, &outcome, &error)) {
        err << "leadlint: " << error << "\n";
        return kExitUsage;
      }
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
            << " in the baseline '" << baseline_path << "'; drop " << (outcome.stale.size() == 1 ? "it" : "them") << " with --write-baseline '" << baseline_path
            << "'\n";
      }
      result.baselined = static_cast<int>(outcome.removed);
      result.baseline_applied = true;
      result.baseline_stale = static_cast<int>(outcome.stale.size());
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
      report.color = color == "always" || (color == "auto" && to_stdout && &out == &std::cout &&
                                           isatty(STDOUT_FILENO) != 0 && (no_color == nullptr || no_color[0] == '\0'));
      if (format == "sarif" && result.findings.size() > kSarifResultLimit) {
        err << "leadlint: warning: " << SarifLimitMessage(result.findings.size()) << "\n";
      }
      WriteReport(format, result, report, *sink);
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
    }
    if (empty_run) return report_empty_run();
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
