#include "core/model/json.h"

#include <cctype>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/format/base64.h"
#include "core/format/time_format.h"

namespace swarmsim {

using nlohmann::json;

namespace {

// ---------------------------------------------------------------------------
// Writing: Go's encoding/json drops `omitempty` fields only when they are empty
// scalars, nil pointers or empty slices/maps; struct values are always written.

void PutString(json& j, const char* key, const std::string& v) {
  if (!v.empty()) j[key] = v;
}

template <typename Int>
void PutNonZero(json& j, const char* key, Int v) {
  if (v != 0) j[key] = v;
}

void PutStrings(json& j, const char* key, const std::vector<std::string>& v) {
  if (!v.empty()) j[key] = v;
}

// Annotations.Labels has no omitempty: an empty map is still written ({}).
// (Also an event's EventAttributes, which iterates the same way.)
template <typename StringMap>
json LabelsJson(const StringMap& labels) {
  json j = json::object();
  for (const auto& [k, v] : labels) j[k] = v;
  return j;
}

json TimeJson(Time t) { return FormatRFC3339Nano(t); }

json VersionJson(uint64_t index) {
  json j = json::object();
  PutNonZero(j, "Index", index);
  return j;
}

// Go prints float32 0 as `0`; nlohmann would print a double 0 as `0.0`.
json RatioJson(double r) {
  if (r == static_cast<double>(static_cast<int64_t>(r))) return static_cast<int64_t>(r);
  return r;
}

json ResourcesJson(const Resources& r) {
  json j = json::object();
  PutNonZero(j, "NanoCPUs", r.nano_cpus);
  PutNonZero(j, "MemoryBytes", r.memory_bytes);
  PutNonZero(j, "Pids", r.pids);
  if (!r.generic.empty()) {
    json& g = j["GenericResources"] = json::array();
    for (const auto& res : r.generic) {
      if (res.named) g.push_back({{"NamedResourceSpec", {{"Kind", res.kind}, {"Value", res.named_value}}}});
      else g.push_back({{"DiscreteResourceSpec", {{"Kind", res.kind}, {"Value", res.discrete_value}}}});
    }
  }
  return j;
}

json PortJson(const PortConfig& p) {
  json j = json::object();
  PutString(j, "Name", p.name);
  PutString(j, "Protocol", p.protocol);
  PutNonZero(j, "TargetPort", p.target_port);
  PutNonZero(j, "PublishedPort", p.published_port);
  PutString(j, "PublishMode", p.publish_mode);
  return j;
}

json PortsJson(const std::vector<PortConfig>& ports) {
  json j = json::array();
  for (const auto& p : ports) j.push_back(PortJson(p));
  return j;
}

json MountJson(const Mount& m) {
  json j = json::object();
  PutString(j, "Type", m.type);
  PutString(j, "Source", m.source);
  PutString(j, "Target", m.target);
  if (m.read_only) j["ReadOnly"] = true;
  PutString(j, "Consistency", m.consistency);
  if (!m.bind_propagation.empty() || m.bind_nonrecursive) {
    json b = json::object();
    PutString(b, "Propagation", m.bind_propagation);
    if (m.bind_nonrecursive) b["NonRecursive"] = true;
    j["BindOptions"] = std::move(b);
  }
  if (m.volume_driver_config || m.volume_nocopy || !m.volume_labels.empty() || !m.volume_subpath.empty()) {
    json v = json::object();
    if (m.volume_nocopy) v["NoCopy"] = true;
    if (!m.volume_labels.empty()) v["Labels"] = LabelsJson(m.volume_labels);
    PutString(v, "Subpath", m.volume_subpath);
    if (m.volume_driver_config) {
      json d = json::object();
      PutString(d, "Name", m.volume_driver);
      if (!m.volume_driver_options.empty()) d["Options"] = LabelsJson(m.volume_driver_options);
      v["DriverConfig"] = std::move(d);
    }
    j["VolumeOptions"] = std::move(v);
  }
  if (m.tmpfs_size || m.tmpfs_mode) {
    json t = json::object();
    PutNonZero(t, "SizeBytes", m.tmpfs_size);
    PutNonZero(t, "Mode", m.tmpfs_mode);
    j["TmpfsOptions"] = std::move(t);
  }
  return j;
}

json FileReferenceJson(const FileReference& f, const char* id_key, const char* name_key) {
  json j = json::object();
  j["File"] = {{"Name", f.file_name}, {"UID", f.uid}, {"GID", f.gid}, {"Mode", f.mode}};
  j[id_key] = f.id;
  j[name_key] = f.name;
  return j;
}

json ContainerSpecJson(const ContainerSpec& c) {
  json j = json::object();
  PutString(j, "Image", c.image);
  if (!c.labels.empty()) j["Labels"] = LabelsJson(c.labels);
  PutStrings(j, "Command", c.command);
  PutStrings(j, "Args", c.args);
  PutString(j, "Hostname", c.hostname);
  PutStrings(j, "Env", c.env);
  PutString(j, "Dir", c.dir);
  PutString(j, "User", c.user);
  PutStrings(j, "Groups", c.groups);
  if (c.init) j["Init"] = *c.init;
  PutString(j, "StopSignal", c.stop_signal);
  if (c.tty) j["TTY"] = true;
  if (c.read_only) j["ReadOnly"] = true;
  if (!c.mounts.empty()) {
    json& mounts = j["Mounts"] = json::array();
    for (const auto& m : c.mounts) mounts.push_back(MountJson(m));
  }
  if (c.stop_grace_period) j["StopGracePeriod"] = *c.stop_grace_period;
  if (c.healthcheck) {
    // Every field of the Engine API's HealthConfig is omitempty.
    const HealthConfig& h = *c.healthcheck;
    json& hj = j["Healthcheck"] = json::object();
    PutStrings(hj, "Test", h.test);
    if (h.interval) hj["Interval"] = h.interval;
    if (h.timeout) hj["Timeout"] = h.timeout;
    if (h.start_period) hj["StartPeriod"] = h.start_period;
    if (h.retries) hj["Retries"] = h.retries;
  }
  PutStrings(j, "Hosts", c.hosts);
  if (!c.dns.empty()) {
    json d = json::object();
    PutStrings(d, "Nameservers", c.dns.nameservers);
    PutStrings(d, "Search", c.dns.search);
    PutStrings(d, "Options", c.dns.options);
    j["DNSConfig"] = std::move(d);
  }
  if (!c.secrets.empty()) {
    json& secrets = j["Secrets"] = json::array();
    for (const auto& s : c.secrets) secrets.push_back(FileReferenceJson(s, "SecretID", "SecretName"));
  }
  if (!c.configs.empty()) {
    json& configs = j["Configs"] = json::array();
    for (const auto& s : c.configs) configs.push_back(FileReferenceJson(s, "ConfigID", "ConfigName"));
  }
  j["Isolation"] = "default";  // the daemon fills it in
  if (!c.sysctls.empty()) j["Sysctls"] = LabelsJson(c.sysctls);
  PutStrings(j, "CapabilityAdd", c.capability_add);
  PutStrings(j, "CapabilityDrop", c.capability_drop);
  if (!c.ulimits.empty()) {
    json& u = j["Ulimits"] = json::array();
    for (const auto& l : c.ulimits) u.push_back({{"Name", l.name}, {"Soft", l.soft}, {"Hard", l.hard}});
  }
  return j;
}

json UpdateConfigJson(const UpdateConfig& u) {
  json j = json::object();
  j["Parallelism"] = u.parallelism;
  PutNonZero(j, "Delay", u.delay);
  PutString(j, "FailureAction", u.failure_action);
  PutNonZero(j, "Monitor", u.monitor);
  j["MaxFailureRatio"] = RatioJson(u.max_failure_ratio);
  j["Order"] = u.order;
  return j;
}

json UpdateStatusJson(const UpdateStatus& u) {
  json j = json::object();
  PutString(j, "State", u.state);
  if (u.started_at != 0) j["StartedAt"] = TimeJson(u.started_at);
  if (u.completed_at != 0) j["CompletedAt"] = TimeJson(u.completed_at);
  PutString(j, "Message", u.message);
  return j;
}

// What the daemon reports for every engine (docker 28 on Linux).
json EnginePluginsJson() {
  static const char* const kPlugins[][2] = {
      {"Log", "awslogs"},  {"Log", "fluentd"},       {"Log", "gcplogs"}, {"Log", "gelf"},
      {"Log", "journald"}, {"Log", "json-file"},     {"Log", "local"},   {"Log", "splunk"},
      {"Log", "syslog"},   {"Network", "bridge"},    {"Network", "host"}, {"Network", "ipvlan"},
      {"Network", "macvlan"}, {"Network", "null"},   {"Network", "overlay"}, {"Volume", "local"},
  };
  json j = json::array();
  for (const auto& p : kPlugins) j.push_back({{"Type", p[0]}, {"Name", p[1]}});
  return j;
}

// ---------------------------------------------------------------------------
// Reading: explicit type checks, the first problem kept, no exceptions needed
// (the public functions still catch nlohmann's, as the adapter's backstop).

bool SameIgnoringCase(const std::string& a, const char* b) {
  size_t i = 0;
  for (; i < a.size() && b[i]; ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return i == a.size() && !b[i];
}

class Reader {
 public:
  explicit Reader(const char* kind) : kind_(kind) {}

  bool ok() const { return error_.empty(); }
  Status status() const {
    return ok() ? Status::OK() : Status::InvalidArgument("invalid " + std::string(kind_) + " JSON: " + error_);
  }
  void Fail(const std::string& what) {
    if (error_.empty()) error_ = what;
  }

  // nullptr when the key is absent or null (Go's zero value). Like Go's
  // encoding/json, an exact key wins, else one that differs only in case
  // (API clients send {"replicated": ...}).
  const json* Find(const json& obj, const char* key) {
    if (!obj.is_object()) {
      Fail(std::string("expected an object around \"") + key + "\"");
      return nullptr;
    }
    auto it = obj.find(key);
    if (it == obj.end()) {
      for (auto k = obj.begin(); k != obj.end(); ++k) {
        if (SameIgnoringCase(k.key(), key)) {
          it = k;
          break;
        }
      }
    }
    if (it == obj.end() || it->is_null()) return nullptr;
    return &*it;
  }

  std::string Str(const json& obj, const char* key) {
    const json* v = Find(obj, key);
    if (!v) return {};
    if (!v->is_string()) return Wrong(key, "a string"), std::string();
    return v->get<std::string>();
  }

  int64_t Int(const json& obj, const char* key) {
    const json* v = Find(obj, key);
    if (!v) return 0;
    if (!v->is_number_integer()) return Wrong(key, "an integer"), 0;
    if (v->is_number_unsigned() && v->get<uint64_t>() > static_cast<uint64_t>(INT64_MAX)) {
      return Wrong(key, "an integer in range"), 0;
    }
    return v->get<int64_t>();
  }

  uint64_t Uint(const json& obj, const char* key) {
    const json* v = Find(obj, key);
    if (!v) return 0;
    if (v->is_number_unsigned()) return v->get<uint64_t>();
    if (v->is_number_integer() && v->get<int64_t>() >= 0) return static_cast<uint64_t>(v->get<int64_t>());
    return Wrong(key, "an unsigned integer"), 0;
  }

  uint32_t Uint32(const json& obj, const char* key) {
    uint64_t v = Uint(obj, key);
    if (v > UINT32_MAX) return Wrong(key, "a 32-bit unsigned integer"), 0;
    return static_cast<uint32_t>(v);
  }

  bool Bool(const json& obj, const char* key) {
    const json* v = Find(obj, key);
    if (!v) return false;
    if (!v->is_boolean()) return Wrong(key, "a boolean"), false;
    return v->get<bool>();
  }

  double Double(const json& obj, const char* key) {
    const json* v = Find(obj, key);
    if (!v) return 0;
    if (!v->is_number()) return Wrong(key, "a number"), 0;
    return v->get<double>();
  }

  Time Instant(const json& obj, const char* key) {
    std::string s = Str(obj, key);
    if (s.empty()) return 0;
    auto t = ParseRFC3339(s);
    if (!t.ok()) return Wrong(key, "an RFC 3339 time"), 0;
    return t.value();
  }

  std::optional<int64_t> OptInt(const json& obj, const char* key) {
    if (!Find(obj, key)) return std::nullopt;
    return Int(obj, key);
  }

  std::optional<uint64_t> OptUint(const json& obj, const char* key) {
    if (!Find(obj, key)) return std::nullopt;
    return Uint(obj, key);
  }

  std::map<std::string, std::string> StrMap(const json& obj, const char* key) {
    std::map<std::string, std::string> out;
    const json* v = Find(obj, key);
    if (!v) return out;
    if (!v->is_object()) return Wrong(key, "an object of strings"), out;
    for (auto it = v->begin(); it != v->end(); ++it) {
      if (!it->is_string()) return Wrong(key, "an object of strings"), out;
      out.emplace(it.key(), it->get<std::string>());
    }
    return out;
  }

  std::vector<std::string> StrList(const json& obj, const char* key) {
    std::vector<std::string> out;
    const json* v = Find(obj, key);
    if (!v) return out;
    if (!v->is_array()) return Wrong(key, "an array of strings"), out;
    for (const auto& e : *v) {
      if (!e.is_string()) return Wrong(key, "an array of strings"), out;
      out.push_back(e.get<std::string>());
    }
    return out;
  }

  // An absent object reads as the empty object (every field zero).
  const json& Obj(const json& obj, const char* key) {
    static const json kEmpty = json::object();
    const json* v = Find(obj, key);
    if (!v) return kEmpty;
    if (!v->is_object()) return Wrong(key, "an object"), kEmpty;
    return *v;
  }

  const json& Arr(const json& obj, const char* key) {
    static const json kEmpty = json::array();
    const json* v = Find(obj, key);
    if (!v) return kEmpty;
    if (!v->is_array()) return Wrong(key, "an array"), kEmpty;
    return *v;
  }

  bool Has(const json& obj, const char* key) { return obj.is_object() && Find(obj, key) != nullptr; }

 private:
  void Wrong(const char* key, const char* expected) {
    Fail(std::string("field \"") + key + "\" is not " + expected);
  }

  const char* kind_;
  std::string error_;
};

template <typename Fn>
Status Guarded(const char* kind, Fn&& fn) {
  try {
    return fn();
  } catch (const json::exception& e) {
    return Status::InvalidArgument("invalid " + std::string(kind) + " JSON: " + e.what());
  }
}

Resources ReadResources(Reader& r, const json& j) {
  Resources out;
  out.nano_cpus = r.Int(j, "NanoCPUs");
  out.memory_bytes = r.Int(j, "MemoryBytes");
  out.pids = r.Int(j, "Pids");
  for (const auto& g : r.Arr(j, "GenericResources")) {
    GenericResource res;
    if (r.Has(g, "NamedResourceSpec")) {
      const json& n = r.Obj(g, "NamedResourceSpec");
      res.named = true;
      res.kind = r.Str(n, "Kind");
      res.named_value = r.Str(n, "Value");
    } else {
      const json& d = r.Obj(g, "DiscreteResourceSpec");
      res.kind = r.Str(d, "Kind");
      res.discrete_value = r.Int(d, "Value");
    }
    out.generic.push_back(std::move(res));
  }
  return out;
}

std::vector<PortConfig> ReadPorts(Reader& r, const json& arr) {
  std::vector<PortConfig> out;
  for (const auto& p : arr) {
    PortConfig pc;
    pc.name = r.Str(p, "Name");
    pc.protocol = r.Str(p, "Protocol");
    pc.target_port = r.Uint32(p, "TargetPort");
    pc.published_port = r.Uint32(p, "PublishedPort");
    pc.publish_mode = r.Str(p, "PublishMode");
    out.push_back(std::move(pc));
  }
  return out;
}

void ReadEndpointSpec(Reader& r, const json& j, EndpointSpec* out) {
  out->mode = r.Str(j, "Mode");
  out->ports = ReadPorts(r, r.Arr(j, "Ports"));
}

FileReference ReadFileReference(Reader& r, const json& j, const char* id_key, const char* name_key) {
  FileReference f;
  const json& file = r.Obj(j, "File");
  f.file_name = r.Str(file, "Name");
  f.uid = r.Str(file, "UID");
  f.gid = r.Str(file, "GID");
  f.mode = r.Uint32(file, "Mode");
  f.id = r.Str(j, id_key);
  f.name = r.Str(j, name_key);
  return f;
}

void ReadContainerSpec(Reader& r, const json& j, ContainerSpec* c) {
  c->image = r.Str(j, "Image");
  c->labels = r.StrMap(j, "Labels");
  c->command = r.StrList(j, "Command");
  c->args = r.StrList(j, "Args");
  c->hostname = r.Str(j, "Hostname");
  c->env = r.StrList(j, "Env");
  c->dir = r.Str(j, "Dir");
  c->user = r.Str(j, "User");
  c->mounts.clear();
  for (const auto& m : r.Arr(j, "Mounts")) {
    Mount mount;
    mount.type = r.Str(m, "Type");
    mount.source = r.Str(m, "Source");
    mount.target = r.Str(m, "Target");
    mount.read_only = r.Bool(m, "ReadOnly");
    mount.consistency = r.Str(m, "Consistency");
    const json& bind = r.Obj(m, "BindOptions");
    mount.bind_propagation = r.Str(bind, "Propagation");
    mount.bind_nonrecursive = r.Bool(bind, "NonRecursive");
    const json& vol = r.Obj(m, "VolumeOptions");
    mount.volume_driver_config = r.Has(vol, "DriverConfig");
    mount.volume_nocopy = r.Bool(vol, "NoCopy");
    mount.volume_labels = r.StrMap(vol, "Labels");
    mount.volume_subpath = r.Str(vol, "Subpath");
    const json& driver = r.Obj(vol, "DriverConfig");
    mount.volume_driver = r.Str(driver, "Name");
    mount.volume_driver_options = r.StrMap(driver, "Options");
    const json& tmpfs = r.Obj(m, "TmpfsOptions");
    mount.tmpfs_size = r.Int(tmpfs, "SizeBytes");
    mount.tmpfs_mode = r.Uint32(tmpfs, "Mode");
    c->mounts.push_back(std::move(mount));
  }
  c->groups = r.StrList(j, "Groups");
  c->init = r.Has(j, "Init") ? std::optional<bool>(r.Bool(j, "Init")) : std::nullopt;
  c->stop_signal = r.Str(j, "StopSignal");
  c->tty = r.Bool(j, "TTY");
  c->read_only = r.Bool(j, "ReadOnly");
  c->hosts = r.StrList(j, "Hosts");
  const json& dns = r.Obj(j, "DNSConfig");
  c->dns.nameservers = r.StrList(dns, "Nameservers");
  c->dns.search = r.StrList(dns, "Search");
  c->dns.options = r.StrList(dns, "Options");
  c->sysctls = r.StrMap(j, "Sysctls");
  c->capability_add = r.StrList(j, "CapabilityAdd");
  c->capability_drop = r.StrList(j, "CapabilityDrop");
  c->ulimits.clear();
  for (const auto& u : r.Arr(j, "Ulimits")) c->ulimits.push_back({r.Str(u, "Name"), r.Int(u, "Soft"), r.Int(u, "Hard")});
  c->stop_grace_period = r.OptInt(j, "StopGracePeriod");
  c->healthcheck.reset();
  if (const json* h = r.Find(j, "Healthcheck")) {
    HealthConfig& hc = c->healthcheck.emplace();
    hc.test = r.StrList(*h, "Test");
    hc.interval = r.Int(*h, "Interval");
    hc.timeout = r.Int(*h, "Timeout");
    hc.start_period = r.Int(*h, "StartPeriod");
    hc.retries = r.Uint(*h, "Retries");
  }
  c->secrets.clear();
  for (const auto& s : r.Arr(j, "Secrets")) c->secrets.push_back(ReadFileReference(r, s, "SecretID", "SecretName"));
  c->configs.clear();
  for (const auto& s : r.Arr(j, "Configs")) c->configs.push_back(ReadFileReference(r, s, "ConfigID", "ConfigName"));
}

void ReadTaskSpec(Reader& r, const json& j, TaskSpec* t) {
  if (!j.is_object()) return r.Fail("TaskSpec is not an object");
  ReadContainerSpec(r, r.Obj(j, "ContainerSpec"), &t->container);
  const json& res = r.Obj(j, "Resources");
  t->resources.limits = ReadResources(r, r.Obj(res, "Limits"));
  t->resources.reservations = ReadResources(r, r.Obj(res, "Reservations"));
  if (r.Has(j, "RestartPolicy")) {
    const json& rp = r.Obj(j, "RestartPolicy");
    RestartPolicy p;
    p.condition = r.Str(rp, "Condition");
    p.delay = r.OptInt(rp, "Delay");
    p.max_attempts = r.OptUint(rp, "MaxAttempts");
    p.window = r.OptInt(rp, "Window");
    t->restart_policy = std::move(p);
  } else {
    t->restart_policy.reset();
  }
  const json& pl = r.Obj(j, "Placement");
  t->placement.constraints = r.StrList(pl, "Constraints");
  t->placement.preferences.clear();
  for (const auto& pref : r.Arr(pl, "Preferences")) {
    t->placement.preferences.push_back(r.Str(r.Obj(pref, "Spread"), "SpreadDescriptor"));
  }
  t->placement.max_replicas = r.Uint(pl, "MaxReplicas");
  t->networks.clear();
  for (const auto& n : r.Arr(j, "Networks")) {
    NetworkAttachment a;
    a.target = r.Str(n, "Target");
    a.aliases = r.StrList(n, "Aliases");
    t->networks.push_back(std::move(a));
  }
  if (r.Has(j, "LogDriver")) {
    const json& l = r.Obj(j, "LogDriver");
    t->log_driver = LogDriver{r.Str(l, "Name"), r.StrMap(l, "Options")};
  } else {
    t->log_driver.reset();
  }
  t->force_update = r.Uint(j, "ForceUpdate");
}

std::optional<UpdateConfig> ReadUpdateConfig(Reader& r, const json& j, const char* key) {
  if (!r.Has(j, key)) return std::nullopt;
  const json& u = r.Obj(j, key);
  UpdateConfig c;
  c.parallelism = r.Uint(u, "Parallelism");
  c.delay = r.Int(u, "Delay");
  c.failure_action = r.Str(u, "FailureAction");
  c.monitor = r.Int(u, "Monitor");
  c.max_failure_ratio = r.Double(u, "MaxFailureRatio");
  c.order = r.Str(u, "Order");
  return c;
}

void ReadServiceSpec(Reader& r, const json& j, ServiceSpec* s) {
  if (!j.is_object()) return r.Fail("ServiceSpec is not an object");
  s->name = r.Str(j, "Name");
  s->labels = r.StrMap(j, "Labels");
  ReadTaskSpec(r, r.Obj(j, "TaskTemplate"), &s->task_template);
  const json& mode = r.Obj(j, "Mode");
  s->replicas = ServiceSpec().replicas;  // not in the JSON of a global service or job
  s->max_concurrent = ServiceSpec().max_concurrent;
  if (r.Has(mode, "Global")) {
    s->mode = ServiceMode::kGlobal;
  } else if (r.Has(mode, "Replicated")) {
    s->mode = ServiceMode::kReplicated;
    s->replicas = r.Uint(r.Obj(mode, "Replicated"), "Replicas");
  } else if (r.Has(mode, "ReplicatedJob")) {
    s->mode = ServiceMode::kReplicatedJob;
    const json& job = r.Obj(mode, "ReplicatedJob");
    s->max_concurrent = r.Uint(job, "MaxConcurrent");
    s->replicas = r.Uint(job, "TotalCompletions");
  } else if (r.Has(mode, "GlobalJob")) {
    s->mode = ServiceMode::kGlobalJob;
  } else {
    r.Fail("Mode is neither Replicated, Global, ReplicatedJob nor GlobalJob");
  }
  s->update_config = ReadUpdateConfig(r, j, "UpdateConfig");
  s->rollback_config = ReadUpdateConfig(r, j, "RollbackConfig");
  ReadEndpointSpec(r, r.Obj(j, "EndpointSpec"), &s->endpoint);
}

}  // namespace

// ---------------------------------------------------------------------------

json ToJson(const EndpointSpec& spec) {
  json j = json::object();
  PutString(j, "Mode", spec.mode);
  if (!spec.ports.empty()) j["Ports"] = PortsJson(spec.ports);
  return j;
}

json ToJson(const TaskSpec& spec) {
  json j = json::object();
  j["ContainerSpec"] = ContainerSpecJson(spec.container);
  json res = json::object();
  if (!spec.resources.limits.empty()) res["Limits"] = ResourcesJson(spec.resources.limits);
  if (!spec.resources.reservations.empty()) res["Reservations"] = ResourcesJson(spec.resources.reservations);
  j["Resources"] = std::move(res);
  if (spec.restart_policy) {
    const RestartPolicy& p = *spec.restart_policy;
    json rp = json::object();
    PutString(rp, "Condition", p.condition);
    if (p.delay) rp["Delay"] = *p.delay;
    if (p.max_attempts) rp["MaxAttempts"] = *p.max_attempts;
    if (p.window) rp["Window"] = *p.window;
    j["RestartPolicy"] = std::move(rp);
  }
  json pl = json::object();
  PutStrings(pl, "Constraints", spec.placement.constraints);
  if (!spec.placement.preferences.empty()) {
    json& prefs = pl["Preferences"] = json::array();
    for (const auto& p : spec.placement.preferences) prefs.push_back({{"Spread", {{"SpreadDescriptor", p}}}});
  }
  PutNonZero(pl, "MaxReplicas", spec.placement.max_replicas);
  j["Placement"] = std::move(pl);
  if (!spec.networks.empty()) {
    json& nets = j["Networks"] = json::array();
    for (const auto& n : spec.networks) {
      json a = json::object();
      PutString(a, "Target", n.target);
      PutStrings(a, "Aliases", n.aliases);
      nets.push_back(std::move(a));
    }
  }
  if (spec.log_driver) {
    json l = json::object();
    PutString(l, "Name", spec.log_driver->name);
    if (!spec.log_driver->options.empty()) l["Options"] = LabelsJson(spec.log_driver->options);
    j["LogDriver"] = std::move(l);
  }
  j["ForceUpdate"] = spec.force_update;
  j["Runtime"] = "container";
  return j;
}

json ToJson(const ServiceSpec& spec) {
  json j = json::object();
  PutString(j, "Name", spec.name);
  j["Labels"] = LabelsJson(spec.labels);
  j["TaskTemplate"] = ToJson(spec.task_template);
  switch (spec.mode) {
    case ServiceMode::kGlobal: j["Mode"] = {{"Global", json::object()}}; break;
    case ServiceMode::kReplicated: j["Mode"] = {{"Replicated", {{"Replicas", spec.replicas}}}}; break;
    case ServiceMode::kReplicatedJob:
      j["Mode"] = {{"ReplicatedJob", {{"MaxConcurrent", spec.max_concurrent}, {"TotalCompletions", spec.replicas}}}};
      break;
    case ServiceMode::kGlobalJob: j["Mode"] = {{"GlobalJob", json::object()}}; break;
  }
  if (spec.update_config) j["UpdateConfig"] = UpdateConfigJson(*spec.update_config);
  if (spec.rollback_config) j["RollbackConfig"] = UpdateConfigJson(*spec.rollback_config);
  j["EndpointSpec"] = ToJson(spec.endpoint);
  return j;
}

json ToJson(const Service& service) {
  json j = json::object();
  j["ID"] = service.id;
  j["Version"] = VersionJson(service.version);
  j["CreatedAt"] = TimeJson(service.created_at);
  j["UpdatedAt"] = TimeJson(service.updated_at);
  j["Spec"] = ToJson(service.spec);
  if (service.previous_spec) j["PreviousSpec"] = ToJson(*service.previous_spec);
  json endpoint = json::object();
  endpoint["Spec"] = ToJson(service.spec.endpoint);
  if (!service.spec.endpoint.ports.empty()) endpoint["Ports"] = PortsJson(service.spec.endpoint.ports);
  if (!service.virtual_ips.empty()) {
    json& vips = endpoint["VirtualIPs"] = json::array();
    for (const auto& v : service.virtual_ips) vips.push_back({{"NetworkID", v.network_id}, {"Addr", v.addr}});
  }
  j["Endpoint"] = std::move(endpoint);
  if (service.update_status) j["UpdateStatus"] = UpdateStatusJson(*service.update_status);
  if (service.job_status) {
    j["JobStatus"] = {{"JobIteration", VersionJson(JobIterationOf(service.spec_version))},
                      {"LastExecution", TimeJson(service.job_status->last_execution)}};
  }
  return j;
}

json ToJson(const TlsInfo& tls) {
  json j = json::object();
  PutString(j, "TrustRoot", tls.trust_root);
  if (!tls.cert_issuer_subject.empty()) j["CertIssuerSubject"] = Base64Encode(tls.cert_issuer_subject);
  if (!tls.cert_issuer_public_key.empty()) j["CertIssuerPublicKey"] = Base64Encode(tls.cert_issuer_public_key);
  return j;
}

json ToJson(const Node& node, const TlsInfo& tls) {
  json j = json::object();
  j["ID"] = node.id;
  j["Version"] = VersionJson(node.version);
  j["CreatedAt"] = TimeJson(node.created_at);
  j["UpdatedAt"] = TimeJson(node.updated_at);
  j["Spec"] = {{"Labels", LabelsJson(node.spec.labels)},
               {"Role", ToString(node.spec.role)},
               {"Availability", ToString(node.spec.availability)}};
  json desc = json::object();
  PutString(desc, "Hostname", node.description.hostname);
  json platform = json::object();
  PutString(platform, "Architecture", node.description.platform.architecture);
  PutString(platform, "OS", node.description.platform.os);
  desc["Platform"] = std::move(platform);
  desc["Resources"] = ResourcesJson(node.description.resources);
  json engine = json::object();
  PutString(engine, "EngineVersion", node.description.engine_version);
  if (!node.description.engine_labels.empty()) engine["Labels"] = LabelsJson(node.description.engine_labels);
  engine["Plugins"] = EnginePluginsJson();
  desc["Engine"] = std::move(engine);
  desc["TLSInfo"] = ToJson(tls);
  j["Description"] = std::move(desc);
  json status = json::object();
  status["State"] = ToString(node.status.state);
  PutString(status, "Message", node.status.message);
  PutString(status, "Addr", node.status.addr);
  j["Status"] = std::move(status);
  if (node.manager_status) {
    json ms = json::object();
    if (node.manager_status->leader) ms["Leader"] = true;
    PutString(ms, "Reachability", node.manager_status->reachability);
    PutString(ms, "Addr", node.manager_status->addr);
    j["ManagerStatus"] = std::move(ms);
  }
  return j;
}

json ToJson(const Task& task) {
  json j = json::object();
  j["ID"] = task.id;
  j["Version"] = VersionJson(task.version);
  j["CreatedAt"] = TimeJson(task.created_at);
  j["UpdatedAt"] = TimeJson(task.updated_at);
  j["Labels"] = json::object();
  j["Spec"] = task.spec ? ToJson(*task.spec) : json::object();
  PutString(j, "ServiceID", task.service_id);
  PutNonZero(j, "Slot", task.slot);
  PutString(j, "NodeID", task.node_id);
  json status = json::object();
  status["Timestamp"] = TimeJson(task.status.timestamp);
  status["State"] = ToString(task.status.state);
  PutString(status, "Message", task.status.message);
  PutString(status, "Err", task.status.err);
  status["PortStatus"] = json::object();
  j["Status"] = std::move(status);
  j["DesiredState"] = ToString(task.desired_state);
  if (!task.networks.empty()) {
    json& atts = j["NetworksAttachments"] = json::array();
    for (const auto& a : task.networks) {
      atts.push_back({{"Network", {{"ID", a.network_id}}}, {"Addresses", json::array({a.addr})}});
    }
  }
  j["Volumes"] = nullptr;  // no omitempty on Task.Volumes
  return j;
}

json ToJson(const Network& network) {
  json j = json::object();
  j["Name"] = network.name;
  j["Id"] = network.id;
  j["Created"] = TimeJson(network.created_at);
  j["Scope"] = network.scope;
  j["Driver"] = network.driver;
  j["EnableIPv4"] = true;
  j["EnableIPv6"] = false;
  json configs = json::array();
  for (const auto& c : network.ipam) {
    json cj = json::object();
    PutString(cj, "Subnet", c.subnet);
    PutString(cj, "Gateway", c.gateway);
    configs.push_back(std::move(cj));
  }
  j["IPAM"] = {{"Driver", network.ipam_driver}, {"Options", nullptr}, {"Config", std::move(configs)}};
  j["Internal"] = network.internal;
  j["Attachable"] = network.attachable;
  j["Ingress"] = network.ingress;
  j["ConfigFrom"] = {{"Network", ""}};
  j["ConfigOnly"] = false;
  j["Containers"] = json::object();
  j["Options"] = network.options.empty() ? json(nullptr) : LabelsJson(network.options);
  j["Labels"] = LabelsJson(network.labels);
  return j;
}

json ToJson(const Config& config, BlobKind kind) {
  json spec = json::object();
  spec["Name"] = config.name;
  spec["Labels"] = LabelsJson(config.labels);
  if (kind == BlobKind::kConfig) spec["Data"] = Base64Encode(config.data);
  if (kind == BlobKind::kSecret && !config.driver.empty()) spec["Driver"] = {{"Name", config.driver}};
  json j = json::object();
  j["ID"] = config.id;
  j["Version"] = VersionJson(config.version);
  j["CreatedAt"] = TimeJson(config.created_at);
  j["UpdatedAt"] = TimeJson(config.updated_at);
  j["Spec"] = spec;
  return j;
}

json ToJson(const Volume& volume) {
  json j = json::object();
  j["CreatedAt"] = FormatRFC3339Nano(volume.created_at - volume.created_at % kSecond);  // engine: seconds
  j["Driver"] = volume.driver;
  j["Labels"] = volume.labels.empty() ? json(nullptr) : LabelsJson(volume.labels);
  j["Mountpoint"] = "/var/lib/docker/volumes/" + volume.name + "/_data";
  j["Name"] = volume.name;
  j["Options"] = volume.options.empty() ? json(nullptr) : LabelsJson(volume.options);
  j["Scope"] = "local";
  return j;
}

json ToJson(const Event& event) {
  json j = json::object();
  j["Type"] = event.type;
  j["Action"] = event.action;
  j["Actor"] = {{"ID", event.actor_id}, {"Attributes", LabelsJson(event.attributes)}};
  j["scope"] = "swarm";
  // docker's seconds truncate toward negative infinity like Go's Time.Unix.
  Time secs = event.time >= 0 ? event.time / kSecond : -((-event.time + kSecond - 1) / kSecond);
  j["time"] = secs;
  j["timeNano"] = event.time;
  return j;
}

json ToJson(const Decision& decision) {
  json j = json::object();
  j["ID"] = decision.id;
  j["Time"] = TimeJson(decision.time);
  j["ServiceID"] = decision.service_id;
  j["ServiceName"] = decision.service_name;
  j["SpecVersion"] = decision.spec_version;
  json nodes = json::array();
  for (const auto& n : decision.nodes) {
    json filters = json::array();
    for (const auto& f : n.filters) {
      json fj = {{"Filter", f.filter}, {"Enabled", f.enabled}, {"Passed", f.passed}};
      PutString(fj, "Reason", f.reason);
      filters.push_back(std::move(fj));
    }
    nodes.push_back({{"NodeID", n.node_id},
                     {"Hostname", n.hostname},
                     {"Filters", std::move(filters)},
                     {"RecentFailures", n.recent_failures},
                     {"ServiceTasks", n.service_tasks},
                     {"TotalTasks", n.total_tasks}});
  }
  j["Nodes"] = std::move(nodes);
  json placements = json::array();
  for (const auto& p : decision.placements) {
    placements.push_back(json::array({p.task_id, p.slot, p.node_id, p.service_tasks_before, p.total_tasks_before}));
  }
  j["Placements"] = std::move(placements);
  PutString(j, "Error", decision.error);
  return j;
}

// ---------------------------------------------------------------------------

Status FromJson(const json& j, EndpointSpec* out) {
  return Guarded("endpoint spec", [&] {
    Reader r("endpoint spec");
    if (!j.is_object()) r.Fail("not an object");
    else ReadEndpointSpec(r, j, out);
    return r.status();
  });
}

Status FromJson(const json& j, TaskSpec* out) {
  return Guarded("task spec", [&] {
    Reader r("task spec");
    ReadTaskSpec(r, j, out);
    return r.status();
  });
}

Status FromJson(const json& j, ServiceSpec* out) {
  return Guarded("service spec", [&] {
    Reader r("service spec");
    ReadServiceSpec(r, j, out);
    return r.status();
  });
}

Status FromJson(const json& j, Service* out) {
  return Guarded("service", [&] {
    Reader r("service");
    if (!j.is_object()) return Status::InvalidArgument("invalid service JSON: not an object");
    out->id = r.Str(j, "ID");
    out->version = r.Uint(r.Obj(j, "Version"), "Index");
    out->created_at = r.Instant(j, "CreatedAt");
    out->updated_at = r.Instant(j, "UpdatedAt");
    ReadServiceSpec(r, r.Obj(j, "Spec"), &out->spec);
    if (r.Has(j, "PreviousSpec")) {
      ServiceSpec prev;
      ReadServiceSpec(r, r.Obj(j, "PreviousSpec"), &prev);
      out->previous_spec = std::move(prev);
    } else {
      out->previous_spec.reset();
    }
    out->virtual_ips.clear();
    for (const auto& v : r.Arr(r.Obj(j, "Endpoint"), "VirtualIPs")) {
      out->virtual_ips.push_back({r.Str(v, "NetworkID"), r.Str(v, "Addr")});
    }
    if (r.Has(j, "UpdateStatus")) {
      const json& u = r.Obj(j, "UpdateStatus");
      UpdateStatus us;
      us.state = r.Str(u, "State");
      us.started_at = r.Instant(u, "StartedAt");
      us.completed_at = r.Instant(u, "CompletedAt");
      us.message = r.Str(u, "Message");
      out->update_status = std::move(us);
    } else {
      out->update_status.reset();
    }
    if (r.Has(j, "JobStatus")) {
      out->job_status = JobStatus{r.Instant(r.Obj(j, "JobStatus"), "LastExecution")};
    } else {
      out->job_status.reset();
    }
    return r.status();
  });
}

Status FromJson(const json& j, Node* out) {
  return Guarded("node", [&] {
    Reader r("node");
    if (!j.is_object()) return Status::InvalidArgument("invalid node JSON: not an object");
    out->id = r.Str(j, "ID");
    out->version = r.Uint(r.Obj(j, "Version"), "Index");
    out->created_at = r.Instant(j, "CreatedAt");
    out->updated_at = r.Instant(j, "UpdatedAt");
    const json& spec = r.Obj(j, "Spec");
    out->spec.labels = r.StrMap(spec, "Labels");
    if (!ParseNodeRole(r.Str(spec, "Role"), &out->spec.role)) r.Fail("unknown Spec.Role");
    if (!ParseNodeAvailability(r.Str(spec, "Availability"), &out->spec.availability)) {
      r.Fail("unknown Spec.Availability");
    }
    const json& desc = r.Obj(j, "Description");
    out->description.hostname = r.Str(desc, "Hostname");
    const json& platform = r.Obj(desc, "Platform");
    out->description.platform.architecture = r.Str(platform, "Architecture");
    out->description.platform.os = r.Str(platform, "OS");
    out->description.resources = ReadResources(r, r.Obj(desc, "Resources"));
    const json& engine = r.Obj(desc, "Engine");
    out->description.engine_version = r.Str(engine, "EngineVersion");
    out->description.engine_labels = r.StrMap(engine, "Labels");
    const json& status = r.Obj(j, "Status");
    std::string state = r.Str(status, "State");
    static const NodeState kStates[] = {NodeState::kUnknown, NodeState::kDown, NodeState::kReady,
                                        NodeState::kDisconnected};
    bool known = false;
    for (NodeState s : kStates) {
      if (state == ToString(s)) {
        out->status.state = s;
        known = true;
      }
    }
    if (!known) r.Fail("unknown Status.State \"" + state + "\"");
    out->status.message = r.Str(status, "Message");
    out->status.addr = r.Str(status, "Addr");
    if (r.Has(j, "ManagerStatus")) {
      const json& m = r.Obj(j, "ManagerStatus");
      ManagerStatus ms;
      ms.leader = r.Bool(m, "Leader");
      ms.reachability = r.Str(m, "Reachability");
      ms.addr = r.Str(m, "Addr");
      out->manager_status = std::move(ms);
    } else {
      out->manager_status.reset();
    }
    return r.status();
  });
}

Status FromJson(const json& j, Task* out) {
  return Guarded("task", [&] {
    Reader r("task");
    if (!j.is_object()) return Status::InvalidArgument("invalid task JSON: not an object");
    out->id = r.Str(j, "ID");
    out->version = r.Uint(r.Obj(j, "Version"), "Index");
    out->created_at = r.Instant(j, "CreatedAt");
    out->updated_at = r.Instant(j, "UpdatedAt");
    auto spec = std::make_shared<TaskSpec>();
    ReadTaskSpec(r, r.Obj(j, "Spec"), spec.get());
    out->spec = std::move(spec);
    out->service_id = r.Str(j, "ServiceID");
    out->slot = r.Uint(j, "Slot");
    out->node_id = r.Str(j, "NodeID");
    const json& status = r.Obj(j, "Status");
    out->status.timestamp = r.Instant(status, "Timestamp");
    std::string state = r.Str(status, "State");
    if (!ParseTaskState(state, &out->status.state)) r.Fail("unknown Status.State \"" + state + "\"");
    out->status.message = r.Str(status, "Message");
    out->status.err = r.Str(status, "Err");
    std::string desired = r.Str(j, "DesiredState");
    if (!ParseTaskState(desired, &out->desired_state)) r.Fail("unknown DesiredState \"" + desired + "\"");
    out->networks.clear();
    for (const auto& a : r.Arr(j, "NetworksAttachments")) {
      std::string net = r.Str(r.Obj(a, "Network"), "ID");
      for (const auto& addr : a.value("Addresses", json::array())) {
        if (addr.is_string()) out->networks.push_back({net, addr.get<std::string>()});
      }
    }
    return r.status();
  });
}

Status FromJson(const json& j, Network* out) {
  return Guarded("network", [&] {
    Reader r("network");
    if (!j.is_object()) return Status::InvalidArgument("invalid network JSON: not an object");
    out->name = r.Str(j, "Name");
    out->id = r.Str(j, "Id");
    out->created_at = r.Instant(j, "Created");
    out->scope = r.Str(j, "Scope");
    out->driver = r.Str(j, "Driver");
    out->attachable = r.Bool(j, "Attachable");
    out->ingress = r.Bool(j, "Ingress");
    out->internal = r.Bool(j, "Internal");
    out->labels = r.StrMap(j, "Labels");
    out->options = r.StrMap(j, "Options");
    const json& ipam = r.Obj(j, "IPAM");
    out->ipam_driver = r.Str(ipam, "Driver");
    if (out->ipam_driver.empty()) out->ipam_driver = "default";
    out->ipam.clear();
    for (const auto& c : r.Arr(ipam, "Config")) out->ipam.push_back({r.Str(c, "Subnet"), r.Str(c, "Gateway")});
    return r.status();
  });
}

Status FromJson(const json& j, Config* out) {
  return Guarded("config", [&] {
    Reader r("config");
    if (!j.is_object()) return Status::InvalidArgument("invalid config JSON: not an object");
    out->id = r.Str(j, "ID");
    out->version = r.Uint(r.Obj(j, "Version"), "Index");
    out->created_at = r.Instant(j, "CreatedAt");
    out->updated_at = r.Instant(j, "UpdatedAt");
    const json& spec = r.Obj(j, "Spec");
    out->name = r.Str(spec, "Name");
    out->labels = r.StrMap(spec, "Labels");
    out->driver = r.Str(r.Obj(spec, "Driver"), "Name");
    if (r.Has(spec, "Data")) {
      std::string data;
      if (!Base64Decode(r.Str(spec, "Data"), &data)) r.Fail("field \"Data\" is not base64");
      out->data = std::move(data);
    }
    return r.status();
  });
}

Status FromJson(const json& j, TlsInfo* out) {
  return Guarded("TLS info", [&] {
    Reader r("TLS info");
    if (!j.is_object()) return Status::InvalidArgument("invalid TLS info JSON: not an object");
    out->trust_root = r.Str(j, "TrustRoot");
    for (auto [key, field] : {std::pair{"CertIssuerSubject", &out->cert_issuer_subject},
                              std::pair{"CertIssuerPublicKey", &out->cert_issuer_public_key}}) {
      field->clear();
      if (!Base64Decode(r.Str(j, key), field)) r.Fail(std::string("field \"") + key + "\" is not base64");
    }
    return r.status();
  });
}

Status FromJson(const json& j, Event* out) {
  return Guarded("event", [&] {
    Reader r("event");
    if (!j.is_object()) return Status::InvalidArgument("invalid event JSON: not an object");
    out->type = r.Str(j, "Type");
    out->action = r.Str(j, "Action");
    const json& actor = r.Obj(j, "Actor");
    out->actor_id = r.Str(actor, "ID");
    out->attributes = r.StrMap(actor, "Attributes");
    out->time = r.Int(j, "timeNano");
    return r.status();
  });
}

Status FromJson(const json& j, Decision* out) {
  return Guarded("decision", [&] {
    Reader r("decision");
    if (!j.is_object()) return Status::InvalidArgument("invalid decision JSON: not an object");
    out->id = r.Str(j, "ID");
    out->time = r.Instant(j, "Time");
    out->service_id = r.Str(j, "ServiceID");
    out->service_name = r.Str(j, "ServiceName");
    out->spec_version = r.Uint(j, "SpecVersion");
    out->nodes.clear();
    const json& nodes = r.Arr(j, "Nodes");
    out->nodes.reserve(nodes.size());
    for (const auto& n : nodes) {
      NodeVerdict v;
      v.node_id = r.Str(n, "NodeID");
      v.hostname = r.Str(n, "Hostname");
      for (const auto& f : r.Arr(n, "Filters")) {
        FilterVerdict fv;
        fv.filter = r.Str(f, "Filter");
        fv.enabled = r.Bool(f, "Enabled");
        fv.passed = r.Bool(f, "Passed");
        fv.reason = r.Str(f, "Reason");
        v.filters.push_back(std::move(fv));
      }
      v.recent_failures = r.Int(n, "RecentFailures");
      v.service_tasks = r.Int(n, "ServiceTasks");
      v.total_tasks = r.Int(n, "TotalTasks");
      out->nodes.push_back(std::move(v));
    }
    out->placements.clear();
    const json& placements = r.Arr(j, "Placements");
    out->placements.reserve(placements.size());
    for (const auto& p : placements) {
      if (!p.is_array() || p.size() != 5 || !p[0].is_string() || !p[1].is_number_unsigned() || !p[2].is_string() ||
          !p[3].is_number_integer() || !p[4].is_number_integer()) {
        r.Fail("a placement is not [TaskID, Slot, NodeID, ServiceTasksBefore, TotalTasksBefore]");
        break;
      }
      TaskPlacement tp;
      tp.task_id = p[0].get<std::string>();
      tp.slot = p[1].get<uint64_t>();
      tp.node_id = p[2].get<std::string>();
      tp.service_tasks_before = p[3].get<int64_t>();
      tp.total_tasks_before = p[4].get<int64_t>();
      out->placements.push_back(std::move(tp));
    }
    out->error = r.Str(j, "Error");
    return r.status();
  });
}

}  // namespace swarmsim
