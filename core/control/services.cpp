#include "core/control/services.h"

#include <regex>

#include "core/control/configs.h"
#include "core/control/networks.h"
#include "core/control/swarm.h"
#include "core/scheduler/constraint.h"

namespace swarmsim {

namespace {

Status Rpc(const std::string& code, const std::string& desc) {
  Status::Code c = code == "InvalidArgument" ? Status::Code::kInvalidArgument
                   : code == "AlreadyExists" ? Status::Code::kAlreadyExists
                                             : Status::Code::kUnknown;
  return Status::Daemon(c, "rpc error: code = " + code + " desc = " + desc);
}

std::string FormatCpu(int64_t nano) {
  // %g of the CPU count, as the daemon prints it.
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", static_cast<double>(nano) / 1e9);
  return buf;
}

Status ValidateResources(const Resources& r) {
  if (r.nano_cpus != 0 && r.nano_cpus < 1'000'000) {
    return Rpc("InvalidArgument", "invalid cpu value " + FormatCpu(r.nano_cpus) + ": Must be at least 0.001");
  }
  if (r.memory_bytes != 0 && r.memory_bytes < 4LL * 1024 * 1024) {
    return Rpc("InvalidArgument",
               "invalid memory value " + std::to_string(r.memory_bytes) + ": Must be at least 4MiB");
  }
  return Status::OK();
}

Status ValidateUpdateConfig(const std::optional<UpdateConfig>& c) {
  if (!c) return Status::OK();
  if (c->delay < 0) return Rpc("InvalidArgument", "TaskSpec: update-delay cannot be negative");
  if (c->monitor < 0) return Rpc("InvalidArgument", "TaskSpec: update-monitor cannot be negative");
  if (c->max_failure_ratio < 0 || c->max_failure_ratio > 1) {
    return Rpc("InvalidArgument", "TaskSpec: update-maxfailureratio cannot be less than 0 or bigger than 1");
  }
  if (c->failure_action != "pause" && c->failure_action != "continue" && c->failure_action != "rollback") {
    return Rpc("InvalidArgument", "unrecognized update failure action " + c->failure_action);
  }
  if (c->order != "stop-first" && c->order != "start-first") {
    return Rpc("InvalidArgument", "unrecognized update order " + c->order);
  }
  return Status::OK();
}

}  // namespace

Status ValidateServiceSpec(const ServiceSpec& spec) {
  static const std::regex kDnsName("^[a-zA-Z0-9](?:[-_]*[A-Za-z0-9]+)*$");
  if (spec.name.size() > 63) return Rpc("InvalidArgument", "name must be 63 characters or fewer");
  if (!spec.name.empty() && !std::regex_match(spec.name, kDnsName)) {
    return Rpc("InvalidArgument", "name must be valid as a DNS name component");
  }
  if (spec.task_template.container.image.empty()) {
    return Rpc("InvalidArgument", "ContainerSpec: image reference must be provided");
  }
  SWARMSIM_RETURN_IF_ERROR(ValidateResources(spec.task_template.resources.limits));
  SWARMSIM_RETURN_IF_ERROR(ValidateResources(spec.task_template.resources.reservations));
  auto parsed = ParseConstraints(spec.task_template.placement.constraints);
  if (!parsed.ok()) return Rpc("Unknown", parsed.status().message());
  // Jobs are validated without their update settings, which they may not have.
  if (IsJob(spec.mode) && spec.update_config) return Rpc("InvalidArgument", "Jobs may not have an update config");
  SWARMSIM_RETURN_IF_ERROR(ValidateUpdateConfig(spec.update_config));
  SWARMSIM_RETURN_IF_ERROR(ValidateUpdateConfig(spec.rollback_config));
  SWARMSIM_RETURN_IF_ERROR(CheckFileReferenceTargets(BlobKind::kSecret, spec.task_template.container.secrets));
  SWARMSIM_RETURN_IF_ERROR(CheckFileReferenceTargets(BlobKind::kConfig, spec.task_template.container.configs));
  for (const auto& p : spec.endpoint.ports) {
    if (p.target_port == 0 || p.target_port > 65535 || p.published_port > 65535) {
      return Rpc("InvalidArgument", "EndpointSpec: port out of range");
    }
    // The routing mesh needs a virtual IP to balance over.
    if (spec.endpoint.mode == "dnsrr" && p.publish_mode == "ingress") {
      return Rpc("InvalidArgument", "EndpointSpec: port published with ingress mode can't be used with dnsrr mode");
    }
  }
  return Status::OK();
}

Result<Service*> ResolveService(ClusterState* state, const std::string& ref) {
  bool ambiguous = false;
  Service* s = FindService(state, ref, &ambiguous);
  if (ambiguous) {
    int count = 0;
    for (const auto& [id, svc] : state->services) count += id.rfind(ref, 0) == 0;
    return Status::Daemon(Status::Code::kInvalidArgument,
                          "service " + ref + " is ambiguous (" + std::to_string(count) + " matches found)");
  }
  if (!s) return Status::Daemon(Status::Code::kNotFound, "service " + ref + " not found");
  return s;
}

Result<std::string> CreateService(ClusterState* state, const ServiceSpec& spec) {
  SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*state));
  SWARMSIM_RETURN_IF_ERROR(ValidateServiceSpec(spec));
  SWARMSIM_RETURN_IF_ERROR(ValidateServiceNetworks(*state, spec.task_template));
  for (const auto& [id, s] : state->services) {
    if (s.spec.name == spec.name) return Rpc("AlreadyExists", "name conflicts with an existing object");
  }
  // Published ingress ports are cluster-wide: one service per port.
  for (const auto& p : spec.endpoint.ports) {
    if (p.publish_mode != "ingress" || p.published_port == 0) continue;
    for (const auto& [id, s] : state->services) {
      for (const auto& q : s.spec.endpoint.ports) {
        if (q.publish_mode == "ingress" && q.published_port == p.published_port && q.protocol == p.protocol) {
          return Rpc("InvalidArgument", "port '" + std::to_string(p.published_port) +
                                            "' is already in use by service '" + s.spec.name + "' (" + id +
                                            ") as an ingress port");
        }
      }
    }
  }
  Service s;
  s.id = NewId(state);
  s.created_at = state->clock.now;
  s.spec = spec;
  s.spec_version = 1;
  if (IsJob(spec.mode)) s.job_status = JobStatus{state->clock.now};
  Touch(state, &s);
  std::string id = s.id;
  state->services[id] = std::move(s);
  RecordEvent(state, "service", "create", id, {{"name", spec.name}});
  return id;
}

Status UpdateService(ClusterState* state, const std::string& id, const ServiceSpec& spec) {
  SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*state));
  auto it = state->services.find(id);
  if (it == state->services.end()) return Status::Daemon(Status::Code::kNotFound, "service " + id + " not found");
  Service& s = it->second;
  SWARMSIM_RETURN_IF_ERROR(ValidateServiceSpec(spec));
  SWARMSIM_RETURN_IF_ERROR(ValidateServiceNetworks(*state, spec.task_template));
  if (spec.name != s.spec.name) return Rpc("Unimplemented", "renaming services is not supported");
  if (spec.mode != s.spec.mode) return Rpc("Unimplemented", "service mode change is not allowed");
  s.previous_spec = s.spec;
  bool changed = !(spec == s.spec);
  s.spec = spec;
  // Every update of a job runs it again (a new JobIteration), changed or not.
  if (changed || s.job_status) ++s.spec_version;
  if (s.job_status) s.job_status->last_execution = state->clock.now;
  // Any update clears the update status, one in progress too (swarmkit's
  // UpdateService): the updater starts afresh, with a new StartedAt if slots are
  // still dirty, and with no status at all if none are.
  s.update_status.reset();
  s.update_failures = 0;
  Touch(state, &s);
  RecordEvent(state, "service", "update", id, {{"name", spec.name}});
  return Status::OK();
}

Status RemoveService(ClusterState* state, const std::string& service_ref) {
  const std::string id = service_ref;  // the reference may point into the service being erased
  SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*state));
  auto it = state->services.find(id);
  if (it == state->services.end()) return Status::Daemon(Status::Code::kNotFound, "service " + id + " not found");
  std::string name = it->second.spec.name;
  for (auto& [tid, t] : state->tasks) {
    if (t.service_id == id && t.desired_state < TaskState::kRemove) SetDesiredState(state, &t, TaskState::kRemove);
  }
  state->services.erase(it);
  state->removed_services.insert(id);
  state->spec_cache.erase(id);
  ++state->index;
  RecordEvent(state, "service", "remove", id, {{"name", name}});
  return Status::OK();
}

Status RollbackService(ClusterState* state, const std::string& id) {
  SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*state));
  auto it = state->services.find(id);
  if (it == state->services.end()) return Status::Daemon(Status::Code::kNotFound, "service " + id + " not found");
  Service& s = it->second;
  if (!s.previous_spec) {
    return Rpc("FailedPrecondition", "service " + id + " does not have a previous spec");
  }
  // swarmkit swaps: the spec rolled back from becomes the previous one, so a
  // second rollback returns to it.
  std::swap(s.spec, *s.previous_spec);
  ++s.spec_version;
  if (s.job_status) s.job_status->last_execution = state->clock.now;
  UpdateStatus u;
  u.state = "rollback_started";
  u.started_at = state->clock.now;
  u.message = "manually requested rollback";
  s.update_status = u;
  s.update_failures = 0;
  Touch(state, &s);
  RecordEvent(state, "service", "update", id, {{"name", s.spec.name}, {"updatestate.new", "rollback_started"}});
  return Status::OK();
}

namespace {

// Adds `n` tasks of one kind to their service's count. A job counts only the tasks
// of its current iteration (the same spec version), as the daemon's ServiceStatus does.
void CountTasks(const ClusterState& state, const Service& service, uint64_t spec_version, TaskState st,
                TaskState desired, const std::string& node_id, uint64_t n, ReplicaCount* c) {
  if (IsJob(service.spec.mode)) {
    if (spec_version != service.spec_version) return;
    if (st == TaskState::kComplete) c->completed += n;
  }
  if (st == TaskState::kRunning) {
    auto node = state.nodes.find(node_id);
    if (node != state.nodes.end() && node->second.status.state != NodeState::kDown) c->running += n;
  }
  if (service.spec.mode == ServiceMode::kGlobal && desired == TaskState::kRunning) c->desired += n;
  if (service.spec.mode == ServiceMode::kGlobalJob && desired == TaskState::kComplete &&
      st != TaskState::kComplete) {
    c->desired += n;
  }
}

void CountTask(const ClusterState& state, const Service& service, const Task& t, ReplicaCount* c) {
  CountTasks(state, service, t.spec_version, t.status.state, t.desired_state, t.node_id, 1, c);
}

// What is desired before counting tasks: replicas, or a replicated job's concurrency.
uint64_t FixedDesired(const Service& service) {
  if (service.spec.mode == ServiceMode::kReplicated) return service.spec.replicas;
  if (service.spec.mode == ServiceMode::kReplicatedJob) return service.spec.max_concurrent;
  return 0;
}

// Every service's count before its tasks are counted.
std::map<std::string, ReplicaCount> FixedCounts(const ClusterState& state) {
  std::map<std::string, ReplicaCount> counts;
  for (const auto& [id, svc] : state.services) counts[id].desired = FixedDesired(svc);
  return counts;
}

}  // namespace

ReplicaCount CountReplicas(const ClusterState& state, const Service& service) {
  ReplicaCount c;
  for (const auto& [id, t] : state.tasks) {
    if (t.service_id == service.id) CountTask(state, service, t, &c);
  }
  c.desired += FixedDesired(service);
  return c;
}

std::map<std::string, ReplicaCount> CountAllReplicas(const ClusterState& state) {
  std::map<std::string, ReplicaCount> counts = FixedCounts(state);
  for (const auto& [id, t] : state.tasks) {
    auto svc = state.services.find(t.service_id);
    if (svc != state.services.end()) CountTask(state, svc->second, t, &counts[t.service_id]);
  }
  return counts;
}

std::map<std::string, ReplicaCount> CountAllReplicas(const ClusterState& state,
                                                     const std::vector<TaskTally>& tallies) {
  std::map<std::string, ReplicaCount> counts = FixedCounts(state);
  for (const TaskTally& t : tallies) {
    auto svc = state.services.find(t.service_id);
    if (svc == state.services.end()) continue;
    CountTasks(state, svc->second, t.spec_version, t.state, t.desired_state, t.node_id, t.count,
               &counts[t.service_id]);
  }
  return counts;
}

}  // namespace swarmsim
