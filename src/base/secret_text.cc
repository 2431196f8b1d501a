// Secret recognition and redaction, without regular expressions.
#include "base/secret_text.h"

#include <cctype>

namespace leadlint {

bool IsPlaceholderValue(std::string_view s) {
  auto ident = [](std::string_view v) {
    while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
    while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
    if (v.empty()) return false;
    for (char c : v) {
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-')) return false;
    }
    return true;
  };
  if (s.size() > 3 && s.substr(0, 2) == "${" && s.back() == '}') return ident(s.substr(2, s.size() - 3));
  if (s.size() > 3 && s.substr(0, 2) == "$(" && s.back() == ')') return ident(s.substr(2, s.size() - 3));
  if (s.size() > 4 && s.substr(0, 2) == "{{" && s.substr(s.size() - 2) == "}}") return ident(s.substr(2, s.size() - 4));
  return false;
}

bool IsMaskedOrPlaceholder(std::string_view s) {
  if (!s.empty() && s.find_first_not_of('*') == std::string_view::npos) return true;
  return IsPlaceholderValue(s);
}

namespace {

bool IsValueEnd(char c) {
  return c == ';' || c == '&' || c == '"' || c == '\'' || c == ' ' || c == '\t' || c == ',' || c == '}' || c == ']';
}

bool EqualsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i];
    char y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

}  // namespace

bool IsSecretKey(std::string_view key) {
  return key == "storageAccountConnectionString" || key == "applicationKey" || key == "password" ||
         key == "clientSecret" || key == "connectionString";
}

std::string RedactSecrets(std::string_view text) {
  std::string out(text);
  // name=value pairs in connection strings and URLs.
  static const std::string_view kAssignments[] = {"accountkey=", "sig=", "code=", "password=", "sharedaccesskey="};
  for (std::string_view name : kAssignments) {
    for (size_t i = 0; i + name.size() <= out.size(); ++i) {
      if (!EqualsNoCase(std::string_view(out).substr(i, name.size()), name)) continue;
      if (i > 0 && (std::isalnum(static_cast<unsigned char>(out[i - 1])) || out[i - 1] == '_')) continue;
      size_t v = i + name.size();
      size_t e = v;
      while (e < out.size() && !IsValueEnd(out[e])) ++e;
      bool masked = true;
      for (size_t k = v; k < e; ++k) masked = masked && (out[k] == '*');
      bool placeholder = e > v && (out[v] == '$' || out[v] == '{' || out[v] == '<');
      if (!masked && !placeholder) {
        for (size_t k = v; k < e; ++k) out[k] = '*';
      }
      i = e;
    }
  }
  // "password": "value" style JSON members (any spelling of the secret keys).
  static const std::string_view kKeys[] = {"\"password\"", "\"applicationKey\"", "\"clientSecret\""};
  for (std::string_view key : kKeys) {
    size_t i = 0;
    while ((i = out.find(key, i)) != std::string::npos) {
      size_t p = i + key.size();
      while (p < out.size() && (out[p] == ' ' || out[p] == '\t')) ++p;
      if (p < out.size() && out[p] == ':') {
        ++p;
        while (p < out.size() && (out[p] == ' ' || out[p] == '\t')) ++p;
        if (p < out.size() && out[p] == '"') {
          size_t v = p + 1;
          size_t e = v;
          while (e < out.size() && out[e] != '"') {
            if (out[e] == '\\' && e + 1 < out.size()) ++e;
            ++e;
          }
          bool placeholder = e > v && (out[v] == '$' || out[v] == '{');
          if (!placeholder) {
            for (size_t k = v; k < e && k < out.size(); ++k) out[k] = '*';
          }
          p = e;
        }
      }
      i = p;
    }
  }
  return out;
}

}  // namespace leadlint
