#include "core/compose/schema.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <set>

#include "core/compose/go_text.h"
#include "core/compose/ports.h"
#include "core/format/go_duration.h"

namespace swarmsim::compose {

namespace {

// ---------------------------------------------------------------------------
// Schema tables

enum class KeyPattern {
  kName,       // ^[a-zA-Z0-9._-]+$  (service, network, volume, ... names)
  kExtension,  // ^x-
  kAny,        // .+                 (any key with a character other than \n)
  kLine,       // ^.+$               (a non-empty key without \n)
  kLowercase,  // ^[a-z]+$           (ulimit names)
};

bool Matches(KeyPattern p, const std::string& key) {
  switch (p) {
    case KeyPattern::kName:
      return !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-';
      });
    case KeyPattern::kExtension:
      return key.rfind("x-", 0) == 0;
    case KeyPattern::kAny:
      return key.find_first_not_of('\n') != std::string::npos;
    case KeyPattern::kLine:
      return !key.empty() && key.find('\n') == std::string::npos;
    case KeyPattern::kLowercase:
      return !key.empty() && std::all_of(key.begin(), key.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  }
  return false;
}

struct Schema {
  std::vector<std::string> types;  // JSON schema type names, in declared order
  std::vector<std::pair<std::string, const Schema*>> properties;
  std::vector<std::pair<KeyPattern, const Schema*>> pattern_properties;
  bool no_additional = false;
  std::vector<const Schema*> one_of;
  const Schema* items = nullptr;
  bool unique_items = false;
  std::vector<std::string> required;
  std::vector<std::string> enum_json;  // allowed values, JSON-encoded
  std::string format;
  bool has_minimum = false;
  double minimum = 0;
};

// Builds the schema of one 3.x minor version. Additions carry the version
// that introduced them.
class SchemaBuilder {
 public:
  explicit SchemaBuilder(int minor) : v_(minor) {}

  const Schema* Build() {
    const Schema* service = Service();
    Schema* root = New({"object"});
    Prop(root, "version", New({"string"}));
    Prop(root, "services", NamedMap(service, true));
    Prop(root, "networks", NamedMap(Network(), false));
    Prop(root, "volumes", NamedMap(Volume(), true));
    if (v_ >= 1) Prop(root, "secrets", NamedMap(Secret(), true));
    if (v_ >= 3) Prop(root, "configs", NamedMap(Config(), true));
    if (v_ >= 4) root->pattern_properties.push_back({KeyPattern::kExtension, New()});
    root->no_additional = true;
    if (v_ <= 9) root->required = {"version"};
    return root;
  }

  std::deque<Schema>& arena() { return arena_; }

 private:
  Schema* New(std::vector<std::string> types = {}) {
    arena_.emplace_back();
    arena_.back().types = std::move(types);
    return &arena_.back();
  }
  static void Prop(Schema* s, const std::string& name, const Schema* child) { s->properties.push_back({name, child}); }
  Schema* Str() { return New({"string"}); }
  Schema* Duration() {
    Schema* s = Str();
    s->format = "duration";
    return s;
  }
  Schema* ArrayOf(const Schema* items, bool unique) {
    Schema* s = New({"array"});
    s->items = items;
    s->unique_items = unique;
    return s;
  }
  Schema* OneOf(std::vector<const Schema*> alts) {
    Schema* s = New();
    s->one_of = std::move(alts);
    return s;
  }
  Schema* NamedMap(const Schema* value, bool closed) {
    Schema* s = New({"object"});
    s->pattern_properties.push_back({KeyPattern::kName, value});
    s->no_additional = closed;
    return s;
  }
  Schema* DriverOpts() {
    Schema* s = New({"object"});
    s->pattern_properties.push_back({KeyPattern::kLine, New({"string", "number"})});
    return s;
  }
  void Extensions(Schema* s) {
    if (v_ >= 7) s->pattern_properties.push_back({KeyPattern::kExtension, New()});
  }

  const Schema* ListOfStrings() {
    if (!list_of_strings_) list_of_strings_ = ArrayOf(Str(), true);
    return list_of_strings_;
  }
  const Schema* StringOrList() {
    if (!string_or_list_) string_or_list_ = OneOf({Str(), ListOfStrings()});
    return string_or_list_;
  }
  const Schema* ListOrDict() {
    if (!list_or_dict_) {
      Schema* dict = New({"object"});
      dict->pattern_properties.push_back({KeyPattern::kAny, New({"string", "number", "null"})});
      dict->no_additional = true;
      list_or_dict_ = OneOf({dict, ArrayOf(Str(), true)});
    }
    return list_or_dict_;
  }
  Schema* External(bool closed) {
    Schema* s = New({"boolean", "object"});
    Prop(s, "name", Str());
    s->no_additional = closed;
    return s;
  }

  const Schema* Service() {
    Schema* s = New({"object"});
    Prop(s, "deploy", Deployment());
    {
      Schema* obj = New({"object"});
      Prop(obj, "context", Str());
      Prop(obj, "dockerfile", Str());
      Prop(obj, "args", ListOrDict());
      if (v_ >= 3) Prop(obj, "labels", ListOrDict());
      if (v_ >= 2) Prop(obj, "cache_from", ListOfStrings());
      if (v_ >= 4) Prop(obj, "network", Str());
      if (v_ >= 4) Prop(obj, "target", Str());
      if (v_ >= 5) Prop(obj, "shm_size", New({"integer", "string"}));
      if (v_ >= 9) Prop(obj, "extra_hosts", ListOrDict());
      obj->no_additional = v_ <= 10;
      Prop(s, "build", OneOf({Str(), obj}));
    }
    Prop(s, "cap_add", ArrayOf(Str(), true));
    Prop(s, "cap_drop", ArrayOf(Str(), true));
    if (v_ >= 9) Prop(s, "cgroupns_mode", Str());
    Prop(s, "cgroup_parent", Str());
    Prop(s, "command", OneOf({Str(), ArrayOf(Str(), false)}));
    if (v_ >= 3) Prop(s, "configs", ArrayOf(FileReference(), false));
    Prop(s, "container_name", Str());
    if (v_ >= 3) {
      Schema* cred = New({"object"});
      if (v_ >= 8) Prop(cred, "config", Str());
      Prop(cred, "file", Str());
      Prop(cred, "registry", Str());
      cred->no_additional = true;
      Prop(s, "credential_spec", cred);
    }
    Prop(s, "depends_on", ListOfStrings());
    Prop(s, "devices", ArrayOf(Str(), true));
    Prop(s, "dns", StringOrList());
    Prop(s, "dns_search", StringOrList());
    Prop(s, "domainname", Str());
    Prop(s, "entrypoint", OneOf({Str(), ArrayOf(Str(), false)}));
    Prop(s, "env_file", StringOrList());
    Prop(s, "environment", ListOrDict());
    {
      Schema* item = New({"string", "number"});
      item->format = "expose";
      Prop(s, "expose", ArrayOf(item, true));
    }
    Prop(s, "external_links", ArrayOf(Str(), true));
    Prop(s, "extra_hosts", ListOrDict());
    Prop(s, "healthcheck", Healthcheck());
    Prop(s, "hostname", Str());
    Prop(s, "image", Str());
    if (v_ >= 7) Prop(s, "init", New({"boolean"}));
    Prop(s, "ipc", Str());
    if (v_ >= 5) Prop(s, "isolation", Str());
    Prop(s, "labels", ListOrDict());
    Prop(s, "links", ArrayOf(Str(), true));
    {
      Schema* logging = New({"object"});
      Prop(logging, "driver", Str());
      Schema* options = New({"object"});
      options->pattern_properties.push_back({KeyPattern::kLine, New({"string", "number", "null"})});
      Prop(logging, "options", options);
      logging->no_additional = true;
      Prop(s, "logging", logging);
    }
    Prop(s, "mac_address", Str());
    Prop(s, "network_mode", Str());
    {
      Schema* net = New({"object"});
      Prop(net, "aliases", ListOfStrings());
      if (v_ >= 13) Prop(net, "driver_opts", DriverOpts());
      Prop(net, "ipv4_address", Str());
      Prop(net, "ipv6_address", Str());
      net->no_additional = true;
      Schema* by_name = New({"object"});
      by_name->pattern_properties.push_back({KeyPattern::kName, OneOf({net, New({"null"})})});
      by_name->no_additional = true;
      Prop(s, "networks", OneOf({ListOfStrings(), by_name}));
    }
    Prop(s, "pid", New({"string", "null"}));
    Prop(s, "ports", ArrayOf(PortItem(), true));
    Prop(s, "privileged", New({"boolean"}));
    Prop(s, "read_only", New({"boolean"}));
    Prop(s, "restart", Str());
    Prop(s, "security_opt", ArrayOf(Str(), true));
    Prop(s, "shm_size", New({"number", "string"}));
    if (v_ >= 1) Prop(s, "secrets", ArrayOf(FileReference(), false));
    Prop(s, "sysctls", ListOrDict());
    Prop(s, "stdin_open", New({"boolean"}));
    Prop(s, "stop_grace_period", Duration());
    Prop(s, "stop_signal", Str());
    Prop(s, "tmpfs", StringOrList());
    Prop(s, "tty", New({"boolean"}));
    {
      Schema* pair = New({"object"});
      Prop(pair, "hard", New({"integer"}));
      Prop(pair, "soft", New({"integer"}));
      pair->required = {"soft", "hard"};
      pair->no_additional = true;
      Schema* ulimits = New({"object"});
      ulimits->pattern_properties.push_back({KeyPattern::kLowercase, OneOf({New({"integer"}), pair})});
      Prop(s, "ulimits", ulimits);
    }
    if (v_ >= 13) Prop(s, "oom_score_adj", New({"integer"}));
    Prop(s, "user", Str());
    Prop(s, "userns_mode", Str());
    Prop(s, "volumes", Volumes());
    Prop(s, "working_dir", Str());
    Extensions(s);
    s->no_additional = true;
    return s;
  }

  const Schema* FileReference() {
    Schema* obj = New({"object"});
    Prop(obj, "source", Str());
    Prop(obj, "target", Str());
    Prop(obj, "uid", Str());
    Prop(obj, "gid", Str());
    Prop(obj, "mode", New({"number"}));
    return OneOf({Str(), obj});
  }

  const Schema* PortItem() {
    if (v_ < 2) {
      Schema* item = New({"string", "number"});
      item->format = "ports";
      return item;
    }
    Schema* num = New({"number"});
    num->format = "ports";
    Schema* str = Str();
    str->format = "ports";
    Schema* obj = New({"object"});
    Prop(obj, "mode", Str());
    Prop(obj, "target", New({"integer"}));
    Prop(obj, "published", New({"integer"}));
    Prop(obj, "protocol", Str());
    obj->no_additional = true;
    return OneOf({num, str, obj});
  }

  const Schema* Volumes() {
    if (v_ < 2) return ArrayOf(Str(), true);
    Schema* obj = New({"object"});
    obj->required = {"type"};
    Prop(obj, "type", Str());
    Prop(obj, "source", Str());
    Prop(obj, "target", Str());
    Prop(obj, "read_only", New({"boolean"}));
    Prop(obj, "consistency", Str());
    Schema* bind = New({"object"});
    Prop(bind, "propagation", Str());
    Prop(obj, "bind", bind);
    Schema* vol = New({"object"});
    Prop(vol, "nocopy", New({"boolean"}));
    Prop(obj, "volume", vol);
    if (v_ >= 6) {
      Schema* tmpfs = New({"object"});
      Schema* size = New({"integer"});
      size->has_minimum = true;
      size->minimum = 0;
      Prop(tmpfs, "size", size);
      Prop(obj, "tmpfs", tmpfs);
    }
    obj->no_additional = true;
    Schema* item = OneOf({Str(), obj});
    item->unique_items = true;  // declared on the item in the schema, where it has no effect
    return ArrayOf(item, false);
  }

  const Schema* Healthcheck() {
    Schema* s = New({"object"});
    s->no_additional = true;
    Prop(s, "disable", New({"boolean"}));
    Prop(s, "interval", v_ >= 4 ? Duration() : Str());
    Prop(s, "retries", New({"number"}));
    Prop(s, "test", OneOf({Str(), ArrayOf(Str(), false)}));
    Prop(s, "timeout", v_ >= 4 ? Duration() : Str());
    if (v_ >= 4) Prop(s, "start_period", Duration());
    if (v_ >= 12) Prop(s, "start_interval", Duration());
    return s;
  }

  Schema* UpdateConfig() {
    Schema* s = New({"object"});
    Prop(s, "parallelism", New({"integer"}));
    Prop(s, "delay", Duration());
    Prop(s, "failure_action", Str());
    Prop(s, "monitor", Duration());
    Prop(s, "max_failure_ratio", New({"number"}));
    if (v_ >= 4) {
      Schema* order = Str();
      order->enum_json = {"\"start-first\"", "\"stop-first\""};
      Prop(s, "order", order);
    }
    s->no_additional = true;
    return s;
  }

  const Schema* Deployment() {
    Schema* s = New({"object", "null"});
    Prop(s, "mode", Str());
    if (v_ >= 2) Prop(s, "endpoint_mode", Str());
    Prop(s, "replicas", New({"integer"}));
    Prop(s, "labels", ListOrDict());
    if (v_ >= 7) Prop(s, "rollback_config", UpdateConfig());
    Prop(s, "update_config", UpdateConfig());
    {
      Schema* resources = New({"object"});
      Schema* limits = New({"object"});
      Prop(limits, "cpus", Str());
      Prop(limits, "memory", Str());
      if (v_ >= 9) Prop(limits, "pids", New({"integer"}));
      limits->no_additional = true;
      Schema* reservations = New({"object"});
      Prop(reservations, "cpus", Str());
      Prop(reservations, "memory", Str());
      if (v_ >= 5) Prop(reservations, "generic_resources", GenericResources());
      reservations->no_additional = true;
      Prop(resources, "limits", limits);
      Prop(resources, "reservations", reservations);
      resources->no_additional = true;
      Prop(s, "resources", resources);
    }
    {
      Schema* restart = New({"object"});
      Prop(restart, "condition", Str());
      Prop(restart, "delay", Duration());
      Prop(restart, "max_attempts", New({"integer"}));
      Prop(restart, "window", Duration());
      restart->no_additional = true;
      Prop(s, "restart_policy", restart);
    }
    {
      Schema* placement = New({"object"});
      Prop(placement, "constraints", ArrayOf(Str(), false));
      if (v_ >= 3) {
        Schema* pref = New({"object"});
        Prop(pref, "spread", Str());
        pref->no_additional = true;
        Prop(placement, "preferences", ArrayOf(pref, false));
      }
      if (v_ >= 8) Prop(placement, "max_replicas_per_node", New({"integer"}));
      placement->no_additional = true;
      Prop(s, "placement", placement);
    }
    s->no_additional = true;
    return s;
  }

  const Schema* GenericResources() {
    Schema* spec = New({"object"});
    Prop(spec, "kind", Str());
    Prop(spec, "value", New({"number"}));
    spec->no_additional = true;
    Schema* item = New({"object"});
    Prop(item, "discrete_resource_spec", spec);
    item->no_additional = true;
    return ArrayOf(item, false);
  }

  const Schema* Network() {
    Schema* s = New({"object", "null"});
    if (v_ >= 5) Prop(s, "name", Str());
    Prop(s, "driver", Str());
    Prop(s, "driver_opts", DriverOpts());
    {
      Schema* ipam = New({"object"});
      Prop(ipam, "driver", Str());
      Schema* pool = New({"object"});
      Prop(pool, "subnet", Str());
      pool->no_additional = true;
      Prop(ipam, "config", ArrayOf(pool, false));
      ipam->no_additional = true;
      Prop(s, "ipam", ipam);
    }
    Prop(s, "external", External(true));
    Prop(s, "internal", New({"boolean"}));
    if (v_ >= 2) Prop(s, "attachable", New({"boolean"}));
    Prop(s, "labels", ListOrDict());
    Extensions(s);
    s->no_additional = true;
    return s;
  }

  const Schema* Volume() {
    Schema* s = New({"object", "null"});
    if (v_ >= 4) Prop(s, "name", Str());
    Prop(s, "driver", Str());
    Prop(s, "driver_opts", DriverOpts());
    Prop(s, "external", External(true));
    Prop(s, "labels", ListOrDict());
    if (v_ >= 10) Prop(s, "x-cluster-spec", New({"object"}));
    Extensions(s);
    s->no_additional = true;
    return s;
  }

  const Schema* Secret() {
    Schema* s = New({"object"});
    if (v_ >= 5) Prop(s, "name", Str());
    Prop(s, "file", Str());
    Prop(s, "external", External(false));
    Prop(s, "labels", ListOrDict());
    if (v_ >= 8) {
      Prop(s, "driver", Str());
      Prop(s, "driver_opts", DriverOpts());
      Prop(s, "template_driver", Str());
    }
    Extensions(s);
    s->no_additional = true;
    return s;
  }

  const Schema* Config() {
    Schema* s = New({"object"});
    if (v_ >= 5) Prop(s, "name", Str());
    Prop(s, "file", Str());
    Prop(s, "external", External(false));
    Prop(s, "labels", ListOrDict());
    if (v_ >= 8) Prop(s, "template_driver", Str());
    Extensions(s);
    s->no_additional = true;
    return s;
  }

  int v_;
  std::deque<Schema> arena_;
  const Schema* list_of_strings_ = nullptr;
  const Schema* string_or_list_ = nullptr;
  const Schema* list_or_dict_ = nullptr;
};

struct BuiltSchema {
  std::unique_ptr<SchemaBuilder> builder;
  const Schema* root = nullptr;
};

const Schema* RootSchema(int minor) {
  static std::mutex mu;
  static std::map<int, BuiltSchema> cache;
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache.find(minor);
  if (it == cache.end()) {
    BuiltSchema b;
    b.builder = std::make_unique<SchemaBuilder>(minor);
    b.root = b.builder->Build();
    it = cache.emplace(minor, std::move(b)).first;
  }
  return it->second.root;
}

// ---------------------------------------------------------------------------
// Validation, in gojsonschema's order and with its scoring (the score picks
// the oneOf alternative whose errors are reported).

struct SchemaError {
  std::string type;
  std::string field;
  std::string description;
  std::string expected;  // invalid_type only
};

struct Outcome {
  std::vector<SchemaError> errors;
  int score = 0;
  bool valid() const { return errors.empty(); }
  void Merge(const Outcome& other) {
    errors.insert(errors.end(), other.errors.begin(), other.errors.end());
    score += other.score;
  }
};

std::string FieldOf(const std::vector<std::string>& ctx) {
  std::string s;
  for (size_t i = 0; i < ctx.size(); ++i) {
    if (i) s += ".";
    s += ctx[i];
  }
  const std::string prefix = "(root).";
  if (s.rfind(prefix, 0) == 0) s = s.substr(prefix.size());
  return s;
}

void AddError(Outcome* r, const std::string& type, const std::vector<std::string>& ctx, const std::string& description,
              const std::string& expected = "") {
  r->errors.push_back({type, FieldOf(ctx), description, expected});
  r->score -= 2;
}

bool HasType(const Schema* s, const std::string& t) {
  return std::find(s->types.begin(), s->types.end(), t) != s->types.end();
}

std::string TypesText(const Schema* s) {
  if (s->types.size() == 1) return s->types[0];
  std::string out = "[";
  for (size_t i = 0; i < s->types.size(); ++i) {
    if (i) out += ",";
    out += s->types[i];
  }
  return out + "]";
}

bool IsIntegral(const Value& v) {
  if (v.kind == Value::Kind::kInt || v.kind == Value::Kind::kUint) return true;
  return v.kind == Value::Kind::kFloat && std::isfinite(v.f) && std::floor(v.f) == v.f;
}

double NumberOf(const Value& v) {
  switch (v.kind) {
    case Value::Kind::kInt: return static_cast<double>(v.i);
    case Value::Kind::kUint: return static_cast<double>(v.u);
    default: return v.f;
  }
}

// Text of a number as encoding/json writes it (what the format checkers see).
std::string JsonNumber(const Value& v) {
  if (v.kind == Value::Kind::kInt) return std::to_string(v.i);
  if (v.kind == Value::Kind::kUint) return std::to_string(v.u);
  double a = std::fabs(v.f);
  if (a != 0 && (a < 1e-6 || a >= 1e21)) {
    std::string s = GoFormatFloat(v.f);
    // encoding/json writes e-07 as e-7.
    size_t e = s.find("e-0");
    if (e != std::string::npos) s.erase(e + 2, 1);
    return s;
  }
  // 'f' with the shortest digits.
  std::string g = GoFormatFloat(v.f);
  if (g.find('e') == std::string::npos) return g;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.0f", v.f);
  return buf;
}

// gojsonschema compares values by their JSON text with numbers normalised.
std::string CanonicalJson(const Value& v) {
  switch (v.kind) {
    case Value::Kind::kNull: return "null";
    case Value::Kind::kBool: return v.b ? "true" : "false";
    case Value::Kind::kInt:
    case Value::Kind::kUint:
    case Value::Kind::kFloat: return JsonNumber(IsIntegral(v) ? Value::Float(NumberOf(v)) : v);
    case Value::Kind::kString:
    case Value::Kind::kTime: return GoQuote(v.s);
    case Value::Kind::kList: {
      std::string out = "[";
      for (size_t i = 0; i < v.list.size(); ++i) {
        if (i) out += ",";
        out += CanonicalJson(v.list[i]);
      }
      return out + "]";
    }
    case Value::Kind::kMap: {
      std::vector<const std::pair<std::string, Value>*> entries;
      for (const auto& e : v.map) entries.push_back(&e);
      std::sort(entries.begin(), entries.end(), [](auto* a, auto* b) { return a->first < b->first; });
      std::string out = "{";
      for (size_t i = 0; i < entries.size(); ++i) {
        if (i) out += ",";
        out += GoQuote(entries[i]->first) + ":" + CanonicalJson(entries[i]->second);
      }
      return out + "}";
    }
  }
  return "";
}

bool IsFormat(const std::string& format, const Value& v) {
  bool text = v.kind == Value::Kind::kString || v.kind == Value::Kind::kTime;  // times are JSON strings
  if (format == "duration") {
    return text && ParseGoDuration(v.s).ok();
  }
  if (format == "ports") {
    std::string spec;
    if (text) {
      spec = v.s;
    } else if (v.is_number()) {
      // The checker sees a big.Rat and keeps its numerator ("161/2" -> "161").
      if (IsIntegral(v)) {
        spec = JsonNumber(v);
      } else {
        double f = v.f;
        long long den = 1;
        while (std::floor(f) != f && den < (1LL << 52)) {
          f *= 2;
          den *= 2;
        }
        spec = std::to_string(static_cast<long long>(f));
      }
    } else {
      return false;
    }
    return ParsePortSpec(spec).ok();
  }
  return true;  // formats without a checker (e.g. "expose") always pass
}

void ValidateRecursive(const Schema* s, const Value& node, Outcome* r, std::vector<std::string>* ctx);

void ValidateSchemaKeywords(const Schema* s, const Value& node, Outcome* r, std::vector<std::string>* ctx) {
  if (!s->one_of.empty()) {
    int validated = 0;
    std::unique_ptr<Outcome> best;
    for (const Schema* alt : s->one_of) {
      Outcome sub;
      ValidateRecursive(alt, node, &sub, ctx);
      if (sub.valid()) {
        ++validated;
      } else if (validated == 0 && (!best || sub.score > best->score)) {
        best = std::make_unique<Outcome>(std::move(sub));
      }
    }
    if (validated != 1) {
      AddError(r, "number_one_of", *ctx, "Must validate one and only one schema (oneOf)");
      if (validated == 0 && best) r->Merge(*best);
    }
  }
  ++r->score;
}

void ValidateCommon(const Schema* s, const Value& node, Outcome* r, std::vector<std::string>* ctx) {
  if (!s->enum_json.empty()) {
    std::string text = CanonicalJson(node);
    if (std::find(s->enum_json.begin(), s->enum_json.end(), text) == s->enum_json.end()) {
      std::string allowed;
      for (size_t i = 0; i < s->enum_json.size(); ++i) {
        if (i) allowed += ", ";
        allowed += s->enum_json[i];
      }
      AddError(r, "enum", *ctx, FieldOf(*ctx) + " must be one of the following: " + allowed);
    }
  }
  ++r->score;
}

void ValidateArray(const Schema* s, const Value& node, Outcome* r, std::vector<std::string>* ctx) {
  if (s->items) {
    for (size_t i = 0; i < node.list.size(); ++i) {
      Outcome sub;
      ctx->push_back(std::to_string(i));
      ValidateRecursive(s->items, node.list[i], &sub, ctx);
      ctx->pop_back();
      r->Merge(sub);
    }
  }
  if (s->unique_items) {
    std::map<std::string, size_t> seen;
    for (size_t j = 0; j < node.list.size(); ++j) {
      std::string text = CanonicalJson(node.list[j]);
      auto it = seen.find(text);
      if (it != seen.end()) {
        AddError(r, "unique", *ctx,
                 "array items[" + std::to_string(it->second) + "," + std::to_string(j) + "] must be unique");
      }
      seen[text] = j;
    }
  }
  ++r->score;
}

bool ValidatePatternProperty(const Schema* s, const std::string& key, const Value& value, Outcome* r,
                             std::vector<std::string>* ctx) {
  bool validated = false;
  for (const auto& [pattern, child] : s->pattern_properties) {
    if (!Matches(pattern, key)) continue;
    validated = true;
    Outcome sub;
    ctx->push_back(key);
    ValidateRecursive(child, value, &sub, ctx);
    ctx->pop_back();
    r->Merge(sub);
  }
  if (!validated) return false;
  ++r->score;
  return true;
}

void ValidateObject(const Schema* s, const Value& node, Outcome* r, std::vector<std::string>* ctx) {
  for (const auto& req : s->required) {
    if (node.Find(req)) {
      ++r->score;
    } else {
      AddError(r, "required", *ctx, req + " is required");
    }
  }
  // Go visits the keys in random order; we use the document's.
  for (const auto& entry : node.map) {
    const auto& [key, value] = entry;
    // entry.first, not key: clang 14 (the browser build) cannot capture a structured binding.
    bool found = std::any_of(s->properties.begin(), s->properties.end(),
                             [&](const auto& p) { return p.first == entry.first; });
    bool pattern_match = ValidatePatternProperty(s, key, value, r, ctx);
    if (!found && !pattern_match && s->no_additional) {
      AddError(r, "additional_property_not_allowed", *ctx, "Additional property " + key + " is not allowed");
    }
  }
  ++r->score;
}

void ValidateString(const Schema* s, const Value& node, Outcome* r, std::vector<std::string>* ctx) {
  if (node.kind != Value::Kind::kString && node.kind != Value::Kind::kTime) return;
  if (!s->format.empty() && !IsFormat(s->format, node)) {
    AddError(r, "format", *ctx, "Does not match format '" + s->format + "'");
  }
  ++r->score;
}

void ValidateNumber(const Schema* s, const Value& node, Outcome* r, std::vector<std::string>* ctx) {
  if (!node.is_number()) return;
  if (s->has_minimum && NumberOf(node) < s->minimum) {
    AddError(r, "number_gte", *ctx, "Must be greater than or equal to " + GoFormatFloat(s->minimum));
  }
  if (!s->format.empty() && !IsFormat(s->format, node)) {
    AddError(r, "format", *ctx, "Does not match format '" + s->format + "'");
  }
  ++r->score;
}

void TypeError(const Schema* s, const std::string& given, Outcome* r, std::vector<std::string>* ctx) {
  AddError(r, "invalid_type", *ctx, "Invalid type. Expected: " + TypesText(s) + ", given: " + given, TypesText(s));
}

void ValidateRecursive(const Schema* s, const Value& node, Outcome* r, std::vector<std::string>* ctx) {
  bool typed = !s->types.empty();
  switch (node.kind) {
    case Value::Kind::kNull:
      if (typed && !HasType(s, "null")) return TypeError(s, "null", r, ctx);
      ValidateSchemaKeywords(s, node, r, ctx);
      ValidateCommon(s, node, r, ctx);
      break;
    case Value::Kind::kInt:
    case Value::Kind::kUint:
    case Value::Kind::kFloat: {
      bool is_int = IsIntegral(node);
      bool ok = HasType(s, "number") || (is_int && HasType(s, "integer"));
      if (typed && !ok) return TypeError(s, is_int ? "integer" : "number", r, ctx);
      ValidateSchemaKeywords(s, node, r, ctx);
      ValidateNumber(s, node, r, ctx);
      ValidateCommon(s, node, r, ctx);
      break;
    }
    case Value::Kind::kList:
      if (typed && !HasType(s, "array")) return TypeError(s, "array", r, ctx);
      ValidateSchemaKeywords(s, node, r, ctx);
      ValidateArray(s, node, r, ctx);
      ValidateCommon(s, node, r, ctx);
      break;
    case Value::Kind::kMap:
      if (typed && !HasType(s, "object")) return TypeError(s, "object", r, ctx);
      ValidateSchemaKeywords(s, node, r, ctx);
      ValidateObject(s, node, r, ctx);
      ValidateCommon(s, node, r, ctx);
      for (const auto& [name, child] : s->properties) {
        if (const Value* v = node.Find(name)) {
          ctx->push_back(name);
          ValidateRecursive(child, *v, r, ctx);
          ctx->pop_back();
        }
      }
      break;
    case Value::Kind::kBool:
      if (typed && !HasType(s, "boolean")) return TypeError(s, "boolean", r, ctx);
      ValidateSchemaKeywords(s, node, r, ctx);
      ValidateCommon(s, node, r, ctx);
      break;
    case Value::Kind::kString:
    case Value::Kind::kTime:  // encoding/json writes a time.Time as a string
      if (typed && !HasType(s, "string")) return TypeError(s, "string", r, ctx);
      ValidateSchemaKeywords(s, node, r, ctx);
      ValidateCommon(s, node, r, ctx);
      ValidateString(s, node, r, ctx);
      break;
  }
  ++r->score;
}

std::string HumanReadableType(const std::string& definition) {
  if (!definition.empty() && definition[0] == '[') {
    std::vector<std::string> parts;
    std::string inner = definition.substr(1, definition.size() - 2);
    size_t start = 0;
    for (;;) {
      size_t comma = inner.find(',', start);
      parts.push_back(HumanReadableType(inner.substr(start, comma - start)));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    std::string out;
    for (size_t i = 0; i + 1 < parts.size(); ++i) {
      if (i) out += ", ";
      out += parts[i];
    }
    return out + " or " + parts.back();
  }
  if (definition == "object") return "mapping";
  if (definition == "array") return "list";
  return definition;
}

size_t Specificity(const SchemaError& e) { return std::count(e.field.begin(), e.field.end(), '.') + 1; }

std::string Describe(const SchemaError& parent, const SchemaError* child) {
  if (parent.type == "invalid_type") return "must be a " + HumanReadableType(parent.expected);
  if (parent.type == "number_one_of" || parent.type == "number_any_of") {
    return child ? child->description : parent.description;
  }
  return parent.description;
}

// docker's getMostSpecificError.
std::string MostSpecificMessage(const std::vector<SchemaError>& errs) {
  size_t best = 0;
  for (size_t i = 0; i < errs.size(); ++i) {
    if (Specificity(errs[i]) > Specificity(errs[best])) {
      best = i;
      continue;
    }
    if (Specificity(errs[i]) == Specificity(errs[best]) && errs[i].type == "invalid_type" &&
        errs[best].type != "invalid_type") {
      best = i;
    }
  }
  const SchemaError& parent = errs[best];
  const SchemaError* child = nullptr;
  if (best + 1 < errs.size() && (parent.type == "number_one_of" || parent.type == "number_any_of")) {
    child = &errs[best + 1];
  }
  return parent.field + " " + Describe(parent, child);
}

// encoding/json's refusals, found in its (sorted-key) walk.
std::string JsonEncodeProblem(const Value& v) {
  switch (v.kind) {
    case Value::Kind::kFloat:
      if (std::isnan(v.f) || std::isinf(v.f)) return "json: unsupported value: " + GoFormatFloat(v.f);
      return "";
    case Value::Kind::kList:
      for (const auto& c : v.list) {
        std::string p = JsonEncodeProblem(c);
        if (!p.empty()) return p;
      }
      return "";
    case Value::Kind::kMap: {
      if (!v.string_keys) return "json: unsupported type: map[interface {}]interface {}";
      std::vector<const std::pair<std::string, Value>*> entries;
      for (const auto& e : v.map) entries.push_back(&e);
      std::sort(entries.begin(), entries.end(), [](auto* a, auto* b) { return a->first < b->first; });
      for (const auto* e : entries) {
        std::string p = JsonEncodeProblem(e->second);
        if (!p.empty()) return p;
      }
      return "";
    }
    default:
      return "";
  }
}

}  // namespace

std::string SchemaVersion(const Value& config) {
  const Value* v = config.Find("version");
  if (!v) return "3.13";
  std::string text = GoSprint(*v);
  if (text.empty() || text == "3") return "3.13";
  return text;
}

Status ValidateSchema(const Value& config, const std::string& version_in) {
  std::string version = version_in.empty() || version_in == "3" ? "3.13" : version_in;
  int minor = -1;
  for (int m = 0; m <= 13; ++m) {
    if (version == "3." + std::to_string(m)) minor = m;
  }
  if (minor < 0) return Status::InvalidArgument("unsupported Compose file version: " + version);
  std::string json_problem = JsonEncodeProblem(config);
  if (!json_problem.empty()) return Status::InvalidArgument(json_problem);
  Outcome outcome;
  std::vector<std::string> ctx = {"(root)"};
  ValidateRecursive(RootSchema(minor), config, &outcome, &ctx);
  if (outcome.valid()) return Status::OK();
  return Status::InvalidArgument(MostSpecificMessage(outcome.errors));
}

}  // namespace swarmsim::compose
