#include "ui/view/state_cache.h"

#include "ui/view/task_history.h"

namespace swarmsim::ui {

const Task* CachedNewestTask(const ClusterState& state, uint64_t serial, StateCache* cache) {
  if (serial == 0 || serial != cache->newest_serial) {
    const Task* newest = NewestTask(state);
    if (serial == 0) return newest;
    cache->newest_serial = serial;
    cache->newest_id = newest ? newest->id : "";
  }
  auto it = state.tasks.find(cache->newest_id);
  return it == state.tasks.end() ? nullptr : &it->second;
}

std::vector<const Task*> CachedSlotHistory(const ClusterState& state, const Task& task, uint64_t serial,
                                           StateCache* cache) {
  if (serial == 0) return SlotHistory(state, task);
  if (serial != cache->history_serial || task.id != cache->history_task) {
    cache->history_serial = serial;
    cache->history_task = task.id;
    cache->history_ids.clear();
    for (const Task* t : SlotHistory(state, task)) cache->history_ids.push_back(t->id);
  }
  // IDs, not pointers: a state replaced under the same serial costs a stale row, not a crash.
  std::vector<const Task*> out;
  for (const std::string& id : cache->history_ids) {
    if (auto it = state.tasks.find(id); it != state.tasks.end()) out.push_back(&it->second);
  }
  return out;
}

std::optional<PickTarget> CachedEventPick(const ClusterState& state, const Event& e, uint64_t serial,
                                          StateCache* cache) {
  if (serial == 0 || e.type != "decision") return EventPick(state, e);
  if (serial != cache->picks_serial) {
    cache->picks_serial = serial;
    cache->decision_picks.clear();
  }
  auto [it, added] = cache->decision_picks.try_emplace(e.actor_id);
  if (added) it->second = EventPick(state, e);
  return it->second;
}

Result<const DecisionGrid*> CachedDecisionGrid(const std::string& decision_id, const std::string& task_id,
                                               uint64_t serial,
                                               const std::function<Result<Decision>(const std::string&)>& read,
                                               StateCache* cache) {
  bool same = serial != 0 && decision_id == cache->grid_decision && task_id == cache->grid_task;
  if (same && cache->grid) return &*cache->grid;
  if (same && !cache->grid_error.ok() && serial == cache->grid_error_serial) return cache->grid_error;
  cache->grid_decision = decision_id;
  cache->grid_task = task_id;
  cache->grid.reset();
  cache->grid_widths.clear();
  cache->grid_font_size = 0;
  Result<Decision> d = read(decision_id);
  if (!d.ok()) {
    cache->grid_error = d.status();
    cache->grid_error_serial = serial;
    return d.status();
  }
  cache->grid_error = Status::OK();
  cache->grid = BuildDecisionGrid(d.value(), task_id);
  return &*cache->grid;
}

}  // namespace swarmsim::ui
