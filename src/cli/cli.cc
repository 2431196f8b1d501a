// `leadlint`: the app of cli/options.h parsed, and the command it names run
// (cli/commands.h, cli/check_command.h). Unknown rule ids, commands and
// profiles get a "did you mean" suggestion.
#include "cli/cli.h"

#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>

#include "cli/check_command.h"
#include "cli/commands.h"
#include "cli/options.h"

namespace leadlint::cli {
namespace {

// Parses the command line into the app's arguments. The exit code when the
// command ends here: --help, --version or a usage error.
std::optional<int> Parse(CLI::App& app, int argc, char** argv, std::ostream& out, std::ostream& err) {
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    out << app.help();
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
  return std::nullopt;
}

// Runs the command the parsed command line names.
int Dispatch(const CommandArgs& args, int argc, char** argv, std::ostream& out, std::ostream& err) {
  if (*args.version) return CmdVersion(out);
  if (*args.lsp) return CmdLsp(out, err);
  if (*args.rules.command) return CmdRules(args.rules, out);
  if (*args.explain.command) return CmdExplain(args.explain, out, err);
  if (*args.extract.command) return CmdExtract(args.extract, out, err);
  if (*args.init) return CmdInit(out, err);
  if (*args.merge.command) return CmdMerge(args.merge, out, err);
  return CmdCheck(args.check, argc, argv, out, err);
}

}  // namespace

int Run(int argc, char** argv) { return Run(argc, argv, std::cout, std::cerr); }

int Run(int argc, char** argv, std::ostream& out, std::ostream& err) {
  CommandArgs args;
  const std::unique_ptr<CLI::App> app = MakeApp(&args);
  const std::string error = PreParseError(argc, argv);
  if (!error.empty()) {
    err << error;
    return kExitUsage;
  }
  if (std::optional<int> done = Parse(*app, argc, argv, out, err)) return *done;
  try {
    return Dispatch(args, argc, argv, out, err);
  } catch (const std::exception& e) {
    err << "leadlint: internal error: " << e.what() << "\n";
    return kExitInternal;
  } catch (...) {
    err << "leadlint: internal error\n";
    return kExitInternal;
  }
}

}  // namespace leadlint::cli
