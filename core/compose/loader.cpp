#include "core/compose/loader.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>

#include "core/compose/go_text.h"
#include "core/compose/merge.h"
#include "core/compose/normalize.h"
#include "core/compose/ports.h"
#include "core/compose/schema.h"
#include "core/compose/yaml_reader.h"
#include "core/format/env_file.h"
#include "core/format/time_format.h"
#include "core/format/go_duration.h"

namespace swarmsim {

namespace {

using compose::Value;

// ---------------------------------------------------------------------------
// docker's option tables (cli/compose/types).

const std::vector<std::string>& UnsupportedProperties() {
  static const std::vector<std::string> kList = {
      "build", "cgroupns_mode", "cgroup_parent", "devices", "domainname", "external_links", "ipc", "links",
      "mac_address", "network_mode", "pid", "privileged", "restart", "security_opt", "shm_size", "userns_mode"};
  return kList;
}

const std::map<std::string, std::string>& DeprecatedProperties() {
  static const std::map<std::string, std::string> kMap = {
      {"container_name", "Setting the container name is not supported."},
      {"expose", "Exposing ports is unnecessary - services on the same network can access each other's containers "
                 "on any port."},
  };
  return kMap;
}

const std::map<std::string, std::string>& ForbiddenProperties() {
  static const std::map<std::string, std::string> kMap = {
      {"extends", "Support for `extends` is not implemented yet."},
      {"volume_driver", "Instead of setting the volume driver on the service, define a volume using the top-level "
                        "`volumes` option and specify the driver there."},
      {"volumes_from", "To share a volume between services, define it using the top-level `volumes` option and "
                       "reference it from each service that shares it using the service-level `volumes` option."},
      {"cpu_quota", "Set resource limits using deploy.resources"},
      {"cpu_shares", "Set resource limits using deploy.resources"},
      {"cpuset", "Set resource limits using deploy.resources"},
      {"mem_limit", "Set resource limits using deploy.resources"},
      {"memswap_limit", "Set resource limits using deploy.resources"},
  };
  return kMap;
}

// docker only looks into `services` when it is a map[string]any.
const Value* Services(const Value& config) {
  const Value* s = config.Find("services");
  return s && s->is_map() && s->string_keys ? s : nullptr;
}

// `name: description` of every listed property some service sets.
std::map<std::string, std::string> UsedProperties(const Value& config, const std::map<std::string, std::string>& table) {
  std::map<std::string, std::string> out;
  const Value* services = Services(config);
  if (!services) return out;
  for (const auto& [name, svc] : services->map) {
    if (!svc.is_map()) continue;
    for (const auto& [prop, desc] : table) {
      if (svc.Find(prop)) out[prop] = desc;
    }
  }
  return out;
}

std::string PropertyWarnings(const std::map<std::string, std::string>& props) {
  std::vector<std::string> msgs;
  for (const auto& [name, desc] : props) msgs.push_back(name + ": " + desc);
  std::sort(msgs.begin(), msgs.end());
  std::string out;
  for (size_t i = 0; i < msgs.size(); ++i) {
    if (i) out += "\n\n";
    out += msgs[i];
  }
  return out;
}

// ---------------------------------------------------------------------------
// Decoding the validated tree into the typed project, with mapstructure's
// error texts and field names (the Go field name, or its mapstructure tag).

std::string GoTypeName(const Value& v) {
  switch (v.kind) {
    case Value::Kind::kNull: return "<nil>";
    case Value::Kind::kBool: return "bool";
    case Value::Kind::kInt: return "int";
    case Value::Kind::kUint: return "uint64";
    case Value::Kind::kFloat: return "float64";
    case Value::Kind::kString: return "string";
    case Value::Kind::kTime: return "time.Time";
    case Value::Kind::kList: return "[]interface {}";
    case Value::Kind::kMap: return "map[string]interface {}";
  }
  return "";
}

std::string Field(const std::string& parent, const std::string& field) {
  return parent.empty() ? field : parent + "." + field;
}

class Decoder {
 public:

  const std::vector<std::string>& errors() const { return errors_; }
  void Fail(std::string msg) { errors_.push_back(std::move(msg)); }
  void HookFail(const std::string& name, const std::string& msg) {
    errors_.push_back("error decoding '" + name + "': " + msg);
  }

  void String(const Value* v, const std::string& name, std::string* out) {
    if (!v || v->is_null()) return;
    if (v->is_string()) {
      *out = v->s;
      return;
    }
    Unconvertible(*v, name, "string");
  }

  void Bool(const Value* v, const std::string& name, bool* out) {
    if (!v || v->is_null()) return;
    if (v->kind == Value::Kind::kBool) {
      *out = v->b;
      return;
    }
    Unconvertible(*v, name, "bool");
  }

  // Decodes an unsigned integer; `type` is the Go type named in errors.
  bool Uint(const Value* v, const std::string& name, uint64_t* out, const std::string& type = "uint64") {
    if (!v || v->is_null()) return false;
    switch (v->kind) {
      case Value::Kind::kInt:
        if (v->i < 0) {
          Fail("cannot parse '" + name + "', " + std::to_string(v->i) + " overflows uint");
          return false;
        }
        *out = static_cast<uint64_t>(v->i);
        return true;
      case Value::Kind::kUint:
        *out = v->u;
        return true;
      case Value::Kind::kFloat: {
        if (v->f < 0) {
          char buf[64];
          std::snprintf(buf, sizeof buf, "%f", v->f);
          Fail("cannot parse '" + name + "', " + buf + " overflows uint");
          return false;
        }
        *out = static_cast<uint64_t>(v->f);
        return true;
      }
      default:
        Unconvertible(*v, name, type);
        return false;
    }
  }

  bool Int(const Value* v, const std::string& name, int64_t* out, const std::string& type = "int64") {
    if (!v || v->is_null()) return false;
    switch (v->kind) {
      case Value::Kind::kInt: *out = v->i; return true;
      case Value::Kind::kUint: *out = static_cast<int64_t>(v->u); return true;
      case Value::Kind::kFloat: *out = static_cast<int64_t>(v->f); return true;
      default: Unconvertible(*v, name, type); return false;
    }
  }

  void Float32(const Value* v, const std::string& name, float* out) {
    if (!v || v->is_null()) return;
    switch (v->kind) {
      case Value::Kind::kInt: *out = static_cast<float>(v->i); return;
      case Value::Kind::kUint: *out = static_cast<float>(v->u); return;
      case Value::Kind::kFloat: *out = static_cast<float>(v->f); return;
      default: Unconvertible(*v, name, "float32");
    }
  }

  void Duration(const Value* v, const std::string& name, swarmsim::Duration* out, bool* set = nullptr) {
    if (!v || v->is_null()) return;
    if (!v->is_string()) {
      HookFail(name, "invalid type " + GoTypeName(*v) + " for duration");
      return;
    }
    auto d = ParseGoDuration(v->s);
    if (!d.ok()) {
      HookFail(name, d.status().message());
      return;
    }
    *out = *d;
    if (set) *set = true;
  }
  void OptDuration(const Value* v, const std::string& name, std::optional<swarmsim::Duration>* out) {
    swarmsim::Duration d = 0;
    bool set = false;
    Duration(v, name, &d, &set);
    if (set) *out = d;
  }

  void Size(const Value* v, const std::string& name, int64_t* out) {
    if (!v || v->is_null()) return;
    if (v->kind == Value::Kind::kInt) {
      *out = v->i;
      return;
    }
    if (v->is_string()) {
      auto r = compose::RamInBytes(v->s);
      if (!r.ok()) {
        HookFail(name, r.status().message());
        return;
      }
      *out = *r;
    }
  }

  // StringList: a string or a list of strings.
  void StringList(const Value* v, const std::string& name, std::vector<std::string>* out) {
    if (!v || v->is_null()) return;
    if (v->is_string()) {
      *out = {v->s};
      return;
    }
    if (!v->is_list()) {
      HookFail(name, "invalid type " + GoTypeName(*v) + " for string list");
      return;
    }
    Strings(v, name, out);
  }

  void Strings(const Value* v, const std::string& name, std::vector<std::string>* out) {
    if (!v || v->is_null()) return;
    out->clear();
    for (size_t i = 0; i < v->list.size(); ++i) {
      std::string s;
      String(&v->list[i], name + "[" + std::to_string(i) + "]", &s);
      out->push_back(s);
    }
  }

  // ShellCommand: a string split like a shell, or a list.
  void ShellCommand(const Value* v, const std::string& name, std::vector<std::string>* out) {
    if (!v || v->is_null()) return;
    if (v->is_string()) {
      auto words = compose::ShellSplit(v->s);
      if (!words.ok()) {
        HookFail(name, words.status().message());
        return;
      }
      *out = *words;
      return;
    }
    Strings(v, name, out);
  }

  // fmt.Sprint of a scalar, as docker's toMapStringString does.
  static std::string Sprint(const Value& v) { return compose::GoSprint(v); }

  // Mapping/Labels/MappingWithEquals from a list ("k=v") or a map.
  void MappingWithEquals(const Value* v, ComposeMappingWithEquals* out) {
    if (!v || v->is_null()) return;
    if (v->is_map()) {
      for (const auto& [k, x] : v->map) {
        if (x.is_null()) {
          (*out)[k] = std::nullopt;
        } else {
          (*out)[k] = Sprint(x);
        }
      }
      return;
    }
    for (const auto& item : v->list) {
      const std::string& s = item.s;
      size_t eq = s.find('=');
      if (eq == std::string::npos) {
        (*out)[s] = std::nullopt;
      } else {
        (*out)[s.substr(0, eq)] = s.substr(eq + 1);
      }
    }
  }
  void Mapping(const Value* v, std::map<std::string, std::string>* out) {
    if (!v || v->is_null()) return;
    if (v->is_map()) {
      for (const auto& [k, x] : v->map) (*out)[k] = x.is_null() ? "" : Sprint(x);
      return;
    }
    for (const auto& item : v->list) {
      const std::string& s = item.s;
      size_t eq = s.find('=');
      if (eq == std::string::npos) {
        (*out)[s] = "";
      } else {
        (*out)[s.substr(0, eq)] = s.substr(eq + 1);
      }
    }
  }
  // map[string]string from a mapping (driver_opts, logging options).
  void StringMap(const Value* v, const std::string& name, std::map<std::string, std::string>* out) {
    if (!v || v->is_null()) return;
    if (!v->is_map()) {
      HookFail(name, "invalid type " + GoTypeName(*v) + " for map[string]string");
      return;
    }
    for (const auto& [k, x] : v->map) (*out)[k] = x.is_null() ? "" : Sprint(x);
  }

  // HostsList: "host:ip" entries from a list ("host:ip" or "host=ip") or a map.
  void HostsList(const Value* v, std::vector<std::string>* out) {
    if (!v || v->is_null()) return;
    std::vector<std::string> pairs;
    if (v->is_map()) {
      for (const auto& [k, x] : v->map) {
        if (x.is_null()) continue;
        pairs.push_back(k + ":" + Sprint(x));
      }
      std::sort(pairs.begin(), pairs.end());
    } else {
      for (const auto& item : v->list) {
        std::string entry = Sprint(item);
        for (const char* sep : {"=", ":"}) {
          size_t p = entry.find(sep);
          if (p != std::string::npos) {
            pairs.push_back(entry.substr(0, p) + ":" + entry.substr(p + 1));
            break;
          }
        }
      }
    }
    out->clear();
    for (const auto& hip : pairs) {
      size_t colon = hip.find(':');
      std::string host = hip.substr(0, colon);
      std::string ip = colon == std::string::npos ? "" : hip.substr(colon + 1);
      if (ip.size() > 2 && ip.front() == '[' && ip.back() == ']') ip = ip.substr(1, ip.size() - 2);
      out->push_back(host + ":" + ip);
    }
  }

  void External(const Value* v, const std::string& name, ComposeExternal* out) {
    if (!v || v->is_null()) return;
    if (v->kind == Value::Kind::kBool) {
      out->external = v->b;
      return;
    }
    if (v->is_map()) {
      out->external = true;
      String(v->Find("name"), Field(name, "name"), &out->name);
      return;
    }
    HookFail(name, "invalid type " + GoTypeName(*v) + " for external");
  }

  static Value Extras(const Value& dict) {
    Value out = Value::Map();
    for (const auto& [k, v] : dict.map) {
      if (k.rfind("x-", 0) == 0) out.Set(k, v);
    }
    return out;
  }

  // ---- services

  // Field names in errors start at the service, as docker decodes one service at a time.
  ComposeService Service(const std::string& name, const Value& dict) {
    ComposeService s;
    if (const Value* b = dict.Find("build")) Build(b, &s.build);
    Strings(dict.Find("cap_add"), "cap_add", &s.cap_add);
    Strings(dict.Find("cap_drop"), "cap_drop", &s.cap_drop);
    String(dict.Find("cgroupns_mode"), "cgroupns_mode", &s.cgroupns_mode);
    String(dict.Find("cgroup_parent"), "cgroup_parent", &s.cgroup_parent);
    ShellCommand(dict.Find("command"), "Command", &s.command);
    FileRefs(dict.Find("configs"), "Configs", &s.configs);
    String(dict.Find("container_name"), "container_name", &s.container_name);
    if (const Value* c = dict.Find("credential_spec"); c && c->is_map()) {
      String(c->Find("config"), "credential_spec.Config", &s.credential_spec.config);
      String(c->Find("file"), "credential_spec.File", &s.credential_spec.file);
      String(c->Find("registry"), "credential_spec.Registry", &s.credential_spec.registry);
    }
    Strings(dict.Find("depends_on"), "depends_on", &s.depends_on);
    if (const Value* d = dict.Find("deploy"); d && d->is_map()) Deploy(*d, &s.deploy);
    Strings(dict.Find("devices"), "Devices", &s.devices);
    StringList(dict.Find("dns"), "DNS", &s.dns);
    StringList(dict.Find("dns_search"), "dns_search", &s.dns_search);
    String(dict.Find("domainname"), "domainname", &s.domainname);
    ShellCommand(dict.Find("entrypoint"), "Entrypoint", &s.entrypoint);
    MappingWithEquals(dict.Find("environment"), &s.environment);
    StringList(dict.Find("env_file"), "env_file", &s.env_file);
    if (const Value* e = dict.Find("expose"); e && e->is_list()) {
      for (const auto& item : e->list) s.expose.push_back(Sprint(item));
    }
    Strings(dict.Find("external_links"), "external_links", &s.external_links);
    HostsList(dict.Find("extra_hosts"), &s.extra_hosts);
    String(dict.Find("hostname"), "Hostname", &s.hostname);
    if (const Value* h = dict.Find("healthcheck"); h && h->is_map()) Healthcheck(*h, &s.healthcheck.emplace());
    String(dict.Find("image"), "Image", &s.image);
    if (const Value* i = dict.Find("init"); i && !i->is_null()) {
      bool b = false;
      Bool(i, "Init", &b);
      s.init = b;
    }
    String(dict.Find("ipc"), "Ipc", &s.ipc);
    String(dict.Find("isolation"), "isolation", &s.isolation);
    Mapping(dict.Find("labels"), &s.labels);
    Strings(dict.Find("links"), "Links", &s.links);
    if (const Value* l = dict.Find("logging"); l && l->is_map()) {
      ComposeLogging& log = s.logging.emplace();
      String(l->Find("driver"), "Logging.Driver", &log.driver);
      StringMap(l->Find("options"), "Logging.Options", &log.options);
    }
    String(dict.Find("mac_address"), "mac_address", &s.mac_address);
    String(dict.Find("network_mode"), "network_mode", &s.network_mode);
    if (const Value* n = dict.Find("networks")) Networks(*n, &s.networks);
    String(dict.Find("pid"), "Pid", &s.pid);
    if (const Value* ports = dict.Find("ports")) Ports(*ports, &s.ports);
    Bool(dict.Find("privileged"), "Privileged", &s.privileged);
    Bool(dict.Find("read_only"), "read_only", &s.read_only);
    String(dict.Find("restart"), "Restart", &s.restart);
    FileRefs(dict.Find("secrets"), "Secrets", &s.secrets);
    Strings(dict.Find("security_opt"), "security_opt", &s.security_opt);
    String(dict.Find("shm_size"), "shm_size", &s.shm_size);
    Bool(dict.Find("stdin_open"), "stdin_open", &s.stdin_open);
    OptDuration(dict.Find("stop_grace_period"), "stop_grace_period", &s.stop_grace_period);
    String(dict.Find("stop_signal"), "stop_signal", &s.stop_signal);
    Mapping(dict.Find("sysctls"), &s.sysctls);
    StringList(dict.Find("tmpfs"), "Tmpfs", &s.tmpfs);
    Bool(dict.Find("tty"), "tty", &s.tty);
    if (const Value* u = dict.Find("ulimits"); u && u->is_map()) {
      for (const auto& [k, x] : u->map) {
        ComposeUlimit ul;
        if (x.kind == Value::Kind::kInt) {
          ul.single = static_cast<int>(x.i);
        } else if (x.is_map()) {
          const Value* soft = x.Find("soft");
          const Value* hard = x.Find("hard");
          if (soft && soft->kind == Value::Kind::kInt) ul.soft = static_cast<int>(soft->i);
          if (hard && hard->kind == Value::Kind::kInt) ul.hard = static_cast<int>(hard->i);
        } else if (!x.is_null()) {
          HookFail("Ulimits[" + k + "]", "invalid type " + GoTypeName(x) + " for ulimits");
          continue;
        }
        s.ulimits[k] = ul;
      }
    }
    String(dict.Find("user"), "User", &s.user);
    String(dict.Find("userns_mode"), "userns_mode", &s.userns_mode);
    if (const Value* v = dict.Find("volumes"); v && v->is_list()) {
      for (size_t i = 0; i < v->list.size(); ++i) {
        Mount(v->list[i], "Volumes[" + std::to_string(i) + "]", &s.volumes);
      }
    }
    String(dict.Find("working_dir"), "working_dir", &s.working_dir);
    s.name = name;
    s.extras = Extras(dict);
    return s;
  }

  void Build(const Value* v, ComposeBuild* b) {
    if (v->is_null()) return;
    if (v->is_string()) {
      b->context = v->s;
      return;
    }
    if (!v->is_map()) {
      HookFail("Build", "invalid type " + GoTypeName(*v) + " for service build");
      return;
    }
    String(v->Find("context"), "Build.Context", &b->context);
    String(v->Find("dockerfile"), "Build.Dockerfile", &b->dockerfile);
    MappingWithEquals(v->Find("args"), &b->args);
    Mapping(v->Find("labels"), &b->labels);
    StringList(v->Find("cache_from"), "Build.cache_from", &b->cache_from);
    HostsList(v->Find("extra_hosts"), &b->extra_hosts);
    String(v->Find("network"), "Build.Network", &b->network);
    String(v->Find("target"), "Build.Target", &b->target);
  }

  void FileRefs(const Value* v, const std::string& name, std::vector<ComposeFileRef>* out) {
    if (!v || !v->is_list()) return;
    for (size_t i = 0; i < v->list.size(); ++i) {
      const Value& item = v->list[i];
      std::string n = name + "[" + std::to_string(i) + "]";
      ComposeFileRef ref;
      if (item.is_string()) {
        ref.source = item.s;
      } else if (item.is_map()) {
        String(item.Find("source"), n + ".Source", &ref.source);
        String(item.Find("target"), n + ".Target", &ref.target);
        String(item.Find("uid"), n + ".UID", &ref.uid);
        String(item.Find("gid"), n + ".GID", &ref.gid);
        uint64_t mode = 0;
        if (Uint(item.Find("mode"), n + ".Mode", &mode, "uint32")) ref.mode = static_cast<uint32_t>(mode);
      } else if (!item.is_null()) {
        HookFail(n, "invalid type " + GoTypeName(item) + " for secret");
        continue;
      }
      out->push_back(ref);
    }
  }

  void UpdateConfig(const Value& v, const std::string& name, ComposeUpdateConfig* u) {
    uint64_t par = 0;
    if (Uint(v.Find("parallelism"), Field(name, "Parallelism"), &par)) u->parallelism = par;
    Duration(v.Find("delay"), Field(name, "Delay"), &u->delay);
    String(v.Find("failure_action"), Field(name, "failure_action"), &u->failure_action);
    Duration(v.Find("monitor"), Field(name, "Monitor"), &u->monitor);
    Float32(v.Find("max_failure_ratio"), Field(name, "max_failure_ratio"), &u->max_failure_ratio);
    String(v.Find("order"), Field(name, "Order"), &u->order);
  }

  void Deploy(const Value& v, ComposeDeploy* d) {
    String(v.Find("mode"), "Deploy.Mode", &d->mode);
    uint64_t replicas = 0;
    if (Uint(v.Find("replicas"), "Deploy.Replicas", &replicas)) d->replicas = replicas;
    Mapping(v.Find("labels"), &d->labels);
    if (const Value* u = v.Find("update_config"); u && u->is_map()) {
      UpdateConfig(*u, "Deploy.update_config", &d->update_config.emplace());
    }
    if (const Value* u = v.Find("rollback_config"); u && u->is_map()) {
      UpdateConfig(*u, "Deploy.rollback_config", &d->rollback_config.emplace());
    }
    if (const Value* r = v.Find("resources"); r && r->is_map()) {
      if (const Value* l = r->Find("limits"); l && l->is_map()) {
        ComposeResourceLimit& lim = d->limits.emplace();
        String(l->Find("cpus"), "Deploy.Resources.Limits.cpus", &lim.cpus);
        Size(l->Find("memory"), "Deploy.Resources.Limits.memory", &lim.memory);
        Int(l->Find("pids"), "Deploy.Resources.Limits.pids", &lim.pids);
      }
      if (const Value* rs = r->Find("reservations"); rs && rs->is_map()) {
        ComposeResourceReservation& res = d->reservations.emplace();
        String(rs->Find("cpus"), "Deploy.Resources.Reservations.cpus", &res.cpus);
        Size(rs->Find("memory"), "Deploy.Resources.Reservations.memory", &res.memory);
        if (const Value* g = rs->Find("generic_resources"); g && g->is_list()) {
          for (size_t i = 0; i < g->list.size(); ++i) {
            ComposeGenericResource gr;
            if (const Value* spec = g->list[i].Find("discrete_resource_spec"); spec && spec->is_map()) {
              std::string n = "Deploy.Resources.Reservations.generic_resources[" + std::to_string(i) +
                              "].discrete_resource_spec";
              gr.has_discrete = true;
              String(spec->Find("kind"), n + ".Kind", &gr.kind);
              Int(spec->Find("value"), n + ".Value", &gr.value);
            }
            res.generic_resources.push_back(gr);
          }
        }
      }
    }
    if (const Value* r = v.Find("restart_policy"); r && r->is_map()) {
      ComposeRestartPolicy& rp = d->restart_policy.emplace();
      String(r->Find("condition"), "Deploy.restart_policy.Condition", &rp.condition);
      OptDuration(r->Find("delay"), "Deploy.restart_policy.Delay", &rp.delay);
      uint64_t attempts = 0;
      if (Uint(r->Find("max_attempts"), "Deploy.restart_policy.max_attempts", &attempts)) rp.max_attempts = attempts;
      OptDuration(r->Find("window"), "Deploy.restart_policy.Window", &rp.window);
    }
    if (const Value* p = v.Find("placement"); p && p->is_map()) {
      Strings(p->Find("constraints"), "Deploy.Placement.Constraints", &d->placement.constraints);
      if (const Value* prefs = p->Find("preferences"); prefs && prefs->is_list()) {
        for (size_t i = 0; i < prefs->list.size(); ++i) {
          std::string spread;
          if (prefs->list[i].is_map()) {
            String(prefs->list[i].Find("spread"),
                   "Deploy.Placement.Preferences[" + std::to_string(i) + "].Spread", &spread);
          }
          d->placement.preferences.push_back(spread);
        }
      }
      Uint(p->Find("max_replicas_per_node"), "Deploy.Placement.max_replicas_per_node",
           &d->placement.max_replicas_per_node);
    }
    String(v.Find("endpoint_mode"), "Deploy.endpoint_mode", &d->endpoint_mode);
  }

  void Healthcheck(const Value& v, ComposeHealthcheck* h) {
    if (const Value* t = v.Find("test"); t && !t->is_null()) {
      if (t->is_string()) {
        h->test = {"CMD-SHELL", t->s};
      } else if (t->is_list()) {
        Strings(t, "HealthCheck.Test", &h->test);
      } else {
        HookFail("HealthCheck.Test", "invalid type " + GoTypeName(*t) + " for healthcheck.test");
      }
    }
    OptDuration(v.Find("timeout"), "HealthCheck.Timeout", &h->timeout);
    OptDuration(v.Find("interval"), "HealthCheck.Interval", &h->interval);
    uint64_t retries = 0;
    if (Uint(v.Find("retries"), "HealthCheck.Retries", &retries)) h->retries = retries;
    OptDuration(v.Find("start_period"), "HealthCheck.start_period", &h->start_period);
    OptDuration(v.Find("start_interval"), "HealthCheck.start_interval", &h->start_interval);
    Bool(v.Find("disable"), "HealthCheck.Disable", &h->disable);
  }

  void Networks(const Value& v, std::map<std::string, std::optional<ComposeServiceNetwork>>* out) {
    if (v.is_list()) {
      for (const auto& item : v.list) (*out)[Sprint(item)] = std::nullopt;
      return;
    }
    if (!v.is_map()) return;
    for (const auto& [k, x] : v.map) {
      if (!x.is_map()) {
        (*out)[k] = std::nullopt;
        continue;
      }
      ComposeServiceNetwork net;
      std::string n = "Networks[" + k + "]";
      Strings(x.Find("aliases"), n + ".Aliases", &net.aliases);
      StringMap(x.Find("driver_opts"), n + ".driver_opts", &net.driver_opts);
      String(x.Find("ipv4_address"), n + ".ipv4_address", &net.ipv4_address);
      String(x.Find("ipv6_address"), n + ".ipv6_address", &net.ipv6_address);
      (*out)[k] = net;
    }
  }

  void Ports(const Value& v, std::vector<ComposePort>* out) {
    if (v.is_null()) return;
    if (!v.is_list()) {
      HookFail("Ports", "invalid type " + GoTypeName(v) + " for port");
      return;
    }
    std::vector<ComposePort> ports;
    for (size_t i = 0; i < v.list.size(); ++i) {
      const Value& item = v.list[i];
      if (item.kind == Value::Kind::kInt || item.is_string()) {
        auto expanded = compose::ExpandPortSpec(item.is_string() ? item.s : std::to_string(item.i));
        if (!expanded.ok()) {
          HookFail("Ports", expanded.status().message());
          return;
        }
        for (const auto& e : *expanded) ports.push_back({"ingress", e.target, e.published, e.protocol});
      } else if (item.is_map()) {
        ComposePort p;
        std::string n = "Ports[" + std::to_string(ports.size()) + "]";
        String(item.Find("mode"), n + ".Mode", &p.mode);
        uint64_t target = 0, published = 0;
        if (Uint(item.Find("target"), n + ".Target", &target, "uint32")) p.target = static_cast<uint32_t>(target);
        if (Uint(item.Find("published"), n + ".Published", &published, "uint32")) {
          p.published = static_cast<uint32_t>(published);
        }
        String(item.Find("protocol"), n + ".Protocol", &p.protocol);
        ports.push_back(p);
      } else {
        HookFail("Ports", "invalid type " + GoTypeName(item) + " for port");
        return;
      }
    }
    *out = std::move(ports);
  }

  void Mount(const Value& item, const std::string& name, std::vector<ComposeMount>* out) {
    if (item.is_string()) {
      auto m = compose::ParseVolumeSpec(item.s);
      if (!m.ok()) {
        HookFail(name, m.status().message());
        return;
      }
      out->push_back(*m);
      return;
    }
    if (!item.is_map()) {
      if (!item.is_null()) HookFail(name, "invalid type " + GoTypeName(item) + " for service volume");
      if (item.is_null()) out->push_back(ComposeMount());
      return;
    }
    ComposeMount m;
    String(item.Find("type"), name + ".Type", &m.type);
    String(item.Find("source"), name + ".Source", &m.source);
    String(item.Find("target"), name + ".Target", &m.target);
    Bool(item.Find("read_only"), name + ".read_only", &m.read_only);
    String(item.Find("consistency"), name + ".Consistency", &m.consistency);
    if (const Value* b = item.Find("bind"); b && b->is_map()) {
      std::string prop;
      String(b->Find("propagation"), name + ".Bind.Propagation", &prop);
      m.bind_propagation = prop;
    }
    if (const Value* vol = item.Find("volume"); vol && vol->is_map()) {
      bool nocopy = false;
      Bool(vol->Find("nocopy"), name + ".Volume.nocopy", &nocopy);
      m.volume_nocopy = nocopy;
    }
    if (const Value* t = item.Find("tmpfs"); t && t->is_map()) {
      int64_t size = 0;
      Int(t->Find("size"), name + ".Tmpfs.Size", &size);
      m.tmpfs_size = size;
    }
    out->push_back(m);
  }

  // ---- top-level objects

  ComposeNetwork Network(const std::string& key, const Value& v) {
    ComposeNetwork n;
    if (!v.is_map()) return n;
    std::string p = "[" + key + "]";
    String(v.Find("name"), p + ".Name", &n.name);
    String(v.Find("driver"), p + ".Driver", &n.driver);
    StringMap(v.Find("driver_opts"), p + ".driver_opts", &n.driver_opts);
    if (const Value* ipam = v.Find("ipam"); ipam && ipam->is_map()) {
      String(ipam->Find("driver"), p + ".Ipam.Driver", &n.ipam_driver);
      if (const Value* c = ipam->Find("config"); c && c->is_list()) {
        for (size_t i = 0; i < c->list.size(); ++i) {
          ComposeIpamPool pool;
          if (c->list[i].is_map()) {
            String(c->list[i].Find("subnet"), p + ".Ipam.Config[" + std::to_string(i) + "].Subnet", &pool.subnet);
          }
          n.ipam_config.push_back(pool);
        }
      }
    }
    External(v.Find("external"), p + ".External", &n.external);
    Bool(v.Find("internal"), p + ".Internal", &n.internal);
    Bool(v.Find("attachable"), p + ".Attachable", &n.attachable);
    Mapping(v.Find("labels"), &n.labels);
    return n;
  }

  ComposeVolume Volume(const std::string& key, const Value& v) {
    ComposeVolume vol;
    if (!v.is_map()) return vol;
    std::string p = "[" + key + "]";
    String(v.Find("name"), p + ".Name", &vol.name);
    String(v.Find("driver"), p + ".Driver", &vol.driver);
    StringMap(v.Find("driver_opts"), p + ".driver_opts", &vol.driver_opts);
    External(v.Find("external"), p + ".External", &vol.external);
    Mapping(v.Find("labels"), &vol.labels);
    return vol;
  }

  ComposeFileObject FileObject(const std::string& key, const Value& v) {
    ComposeFileObject o;
    if (!v.is_map()) return o;
    std::string p = "[" + key + "]";
    String(v.Find("name"), p + ".Name", &o.name);
    String(v.Find("file"), p + ".File", &o.file);
    External(v.Find("external"), p + ".External", &o.external);
    Mapping(v.Find("labels"), &o.labels);
    String(v.Find("driver"), p + ".Driver", &o.driver);
    StringMap(v.Find("driver_opts"), p + ".driver_opts", &o.driver_opts);
    String(v.Find("template_driver"), p + ".template_driver", &o.template_driver);
    return o;
  }

  // mapstructure's joined error, or OK.
  Status TakeErrors() {
    if (errors_.empty()) return Status::OK();
    std::string msg = "decoding failed due to the following error(s):\n";
    for (const auto& e : errors_) msg += "\n" + e;
    errors_.clear();
    return Status::InvalidArgument(msg);
  }

 private:
  void Unconvertible(const Value& v, const std::string& name, const std::string& type) {
    Fail("'" + name + "' expected type '" + type + "', got unconvertible type '" + GoTypeName(v) + "', value: '" +
         Sprint(v) + "'");
  }

  std::vector<std::string> errors_;
};

// docker's absPath: absolute paths stay as written, others join the working dir.
std::string AbsPath(const std::string& working_dir, const std::string& file) {
  if (!file.empty() && file[0] == '/') return file;
  return compose::JoinPath(working_dir, file);
}

// A Windows absolute path ("C:\x", "c:/x", "\\host\share\x"), which docker also
// leaves alone for bind mounts.
bool IsWindowsAbs(const std::string& p) {
  size_t vol = 0;
  if (p.size() >= 2 && std::isalpha(static_cast<unsigned char>(p[0])) && p[1] == ':') {
    vol = 2;
  } else if (p.size() >= 5 && (p[0] == '\\' || p[0] == '/') && (p[1] == '\\' || p[1] == '/')) {
    size_t host_end = p.find_first_of("\\/", 2);
    if (host_end != std::string::npos && host_end > 2) {
      size_t share_end = p.find_first_of("\\/", host_end + 1);
      if (share_end != host_end + 1) vol = share_end == std::string::npos ? p.size() : share_end;
    }
  }
  if (vol == 0 || vol >= p.size()) return false;
  return p[vol] == '\\' || p[vol] == '/';
}

// docker's loadSections plus the per-service environment and bind path
// resolution it does on the way.
// What docker logs with logrus.Warn while loading (printed at once, so they
// stand even when loading fails later).
void Warn(const ComposeLoadOptions& options, const std::string& message) {
  if (options.log_warnings) options.log_warnings->push_back(message);
}

// versions.GreaterThanOrEqualTo for the file's "major.minor" version.
bool VersionAtLeast(const std::string& version, int major, int minor) {
  int a = 0, b = 0;
  size_t dot = version.find('.');
  a = std::atoi(version.substr(0, dot).c_str());
  if (dot != std::string::npos) b = std::atoi(version.substr(dot + 1).c_str());
  return a != major ? a > major : b >= minor;
}

// docker's resolveEnvironment: the env files' variables in order, then the
// service's own environment over them; a value that is missing or empty comes
// from the environment when the environment has the name.
Status ResolveEnvironment(ComposeService* svc, const std::string& working_dir, const ComposeEnv& env,
                          const ComposeLoadOptions& options) {
  auto lookup = [&](const std::string& key) -> std::optional<std::string> {
    if (options.env_used) options.env_used->insert(key);
    auto it = env.find(key);
    if (it == env.end()) return std::nullopt;
    return it->second;
  };
  ComposeMappingWithEquals environment;
  auto update = [&](const std::string& key, const std::optional<std::string>& value) {
    std::optional<std::string> from_env = (!value || value->empty()) ? lookup(key) : std::nullopt;
    environment[key] = from_env ? from_env : value;
  };
  for (const auto& file : svc->env_file) {
    std::string path = AbsPath(working_dir, file);
    Result<std::string> content = options.read_file ? options.read_file(path) : Result<std::string>(Status::NotFound(""));
    if (!content.ok()) return Status::InvalidArgument("open " + path + ": no such file or directory");
    auto vars = ParseEnvFile(*content, lookup);
    if (!vars.ok()) return EnvFileError(path, vars.status());
    for (const auto& kv : *vars) {
      auto eq = kv.find('=');
      update(kv.substr(0, eq), eq == std::string::npos ? std::nullopt : std::optional<std::string>(kv.substr(eq + 1)));
    }
  }
  for (const auto& [k, v] : svc->environment) update(k, v);
  svc->environment = std::move(environment);
  return Status::OK();
}

Status LoadSections(const Value& config, const std::string& working_dir, const ComposeEnv& env,
                    const ComposeLoadOptions& options, ComposeProject* out) {
  Decoder dec;
  out->version = compose::SchemaVersion(config);

  // Services, in name order (Go visits its map randomly; a sorted walk keeps
  // our choice of the first failing service stable).
  if (const Value* services = config.Find("services"); services && services->is_map()) {
    std::vector<const std::pair<std::string, Value>*> entries;
    for (const auto& e : services->map) entries.push_back(&e);
    std::sort(entries.begin(), entries.end(), [](auto* a, auto* b) { return a->first < b->first; });
    for (const auto* e : entries) {
      Value dict = e->second.is_map() ? e->second : Value::Map();
      ComposeService svc = dec.Service(e->first, dict);
      SWARMSIM_RETURN_IF_ERROR(dec.TakeErrors());
      SWARMSIM_RETURN_IF_ERROR(ResolveEnvironment(&svc, working_dir, env, options));
      // resolveVolumePaths: bind sources become absolute.
      for (auto& m : svc.volumes) {
        if (m.type != "bind") continue;
        if (m.source.empty()) {
          return Status::InvalidArgument("invalid mount config for type \"bind\": field Source must not be empty");
        }
        std::string path = m.source;
        if (path[0] == '~') {
          auto home = env.find("HOME");
          if (home != env.end()) path = home->second + path.substr(1);
          else Warn(options, "cannot expand '~', because the environment lacks HOME");
        }
        if (path[0] != '/' && !IsWindowsAbs(path)) path = AbsPath(working_dir, path);
        m.source = path;
      }
      out->services.push_back(std::move(svc));
    }
  }

  auto sorted = [](const Value* section) {
    std::vector<const std::pair<std::string, Value>*> entries;
    if (section && section->is_map()) {
      for (const auto& e : section->map) entries.push_back(&e);
    }
    std::sort(entries.begin(), entries.end(), [](auto* a, auto* b) { return a->first < b->first; });
    return entries;
  };

  for (const auto* e : sorted(config.Find("networks"))) {
    ComposeNetwork n = dec.Network(e->first, e->second);
    SWARMSIM_RETURN_IF_ERROR(dec.TakeErrors());
    if (n.external.external) {
      if (!n.external.name.empty()) {
        if (!n.name.empty()) {
          return Status::InvalidArgument("network " + e->first +
                                         ": network.external.name and network.name conflict; only use network.name");
        }
        if (VersionAtLeast(out->version, 3, 5)) {
          Warn(options, "network " + e->first + ": network.external.name is deprecated in favor of network.name");
        }
        n.name = n.external.name;
        n.external.name.clear();
      } else if (n.name.empty()) {
        n.name = e->first;
      }
      if (e->second.is_map()) n.extras = Decoder::Extras(e->second);
    }
    out->networks[e->first] = std::move(n);
  }

  for (const auto* e : sorted(config.Find("volumes"))) {
    ComposeVolume v = dec.Volume(e->first, e->second);
    SWARMSIM_RETURN_IF_ERROR(dec.TakeErrors());
    if (v.external.external) {
      auto conflict = [&](const std::string& key) {
        return Status::InvalidArgument("conflicting parameters \"external\" and \"" + key +
                                       "\" specified for volume \"" + e->first + "\"");
      };
      if (!v.driver.empty()) return conflict("driver");
      if (!v.driver_opts.empty()) return conflict("driver_opts");
      if (!v.labels.empty()) return conflict("labels");
      if (!v.external.name.empty()) {
        if (!v.name.empty()) {
          return Status::InvalidArgument("volume " + e->first +
                                         ": volume.external.name and volume.name conflict; only use volume.name");
        }
        if (VersionAtLeast(out->version, 3, 4)) {
          Warn(options, "volume " + e->first + ": volume.external.name is deprecated in favor of volume.name");
        }
        v.name = v.external.name;
        v.external.name.clear();
      } else if (v.name.empty()) {
        v.name = e->first;
      }
      if (e->second.is_map()) v.extras = Decoder::Extras(e->second);
    }
    out->volumes[e->first] = std::move(v);
  }

  auto file_objects = [&](const char* section, const std::string& kind,
                          std::map<std::string, ComposeFileObject>* dest) -> Status {
    for (const auto* e : sorted(config.Find(section))) {
      ComposeFileObject o = dec.FileObject(e->first, e->second);
      SWARMSIM_RETURN_IF_ERROR(dec.TakeErrors());
      if (o.external.external) {
        if (!o.external.name.empty()) {
          if (!o.name.empty()) {
            return Status::InvalidArgument(kind + " " + e->first + ": " + kind + ".external.name and " + kind +
                                           ".name conflict; only use " + kind + ".name");
          }
          if (VersionAtLeast(out->version, 3, 5)) {
            Warn(options, kind + " " + e->first + ": " + kind + ".external.name is deprecated in favor of " + kind +
                              ".name");
          }
          o.name = o.external.name;
          o.external.name.clear();
        } else if (o.name.empty()) {
          o.name = e->first;
        }
      } else if (!o.driver.empty()) {
        if (!o.file.empty()) {
          return Status::InvalidArgument(kind + " " + e->first + ": " + kind + ".driver and " + kind +
                                         ".file conflict; only use " + kind + ".driver");
        }
      } else {
        o.file = AbsPath(working_dir, o.file);
      }
      if (e->second.is_map()) o.extras = Decoder::Extras(e->second);
      (*dest)[e->first] = std::move(o);
    }
    return Status::OK();
  };
  SWARMSIM_RETURN_IF_ERROR(file_objects("secrets", "secret", &out->secrets));
  SWARMSIM_RETURN_IF_ERROR(file_objects("configs", "config", &out->configs));

  out->extras = Decoder::Extras(config);
  return Status::OK();
}

}  // namespace

Result<ComposeProject> LoadCompose(const std::vector<ComposeFile>& files, const ComposeEnv& env,
                                   const ComposeLoadOptions& options) {
  if (files.empty()) return Status::InvalidArgument("Specify a Compose file (with --compose-file)");

  // docker resolves relative paths against the first file's directory, made
  // absolute with the current directory; core has no current directory, so
  // the environment's PWD stands in for it.
  std::string cwd = ".";
  if (auto pwd = env.find("PWD"); pwd != env.end() && !pwd->second.empty() && pwd->second[0] == '/') {
    cwd = pwd->second;
  }
  std::string first = files[0].path;
  std::string working_dir =
      first == "-" ? compose::CleanPath(cwd) : compose::DirPath(compose::JoinPath(first[0] == '/' ? "" : cwd, first));

  // Every file is parsed before any is loaded, as docker reads them all first.
  std::vector<Value> dicts;
  for (const auto& f : files) {
    auto parsed = compose::ParseYaml(f.content);
    if (!parsed.ok()) return parsed.status();
    if (!parsed->is_map() || !parsed->string_keys) return Status::InvalidArgument("top-level object must be a mapping");
    dicts.push_back(std::move(parsed).value());
  }

  std::string version = compose::SchemaVersion(dicts[0]);
  std::vector<ComposeProject> loaded;
  for (auto& dict : dicts) {
    std::string file_version = compose::SchemaVersion(dict);
    if (file_version != version) {
      return Status::InvalidArgument("version mismatched between two composefiles : " + version + " and " +
                                     file_version);
    }
    auto forbidden = UsedProperties(dict, ForbiddenProperties());
    if (!forbidden.empty()) {
      if (options.command == ComposeCommand::kConfig) {
        return Status::InvalidArgument("Configuration contains forbidden properties");
      }
      return Status::InvalidArgument("Compose file contains unsupported options:\n\n" + PropertyWarnings(forbidden) +
                                     "\n");
    }
    Value config = dict;
    if (!options.skip_interpolation) SWARMSIM_RETURN_IF_ERROR(compose::Interpolate(&config, env));
    SWARMSIM_RETURN_IF_ERROR(compose::ValidateSchema(config, version));
    ComposeProject project;
    SWARMSIM_RETURN_IF_ERROR(LoadSections(config, working_dir, env, options, &project));
    loaded.push_back(std::move(project));
  }

  ComposeProject result = std::move(loaded[0]);
  for (size_t i = 1; i < loaded.size(); ++i) compose::MergeProjects(&result, std::move(loaded[i]));
  std::sort(result.services.begin(), result.services.end(),
            [](const ComposeService& a, const ComposeService& b) { return a.name < b.name; });

  if (options.command == ComposeCommand::kDeploy) {
    // Warnings come from the raw (uninterpolated) files.
    std::set<std::string> unsupported;
    std::map<std::string, std::string> deprecated;
    for (const auto& dict : dicts) {
      const Value* services = Services(dict);
      if (services) {
        for (const auto& [name, svc] : services->map) {
          if (!svc.is_map()) continue;
          for (const auto& prop : UnsupportedProperties()) {
            if (svc.Find(prop)) unsupported.insert(prop);
          }
        }
      }
      for (const auto& [k, v] : UsedProperties(dict, DeprecatedProperties())) deprecated[k] = v;
    }
    if (!unsupported.empty()) {
      std::string line = "Ignoring unsupported options: ";
      bool first_item = true;
      for (const auto& p : unsupported) {
        if (!first_item) line += ", ";
        line += p;
        first_item = false;
      }
      result.warnings.push_back(line + "\n\n");
    }
    if (!deprecated.empty()) {
      result.warnings.push_back("Ignoring deprecated options:\n\n" + PropertyWarnings(deprecated) + "\n\n");
    }
  }
  return result;
}

Result<ComposeProject> LoadCompose(const std::vector<ComposeFile>& files, const ComposeEnv& env) {
  return LoadCompose(files, env, ComposeLoadOptions());
}

std::string LogrusWarning(int64_t now, const std::string& message) {
  std::string quoted;
  for (char c : message) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return "time=\"" + FormatRFC3339Nano(now - now % kSecond) + "\" level=warning msg=\"" + quoted + "\"\n";
}

}  // namespace swarmsim
