#include "core/program/network_reach.h"

#include <algorithm>

namespace swarmsim {

namespace {

bool HasAlias(const Service& svc, const std::string& network_id, const std::string& host) {
  for (const auto& n : svc.spec.task_template.networks) {
    if (n.target != network_id) continue;
    if (std::find(n.aliases.begin(), n.aliases.end(), host) != n.aliases.end()) return true;
  }
  return false;
}

}  // namespace

const Service* ResolveServiceName(const ClusterState& state, const Task& task, const std::string& host) {
  if (!task.spec) return nullptr;
  for (const auto& mine : task.spec->networks) {
    for (const auto& [id, svc] : state.services) {
      bool on_network = false;
      for (const auto& n : svc.spec.task_template.networks) on_network = on_network || n.target == mine.target;
      if (!on_network) continue;
      if (svc.spec.name == host || HasAlias(svc, mine.target, host)) return &svc;
    }
  }
  return nullptr;
}

const Task* PickRunningTask(const ClusterState& state, const Service& service) {
  const Task* best = nullptr;
  for (const auto& [id, t] : state.tasks) {
    if (t.service_id != service.id || t.status.state != TaskState::kRunning) continue;
    if (!DesiredAlive(t.desired_state)) continue;
    if (!best || t.slot < best->slot) best = &t;
  }
  return best;
}

}  // namespace swarmsim
