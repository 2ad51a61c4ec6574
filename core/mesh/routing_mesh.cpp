#include "core/mesh/routing_mesh.h"

#include <algorithm>
#include <vector>

namespace swarmsim {

MeshResult RouteRequest(ClusterState* state, uint32_t port, const HttpRequest& request) {
  MeshResult result;
  for (const auto& [id, svc] : state->services) {
    for (const auto& p : svc.spec.endpoint.ports) {
      if (p.published_port == port && p.publish_mode == "ingress" && p.protocol == "tcp") result.service = &svc;
    }
  }
  if (!result.service) return result;
  // Tasks in a stable order: slot, then ID (global services: node order by ID).
  std::vector<const Task*> running;
  for (const auto& [id, t] : state->tasks) {
    if (t.service_id == result.service->id && t.status.state == TaskState::kRunning &&
        t.desired_state == TaskState::kRunning) {
      running.push_back(&t);
    }
  }
  std::stable_sort(running.begin(), running.end(), [](const Task* a, const Task* b) { return a->slot < b->slot; });
  if (running.empty()) return result;
  uint64_t& next = state->mesh_next[port];
  result.task = running[next % running.size()];
  next = (next + 1) % running.size();
  state->mesh_changed = true;
  result.response = ServeHttp(state, *result.task, request);
  return result;
}

}  // namespace swarmsim
