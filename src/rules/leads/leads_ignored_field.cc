// leads-ignored-field: settings the service accepts but ignores (DESIGN §1c):
// a configuration next to `none` or next to another destination, a lone
// `username`/`password` under azureAD, application fields under office365, and
// keys no destination defines. They are warnings: nothing is rejected, but the
// publisher believes something is configured that is not.
#include <optional>
#include <set>
#include <string>

#include "rules/leads/lead_view_util.h"
#include "rules/rule.h"

namespace leadlint {
namespace {

const std::set<std::string>& KnownFields(const std::string& destination) {
  static const std::set<std::string> kNone;
  static const std::set<std::string> kTable = {"storageAccountConnectionString", "contactEmail"};
  static const std::set<std::string> kBlob = {"storageAccountConnectionString", "containerName", "contactEmail"};
  static const std::set<std::string> kDynamics = {"instanceUrl", "authentication", "applicationId", "applicationKey",
                                                  "directoryId", "username",       "password",      "contactEmail"};
  static const std::set<std::string> kHttps = {"httpsEndpointUrl", "contactEmail"};
  // clientID is the documented spelling (the preview3 schema text was not
  // found); clientId is accepted too.
  static const std::set<std::string> kMarketo = {"serverId", "munchkinId",   "formId",      "clientID",
                                                 "clientId", "clientSecret", "contactEmail"};
  static const std::set<std::string> kSalesforce = {"objectIdentifier", "contactEmail"};
  static const std::set<std::string> kEmail = {"contactEmail"};
  if (destination == "table") return kTable;
  if (destination == "blob") return kBlob;
  if (destination == "dynamics") return kDynamics;
  if (destination == "httpsEndpoint") return kHttps;
  if (destination == "marketo") return kMarketo;
  if (destination == "salesforce") return kSalesforce;
  if (destination == "email") return kEmail;
  return kNone;
}

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Removes an object member with the comma that joins it to its neighbours,
// found in the source text itself: a view may omit some of the members (the
// `$schema`, `id` and `product` of a customer-leads resource). Unsafe: the
// publisher may have meant to switch the destination instead.
std::optional<Fix> RemoveMemberFix(const JsonNode& member, std::string_view source, const std::string& key) {
  if (member.key_length == 0 || member.offset + member.length > source.size()) return std::nullopt;
  size_t begin = member.key_offset;
  size_t end = member.offset + member.length;
  size_t before = begin;
  while (before > 0 && IsJsonSpace(source[before - 1])) --before;
  if (before > 0 && source[before - 1] == ',') {
    begin = before - 1;  // `, "key": {...}`: the comma before it goes
  } else {
    size_t after = end;
    while (after < source.size() && IsJsonSpace(source[after])) ++after;
    if (after < source.size() && source[after] == ',') {
      ++after;
      while (after < source.size() && IsJsonSpace(source[after])) ++after;
      end = after;  // the first member: its comma and the space before the next go
    }
  }
  Fix fix;
  fix.safe = false;
  fix.description = "remove '" + key + "', which the service ignores";
  fix.edits.push_back({begin, end - begin, ""});
  return fix;
}

void CheckLeadsIgnoredField(const ManifestDoc& doc, FileContext& ctx) {
  const std::string_view source = ctx.file().contents();
  for (const LeadView& lead : doc.leads) {
    const JsonNode& view = lead.view;
    const std::string destination = ViewDestination(lead);
    if (destination.empty()) continue;
    const bool cpp = lead.legacy;
    const std::string written = lead.written_destination;

    // Keys beside leadDestination that no destination defines.
    if (!cpp) {
      for (const JsonNode& member : view.children) {
        if (member.key == "leadDestination" || member.key.rfind("x-", 0) == 0 ||
            !DestinationOfConfigKey(member.key).empty()) {
          continue;
        }
        ctx.ReportAtKey(member, "unknown key '" + KeyAsWritten(member, source) +
                                    "' in the lead settings is ignored by the service");
      }
    }

    size_t others = 0;
    for (const JsonNode& member : view.children) {
      std::string d = DestinationOfConfigKey(member.key);
      if (!d.empty() && d != destination) ++others;
    }
    const bool all_others = !cpp && others >= (destination == "none" ? 7u : 6u);  // an error instead

    for (const JsonNode& member : view.children) {
      std::string d = DestinationOfConfigKey(member.key);
      if (d.empty()) continue;
      const std::string key = KeyAsWritten(member, source);
      if (d != destination) {
        if (!all_others) {
          std::string message = "'" + key + "' is ignored because 'leadDestination' is '" + written +
                                "'; remove it or set 'leadDestination' to '" + WrittenDestination(lead, d) + "'";
          if (std::optional<Fix> fix = RemoveMemberFix(member, source, key)) {
            ctx.ReportWithFix(member.key_offset, member.key_length, std::move(message), std::move(*fix));
          } else {
            ctx.ReportAtKey(member, std::move(message));
          }
        }
        continue;
      }
      if (!member.is_object()) continue;
      const std::set<std::string>& known = KnownFields(d);
      const bool preview3 = !cpp && IsPreview3OrLater(lead.version);
      for (const JsonNode& field : member.children) {
        if (field.key.rfind("x-", 0) == 0) continue;
        if (preview3 && NoLongerCaptured(d, field)) {
          ctx.ReportAtKey(field, "'" + KeyAsWritten(field, source) + "' is no longer captured by customer-leads/" +
                                     lead.version + " (December 2022); the service may ignore or reject it: remove it");
          continue;
        }
        if (known.count(field.key) == 0) {
          if (cpp) continue;  // legacy field names are renamed, not validated one by one
          ctx.ReportAtKey(
              field, "unknown key '" + KeyAsWritten(field, source) + "' in '" + key + "' is ignored by the service");
        }
      }
      if (d == "dynamics") {
        std::string_view auth = member.StringAt("authentication");
        if (auth == "azureAD") {
          const JsonNode* user = member.Find("username");
          const JsonNode* pass = member.Find("password");
          if ((user != nullptr) != (pass != nullptr)) {
            const JsonNode* lone = user != nullptr ? user : pass;
            ctx.ReportAtKey(*lone, "'" + KeyAsWritten(*lone, source) + "' is ignored with 'azureAD' authentication");
          }
        } else if (auth == "office365") {
          const char* app_fields[] = {"applicationId", "applicationKey", "directoryId"};
          size_t present = 0;
          for (const char* f : app_fields) present += member.Find(f) != nullptr;
          if (present < 3) {
            for (const char* f : app_fields) {
              if (const JsonNode* n = member.Find(f); n != nullptr) {
                ctx.ReportAtKey(*n, "'" + KeyAsWritten(*n, source) + "' is ignored with 'office365' authentication");
              }
            }
          }
        }
      }
    }
  }
}

}  // namespace

extern constinit const Rule kLeadsIgnoredField{
    .id = "leads-ignored-field",
    .severity = Severity::kWarning,
    .summary = "lead settings the service ignores",
    .stage = "file",
    .check = &CheckLeadsIgnoredField,
};

}  // namespace leadlint
