#include "ui/view/task_history.h"

#include <algorithm>
#include <tuple>

namespace swarmsim::ui {

std::vector<const Task*> SlotHistory(const ClusterState& state, const Task& task) {
  std::vector<const Task*> out;
  for (const auto& [id, t] : state.tasks) {
    if (t.service_id != task.service_id) continue;
    bool same = task.slot > 0 ? t.slot == task.slot : t.slot == 0 && t.node_id == task.node_id;
    if (same) out.push_back(&t);
  }
  std::sort(out.begin(), out.end(), [](const Task* a, const Task* b) {
    return std::tie(b->created_at, b->id) < std::tie(a->created_at, a->id);
  });
  return out;
}

const Task* NewestTask(const ClusterState& state) {
  const Task* newest = nullptr;
  for (const auto& [id, t] : state.tasks) {
    if (!newest || std::tie(t.created_at, t.id) > std::tie(newest->created_at, newest->id)) newest = &t;
  }
  return newest;
}

}  // namespace swarmsim::ui
