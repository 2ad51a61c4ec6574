#include "core/compose/render.h"

#include <algorithm>
#include <cmath>

#include "core/compose/go_text.h"
#include "core/compose/yaml_writer.h"
#include "core/format/go_duration.h"

namespace swarmsim {

namespace {

using compose::YamlOut;

// Builds a mapping the way yaml.v3 marshals a struct: fields in order, `omitempty`
// ones left out when zero.
class Fields {
 public:
  void Str(const std::string& key, const std::string& v) {
    if (!v.empty()) out_.Add(key, YamlOut::Str(v));
  }
  void Bool(const std::string& key, bool v) {
    if (v) out_.Add(key, YamlOut::Bool(true));
  }
  void Uint(const std::string& key, uint64_t v) {
    if (v) out_.Add(key, YamlOut::Num(std::to_string(v)));
  }
  void Int(const std::string& key, int64_t v) {
    if (v) out_.Add(key, YamlOut::Num(std::to_string(v)));
  }
  void Duration(const std::string& key, swarmsim::Duration v) {
    if (v) out_.Add(key, YamlOut::Str(FormatGoDuration(v)));
  }
  void OptDuration(const std::string& key, const std::optional<swarmsim::Duration>& v) {
    if (v) out_.Add(key, YamlOut::Str(FormatGoDuration(*v)));
  }
  void OptUint(const std::string& key, const std::optional<uint64_t>& v) {
    if (v) out_.Add(key, YamlOut::Num(std::to_string(*v)));
  }
  // UnitBytes marshals as a decimal string, so it prints quoted.
  void Bytes(const std::string& key, int64_t v) {
    if (v) out_.Add(key, YamlOut::Str(std::to_string(v)));
  }
  void List(const std::string& key, const std::vector<std::string>& v) {
    if (v.empty()) return;
    YamlOut seq = YamlOut::Seq();
    for (const auto& s : v) seq.items.push_back(YamlOut::Str(s));
    out_.Add(key, std::move(seq));
  }
  void Map(const std::string& key, const std::map<std::string, std::string>& v) {
    if (v.empty()) return;
    out_.Add(key, StringMap(v));
  }
  void MapWithEquals(const std::string& key, const ComposeMappingWithEquals& v) {
    if (v.empty()) return;
    YamlOut m = YamlOut::Map();
    for (const auto& k : SortedKeys(v)) {
      const auto& val = v.at(k);
      m.Add(k, val ? YamlOut::Str(*val) : YamlOut::Null());
    }
    out_.Add(key, std::move(m));
  }
  void Node(const std::string& key, YamlOut v) { out_.Add(key, std::move(v)); }
  // Non-empty mappings only (a struct that marshals to nothing is zero).
  void Struct(const std::string& key, YamlOut v) {
    if (!v.entries.empty()) out_.Add(key, std::move(v));
  }
  void Extras(const compose::Value& extras);

  YamlOut Take() { return std::move(out_); }

  template <typename M>
  static std::vector<std::string> SortedKeys(const M& m) {
    std::vector<std::string> keys;
    for (const auto& [k, v] : m) keys.push_back(k);
    std::sort(keys.begin(), keys.end(), compose::YamlKeyLess);
    return keys;
  }
  static YamlOut StringMap(const std::map<std::string, std::string>& v) {
    YamlOut m = YamlOut::Map();
    for (const auto& k : SortedKeys(v)) m.Add(k, YamlOut::Str(v.at(k)));
    return m;
  }

 private:
  YamlOut out_ = YamlOut::Map();
};

std::string YamlFloat(double f, int bits) {
  if (std::isinf(f)) return f > 0 ? ".inf" : "-.inf";
  if (std::isnan(f)) return ".nan";
  return compose::GoFormatFloat(f, bits);
}

// An untyped value (x-* extensions) as yaml.v3 marshals Go's `any`.
YamlOut FromValue(const compose::Value& v) {
  using Kind = compose::Value::Kind;
  switch (v.kind) {
    case Kind::kNull: return YamlOut::Null();
    case Kind::kBool: return YamlOut::Bool(v.b);
    case Kind::kInt: return YamlOut::Num(std::to_string(v.i));
    case Kind::kUint: return YamlOut::Num(std::to_string(v.u));
    case Kind::kFloat: return YamlOut::Num(YamlFloat(v.f, 64));
    case Kind::kString: return YamlOut::Str(v.s);
    case Kind::kTime: return YamlOut::Num(v.s);  // yaml.v3 writes times plain, in RFC 3339
    case Kind::kList: {
      YamlOut seq = YamlOut::Seq();
      for (const auto& item : v.list) seq.items.push_back(FromValue(item));
      return seq;
    }
    case Kind::kMap: {
      std::vector<const std::pair<std::string, compose::Value>*> entries;
      for (const auto& e : v.map) entries.push_back(&e);
      std::sort(entries.begin(), entries.end(),
                [](auto* a, auto* b) { return compose::YamlKeyLess(a->first, b->first); });
      YamlOut m = YamlOut::Map();
      for (const auto* e : entries) m.Add(e->first, FromValue(e->second));
      return m;
    }
  }
  return YamlOut::Null();
}

void Fields::Extras(const compose::Value& extras) {
  YamlOut m = FromValue(extras);
  for (auto& e : m.entries) out_.Add(e.first, std::move(e.second));
}

YamlOut Build(const ComposeBuild& b) {
  Fields f;
  f.Str("context", b.context);
  f.Str("dockerfile", b.dockerfile);
  f.MapWithEquals("args", b.args);
  f.Map("labels", b.labels);
  f.List("cache_from", b.cache_from);
  f.List("extra_hosts", b.extra_hosts);
  f.Str("network", b.network);
  f.Str("target", b.target);
  return f.Take();
}

YamlOut FileRefs(const std::vector<ComposeFileRef>& refs) {
  YamlOut seq = YamlOut::Seq();
  for (const auto& r : refs) {
    Fields f;
    f.Str("source", r.source);
    f.Str("target", r.target);
    f.Str("uid", r.uid);
    f.Str("gid", r.gid);
    if (r.mode) f.Node("mode", YamlOut::Num(std::to_string(*r.mode)));
    seq.items.push_back(f.Take());
  }
  return seq;
}

YamlOut UpdateConfig(const ComposeUpdateConfig& u) {
  Fields f;
  f.OptUint("parallelism", u.parallelism);
  f.Duration("delay", u.delay);
  f.Str("failure_action", u.failure_action);
  f.Duration("monitor", u.monitor);
  if (u.max_failure_ratio != 0) f.Node("max_failure_ratio", YamlOut::Num(YamlFloat(u.max_failure_ratio, 32)));
  f.Str("order", u.order);
  return f.Take();
}

YamlOut Deploy(const ComposeDeploy& d) {
  Fields f;
  f.Str("mode", d.mode);
  f.OptUint("replicas", d.replicas);
  f.Map("labels", d.labels);
  if (d.update_config) f.Node("update_config", UpdateConfig(*d.update_config));
  if (d.rollback_config) f.Node("rollback_config", UpdateConfig(*d.rollback_config));
  {
    Fields r;
    if (d.limits) {
      Fields l;
      l.Str("cpus", d.limits->cpus);
      l.Bytes("memory", d.limits->memory);
      l.Int("pids", d.limits->pids);
      r.Node("limits", l.Take());
    }
    if (d.reservations) {
      Fields l;
      l.Str("cpus", d.reservations->cpus);
      l.Bytes("memory", d.reservations->memory);
      if (!d.reservations->generic_resources.empty()) {
        YamlOut seq = YamlOut::Seq();
        for (const auto& g : d.reservations->generic_resources) {
          Fields gf;
          if (g.has_discrete) {
            YamlOut spec = YamlOut::Map();
            spec.Add("kind", YamlOut::Str(g.kind));
            spec.Add("value", YamlOut::Num(std::to_string(g.value)));
            gf.Node("discrete_resource_spec", std::move(spec));
          }
          seq.items.push_back(gf.Take());
        }
        l.Node("generic_resources", std::move(seq));
      }
      r.Node("reservations", l.Take());
    }
    f.Struct("resources", r.Take());
  }
  if (d.restart_policy) {
    Fields r;
    r.Str("condition", d.restart_policy->condition);
    r.OptDuration("delay", d.restart_policy->delay);
    r.OptUint("max_attempts", d.restart_policy->max_attempts);
    r.OptDuration("window", d.restart_policy->window);
    f.Node("restart_policy", r.Take());
  }
  {
    Fields p;
    p.List("constraints", d.placement.constraints);
    if (!d.placement.preferences.empty()) {
      YamlOut seq = YamlOut::Seq();
      for (const auto& spread : d.placement.preferences) {
        Fields pf;
        pf.Str("spread", spread);
        seq.items.push_back(pf.Take());
      }
      p.Node("preferences", std::move(seq));
    }
    p.Uint("max_replicas_per_node", d.placement.max_replicas_per_node);
    f.Struct("placement", p.Take());
  }
  f.Str("endpoint_mode", d.endpoint_mode);
  return f.Take();
}

YamlOut Healthcheck(const ComposeHealthcheck& h) {
  Fields f;
  f.List("test", h.test);
  f.OptDuration("timeout", h.timeout);
  f.OptDuration("interval", h.interval);
  f.OptUint("retries", h.retries);
  f.OptDuration("start_period", h.start_period);
  f.OptDuration("start_interval", h.start_interval);
  f.Bool("disable", h.disable);
  return f.Take();
}

YamlOut Service(const ComposeService& s) {
  Fields f;
  f.Struct("build", Build(s.build));
  f.List("cap_add", s.cap_add);
  f.List("cap_drop", s.cap_drop);
  f.Str("cgroupns_mode", s.cgroupns_mode);
  f.Str("cgroup_parent", s.cgroup_parent);
  f.List("command", s.command);
  if (!s.configs.empty()) f.Node("configs", FileRefs(s.configs));
  f.Str("container_name", s.container_name);
  {
    Fields c;
    c.Str("config", s.credential_spec.config);
    c.Str("file", s.credential_spec.file);
    c.Str("registry", s.credential_spec.registry);
    f.Struct("credential_spec", c.Take());
  }
  f.List("depends_on", s.depends_on);
  f.Struct("deploy", Deploy(s.deploy));
  f.List("devices", s.devices);
  f.List("dns", s.dns);
  f.List("dns_search", s.dns_search);
  f.Str("domainname", s.domainname);
  f.List("entrypoint", s.entrypoint);
  f.MapWithEquals("environment", s.environment);
  f.List("env_file", s.env_file);
  f.List("expose", s.expose);
  f.List("external_links", s.external_links);
  f.List("extra_hosts", s.extra_hosts);
  f.Str("hostname", s.hostname);
  if (s.healthcheck) f.Node("healthcheck", Healthcheck(*s.healthcheck));
  f.Str("image", s.image);
  if (s.init) f.Node("init", YamlOut::Bool(*s.init));
  f.Str("ipc", s.ipc);
  f.Str("isolation", s.isolation);
  f.Map("labels", s.labels);
  f.List("links", s.links);
  if (s.logging) {
    Fields l;
    l.Str("driver", s.logging->driver);
    l.Map("options", s.logging->options);
    f.Node("logging", l.Take());
  }
  f.Str("mac_address", s.mac_address);
  f.Str("network_mode", s.network_mode);
  if (!s.networks.empty()) {
    YamlOut m = YamlOut::Map();
    for (const auto& k : Fields::SortedKeys(s.networks)) {
      const auto& n = s.networks.at(k);
      if (!n) {
        m.Add(k, YamlOut::Null());
        continue;
      }
      Fields nf;
      nf.List("aliases", n->aliases);
      nf.Map("driver_opts", n->driver_opts);
      nf.Str("ipv4_address", n->ipv4_address);
      nf.Str("ipv6_address", n->ipv6_address);
      m.Add(k, nf.Take());
    }
    f.Node("networks", std::move(m));
  }
  f.Str("pid", s.pid);
  if (!s.ports.empty()) {
    YamlOut seq = YamlOut::Seq();
    for (const auto& p : s.ports) {
      Fields pf;
      pf.Str("mode", p.mode);
      pf.Uint("target", p.target);
      pf.Uint("published", p.published);
      pf.Str("protocol", p.protocol);
      seq.items.push_back(pf.Take());
    }
    f.Node("ports", std::move(seq));
  }
  f.Bool("privileged", s.privileged);
  f.Bool("read_only", s.read_only);
  f.Str("restart", s.restart);
  if (!s.secrets.empty()) f.Node("secrets", FileRefs(s.secrets));
  f.List("security_opt", s.security_opt);
  f.Str("shm_size", s.shm_size);
  f.Bool("stdin_open", s.stdin_open);
  f.OptDuration("stop_grace_period", s.stop_grace_period);
  f.Str("stop_signal", s.stop_signal);
  f.Map("sysctls", s.sysctls);
  f.List("tmpfs", s.tmpfs);
  f.Bool("tty", s.tty);
  if (!s.ulimits.empty()) {
    YamlOut m = YamlOut::Map();
    for (const auto& k : Fields::SortedKeys(s.ulimits)) {
      const ComposeUlimit& u = s.ulimits.at(k);
      if (u.single != 0) {
        m.Add(k, YamlOut::Num(std::to_string(u.single)));
      } else {
        Fields uf;
        uf.Int("soft", u.soft);
        uf.Int("hard", u.hard);
        m.Add(k, uf.Take());
      }
    }
    f.Node("ulimits", std::move(m));
  }
  f.Str("user", s.user);
  f.Str("userns_mode", s.userns_mode);
  if (!s.volumes.empty()) {
    YamlOut seq = YamlOut::Seq();
    for (const auto& v : s.volumes) {
      Fields vf;
      vf.Str("type", v.type);
      vf.Str("source", v.source);
      vf.Str("target", v.target);
      vf.Bool("read_only", v.read_only);
      vf.Str("consistency", v.consistency);
      if (v.bind_propagation) {
        Fields b;
        b.Str("propagation", *v.bind_propagation);
        vf.Node("bind", b.Take());
      }
      if (v.volume_nocopy) {
        Fields b;
        b.Bool("nocopy", *v.volume_nocopy);
        vf.Node("volume", b.Take());
      }
      if (v.tmpfs_size) {
        Fields b;
        b.Int("size", *v.tmpfs_size);
        vf.Node("tmpfs", b.Take());
      }
      seq.items.push_back(vf.Take());
    }
    f.Node("volumes", std::move(seq));
  }
  f.Str("working_dir", s.working_dir);
  f.Extras(s.extras);
  return f.Take();
}

// External marshals as `true`, or as {name: ...} for the deprecated form.
void External(Fields* f, const ComposeExternal& e) {
  if (!e.name.empty()) {
    YamlOut m = YamlOut::Map();
    m.Add("name", YamlOut::Str(e.name));
    f->Node("external", std::move(m));
  } else if (e.external) {
    f->Node("external", YamlOut::Bool(true));
  }
}

YamlOut Network(const ComposeNetwork& n) {
  Fields f;
  f.Str("name", n.name);
  f.Str("driver", n.driver);
  f.Map("driver_opts", n.driver_opts);
  {
    Fields ipam;
    ipam.Str("driver", n.ipam_driver);
    if (!n.ipam_config.empty()) {
      YamlOut seq = YamlOut::Seq();
      for (const auto& pool : n.ipam_config) {
        Fields pf;
        pf.Str("subnet", pool.subnet);
        seq.items.push_back(pf.Take());
      }
      ipam.Node("config", std::move(seq));
    }
    f.Struct("ipam", ipam.Take());
  }
  External(&f, n.external);
  f.Bool("internal", n.internal);
  f.Bool("attachable", n.attachable);
  f.Map("labels", n.labels);
  f.Extras(n.extras);
  return f.Take();
}

YamlOut Volume(const ComposeVolume& v) {
  Fields f;
  f.Str("name", v.name);
  f.Str("driver", v.driver);
  f.Map("driver_opts", v.driver_opts);
  External(&f, v.external);
  f.Map("labels", v.labels);
  f.Extras(v.extras);
  return f.Take();
}

YamlOut FileObject(const ComposeFileObject& o) {
  Fields f;
  f.Str("name", o.name);
  f.Str("file", o.file);
  External(&f, o.external);
  f.Map("labels", o.labels);
  f.Str("driver", o.driver);
  f.Map("driver_opts", o.driver_opts);
  f.Str("template_driver", o.template_driver);
  f.Extras(o.extras);
  return f.Take();
}

template <typename M, typename Fn>
void Section(Fields* f, const std::string& key, const M& objects, Fn render) {
  if (objects.empty()) return;
  YamlOut m = YamlOut::Map();
  for (const auto& k : Fields::SortedKeys(objects)) m.Add(k, render(objects.at(k)));
  f->Node(key, std::move(m));
}

}  // namespace

std::string RenderStackConfig(const ComposeProject& project) {
  Fields f;
  f.Node("version", YamlOut::Str(project.version));
  YamlOut services = YamlOut::Map();
  std::vector<const ComposeService*> sorted;
  for (const auto& s : project.services) sorted.push_back(&s);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](auto* a, auto* b) { return compose::YamlKeyLess(a->name, b->name); });
  for (const auto* s : sorted) services.Add(s->name, Service(*s));
  f.Node("services", std::move(services));
  Section(&f, "networks", project.networks, Network);
  Section(&f, "volumes", project.volumes, Volume);
  Section(&f, "secrets", project.secrets, FileObject);
  Section(&f, "configs", project.configs, FileObject);
  f.Extras(project.extras);
  return compose::WriteYaml(f.Take());
}

Result<std::string> StackConfigText(const std::vector<ComposeFile>& files, const ComposeEnv& env,
                                    ComposeLoadOptions options) {
  options.command = ComposeCommand::kConfig;
  auto project = LoadCompose(files, env, options);
  if (!project.ok()) return project.status();
  return RenderStackConfig(*project);
}

}  // namespace swarmsim
