#include "core/control/tasks.h"

namespace swarmsim {

std::string TaskName(const Task& task) {
  return task.service_name + "." + (task.slot ? std::to_string(task.slot) : task.node_id);
}

Result<const Task*> ResolveTask(const ClusterState& state, const std::string& ref) {
  if (ref.empty()) return Status::NotFound("Error: no such task: " + ref);
  if (auto it = state.tasks.find(ref); it != state.tasks.end()) return &it->second;
  // "<service>.<slot>" or "<service>.<node>": pick the slot's current task.
  auto dot = ref.rfind('.');
  if (dot != std::string::npos) {
    std::string service = ref.substr(0, dot), which = ref.substr(dot + 1);
    const Task* best = nullptr;
    auto better = [](const Task* a, const Task* b) {
      bool wa = DesiredAlive(a->desired_state), wb = DesiredAlive(b->desired_state);
      if (wa != wb) return wa;
      if (a->created_at != b->created_at) return a->created_at > b->created_at;
      return a->id > b->id;
    };
    for (const auto& [id, t] : state.tasks) {
      if (t.service_name != service) continue;
      bool match = std::to_string(t.slot) == which || (t.slot == 0 && t.node_id == which);
      if (match && (!best || better(&t, best))) best = &t;
    }
    if (best) return best;
  }
  const Task* found = nullptr;
  int count = 0;
  for (auto it = state.tasks.lower_bound(ref); it != state.tasks.end() && it->first.rfind(ref, 0) == 0; ++it) {
    found = &it->second;
    ++count;
  }
  if (count > 1) {
    return Status::Daemon(Status::Code::kInvalidArgument,
                          "task " + ref + " is ambiguous (" + std::to_string(count) + " matches found)");
  }
  if (!found) return Status::NotFound("Error: no such task: " + ref);
  return found;
}

}  // namespace swarmsim
