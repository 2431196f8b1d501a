// The commands other than `check` (docs/usage.md): each takes the values of its
// options and returns the exit code (cli/cli.h).
#pragma once

#include <ostream>

#include "cli/options.h"

namespace leadlint::cli {

// `leadlint rules [--format text|json]`: every rule with its default severity.
int CmdRules(const RulesArgs& args, std::ostream& out);

// `leadlint explain ID`: a rule's documentation.
int CmdExplain(const ExplainArgs& args, std::ostream& out, std::ostream& err);

// `leadlint version`.
int CmdVersion(std::ostream& out);

// `leadlint lsp`: the Language Server Protocol on standard input and `out`.
int CmdLsp(std::ostream& out, std::ostream& err);

// `leadlint extract DOC [--source SOURCE]`: a doc's rule tables as JSON.
int CmdExtract(const ExtractArgs& args, std::ostream& out, std::ostream& err);

// `leadlint init`: a starter leadlint.json in the current folder.
int CmdInit(std::ostream& out, std::ostream& err);

// `leadlint merge`: the shards' reports as one (the merge itself is cli/merge_command.h).
int CmdMerge(const MergeArgs& args, std::ostream& out, std::ostream& err);

}  // namespace leadlint::cli
