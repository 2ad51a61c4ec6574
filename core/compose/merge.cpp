#include "core/compose/merge.h"

#include <algorithm>
#include <map>

namespace swarmsim::compose {

namespace {

// Scalars: a non-empty override wins; an empty one never clears.
void Scalar(std::string* dst, const std::string& src) {
  if (!src.empty()) *dst = src;
}
void Scalar(bool* dst, bool src) {
  if (src) *dst = true;
}
template <typename T>
void Scalar(T* dst, T src) {
  if (src != T{}) *dst = src;
}
template <typename T>
void Append(std::vector<T>* dst, const std::vector<T>& src) {
  dst->insert(dst->end(), src.begin(), src.end());
}
// Go maps of strings: every override key replaces the base's (even with "").
void MapOverride(std::map<std::string, std::string>* dst, const std::map<std::string, std::string>& src) {
  for (const auto& [k, v] : src) (*dst)[k] = v;
}
// Pointers to scalars (init, stop_grace_period, ...): set when the base has
// none, else the pointed value merges like a scalar.
template <typename T>
void Pointer(std::optional<T>* dst, const std::optional<T>& src) {
  if (!src) return;
  if (!*dst) {
    *dst = src;
    return;
  }
  Scalar(&**dst, *src);
}
// *uint64 has its own rule in docker: the override's value always wins.
void Uint64Pointer(std::optional<uint64_t>* dst, const std::optional<uint64_t>& src) {
  if (src) *dst = src;
}

// ports / volumes / secrets / configs: keyed, the override's entry replacing
// the base's, sorted by the key. docker only does this when the base already
// has entries; otherwise the lists are simply appended.
template <typename T, typename KeyFn>
void MergeKeyed(std::vector<T>* dst, const std::vector<T>& src, KeyFn key) {
  if (dst->empty()) {
    Append(dst, src);
    return;
  }
  using K = decltype(key(src.front()));
  std::map<K, T> by_key;
  for (const auto& e : *dst) by_key[key(e)] = e;
  for (const auto& e : src) by_key[key(e)] = e;
  dst->clear();
  for (auto& [k, e] : by_key) dst->push_back(e);
}

void MergeUpdateConfig(std::optional<ComposeUpdateConfig>* dst, const std::optional<ComposeUpdateConfig>& src) {
  if (!src) return;
  if (!*dst) {
    *dst = src;
    return;
  }
  ComposeUpdateConfig& d = **dst;
  Uint64Pointer(&d.parallelism, src->parallelism);
  Scalar(&d.delay, src->delay);
  Scalar(&d.failure_action, src->failure_action);
  Scalar(&d.monitor, src->monitor);
  Scalar(&d.max_failure_ratio, src->max_failure_ratio);
  Scalar(&d.order, src->order);
}

void MergeDeploy(ComposeDeploy* d, const ComposeDeploy& s) {
  Scalar(&d->mode, s.mode);
  Uint64Pointer(&d->replicas, s.replicas);
  MapOverride(&d->labels, s.labels);
  MergeUpdateConfig(&d->update_config, s.update_config);
  MergeUpdateConfig(&d->rollback_config, s.rollback_config);
  if (s.limits) {
    if (!d->limits) {
      d->limits = s.limits;
    } else {
      Scalar(&d->limits->cpus, s.limits->cpus);
      Scalar(&d->limits->memory, s.limits->memory);
      Scalar(&d->limits->pids, s.limits->pids);
    }
  }
  if (s.reservations) {
    if (!d->reservations) {
      d->reservations = s.reservations;
    } else {
      Scalar(&d->reservations->cpus, s.reservations->cpus);
      Scalar(&d->reservations->memory, s.reservations->memory);
      Append(&d->reservations->generic_resources, s.reservations->generic_resources);
    }
  }
  if (s.restart_policy) {
    if (!d->restart_policy) {
      d->restart_policy = s.restart_policy;
    } else {
      Scalar(&d->restart_policy->condition, s.restart_policy->condition);
      Pointer(&d->restart_policy->delay, s.restart_policy->delay);
      Uint64Pointer(&d->restart_policy->max_attempts, s.restart_policy->max_attempts);
      Pointer(&d->restart_policy->window, s.restart_policy->window);
    }
  }
  Append(&d->placement.constraints, s.placement.constraints);
  Append(&d->placement.preferences, s.placement.preferences);
  Scalar(&d->placement.max_replicas_per_node, s.placement.max_replicas_per_node);
  Scalar(&d->endpoint_mode, s.endpoint_mode);
}

void MergeHealthcheck(std::optional<ComposeHealthcheck>* dst, const std::optional<ComposeHealthcheck>& src) {
  if (!src) return;
  if (!*dst) {
    *dst = src;
    return;
  }
  ComposeHealthcheck& d = **dst;
  Append(&d.test, src->test);  // docker appends test lists too
  Pointer(&d.timeout, src->timeout);
  Pointer(&d.interval, src->interval);
  Uint64Pointer(&d.retries, src->retries);
  Pointer(&d.start_period, src->start_period);
  Pointer(&d.start_interval, src->start_interval);
  Scalar(&d.disable, src->disable);
}

// Values are pointers in docker: an empty or missing override keeps a
// non-empty base value; an empty or missing base takes the override as is.
void MergeMappingWithEquals(ComposeMappingWithEquals* dst, const ComposeMappingWithEquals& src) {
  for (const auto& [k, v] : src) {
    auto it = dst->find(k);
    if (it == dst->end() || !it->second || it->second->empty()) {
      (*dst)[k] = v;
    } else if (v && !v->empty()) {
      it->second = v;
    }
  }
}

// x-* values: maps merge deeply, lists append, scalars are replaced.
void MergeExtraValue(Value* dst, const Value& src) {
  if (dst->is_map() && src.is_map()) {
    for (const auto& [k, v] : src.map) {
      if (Value* existing = dst->Find(k)) {
        MergeExtraValue(existing, v);
      } else {
        dst->Set(k, v);
      }
    }
    return;
  }
  if (dst->is_list() && src.is_list()) {
    dst->list.insert(dst->list.end(), src.list.begin(), src.list.end());
    return;
  }
  *dst = src;
}

void MergeService(ComposeService* d, const ComposeService& s) {
  Scalar(&d->build.context, s.build.context);
  Scalar(&d->build.dockerfile, s.build.dockerfile);
  MergeMappingWithEquals(&d->build.args, s.build.args);
  MapOverride(&d->build.labels, s.build.labels);
  Append(&d->build.cache_from, s.build.cache_from);
  Append(&d->build.extra_hosts, s.build.extra_hosts);
  Scalar(&d->build.network, s.build.network);
  Scalar(&d->build.target, s.build.target);
  Append(&d->cap_add, s.cap_add);
  Append(&d->cap_drop, s.cap_drop);
  Scalar(&d->cgroupns_mode, s.cgroupns_mode);
  Scalar(&d->cgroup_parent, s.cgroup_parent);
  if (!s.command.empty()) d->command = s.command;
  MergeKeyed(&d->configs, s.configs, [](const ComposeFileRef& r) { return r.source; });
  Scalar(&d->container_name, s.container_name);
  Scalar(&d->credential_spec.config, s.credential_spec.config);
  Scalar(&d->credential_spec.file, s.credential_spec.file);
  Scalar(&d->credential_spec.registry, s.credential_spec.registry);
  Append(&d->depends_on, s.depends_on);
  MergeDeploy(&d->deploy, s.deploy);
  Append(&d->devices, s.devices);
  Append(&d->dns, s.dns);
  Append(&d->dns_search, s.dns_search);
  Scalar(&d->domainname, s.domainname);
  if (!s.entrypoint.empty()) d->entrypoint = s.entrypoint;
  MergeMappingWithEquals(&d->environment, s.environment);
  Append(&d->env_file, s.env_file);
  Append(&d->expose, s.expose);
  Append(&d->external_links, s.external_links);
  Append(&d->extra_hosts, s.extra_hosts);
  Scalar(&d->hostname, s.hostname);
  MergeHealthcheck(&d->healthcheck, s.healthcheck);
  Scalar(&d->image, s.image);
  Pointer(&d->init, s.init);
  Scalar(&d->ipc, s.ipc);
  Scalar(&d->isolation, s.isolation);
  MapOverride(&d->labels, s.labels);
  Append(&d->links, s.links);
  if (s.logging) {
    if (!d->logging) {
      d->logging = s.logging;
    } else if (d->logging->driver == s.logging->driver || d->logging->driver.empty() || s.logging->driver.empty()) {
      if (d->logging->driver.empty()) d->logging->driver = s.logging->driver;
      // mergo cannot grow a nil options map through docker's local copy.
      if (!d->logging->options.empty()) MapOverride(&d->logging->options, s.logging->options);
    } else {
      d->logging = s.logging;
    }
  }
  Scalar(&d->mac_address, s.mac_address);
  Scalar(&d->network_mode, s.network_mode);
  for (const auto& [k, v] : s.networks) {
    auto it = d->networks.find(k);
    if (it == d->networks.end() || !it->second) {
      if (it == d->networks.end() || v) d->networks[k] = v;
    } else if (v) {
      it->second->aliases = v->aliases;
      if (!v->ipv4_address.empty()) it->second->ipv4_address = v->ipv4_address;
      if (!v->ipv6_address.empty()) it->second->ipv6_address = v->ipv6_address;
    }
  }
  Scalar(&d->pid, s.pid);
  if (d->ports.empty()) {
    Append(&d->ports, s.ports);
  } else {
    MergeKeyed(&d->ports, s.ports, [](const ComposePort& p) { return p.published; });
  }
  Scalar(&d->privileged, s.privileged);
  Scalar(&d->read_only, s.read_only);
  Scalar(&d->restart, s.restart);
  MergeKeyed(&d->secrets, s.secrets, [](const ComposeFileRef& r) { return r.source; });
  Append(&d->security_opt, s.security_opt);
  Scalar(&d->shm_size, s.shm_size);
  Scalar(&d->stdin_open, s.stdin_open);
  Pointer(&d->stop_grace_period, s.stop_grace_period);
  Scalar(&d->stop_signal, s.stop_signal);
  MapOverride(&d->sysctls, s.sysctls);
  Append(&d->tmpfs, s.tmpfs);
  Scalar(&d->tty, s.tty);
  for (const auto& [k, v] : s.ulimits) d->ulimits[k] = v;
  Scalar(&d->user, s.user);
  Scalar(&d->userns_mode, s.userns_mode);
  MergeKeyed(&d->volumes, s.volumes, [](const ComposeMount& m) { return m.target; });
  Scalar(&d->working_dir, s.working_dir);
  MergeExtraValue(&d->extras, s.extras);
}

}  // namespace

void MergeProjects(ComposeProject* base, ComposeProject&& override) {
  for (auto& svc : override.services) {
    auto it = std::find_if(base->services.begin(), base->services.end(),
                           [&](const ComposeService& s) { return s.name == svc.name; });
    if (it == base->services.end()) {
      base->services.push_back(std::move(svc));
    } else {
      MergeService(&*it, svc);
    }
  }
  std::sort(base->services.begin(), base->services.end(),
            [](const ComposeService& a, const ComposeService& b) { return a.name < b.name; });
  for (auto& [k, v] : override.volumes) base->volumes[k] = std::move(v);
  for (auto& [k, v] : override.networks) base->networks[k] = std::move(v);
  for (auto& [k, v] : override.secrets) base->secrets[k] = std::move(v);
  for (auto& [k, v] : override.configs) base->configs[k] = std::move(v);
}

}  // namespace swarmsim::compose
