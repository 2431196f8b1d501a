// valijson-backed validation with positions and plain-language messages.
//
// JsonNode trees are converted to nlohmann::json for valijson; an error's
// context path ("<root>", "[offer]", "[0]") is walked back through the JsonNode
// tree to the node at fault, and the failing keyword is turned into a sentence
// using the property's own schema (its type, enum, limits and the
// `x-leadlint-message` wording we keep beside each pattern).
#include "schema/schema_store.h"

#include <pthread.h>

#include <algorithm>
#include <cctype>
#include <functional>
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
    if (text.compare(i, 2, "${") == 0) end = text.find('}', i + 2);
    else if (text.compare(i, 2, "$(") == 0) end = text.find(')', i + 2);
    else if (text.compare(i, 2, "{{") == 0) end = text.find("}}", i + 2);
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
    case JsonType::kNull: return nullptr;
    case JsonType::kBool: return node.boolean;
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

std::unique_ptr<Compiled> Compile(json document) {
  auto compiled = std::make_unique<Compiled>();
  compiled->document = std::move(document);
  valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
  valijson::adapters::NlohmannJsonAdapter adapter(compiled->document);
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
    std::string key = id == SchemaId::kManifestV1 ? "manifest" : id == SchemaId::kConfig ? "config" : "lead:" + destination;
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

std::string Number(const std::string& description, const std::string& after) {
  size_t p = description.find(after);
  if (p == std::string::npos) return "";
  p += after.size();
  size_t e = p;
  while (e < description.size() && isdigit(static_cast<unsigned char>(description[e]))) ++e;
  return description.substr(p, e - p);
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

void Translate(const valijson::ValidationResults::Error& error, const JsonNode& root,
               const json& schema_root, std::string_view source, size_t max_regex_input,
               std::set<std::pair<const JsonNode*, std::string>>* seen,
               std::vector<SchemaIssue>* out) {
  const std::string& d = error.description;
  // Summaries of combinators repeat what their children already said.
  if (d.rfind("Failed to validate item #", 0) == 0 || d.rfind("Failed to validate against", 0) == 0 ||
      d.rfind("Failed to match expected value set by 'const'", 0) == 0) {
    return;
  }
  Walk w = WalkContext(error.context, root, schema_root);
  if (!w.ok || w.node == nullptr) return;
  const JsonNode& node = *w.node;
  if (node.is_string() && node.text.size() > max_regex_input) return;  // reported by the caller
  std::string name = NameOf(w, source);
  bool secret = IsSecretKey(node.key);
  SchemaIssue issue;
  issue.node = &node;
  issue.at_key = false;

  if (d.rfind("Missing required property '", 0) == 0) {
    std::string key = d.substr(27, d.find('\'', 27) - 27);
    issue.at_key = (w.parent != nullptr && !w.parent->is_array());
    issue.message = (w.parent == nullptr ? std::string("the document") : name) +
                    " is missing the required key '" + key + "'";
  } else if (d.rfind("Object contains a property that could not be validated", 0) == 0) {
    for (const JsonNode& member : node.children) {
      if (KnownKey(schema_root, w.schema, member.key)) continue;
      SchemaIssue unknown;
      unknown.node = &member;
      unknown.at_key = true;
      unknown.message = "unknown key '" + RawKey(member, source) + "'" +
                        (w.parent == nullptr ? std::string() : " in " + name);
      if (seen->insert({&member, unknown.message}).second) out->push_back(std::move(unknown));
    }
    return;
  } else if (d.rfind("Failed to match regex", 0) == 0) {
    if (node.is_string() && IsPlaceholderValue(node.text)) return;  // resolved at deploy time
    std::string what = "must match the pattern '" +
                       (w.schema && w.schema->contains("pattern") ? (*w.schema)["pattern"].get<std::string>() : "") + "'";
    if (w.schema != nullptr && w.schema->contains("x-leadlint-message")) {
      what = (*w.schema)["x-leadlint-message"].get<std::string>();
    }
    std::string got;
    size_t chars = 0;
    for (unsigned char c : node.text) chars += (c & 0xC0) != 0x80;
    bool plain = true;
    for (unsigned char c : node.text) plain = plain && std::isalnum(c);
    bool by_length = plain && w.schema != nullptr && w.schema->value("x-leadlint-got", "") == "length";
    if (secret) {
      got = "";
    } else if (by_length) {
      got = "; got " + std::to_string(chars) + " character" + (chars == 1 ? "" : "s");
    } else {
      got = "; got " + Quote(node.text);
    }
    issue.message = name + " " + what + got;
  } else if (d.rfind("Value type not permitted", 0) == 0) {
    std::string expected = (w.schema != nullptr && w.schema->contains("type")) ? TypeList((*w.schema)["type"]) : "another type";
    issue.message = name + " must be " + expected + "; got " + (node.type == JsonType::kObject || node.type == JsonType::kArray ? "an " : "a ") +
                    std::string(JsonTypeName(node.type));
  } else if (d.rfind("Failed to match against any enum values", 0) == 0) {
    std::string values;
    if (w.schema != nullptr && w.schema->contains("enum")) {
      const json& e = (*w.schema)["enum"];
      for (size_t i = 0; i < e.size(); ++i) {
        if (i > 0) values += ", ";
        values += "'" + (e[i].is_string() ? e[i].get<std::string>() : e[i].dump()) + "'";
      }
    }
    std::string got = node.is_string() ? Quote(node.text) : std::string(JsonTypeName(node.type));
    issue.message = name + " must be one of " + values + "; got " + got;
  } else if (d.rfind("Expected number greater than or equal to ", 0) == 0 || d.rfind("Expected number less than or equal to ", 0) == 0 ||
             d.rfind("Expected number greater than ", 0) == 0 || d.rfind("Expected number less than ", 0) == 0) {
    bool minimum = d.find("greater") != std::string::npos;
    std::string bound;
    if (w.schema != nullptr && w.schema->contains(minimum ? "minimum" : "maximum")) bound = (*w.schema)[minimum ? "minimum" : "maximum"].dump();
    issue.message = name + " must be " + (minimum ? "at least " : "at most ") + bound + "; got " + node.text;
  } else if (d.rfind("String should be no more than ", 0) == 0) {
    issue.message = name + " must be at most " + Number(d, "no more than ") + " characters";
  } else if (d.rfind("String should be no fewer than ", 0) == 0) {
    issue.message = name + (Number(d, "no fewer than ") == "1" ? std::string(" must not be empty")
                                                               : " must be at least " + Number(d, "no fewer than ") + " characters");
  } else if (d.rfind("Array should contain no fewer than ", 0) == 0) {
    std::string n = Number(d, "no fewer than ");
    issue.message = name + " must list at least " + n + (n == "1" ? " item" : " items");
  } else if (d.rfind("Array should contain no more than ", 0) == 0) {
    issue.message = name + " must list at most " + Number(d, "no more than ") + " items";
  } else if (d.rfind("String should be a valid ", 0) == 0) {
    issue.message = name + " must be a valid " + d.substr(25, d.size() - 25);
  } else {
    std::string lower = d;
    if (!lower.empty()) lower[0] = static_cast<char>(tolower(static_cast<unsigned char>(lower[0])));
    while (!lower.empty() && lower.back() == '.') lower.pop_back();
    issue.message = name + ": " + lower;
  }
  if (seen->insert({issue.node, issue.message}).second) out->push_back(std::move(issue));
}

constexpr size_t kInlineRegexInput = 2048;

size_t LongestString(const JsonNode& node, int depth) {
  if (depth > 1000) return 0;
  size_t longest = node.is_string() ? node.text.size() : 0;
  for (const JsonNode& child : node.children) longest = std::max(longest, LongestString(child, depth + 1));
  return longest;
}

// Runs `fn` to completion on a new thread with a stack of `stack_bytes`
// (reserved address space; pages are only committed when touched).
void RunWithStack(size_t stack_bytes, const std::function<void()>& fn) {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, stack_bytes);
  pthread_t thread;
  auto trampoline = [](void* arg) -> void* {
    (*static_cast<const std::function<void()>*>(arg))();
    return nullptr;
  };
  if (pthread_create(&thread, &attr, trampoline, const_cast<std::function<void()>*>(&fn)) != 0) {
    pthread_attr_destroy(&attr);
    fn();  // no thread available: validate here rather than skip
    return;
  }
  pthread_attr_destroy(&attr);
  pthread_join(thread, nullptr);
}

}  // namespace

std::vector<SchemaIssue> ValidateAgainstSchema(SchemaId id, const JsonNode& root, std::string_view source,
                                               size_t max_regex_input) {
  std::vector<SchemaIssue> issues;
  std::string destination;
  if (id == SchemaId::kLeadConfiguration) {
    std::string_view dest = root.StringAt("leadDestination");
    static const char* kKnown[] = {"none", "blob", "dynamics", "email", "httpsEndpoint", "marketo", "salesforce", "table"};
    for (const char* k : kKnown) {
      if (dest == k) destination = k;
    }
  }
  auto validate = [&]() {
    try {
      const Compiled& compiled = Store::Get().For(id, destination);
      json instance = ToNlohmann(root, max_regex_input);
      // One validator per thread: it caches compiled regular expressions by pattern.
      thread_local valijson::Validator validator;
      valijson::ValidationResults results;
      valijson::adapters::NlohmannJsonAdapter adapter(instance);
      validator.validate(compiled.schema, adapter, &results);
      std::set<std::pair<const JsonNode*, std::string>> seen;
      valijson::ValidationResults::Error error;
      while (results.popError(error)) {
        Translate(error, root, compiled.document, source, max_regex_input, &seen, &issues);
      }
    } catch (const std::exception& e) {
      SchemaIssue issue;
      issue.node = &root;
      issue.message = std::string("schema validation failed: ") + e.what();
      issues.push_back(std::move(issue));
    }
  };
  // libstdc++'s std::regex recurses once per character (several frames for our
  // alternations): a 25,000-character value overflows an 8 MiB stack. Values up
  // to the string limit are therefore validated on a thread whose stack is
  // sized for the longest string; short documents stay on the calling thread.
  size_t longest = LongestString(root, 0);
  if (longest <= kInlineRegexInput) {
    validate();
  } else {
    RunWithStack(std::max<size_t>(64u << 20, std::min(longest, max_regex_input) * 2048), validate);
  }
  return issues;
}

}  // namespace leadlint
