#include "core/cluster/state.h"

#include <utility>

namespace swarmsim {

namespace {

// splitmix64: small, seedable, and the same on every platform.
uint64_t NextRandom(uint64_t* s) {
  uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

template <typename Map>
typename Map::mapped_type* FindByIdOrName(Map& map, const std::string& ref, bool* ambiguous,
                                          const std::string& (*name_of)(const typename Map::mapped_type&)) {
  if (ambiguous) *ambiguous = false;
  if (ref.empty()) return nullptr;
  auto it = map.find(ref);
  if (it != map.end()) return &it->second;
  for (auto& [id, obj] : map) {
    if (name_of(obj) == ref) return &obj;
  }
  typename Map::mapped_type* found = nullptr;
  for (auto pit = map.lower_bound(ref); pit != map.end() && pit->first.compare(0, ref.size(), ref) == 0; ++pit) {
    if (found) {
      if (ambiguous) *ambiguous = true;
      return nullptr;
    }
    found = &pit->second;
  }
  return found;
}

const std::string& NodeName(const Node& n) { return n.description.hostname; }
const std::string& ServiceName(const Service& s) { return s.spec.name; }

}  // namespace

std::string NewId(ClusterState* state) {
  static const char kDigits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  std::string id(25, '0');
  uint64_t a = NextRandom(&state->id_seed);
  uint64_t b = NextRandom(&state->id_seed);
  for (int i = 0; i < 25; ++i) {
    uint64_t& src = i < 12 ? a : b;
    id[i] = kDigits[src % 36];
    src /= 36;
  }
  return id;
}

std::string NewHexName(ClusterState* state) {
  static const char kHex[] = "0123456789abcdef";
  std::string name;
  for (int i = 0; i < 4; ++i) {
    uint64_t r = NextRandom(&state->id_seed);
    for (int k = 0; k < 16; ++k, r >>= 4) name.push_back(kHex[r & 15]);
  }
  return name;
}

void Touch(ClusterState* state, Node* node) {
  node->version = ++state->index;
  node->updated_at = state->clock.now;
}
void Touch(ClusterState* state, Service* service) {
  service->version = ++state->index;
  service->updated_at = state->clock.now;
}
void Touch(ClusterState* state, Task* task) {
  task->version = ++state->index;
  task->updated_at = state->clock.now;
}
void Touch(ClusterState* state, Config* config) {
  config->version = ++state->index;
  config->updated_at = state->clock.now;
}
void Touch(ClusterState* state, Volume* volume) { volume->version = ++state->index; }

void Touch(ClusterState* state, Network* network) {
  network->version = ++state->index;
  network->updated_at = state->clock.now;
}

void RecordEvent(ClusterState* state, std::string type, std::string action, std::string actor_id,
                 EventAttributes attributes) {
  Event e;
  e.time = state->clock.now;
  e.type = std::move(type);
  e.action = std::move(action);
  e.actor_id = std::move(actor_id);
  e.attributes = std::move(attributes);
  state->new_events.push_back(std::move(e));
}

void SetTaskState(ClusterState* state, Task* task, TaskState to, const std::string& message,
                  const std::string& err) {
  if (to < task->status.state) return;  // states only move forward
  bool changed = to != task->status.state || message != task->status.message || err != task->status.err;
  if (!changed) return;
  // Swarm rewrites the status timestamp only when something changed.
  task->status.state = to;
  task->status.message = message;
  task->status.err = err;
  task->status.timestamp = state->clock.now;
  Touch(state, task);
  EventAttributes attrs;  // in key order
  attrs.reserve(3 + (err.empty() ? 0 : 1) + (task->node_id.empty() ? 0 : 1));
  if (!err.empty()) attrs.Append("err", err);
  attrs.Append("message", message);
  if (!task->node_id.empty()) attrs.Append("node", task->node_id);
  attrs.Append("service", task->service_name);
  attrs.Append("state", ToString(to));
  RecordEvent(state, "task", "state", task->id, std::move(attrs));
}

void SetDesiredState(ClusterState* state, Task* task, TaskState desired) {
  if (task->desired_state == desired) return;
  task->desired_state = desired;
  Touch(state, task);
  RecordEvent(state, "task", "desire", task->id,
              {{"desired", ToString(desired)}, {"service", task->service_name}});
}

void SetTaskDue(ClusterState* state, Task* task, Time when) {
  if (task->due_at == when) return;
  task->due_at = when;
  Touch(state, task);
  if (when != 0) state->due.insert({when, DueKind::kTask, task->id});
}

void WakeServiceAt(ClusterState* state, Service* service, Time when) {
  if (when <= state->clock.now) return;  // immediate work is done by the reconcile loop
  if (service->wake_at > state->clock.now && service->wake_at <= when) return;
  service->wake_at = when;
  Touch(state, service);
  state->due.insert({when, DueKind::kService, service->id});
}

void RemoveTask(ClusterState* state, const std::string& task_ref) {
  const std::string task_id = task_ref;  // the reference may point into the task being erased
  auto it = state->tasks.find(task_id);
  if (it == state->tasks.end()) return;
  RecordEvent(state, "task", "remove", task_id, {{"service", it->second.service_name}});
  // The container goes, and with it its writable layer and anonymous volumes.
  if (state->layers.erase(task_id)) state->changed_layers.insert(task_id);
  const std::string& node_id = it->second.node_id;
  for (auto v = state->volumes.lower_bound({node_id, ""}); v != state->volumes.end() && v->first.first == node_id;) {
    if (v->second.anonymous && v->second.owner_task_id == task_id) {
      RecordEvent(state, "volume", "destroy", v->second.name, {{"driver", v->second.driver}, {"node", node_id}});
      state->removed_volumes.insert(v->first);
      v = state->volumes.erase(v);
    } else {
      ++v;
    }
  }
  state->tasks.erase(it);
  state->removed_tasks.insert(task_id);
  ++state->index;  // a deletion is a change of the store, like swarm's
}

Node* FindNode(ClusterState* state, const std::string& ref, bool* ambiguous) {
  return FindByIdOrName(state->nodes, ref, ambiguous, &NodeName);
}

Service* FindService(ClusterState* state, const std::string& ref, bool* ambiguous) {
  return FindByIdOrName(state->services, ref, ambiguous, &ServiceName);
}

std::string NodeHostname(const ClusterState& state, const std::string& node_id) {
  auto it = state.nodes.find(node_id);
  return it == state.nodes.end() ? node_id : it->second.description.hostname;
}

Network* FindNetworkByName(ClusterState* state, const std::string& name) {
  for (auto& [id, n] : state->networks) {
    if (n.name == name) return &n;
  }
  return nullptr;
}

}  // namespace swarmsim
