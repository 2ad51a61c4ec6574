#include "core/orchestrator/task_factory.h"

#include <memory>
#include <string>
#include <utility>

namespace swarmsim {

const ClusterState::SharedSpec& CurrentSharedSpec(ClusterState* state, const Service& service) {
  auto& entry = state->spec_cache[service.id];
  if (!entry.task || entry.spec_version != service.spec_version || *entry.task != service.spec.task_template ||
      *entry.endpoint != service.spec.endpoint) {
    entry.spec_version = service.spec_version;
    entry.task = std::make_shared<const TaskSpec>(service.spec.task_template);
    entry.endpoint = std::make_shared<const EndpointSpec>(service.spec.endpoint);
  }
  return entry;
}

Task* NewTask(ClusterState* state, const Service& service, uint64_t slot, const std::string& node_id,
              TaskState desired) {
  const auto& shared = CurrentSharedSpec(state, service);
  Task t;
  t.id = NewId(state);
  t.created_at = state->clock.now;
  t.service_id = service.id;
  t.service_name = service.spec.name;
  t.slot = slot;
  t.node_id = node_id;
  t.spec = shared.task;
  t.endpoint = shared.endpoint;
  t.spec_version = service.spec_version;
  t.desired_state = desired;
  t.status.state = TaskState::kNew;
  t.status.message = "created";
  t.status.timestamp = state->clock.now;
  Touch(state, &t);
  auto [it, inserted] = state->tasks.emplace(t.id, std::move(t));
  EventAttributes attrs;  // in key order
  attrs.reserve(3);
  attrs.Append("node", node_id);
  attrs.Append("service", service.spec.name);
  attrs.Append("slot", std::to_string(slot));
  RecordEvent(state, "task", "create", it->first, std::move(attrs));
  return &it->second;
}

}  // namespace swarmsim
