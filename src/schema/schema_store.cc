// valijson-backed validation with positions and plain-language messages.
//
// JsonNode trees are converted to nlohmann::json for valijson, which decides
// *where* a document fails: an error's context path ("<root>", "[offer]",
// "[0]") is walked back through the JsonNode tree to the node at fault. *What*
// failed is never read from valijson's English text: the node is checked again
// against its own subschemas' keywords (Diagnose), and the message is built from
// that structured result (its type, enum, limits and the `x-leadlint-message`
// wording we keep beside each pattern).
//
// valijson matches `pattern` and `patternProperties` with std::regex, which
// recurses per character and crashes on long input. So the schemas handed to
// valijson carry no `pattern`, `patternProperties` or `format`: patterns are
// matched here with RE2 (linear time, no recursion), on the calling thread.
#include "schema/schema_store.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "base/secret_text.h"
#include "schema/embedded_schemas.h"

namespace leadlint {
namespace {

using nlohmann::json;

struct Compiled {
  json document;
  valijson::Schema schema;
};

// Deploy-time placeholders inside a value (`AccountKey=${KEY}`, `?sig=$(SIG)`)
// stand for text the schema cannot see; each is validated as "0", which fits
// every pattern position where a placeholder is legitimate.
std::string WithoutPlaceholders(const std::string& text) {
  if (text.find("${") == std::string::npos && text.find("$(") == std::string::npos &&
      text.find("{{") == std::string::npos) {
    return text;
  }
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t end = std::string::npos;
    if (text.compare(i, 2, "${") == 0)
      end = text.find('}', i + 2);
    else if (text.compare(i, 2, "$(") == 0)
      end = text.find(')', i + 2);
    else if (text.compare(i, 2, "{{") == 0)
      end = text.find("}}", i + 2);
    if (end != std::string::npos) {
      size_t stop = text.compare(i, 2, "{{") == 0 ? end + 2 : end + 1;
      if (IsPlaceholderValue(std::string_view(text).substr(i, stop - i))) {
        out.push_back('0');
        i = stop;
        continue;
      }
    }
    out.push_back(text[i++]);
  }
  return out;
}

// String values longer than max_regex_input are replaced before validation.
json ToNlohmann(const JsonNode& node, size_t max_regex_input) {
  switch (node.type) {
    case JsonType::kNull:
      return nullptr;
    case JsonType::kBool:
      return node.boolean;
    case JsonType::kNumber: {
      // Integers stay integers so that "type": "integer" behaves.
      bool integral = node.text.find_first_of(".eE") == std::string::npos;
      if (integral) {
        try {
          if (node.text[0] == '-') return std::stoll(node.text);
          return std::stoull(node.text);
        } catch (...) {
          // Out of range: fall through to a double.
        }
      }
      try {
        return std::stod(node.text);
      } catch (...) {
        return 0.0;
      }
    }
    case JsonType::kString:
      if (node.text.size() > max_regex_input) return std::string();
      return WithoutPlaceholders(node.text);
    case JsonType::kArray: {
      json out = json::array();
      for (const JsonNode& child : node.children) out.push_back(ToNlohmann(child, max_regex_input));
      return out;
    }
    case JsonType::kObject: {
      json out = json::object();
      for (const JsonNode& child : node.children) out[child.key] = ToNlohmann(child, max_regex_input);
      return out;
    }
  }
  return nullptr;
}

// The keywords valijson would evaluate with std::regex (`pattern`,
// `patternProperties`) or ignore (`format`), removed from its copy of a schema.
// Names inside `properties` and `definitions` are data, not keywords, and stay.
void StripRegexKeywords(json* schema, bool names = false) {
  if (schema->is_object()) {
    if (!names) {
      schema->erase("pattern");
      schema->erase("patternProperties");
      schema->erase("format");
    }
    for (auto it = schema->begin(); it != schema->end(); ++it) {
      StripRegexKeywords(&it.value(), !names && (it.key() == "properties" || it.key() == "definitions"));
    }
  } else if (schema->is_array()) {
    for (json& item : *schema) StripRegexKeywords(&item, false);
  }
}

std::unique_ptr<Compiled> Compile(json document) {
  auto compiled = std::make_unique<Compiled>();
  compiled->document = std::move(document);
  json for_valijson = compiled->document;
  StripRegexKeywords(&for_valijson);
  valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
  valijson::adapters::NlohmannJsonAdapter adapter(for_valijson);
  parser.populateSchema(adapter, compiled->schema);
  return compiled;
}

class Store {
 public:
  static Store& Get() {
    static Store store;
    return store;
  }

  const Compiled& For(SchemaId id, const std::string& destination) {
    std::lock_guard<std::mutex> lock(mutex_);
    std::string key = id == SchemaId::kManifestV1 ? "manifest"
                      : id == SchemaId::kConfig   ? "config"
                                                  : "lead:" + destination;
    auto it = compiled_.find(key);
    if (it != compiled_.end()) return *it->second;
    json doc;
    if (id == SchemaId::kManifestV1) {
      doc = json::parse(EmbeddedSchema("manifest-v1.schema.json"));
    } else if (id == SchemaId::kConfig) {
      doc = json::parse(EmbeddedSchema("config.schema.json"));
    } else {
      doc = json::parse(EmbeddedSchema("lead-configuration.schema.json"));
      // Keep only the branch of the oneOf that the document selected.
      doc.erase("oneOf");
      if (!destination.empty()) {
        doc["allOf"] = json::array({json{{"$ref", "#/definitions/destination-" + destination}}});
      }
    }
    auto compiled = Compile(std::move(doc));
    const Compiled& ref = *compiled;
    compiled_.emplace(key, std::move(compiled));
    return ref;
  }

 private:
  std::mutex mutex_;
  std::map<std::string, std::unique_ptr<Compiled>> compiled_;
};

// Follows a local "$ref" within the schema document.
const json* Resolve(const json& root, const json* node) {
  for (int hops = 0; node != nullptr && node->is_object() && node->contains("$ref") && hops < 16; ++hops) {
    const std::string& ref = (*node)["$ref"].get_ref<const std::string&>();
    if (ref.rfind("#/", 0) != 0) return node;
    try {
      node = &root.at(json::json_pointer(ref.substr(1)));
    } catch (...) {
      return nullptr;
    }
  }
  return node;
}

// The subschema that applies to a property `key` of an object described by
// `schema`, looking through allOf branches as well.
const json* PropertySchema(const json& root, const json* schema, const std::string& key) {
  schema = Resolve(root, schema);
  if (schema == nullptr || !schema->is_object()) return nullptr;
  auto props = schema->find("properties");
  if (props != schema->end() && props->contains(key)) return Resolve(root, &(*props)[key]);
  auto all = schema->find("allOf");
  if (all != schema->end()) {
    for (const json& branch : *all) {
      const json* found = PropertySchema(root, &branch, key);
      if (found != nullptr) return found;
    }
  }
  auto additional = schema->find("additionalProperties");
  if (additional != schema->end() && additional->is_object()) return Resolve(root, &*additional);
  return nullptr;
}

const json* ItemsSchema(const json& root, const json* schema) {
  schema = Resolve(root, schema);
  if (schema == nullptr || !schema->is_object()) return nullptr;
  auto items = schema->find("items");
  if (items == schema->end()) return nullptr;
  return Resolve(root, &*items);
}

std::string RawKey(const JsonNode& node, std::string_view source) {
  if (node.key_length >= 2 && node.key_offset + node.key_length <= source.size()) {
    std::string_view raw = source.substr(node.key_offset + 1, node.key_length - 2);
    if (raw.find('\\') == std::string_view::npos) return std::string(raw);
  }
  return node.key;
}

std::string Quote(std::string_view value) {
  std::string out = "'";
  size_t count = 0;
  for (char c : value) {
    if (++count > 80) {
      out += "...";
      break;
    }
    out.push_back(c);
  }
  out += "'";
  return out;
}

std::string TypeList(const json& type) {
  auto article = [](const std::string& t) {
    return (t == "object" || t == "array" || t == "integer") ? "an " + t : "a " + t;
  };
  if (type.is_string()) return article(type.get<std::string>());
  std::string out;
  if (type.is_array()) {
    for (size_t i = 0; i < type.size(); ++i) {
      if (i > 0) out += (i + 1 == type.size()) ? " or " : ", ";
      out += article(type[i].get<std::string>());
    }
  }
  return out;
}

struct Walk {
  const JsonNode* node = nullptr;
  const JsonNode* parent = nullptr;
  const json* schema = nullptr;
  const json* parent_schema = nullptr;
  bool ok = true;
};

Walk WalkContext(const std::vector<std::string>& context, const JsonNode& root, const json& schema_root) {
  Walk w;
  w.node = &root;
  w.schema = &schema_root;
  for (size_t i = 1; i < context.size(); ++i) {
    const std::string& part = context[i];
    if (part.size() < 2 || part.front() != '[' || part.back() != ']') {
      w.ok = false;
      break;
    }
    std::string key = part.substr(1, part.size() - 2);
    const JsonNode* next = nullptr;
    const json* next_schema = nullptr;
    if (w.node->is_object()) {
      next = w.node->Find(key);
      next_schema = PropertySchema(schema_root, w.schema, key);
    } else if (w.node->is_array()) {
      char* end = nullptr;
      unsigned long index = strtoul(key.c_str(), &end, 10);
      if (end != nullptr && *end == '\0' && index < w.node->children.size()) next = &w.node->children[index];
      next_schema = ItemsSchema(schema_root, w.schema);
    }
    if (next == nullptr) {
      w.ok = false;
      break;
    }
    w.parent = w.node;
    w.parent_schema = w.schema;
    w.node = next;
    w.schema = next_schema;
  }
  return w;
}

// How a node is named in messages: its key as written, or "item N of 'key'".
std::string NameOf(const Walk& w, std::string_view source) {
  if (w.parent != nullptr && w.parent->is_array()) {
    size_t index = static_cast<size_t>(w.node - w.parent->children.data());
    std::string owner = w.parent->key.empty() ? "the list" : "'" + RawKey(*w.parent, source) + "'";
    return "item " + std::to_string(index + 1) + " of " + owner;
  }
  if (w.parent == nullptr) return "the document";
  return "'" + RawKey(*w.node, source) + "'";
}

bool KnownKey(const json& schema_root, const json* schema, const std::string& key) {
  if (key.rfind("x-", 0) == 0) return true;
  return PropertySchema(schema_root, schema, key) != nullptr;
}

using Seen = std::set<std::pair<const JsonNode*, std::string>>;

// Whether a JsonNode equals a JSON value of a schema (`const`, `enum`).
bool EqualsJson(const JsonNode& node, const json& value) {
  if (value.is_string()) return node.is_string() && node.text == value.get_ref<const std::string&>();
  if (value.is_boolean()) return node.type == JsonType::kBool && node.boolean == value.get<bool>();
  if (value.is_null()) return node.type == JsonType::kNull;
  if (value.is_number()) {
    if (node.type != JsonType::kNumber) return false;
    try {
      return std::stod(node.text) == value.get<double>();
    } catch (...) {
      return false;
    }
  }
  return false;
}

bool Holds(const JsonNode& node, const json& root, const json* cond, int depth);

// The schemas that describe `node` given its schema: the schema itself, its
// `allOf` branches, and the `then` of an `if` that holds for the node.
void Applicable(const JsonNode& node, const json& root, const json* schema, std::vector<const json*>* out, int depth) {
  schema = Resolve(root, schema);
  if (schema == nullptr || !schema->is_object() || depth > 16) return;
  out->push_back(schema);
  if (auto all = schema->find("allOf"); all != schema->end() && all->is_array()) {
    for (const json& branch : *all) Applicable(node, root, &branch, out, depth + 1);
  }
  if (auto cond = schema->find("if"); cond != schema->end()) {
    auto then = schema->find("then");
    if (then != schema->end() && Holds(node, root, &*cond, depth + 1)) Applicable(node, root, &*then, out, depth + 1);
  }
}

// The keywords our schemas use inside `if`: const, not, enum, required, properties.
bool Holds(const JsonNode& node, const json& root, const json* cond, int depth) {
  cond = Resolve(root, cond);
  if (cond == nullptr || !cond->is_object() || depth > 16) return true;
  if (auto c = cond->find("const"); c != cond->end() && !EqualsJson(node, *c)) return false;
  if (auto n = cond->find("not"); n != cond->end() && Holds(node, root, &*n, depth + 1)) return false;
  if (auto e = cond->find("enum"); e != cond->end() && e->is_array()) {
    bool any = false;
    for (const json& v : *e) any = any || EqualsJson(node, v);
    if (!any) return false;
  }
  if (!node.is_object()) return true;
  if (auto req = cond->find("required"); req != cond->end() && req->is_array()) {
    for (const json& key : *req) {
      if (key.is_string() && node.Find(key.get_ref<const std::string&>()) == nullptr) return false;
    }
  }
  if (auto props = cond->find("properties"); props != cond->end() && props->is_object()) {
    for (auto it = props->begin(); it != props->end(); ++it) {
      const JsonNode* member = node.Find(it.key());
      if (member != nullptr && !Holds(*member, root, &it.value(), depth + 1)) return false;
    }
  }
  return true;
}

bool TypeIs(const std::string& type, const JsonNode& node) {
  switch (node.type) {
    case JsonType::kNull:
      return type == "null";
    case JsonType::kBool:
      return type == "boolean";
    case JsonType::kString:
      return type == "string";
    case JsonType::kArray:
      return type == "array";
    case JsonType::kObject:
      return type == "object";
    case JsonType::kNumber:
      return type == "number" || (type == "integer" && node.text.find_first_of(".eE") == std::string::npos);
  }
  return false;
}

bool TypeAllows(const json& type, const JsonNode& node) {
  if (type.is_string()) return TypeIs(type.get_ref<const std::string&>(), node);
  if (!type.is_array()) return true;
  for (const json& t : type) {
    if (t.is_string() && TypeIs(t.get_ref<const std::string&>(), node)) return true;
  }
  return false;
}

size_t CodePoints(std::string_view text) {
  size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

std::string Count(const json& value) {
  return value.is_number_integer() ? std::to_string(value.get<long long>()) : value.dump();
}

void Add(const JsonNode* node, bool at_key, std::string message, Seen* seen, std::vector<SchemaIssue>* out) {
  if (!seen->insert({node, message}).second) return;
  SchemaIssue issue;
  issue.node = node;
  issue.at_key = at_key;
  issue.message = std::move(message);
  out->push_back(std::move(issue));
}

// valijson found the node at `w` invalid; this says why, from the keywords of
// the node's own subschemas. A node that only fails below (a combinator's
// summary) has no failing keyword of its own and yields nothing.
void Diagnose(const Walk& w, const json& root, std::string_view source, size_t max_regex_input, Seen* seen,
              std::vector<SchemaIssue>* out) {
  const JsonNode& node = *w.node;
  if (node.is_string() && node.text.size() > max_regex_input) return;  // reported by the caller
  std::vector<const json*> schemas;
  Applicable(node, root, w.schema, &schemas, 0);
  // A property may also be described by a branch of its parent (an if/then).
  if (w.parent != nullptr && w.parent->is_object()) {
    std::vector<const json*> parents;
    Applicable(*w.parent, root, w.parent_schema, &parents, 0);
    for (const json* p : parents) {
      auto props = p->find("properties");
      if (props == p->end() || !props->is_object() || !props->contains(node.key)) continue;
      const json* own = Resolve(root, &(*props)[node.key]);
      if (std::find(schemas.begin(), schemas.end(), own) == schemas.end()) Applicable(node, root, own, &schemas, 0);
    }
  }
  const std::string name = NameOf(w, source);
  // A value of the wrong type: nothing else about it is meaningful.
  for (const json* s : schemas) {
    auto type = s->find("type");
    if (type == s->end() || TypeAllows(*type, node)) continue;
    const bool an = node.type == JsonType::kObject || node.type == JsonType::kArray;
    Add(&node, false,
        name + " must be " + TypeList(*type) + "; got " + (an ? "an " : "a ") + std::string(JsonTypeName(node.type)),
        seen, out);
    return;
  }
  for (const json* s : schemas) {
    if (auto e = s->find("enum"); e != s->end() && e->is_array()) {
      bool any = false;
      std::string values;
      for (const json& v : *e) {
        any = any || EqualsJson(node, v);
        values += (values.empty() ? "'" : ", '") + (v.is_string() ? v.get<std::string>() : v.dump()) + "'";
      }
      if (!any) {
        std::string got = node.is_string() ? Quote(node.text) : std::string(JsonTypeName(node.type));
        Add(&node, false, name + " must be one of " + values + "; got " + got, seen, out);
      }
    }
    if (node.is_object()) {
      if (auto req = s->find("required"); req != s->end() && req->is_array()) {
        for (const json& key : *req) {
          if (!key.is_string() || node.Find(key.get_ref<const std::string&>()) != nullptr) continue;
          Add(&node, w.parent != nullptr && !w.parent->is_array(),
              (w.parent == nullptr ? std::string("the document") : name) + " is missing the required key '" +
                  key.get<std::string>() + "'",
              seen, out);
        }
      }
      if (auto extra = s->find("additionalProperties");
          extra != s->end() && extra->is_boolean() && !extra->get<bool>()) {
        for (const JsonNode& member : node.children) {
          if (KnownKey(root, w.schema, member.key)) continue;
          Add(&member, true,
              "unknown key '" + RawKey(member, source) + "'" + (w.parent == nullptr ? std::string() : " in " + name),
              seen, out);
        }
      }
    }
    if (node.is_string()) {
      const size_t chars = CodePoints(node.text);
      if (auto min = s->find("minLength");
          min != s->end() && min->is_number() && static_cast<double>(chars) < min->get<double>()) {
        Add(&node, false,
            name + (Count(*min) == "1" ? std::string(" must not be empty")
                                       : " must be at least " + Count(*min) + " characters"),
            seen, out);
      }
      if (auto max = s->find("maxLength");
          max != s->end() && max->is_number() && static_cast<double>(chars) > max->get<double>()) {
        Add(&node, false, name + " must be at most " + Count(*max) + " characters", seen, out);
      }
    }
    if (node.is_array()) {
      const size_t n = node.children.size();
      if (auto min = s->find("minItems");
          min != s->end() && min->is_number() && static_cast<double>(n) < min->get<double>()) {
        Add(&node, false, name + " must list at least " + Count(*min) + (Count(*min) == "1" ? " item" : " items"), seen,
            out);
      }
    }
    if (node.type == JsonType::kNumber) {
      double value = 0;
      try {
        value = std::stod(node.text);
      } catch (...) {
        continue;
      }
      if (auto min = s->find("minimum"); min != s->end() && min->is_number() && value < min->get<double>()) {
        Add(&node, false, name + " must be at least " + min->dump() + "; got " + node.text, seen, out);
      }
      if (auto max = s->find("maximum"); max != s->end() && max->is_number() && value > max->get<double>()) {
        Add(&node, false, name + " must be at most " + max->dump() + "; got " + node.text, seen, out);
      }
    }
  }
}

// Compiled RE2 programs by pattern, shared by every thread (RE2 matching is
// thread-safe). Patterns come from our own schemas: a handful.
const RE2& Pattern(const std::string& pattern) {
  static std::mutex mutex;
  static auto* cache = new std::map<std::string, std::unique_ptr<RE2>>();
  std::lock_guard<std::mutex> lock(mutex);
  std::unique_ptr<RE2>& re = (*cache)[pattern];
  if (!re) {
    RE2::Options options;
    options.set_log_errors(false);
    re = std::make_unique<RE2>(pattern, options);
  }
  return *re;
}

// Matches every string of the document against the `pattern` of its subschemas
// with RE2, and reports a mismatch in the words of `x-leadlint-message`.
void MatchPatterns(const JsonNode& node, const JsonNode* parent, const json* schema, const json& root,
                   std::string_view source, size_t max_regex_input, Seen* seen, std::vector<SchemaIssue>* out,
                   int depth) {
  if (depth > 300) return;
  std::vector<const json*> schemas;
  Applicable(node, root, schema, &schemas, 0);
  if (schemas.empty()) return;
  if (node.is_string()) {
    if (node.text.size() > max_regex_input || IsPlaceholderValue(node.text)) return;
    const std::string value = WithoutPlaceholders(node.text);
    for (const json* s : schemas) {
      auto p = s->find("pattern");
      if (p == s->end() || !p->is_string()) continue;
      const RE2& re = Pattern(p->get<std::string>());
      if (!re.ok()) {
        Add(&node, false, "schema pattern '" + p->get<std::string>() + "' is not supported: " + re.error(), seen, out);
        continue;
      }
      if (RE2::PartialMatch(value, re)) continue;
      Walk w;
      w.node = &node;
      w.parent = parent;
      // Every pattern of a validated schema carries its wording (a test checks it).
      std::string what = s->value("x-leadlint-message", std::string("does not have the expected form"));
      bool plain = true;
      for (unsigned char c : node.text) plain = plain && std::isalnum(c);
      const bool by_length = plain && s->value("x-leadlint-got", "") == "length";
      std::string got;
      if (IsSecretKey(node.key)) {
        got = "";
      } else if (by_length) {
        const size_t chars = CodePoints(node.text);
        got = "; got " + std::to_string(chars) + " character" + (chars == 1 ? "" : "s");
      } else {
        got = "; got " + Quote(node.text);
      }
      Add(&node, false, NameOf(w, source) + " " + what + got, seen, out);
    }
    return;
  }
  if (node.is_object()) {
    for (const JsonNode& member : node.children) {
      for (const json* s : schemas) {
        auto props = s->find("properties");
        if (props != s->end() && props->is_object() && props->contains(member.key)) {
          MatchPatterns(member, &node, &(*props)[member.key], root, source, max_regex_input, seen, out, depth + 1);
        } else if (auto extra = s->find("additionalProperties"); extra != s->end() && extra->is_object()) {
          MatchPatterns(member, &node, &*extra, root, source, max_regex_input, seen, out, depth + 1);
        }
      }
    }
  } else if (node.is_array()) {
    for (const json* s : schemas) {
      auto items = s->find("items");
      if (items == s->end() || !items->is_object()) continue;
      for (const JsonNode& child : node.children) {
        MatchPatterns(child, &node, &*items, root, source, max_regex_input, seen, out, depth + 1);
      }
    }
  }
}

}  // namespace

std::vector<SchemaIssue> ValidateAgainstSchema(SchemaId id, const JsonNode& root, std::string_view source,
                                               size_t max_regex_input) {
  std::vector<SchemaIssue> issues;
  std::string destination;
  if (id == SchemaId::kLeadConfiguration) {
    std::string_view dest = root.StringAt("leadDestination");
    static const char* kKnown[] = {"none",          "blob",    "dynamics",   "email",
                                   "httpsEndpoint", "marketo", "salesforce", "table"};
    for (const char* k : kKnown) {
      if (dest == k) destination = k;
    }
  }
  try {
    const Compiled& compiled = Store::Get().For(id, destination);
    json instance = ToNlohmann(root, max_regex_input);
    // One validator per thread (it keeps per-validator caches).
    thread_local valijson::Validator validator;
    valijson::ValidationResults results;
    valijson::adapters::NlohmannJsonAdapter adapter(instance);
    validator.validate(compiled.schema, adapter, &results);
    Seen seen;
    valijson::ValidationResults::Error error;
    while (results.popError(error)) {
      Walk w = WalkContext(error.context, root, compiled.document);
      if (!w.ok || w.node == nullptr) continue;
      Diagnose(w, compiled.document, source, max_regex_input, &seen, &issues);
    }
    MatchPatterns(root, nullptr, &compiled.document, compiled.document, source, max_regex_input, &seen, &issues, 0);
  } catch (const std::exception& e) {
    SchemaIssue issue;
    issue.node = &root;
    issue.message = std::string("schema validation failed: ") + e.what();
    issues.push_back(std::move(issue));
  }
  return issues;
}

}  // namespace leadlint
