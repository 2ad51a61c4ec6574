#include "core/compose/interpolation.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <vector>

#include "core/compose/go_text.h"

namespace swarmsim {

namespace {

bool IsNameStart(char c) { return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsNameChar(char c) { return IsNameStart(c) || (c >= '0' && c <= '9'); }

// Matches docker's `[_a-z][_a-z0-9]*(?::?[-?][^}]*)?` (case-insensitive) at
// text[i]; returns its length, or 0.
size_t MatchSubstitution(const std::string& text, size_t i) {
  if (i >= text.size() || !IsNameStart(text[i])) return 0;
  size_t j = i + 1;
  while (j < text.size() && IsNameChar(text[j])) ++j;
  size_t k = j;
  if (k < text.size() && text[k] == ':') ++k;
  if (k < text.size() && (text[k] == '-' || text[k] == '?')) {
    ++k;
    while (k < text.size() && text[k] != '}') ++k;
    return k - i;
  }
  return j - i;
}

std::pair<std::string, std::string> Partition(const std::string& s, const std::string& sep) {
  size_t p = s.find(sep);
  if (p == std::string::npos) return {s, ""};
  return {s.substr(0, p), s.substr(p + sep.size())};
}

struct Lookup {
  const ComposeEnv& env;
  std::optional<std::string> operator()(const std::string& name) const {
    auto it = env.find(name);
    if (it == env.end()) return std::nullopt;
    return it->second;
  }
};

// One substitution: its value, and sets *error_template when it fails (the
// text docker's InvalidTemplateError carries), clearing it otherwise, because
// docker's loop keeps only the outcome of the last substitution it evaluated.
std::string Evaluate(const std::string& sub, const Lookup& lookup, std::optional<std::string>* error_template) {
  error_template->reset();
  if (sub.find(":-") != std::string::npos) {
    auto [name, def] = Partition(sub, ":-");
    auto v = lookup(name);
    return !v || v->empty() ? def : *v;
  }
  if (sub.find('-') != std::string::npos) {
    auto [name, def] = Partition(sub, "-");
    auto v = lookup(name);
    return !v ? def : *v;
  }
  if (sub.find(":?") != std::string::npos) {
    auto [name, msg] = Partition(sub, ":?");
    auto v = lookup(name);
    if (!v || v->empty()) {
      *error_template = "required variable " + name + " is missing a value: " + msg;
      return "";
    }
    return *v;
  }
  if (sub.find('?') != std::string::npos) {
    auto [name, msg] = Partition(sub, "?");
    auto v = lookup(name);
    if (!v) {
      *error_template = "required variable " + name + " is missing a value: " + msg;
      return "";
    }
    return *v;
  }
  return lookup(sub).value_or("");
}

// Returns the substituted text; *error_template is set when docker would fail.
std::string Substitute(const std::string& text, const ComposeEnv& env, std::optional<std::string>* error_template) {
  Lookup lookup{env};
  std::string out;
  error_template->reset();
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] != '$') {
      out.push_back(text[i++]);
      continue;
    }
    // Alternatives in docker's order: escaped, named, braced, invalid.
    if (i + 1 < text.size() && text[i + 1] == '$') {
      out.push_back('$');
      i += 2;
      continue;
    }
    size_t named = MatchSubstitution(text, i + 1);
    if (named > 0) {
      out += Evaluate(text.substr(i + 1, named), lookup, error_template);
      i += 1 + named;
      continue;
    }
    if (i + 1 < text.size() && text[i + 1] == '{') {
      size_t braced = MatchSubstitution(text, i + 2);
      if (braced > 0 && i + 2 + braced < text.size() && text[i + 2 + braced] == '}') {
        out += Evaluate(text.substr(i + 2, braced), lookup, error_template);
        i += 3 + braced;
        continue;
      }
    }
    // A '$' that starts nothing: the whole template is invalid.
    *error_template = text;
    i += 1;
  }
  return out;
}

}  // namespace

Result<std::string> SubstituteVariables(const std::string& text, const ComposeEnv& env) {
  std::optional<std::string> error_template;
  std::string out = Substitute(text, env, &error_template);
  if (error_template) return Status::InvalidArgument("Invalid template: " + compose::GoQuote(*error_template));
  return out;
}

}  // namespace swarmsim

namespace swarmsim::compose {

namespace {

enum class Cast { kNone, kInt, kFloat, kBool };

// docker's interpolateTypeCastMapping: paths whose interpolated strings become
// typed values. "*" matches any key, "[]" any list item.
struct CastRule {
  std::vector<std::string> path;
  Cast cast;
};

const std::vector<CastRule>& CastRules() {
  static const std::vector<CastRule> kRules = {
      {{"services", "*", "configs", "[]", "mode"}, Cast::kInt},
      {{"services", "*", "secrets", "[]", "mode"}, Cast::kInt},
      {{"services", "*", "healthcheck", "retries"}, Cast::kInt},
      {{"services", "*", "healthcheck", "disable"}, Cast::kBool},
      {{"services", "*", "deploy", "replicas"}, Cast::kInt},
      {{"services", "*", "deploy", "update_config", "parallelism"}, Cast::kInt},
      {{"services", "*", "deploy", "update_config", "max_failure_ratio"}, Cast::kFloat},
      {{"services", "*", "deploy", "rollback_config", "parallelism"}, Cast::kInt},
      {{"services", "*", "deploy", "rollback_config", "max_failure_ratio"}, Cast::kFloat},
      {{"services", "*", "deploy", "restart_policy", "max_attempts"}, Cast::kInt},
      {{"services", "*", "deploy", "placement", "max_replicas_per_node"}, Cast::kInt},
      {{"services", "*", "ports", "[]", "target"}, Cast::kInt},
      {{"services", "*", "ports", "[]", "published"}, Cast::kInt},
      {{"services", "*", "ulimits", "*"}, Cast::kInt},
      {{"services", "*", "ulimits", "*", "hard"}, Cast::kInt},
      {{"services", "*", "ulimits", "*", "soft"}, Cast::kInt},
      {{"services", "*", "privileged"}, Cast::kBool},
      {{"services", "*", "oom_score_adj"}, Cast::kInt},
      {{"services", "*", "read_only"}, Cast::kBool},
      {{"services", "*", "stdin_open"}, Cast::kBool},
      {{"services", "*", "tty"}, Cast::kBool},
      {{"services", "*", "volumes", "[]", "read_only"}, Cast::kBool},
      {{"services", "*", "volumes", "[]", "volume", "nocopy"}, Cast::kBool},
      {{"networks", "*", "external"}, Cast::kBool},
      {{"networks", "*", "internal"}, Cast::kBool},
      {{"networks", "*", "attachable"}, Cast::kBool},
      {{"volumes", "*", "external"}, Cast::kBool},
      {{"secrets", "*", "external"}, Cast::kBool},
      {{"configs", "*", "external"}, Cast::kBool},
  };
  return kRules;
}

Cast CastFor(const std::vector<std::string>& path) {
  for (const auto& rule : CastRules()) {
    if (rule.path.size() != path.size()) continue;
    bool match = true;
    for (size_t i = 0; i < path.size() && match; ++i) {
      match = rule.path[i] == "*" || rule.path[i] == path[i];
    }
    if (match) return rule.cast;
  }
  return Cast::kNone;
}

std::string JoinPath(const std::vector<std::string>& path) {
  std::string out;
  for (size_t i = 0; i < path.size(); ++i) {
    if (i) out += ".";
    out += path[i];
  }
  return out;
}

// strconv.Atoi.
Result<Value> ToInt(const std::string& s) {
  std::string err = "strconv.Atoi: parsing " + GoQuote(s) + ": ";
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  if (i == s.size()) return Status::InvalidArgument(err + "invalid syntax");
  for (size_t k = i; k < s.size(); ++k) {
    if (s[k] < '0' || s[k] > '9') return Status::InvalidArgument(err + "invalid syntax");
  }
  errno = 0;
  long long v = std::strtoll(s.c_str(), nullptr, 10);
  if (errno == ERANGE) return Status::InvalidArgument(err + "value out of range");
  return Value::Int(v);
}

// strconv.ParseFloat for the decimal forms compose files use.
Result<Value> ToFloat(const std::string& s) {
  std::string err = "strconv.ParseFloat: parsing " + GoQuote(s) + ": ";
  const char* begin = s.c_str();
  char* end = nullptr;
  bool hex = s.find("0x") != std::string::npos || s.find("0X") != std::string::npos;
  if (s.empty() || hex || std::isspace(static_cast<unsigned char>(s[0]))) {
    return Status::InvalidArgument(err + "invalid syntax");
  }
  errno = 0;
  double v = std::strtod(begin, &end);
  if (*end != '\0') return Status::InvalidArgument(err + "invalid syntax");
  if (errno == ERANGE && std::isinf(v)) return Status::InvalidArgument(err + "value out of range");
  return Value::Float(v);
}

Result<Value> ToBool(const std::string& s) {
  std::string lower;
  for (char c : s) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (lower == "y" || lower == "yes" || lower == "true" || lower == "on") return Value::Bool(true);
  if (lower == "n" || lower == "no" || lower == "false" || lower == "off") return Value::Bool(false);
  return Status::InvalidArgument("invalid boolean: " + s);
}

Status Recurse(Value* v, std::vector<std::string>* path, const ComposeEnv& env) {
  switch (v->kind) {
    case Value::Kind::kString: {
      std::optional<std::string> error_template;
      std::string out = Substitute(v->s, env, &error_template);
      if (error_template) {
        return Status::InvalidArgument("invalid interpolation format for " + JoinPath(*path) + ": " +
                                       GoQuote(*error_template) + "; you may need to escape any $ with another $");
      }
      if (out == v->s) return Status::OK();
      Result<Value> cast = Value::String(out);
      switch (CastFor(*path)) {
        case Cast::kNone: break;
        case Cast::kInt: cast = ToInt(out); break;
        case Cast::kFloat: cast = ToFloat(out); break;
        case Cast::kBool: cast = ToBool(out); break;
      }
      if (!cast.ok()) {
        return Status::InvalidArgument("error while interpolating " + JoinPath(*path) +
                                       ": failed to cast to expected type: " + cast.status().message());
      }
      *v = std::move(cast).value();
      return Status::OK();
    }
    case Value::Kind::kMap:
      // Go's map[any]any (non-string keys) is left alone by docker.
      if (!v->string_keys) return Status::OK();
      for (auto& [key, child] : v->map) {
        path->push_back(key);
        Status st = Recurse(&child, path, env);
        path->pop_back();
        SWARMSIM_RETURN_IF_ERROR(st);
      }
      return Status::OK();
    case Value::Kind::kList:
      for (auto& child : v->list) {
        path->push_back("[]");
        Status st = Recurse(&child, path, env);
        path->pop_back();
        SWARMSIM_RETURN_IF_ERROR(st);
      }
      return Status::OK();
    default:
      return Status::OK();
  }
}

}  // namespace

Status Interpolate(Value* config, const ComposeEnv& env) {
  std::vector<std::string> path;
  return Recurse(config, &path, env);
}

}  // namespace swarmsim::compose
