// The command line of leadlint: every command and option declared with CLI11
// (the --help texts of docs/usage.md), and the checks on the raw arguments that
// CLI11 cannot make. An option takes one value per occurrence (repeat it, or
// list values with commas); a word after an option's value that is not a file
// or folder is a usage error, never a silent path.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace leadlint::cli {

// Every option of `leadlint check`, with its default.
struct CheckArgs {
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
  bool fix = false;
  bool unsafe_fixes = false;
  bool diff = false;
  bool allow_empty = false;
  std::string stdin_filename = "<stdin>";
  bool quiet = false;
  std::string docs_source;
  std::vector<std::string> docs_translations;
  std::vector<std::string> docs_history;
  bool no_git_history = false;
  std::string docs_root;
  std::string shard;

  // The command, and the options whose value leadlint.json may give when the
  // command line does not (see WasGiven).
  CLI::App* command = nullptr;
  CLI::Option* profile_opt = nullptr;
  CLI::Option* fail_on_opt = nullptr;
  CLI::Option* max_file_opt = nullptr;
  CLI::Option* max_depth_opt = nullptr;
};

struct RulesArgs {
  std::string format = "text";
  CLI::App* command = nullptr;
};

struct ExplainArgs {
  std::string id;
  CLI::App* command = nullptr;
};

struct MergeArgs {
  std::string format = "json";
  std::string output;
  std::vector<std::string> inputs;
  CLI::App* command = nullptr;
  CLI::Option* format_opt = nullptr;
};

struct ExtractArgs {
  std::string path;
  std::string source;
  CLI::App* command = nullptr;
};

// The values of every command's options. CLI11 writes into these fields while
// parsing, so the object must stay where it was when the app was made.
struct CommandArgs {
  CheckArgs check;
  RulesArgs rules;
  ExplainArgs explain;
  MergeArgs merge;
  ExtractArgs extract;
  CLI::App* version = nullptr;
  CLI::App* lsp = nullptr;
  CLI::App* init = nullptr;
};

// The app with its commands in --help order, bound to `args`.
std::unique_ptr<CLI::App> MakeApp(CommandArgs* args);

// Whether `option` was given on the command line.
bool WasGiven(const CLI::Option* option);

// A usage error that the arguments show before parsing (a mistyped command,
// `check --format json,sarif`), with its newline; "" when there is none.
std::string PreParseError(int argc, char** argv);

// A word after a `check` option's value that was meant as a second value
// (`--rule A B`), without a newline; "" when there is none.
std::string StrayWordError(int argc, char** argv);

// The reports of `check`: each --output paired with the --format before it in
// command-line order, as (format, file); "" is standard output and a lone
// --output writes text. At least one.
std::vector<std::pair<std::string, std::string>> ReportSinks(const CheckArgs& args);

}  // namespace leadlint::cli
