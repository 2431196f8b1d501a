// Detection and normalization of the three manifest formats.
//
// Product Ingestion documents are detected by the `$schema` of the document or of
// its resources; legacy Cloud Partner Portal documents by `definition.offer` with
// `microsoft-azure-*.` keys; our own format by its `$schema` or its `offer`
// object. Anything else is not a manifest.
//
// One file per format holds its normalizer (model/normalize.h); this file
// detects the format and holds what the formats share.
#include "model/manifest.h"

#include <algorithm>
#include <cctype>

#include "base/secret_text.h"
#include "model/normalize.h"

namespace leadlint {
namespace manifest_detail {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

void SetPlace(Place* place, const JsonNode& node) {
  place->offset = node.offset;
  place->length = node.length;
}

void SetKeyPlace(Place* place, const JsonNode& node) {
  place->offset = node.key_length > 0 ? node.key_offset : node.offset;
  place->length = node.key_length > 0 ? node.key_length : node.length;
}

}  // namespace manifest_detail

using namespace manifest_detail;

namespace {

constexpr std::string_view kV1Schema = "leadlint.dev/schemas/manifest-v1";

void CollectSecrets(const JsonNode& node, ManifestDoc* doc, int depth = 0) {
  if (depth > 300) return;
  // Connection strings and URLs keep their non-secret parts readable: their
  // AccountKey=, sig= and code= values are masked by RedactSecrets instead.
  if (!node.key.empty() && IsSecretKey(node.key) && node.is_string() && node.key != "storageAccountConnectionString" &&
      node.key != "connectionString") {
    doc->secret_spans.emplace_back(node.offset, node.offset + node.length);
  }
  for (const JsonNode& child : node.children) CollectSecrets(child, doc, depth + 1);
}

}  // namespace

std::string CanonicalDestination(std::string_view written) {
  static const Rename kSpellings[] = {
      {"none", "none"},       {"table", "table"},           {"azuretable", "table"}, {"blob", "blob"},
      {"azureblob", "blob"},  {"dynamics", "dynamics"},     {"crm", "dynamics"},     {"httpsendpoint", "httpsEndpoint"},
      {"marketo", "marketo"}, {"salesforce", "salesforce"}, {"email", "email"},
  };
  std::string l = Lower(written);
  for (const Rename& s : kSpellings) {
    if (l == s.from) return std::string(s.to);
  }
  return "";
}

const std::vector<std::string_view>& KnownPiHosts() {
  static const std::vector<std::string_view> hosts = {"schema.mp.microsoft.com", "product-ingestion.azureedge.net"};
  return hosts;
}

namespace {

bool IsKindChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// "2022-03-01" at the start of a version.
bool StartsWithDate(std::string_view v) {
  if (v.size() < 10) return false;
  for (size_t i = 0; i < 10; ++i) {
    if (i == 4 || i == 7) {
      if (v[i] != '-') return false;
    } else if (!IsDigit(v[i])) {
      return false;
    }
  }
  return true;
}

// A version's sort key: its date, then its preview number (a release without
// "-previewN" sorts after every preview of its date), then the rest as text.
struct VersionKey {
  std::string date;
  long preview = 0;
  std::string rest;
};

VersionKey KeyOf(std::string_view v) {
  VersionKey key;
  if (!StartsWithDate(v)) {
    key.rest = std::string(v);
    return key;
  }
  key.date = std::string(v.substr(0, 10));
  std::string_view tail = v.substr(10);
  constexpr std::string_view kPreview = "-preview";
  if (tail.substr(0, kPreview.size()) == kPreview) {
    size_t i = kPreview.size();
    long n = 0;
    while (i < tail.size() && IsDigit(tail[i]) && n < 1000000) n = n * 10 + (tail[i++] - '0');
    key.preview = n;
    key.rest = std::string(tail.substr(i));
  } else {
    key.preview = 1000000;  // a release follows its previews
    key.rest = std::string(tail);
  }
  return key;
}

}  // namespace

int CompareSchemaVersions(std::string_view a, std::string_view b) {
  VersionKey ka = KeyOf(a);
  VersionKey kb = KeyOf(b);
  if (ka.date != kb.date) return ka.date < kb.date ? -1 : 1;
  if (ka.preview != kb.preview) return ka.preview < kb.preview ? -1 : 1;
  if (ka.rest != kb.rest) return ka.rest < kb.rest ? -1 : 1;
  return 0;
}

std::string_view NewestKnownVersion(std::string_view kind) {
  // customer-leads is at preview3 in 2026 exports; other resources reached
  // 2026-04-01-preview1 (DESIGN §1d).
  if (kind == "customer-leads") return "2022-03-01-preview3";
  return "2026-04-01-preview1";
}

std::optional<PiSchema> ParsePiSchema(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return std::nullopt;
  std::string_view scheme_name = url.substr(0, scheme);
  if (scheme_name != "https" && scheme_name != "http") return std::nullopt;
  std::string_view rest = url.substr(scheme + 3);
  size_t slash = rest.find('/');
  if (slash == std::string_view::npos || slash == 0) return std::nullopt;
  PiSchema out;
  out.host = Lower(rest.substr(0, slash));
  std::string_view path = rest.substr(slash);
  constexpr std::string_view kSchemaPath = "/schema/";
  if (path.substr(0, kSchemaPath.size()) != kSchemaPath) return std::nullopt;
  path.remove_prefix(kSchemaPath.size());
  size_t kind_end = path.find('/');
  if (kind_end == std::string_view::npos || kind_end == 0) return std::nullopt;
  std::string_view kind = path.substr(0, kind_end);
  for (char c : kind) {
    if (!IsKindChar(c)) return std::nullopt;
  }
  std::string_view version = path.substr(kind_end + 1);
  while (!version.empty() && (version.back() == '/' || version.back() == '#')) version.remove_suffix(1);
  if (version.empty() || version.find('/') != std::string_view::npos) return std::nullopt;
  for (std::string_view host : KnownPiHosts()) out.known_host = out.known_host || out.host == host;
  if (!out.known_host && !StartsWithDate(version)) return std::nullopt;
  out.kind = std::string(kind);
  out.version = std::string(version);
  return out;
}

bool MayBeProductIngestion(std::string_view text) {
  // Any `$schema` with the path shape; `\u` escapes may spell it differently.
  return text.find("/schema/") != std::string_view::npos || text.find("\\u") != std::string_view::npos ||
         text.find("\\/") != std::string_view::npos;
}

std::string SchemaKindOf(std::string_view url) {
  std::optional<PiSchema> schema = ParsePiSchema(url);
  return schema ? schema->kind : "";
}

std::string SchemaVersionOf(std::string_view url) {
  std::optional<PiSchema> schema = ParsePiSchema(url);
  return schema ? schema->version : "";
}

std::string MarketplaceLookalikeReason(const JsonNode& root) {
  if (!root.is_object()) return "";
  auto on_marketplace_host = [](std::string_view url) {
    std::string l = Lower(url);
    for (std::string_view host : KnownPiHosts()) {
      if (l.find(host) != std::string::npos) return true;
    }
    return l.find("/schema/") != std::string::npos;
  };
  if (std::string_view schema = root.StringAt("$schema"); !schema.empty() && on_marketplace_host(schema)) {
    return "its $schema '" + std::string(schema) + "' is on a marketplace schema host or has a schema path";
  }
  if (const JsonNode* resources = root.Find("resources"); resources != nullptr && resources->is_array()) {
    for (const JsonNode& r : resources->children) {
      if (r.is_object() && !r.StringAt("$schema").empty()) {
        return "it has a 'resources' array of objects with a $schema";
      }
    }
  }
  if (const JsonNode* definition = root.Find("definition");
      definition != nullptr && definition->Find("offer") != nullptr) {
    return "it has a 'definition.offer' object like a Cloud Partner Portal offer";
  }
  return "";
}

ManifestDoc NormalizeManifest(const std::string& path, const JsonNode& root) {
  ManifestDoc doc;
  doc.root = &root;
  if (!root.is_object()) return doc;
  std::string_view schema = root.StringAt("$schema");
  const bool v1_schema = schema.find(kV1Schema) != std::string_view::npos ||
                         (schema.size() >= 23 && schema.substr(schema.size() - 23) == "manifest-v1.schema.json");
  if (v1_schema) {
    NormalizeV1(root, &doc, path);
  } else if (ParsePiSchema(schema)) {
    NormalizeProductIngestion(root, &doc, path);
  } else if (IsCppDocument(root)) {
    NormalizeCpp(root, &doc, path);
  } else if (const JsonNode* resources = root.Find("resources"); resources != nullptr && resources->is_array()) {
    bool any = false;
    for (const JsonNode& r : resources->children) {
      if (r.is_object() && ParsePiSchema(r.StringAt("$schema"))) any = true;
    }
    if (any) NormalizeProductIngestion(root, &doc, path);
  } else if (const JsonNode* offer = root.Find("offer");
             schema.empty() && offer != nullptr && offer->is_object() && offer->Find("leads") != nullptr) {
    NormalizeV1(root, &doc, path);
  }
  if (doc.format) CollectSecrets(root, &doc);
  return doc;
}

}  // namespace leadlint
