#include "core/orchestrator/slots.h"

#include <algorithm>
#include <cstdio>

namespace swarmsim {

std::vector<Task*> Slot::Runnable() const {
  std::vector<Task*> out;
  for (Task* t : tasks) if (IsRunnable(*t)) out.push_back(t);
  return out;
}

SlotIndex IndexSlots(ClusterState* state) {
  SlotIndex index;
  for (auto& [id, task] : state->tasks) {
    auto svc = state->services.find(task.service_id);
    bool global = svc != state->services.end() && svc->second.spec.mode == ServiceMode::kGlobal;
    std::string key;
    if (global) {
      key = task.node_id;
    } else {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%020llu", static_cast<unsigned long long>(task.slot));
      key = buf;
    }
    Slot& slot = index[task.service_id][key];
    slot.number = global ? 0 : task.slot;
    slot.node_id = global ? task.node_id : "";
    slot.tasks.push_back(&task);
  }
  for (auto& [svc, slots] : index) {
    for (auto& [key, slot] : slots) {
      std::stable_sort(slot.tasks.begin(), slot.tasks.end(), [](const Task* a, const Task* b) {
        if (a->created_at != b->created_at) return a->created_at < b->created_at;
        return a->id < b->id;
      });
    }
  }
  return index;
}

}  // namespace swarmsim
