#include "core/scheduler/filters.h"

#include <cstdio>

namespace swarmsim {

namespace {

// "<what> on 1 node" / "<what> on N nodes": swarm's pluralisation.
std::string OnNodes(const char* what, int nodes) {
  return std::string(what) + " on " + std::to_string(nodes) + (nodes == 1 ? " node" : " nodes");
}

// A fixed-point number with up to `decimals` decimals, trailing zeros dropped.
std::string Decimal(int64_t value, int64_t unit, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, static_cast<double>(value) / static_cast<double>(unit));
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s;
}

std::string CpuNumber(int64_t nano_cpus) { return Decimal(nano_cpus, 1'000'000'000, 3); }

}  // namespace

std::string FormatCpus(int64_t nano_cpus) {
  return CpuNumber(nano_cpus) + (nano_cpus == 1'000'000'000 ? " CPU" : " CPUs");
}

std::string FormatBytes(int64_t bytes) {
  static const char* kUnits[] = {"B", "KiB", "MiB", "GiB", "TiB"};
  int64_t unit = 1;
  int i = 0;
  while (i < 4 && (bytes < 0 ? -bytes : bytes) >= unit * 1024) {
    unit *= 1024;
    ++i;
  }
  return Decimal(bytes, unit, 2) + kUnits[i];
}

// --- Ready ---

bool ReadyFilter::SetTask(const Task&) { return true; }

bool ReadyFilter::Check(const NodeInfo& n, std::string* reason) const {
  bool ready = n.node().status.state == NodeState::kReady;
  bool active = n.node().spec.availability == NodeAvailability::kActive;
  if (ready && active) return true;
  if (reason) {
    std::string why = "node is ";
    if (!ready) why += ToString(n.node().status.state);
    if (!ready && !active) why += " and ";
    if (!active) why += n.node().spec.availability == NodeAvailability::kDrain ? "drained" : "paused";
    *reason = std::move(why);
  }
  return false;
}

std::string ReadyFilter::Explain(int nodes) const {
  return std::to_string(nodes) + (nodes == 1 ? " node" : " nodes") + " not available for new tasks";
}

// --- Resources ---

bool ResourceFilter::SetTask(const Task& task) {
  reservations_ = task.spec ? task.spec->resources.reservations : Resources{};
  return !reservations_.empty();
}

bool ResourceFilter::Check(const NodeInfo& n, std::string* reason) const {
  const Resources& free = n.available();
  bool cpu_ok = reservations_.nano_cpus <= free.nano_cpus;
  bool mem_ok = reservations_.memory_bytes <= free.memory_bytes;
  // Generic resources as swarm's HasResource: every kind asked for, in full.
  std::string generic_why;
  for (const auto& g : reservations_.generic) {
    int64_t have = n.GenericFree(g.kind);
    if (g.discrete_value <= have) continue;
    generic_why += (generic_why.empty() ? "" : "; ") + std::string("needs ") + std::to_string(g.discrete_value) +
                   " " + g.kind + ", " + (have > 0 ? std::to_string(have) : std::string("none")) + " free";
  }
  if (cpu_ok && mem_ok && generic_why.empty()) return true;
  if (reason) {
    std::string why;
    if (!cpu_ok) {
      why = "needs " + FormatCpus(reservations_.nano_cpus) + ", " +
            (free.nano_cpus > 0 ? CpuNumber(free.nano_cpus) : std::string("none")) + " free";
    }
    if (!mem_ok) {
      if (!why.empty()) why += "; ";
      why += "needs " + FormatBytes(reservations_.memory_bytes) + " memory, " +
             (free.memory_bytes > 0 ? FormatBytes(free.memory_bytes) : std::string("none")) + " free";
    }
    if (!generic_why.empty()) why += (why.empty() ? "" : "; ") + generic_why;
    *reason = std::move(why);
  }
  return false;
}

std::string ResourceFilter::Explain(int nodes) const { return OnNodes("insufficient resources", nodes); }

// --- Plugin ---

bool PluginFilter::SetTask(const Task& task) {
  // Swarm attaches a task to its networks, and to the ingress network when the
  // service publishes ports in ingress mode; each attachment needs a driver plugin.
  if (task.spec && !task.spec->networks.empty()) return true;
  if (task.endpoint) {
    for (const auto& p : task.endpoint->ports) {
      if (p.publish_mode == "ingress") return true;
    }
  }
  return false;
}

bool PluginFilter::Check(const NodeInfo&, std::string*) const {
  return true;  // virtual engines report every plugin: overlay, local volumes, json-file logs
}

std::string PluginFilter::Explain(int nodes) const { return OnNodes("missing plugin", nodes); }

// --- Constraint ---

bool ConstraintFilter::SetTask(const Task& task) {
  constraints_.clear();
  if (!task.spec || task.spec->placement.constraints.empty()) return false;
  auto parsed = ParseConstraints(task.spec->placement.constraints);
  if (!parsed.ok()) return false;
  constraints_ = std::move(parsed).value();
  return true;
}

bool ConstraintFilter::Check(const NodeInfo& n, std::string* reason) const {
  if (NodeMatches(constraints_, n.node())) return true;
  if (reason) *reason = ExplainConstraintFailures(constraints_, n.node());
  return false;
}

std::string ConstraintFilter::Explain(int nodes) const {
  return OnNodes("scheduling constraints not satisfied", nodes);
}

// --- Platform ---

bool PlatformMatches(const Platform& wanted, const Platform& node) {
  auto normal = [](const std::string& arch) -> std::string {
    if (arch == "x86_64") return "amd64";
    if (arch == "aarch64") return "arm64";
    return arch;
  };
  std::string want_arch = normal(wanted.architecture), node_arch = normal(node.architecture);
  return (want_arch.empty() || want_arch == node_arch) && (wanted.os.empty() || wanted.os == node.os);
}

bool PlatformFilter::SetTask(const Task&) {
  platforms_.clear();  // TaskSpec has no Placement.Platforms yet
  return !platforms_.empty();
}

bool PlatformFilter::Check(const NodeInfo& n, std::string* reason) const {
  for (const auto& p : platforms_) {
    if (PlatformMatches(p, n.node().description.platform)) return true;
  }
  if (reason) {
    *reason = "node is " + n.node().description.platform.os + "/" + n.node().description.platform.architecture;
  }
  return false;
}

std::string PlatformFilter::Explain(int nodes) const { return OnNodes("unsupported platform", nodes); }

// --- HostPort ---

bool HostPortFilter::SetTask(const Task& task) {
  endpoint_ = nullptr;
  if (!task.endpoint) return false;
  for (const auto& p : task.endpoint->ports) {
    if (p.publish_mode == "host" && p.published_port != 0) {
      endpoint_ = task.endpoint.get();
      return true;
    }
  }
  return false;
}

bool HostPortFilter::Check(const NodeInfo& n, std::string* reason) const {
  std::string busy;
  for (const auto& p : endpoint_->ports) {
    if (p.publish_mode != "host" || p.published_port == 0) continue;
    if (!n.HostPortInUse(p.protocol, p.published_port)) continue;
    if (!reason) return false;
    busy += (busy.empty() ? "" : ", ") + std::to_string(p.published_port) + "/" + p.protocol;
  }
  if (busy.empty()) return true;
  *reason = (busy.find(',') == std::string::npos ? "port " : "ports ") + busy + " already in use";
  return false;
}

std::string HostPortFilter::Explain(int nodes) const { return OnNodes("host-mode port already in use", nodes); }

// --- MaxReplicas ---

bool MaxReplicasFilter::SetTask(const Task& task) {
  service_id_ = &task.service_id;
  max_ = task.spec ? task.spec->placement.max_replicas : 0;
  return max_ > 0;
}

bool MaxReplicasFilter::Check(const NodeInfo& n, std::string* reason) const {
  int64_t have = n.ActiveTasksOfService(*service_id_);
  if (have < static_cast<int64_t>(max_)) return true;
  if (reason) {
    *reason = "node already runs " + std::to_string(have) + (have == 1 ? " task" : " tasks") +
              " of this service (max " + std::to_string(max_) + ")";
  }
  return false;
}

std::string MaxReplicasFilter::Explain(int) const { return "max replicas per node limit exceed"; }

std::vector<std::unique_ptr<Filter>> DefaultFilters() {
  std::vector<std::unique_ptr<Filter>> f;
  f.push_back(std::make_unique<ReadyFilter>());  // always first: a node that is not ready says so
  f.push_back(std::make_unique<ResourceFilter>());
  f.push_back(std::make_unique<PluginFilter>());
  f.push_back(std::make_unique<ConstraintFilter>());
  f.push_back(std::make_unique<PlatformFilter>());
  f.push_back(std::make_unique<HostPortFilter>());
  f.push_back(std::make_unique<MaxReplicasFilter>());
  return f;
}

}  // namespace swarmsim
