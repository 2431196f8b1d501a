#include "cli/commands.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include "base/suggest.h"
#include "cli/cli.h"
#include "cli/merge_command.h"
#include "cli/output_file.h"
#include "engine/config.h"
#include "engine/extract.h"
#include "engine/rule_catalog.h"
#include "load/read_file.h"
#include "lsp/server.h"
#include "report/report.h"

namespace leadlint::cli {
namespace {

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

// Merge inputs that are SARIF logs while `--format json` (the default) is in
// effect: the user forgot `--format sarif`.
bool LooksLikeSarif(const std::string& path) {
  const std::string head = ReadFileHead(path, 4096);
  return head.find("\"runs\"") != std::string::npos || head.find("sarif-schema") != std::string::npos;
}

// Opens --output of `merge`, refusing one of its inputs; nullptr with the error
// told on `err` when it cannot.
std::unique_ptr<AtomicFile> OpenMergeOutput(const MergeArgs& args, std::ostream& err) {
  RunInputs inputs;
  inputs.files = args.inputs;
  std::string collision = InputCollision(args.output, inputs);
  if (!collision.empty()) {
    err << "leadlint: refusing to write the merged report to '" << args.output << "': it is " << collision
        << "; write it elsewhere\n";
    return nullptr;
  }
  auto file = std::make_unique<AtomicFile>(args.output);
  std::string error;
  if (!file->Open(&error)) {
    err << "leadlint: " << error << "\n";
    return nullptr;
  }
  return file;
}

}  // namespace

int CmdRules(const RulesArgs& args, std::ostream& out) {
  if (args.format == "json") {
    WriteRuleListJson(RuleCatalog(), out);
    return kExitClean;
  }
  size_t width = 0;
  for (const RuleDescriptor& r : RuleCatalog()) width = std::max(width, r.id.size());
  for (const RuleDescriptor& r : RuleCatalog()) {
    std::string sev(SeverityName(r.severity));
    out << r.id << std::string(width - r.id.size() + 2, ' ') << sev << std::string(9 - sev.size(), ' ') << r.summary
        << "\n";
  }
  return kExitClean;
}

int CmdExplain(const ExplainArgs& args, std::ostream& out, std::ostream& err) {
  const std::string& written = args.id;
  const std::string id = AsciiLower(written);
  const RuleDescriptor* rule = FindRuleDescriptor(id);
  if (rule == nullptr) {
    err << "leadlint: unknown rule '" << written << "'";
    std::string suggestion = SuggestRuleId(id);
    if (!suggestion.empty()) err << "; did you mean '" << suggestion << "'?";
    err << "\nrun 'leadlint rules' to list every rule\n";
    return kExitUsage;
  }
  out << rule->id << " (" << SeverityName(rule->severity) << ")\n" << rule->summary << "\n";
  std::string_view doc = rule->help_markdown;
  if (!doc.empty()) out << "\n" << doc;
  if (!doc.empty() && doc.back() != '\n') out << "\n";
  return kExitClean;
}

int CmdVersion(std::ostream& out) {
  out << "leadlint " << LEADLINT_VERSION << "\n";
  return kExitClean;
}

int CmdLsp(std::ostream& out, std::ostream& err) { return lsp::RunServer(std::cin, out, err); }

int CmdExtract(const ExtractArgs& args, std::ostream& out, std::ostream& err) {
  const ExtractStatus status = ExtractRuleTablesJson(args.path, args.source, out, err);
  return status == ExtractStatus::kComplete     ? kExitClean
         : status == ExtractStatus::kIncomplete ? kExitFindings
                                                : kExitUsage;
}

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

int CmdMerge(const MergeArgs& args, std::ostream& out, std::ostream& err) {
  if (!WasGiven(args.format_opt)) {
    for (const std::string& input : args.inputs) {
      if (LooksLikeSarif(input)) {
        err << "leadlint: '" << input << "' is a SARIF log; merge SARIF reports with 'leadlint merge --format sarif'\n";
        return kExitUsage;
      }
    }
  }
  std::unique_ptr<AtomicFile> file;
  std::ostream* sink = &out;
  if (!args.output.empty()) {
    file = OpenMergeOutput(args, err);
    if (file == nullptr) return kExitUsage;
    sink = &file->stream();
  }
  std::string error;
  size_t results = 0;
  if (!MergeReports(args.format, args.inputs, *sink, &error, &results)) {
    err << "leadlint: " << error << "\n";
    return kExitUsage;
  }
  if (file != nullptr && !file->Commit(&error)) {
    err << "leadlint: " << error << "\n";
    return kExitUsage;
  }
  if (args.format == "sarif" && results > kSarifResultLimit) {
    err << "leadlint: warning: " << SarifLimitMessage(results) << "\n";
  }
  return kExitClean;
}

}  // namespace leadlint::cli
