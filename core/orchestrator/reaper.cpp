#include "core/orchestrator/reaper.h"

#include <algorithm>

namespace swarmsim {

namespace {

// Tasks kept per slot (swarm's TaskHistoryRetentionLimit, `swarm update
// --task-history-limit`); -1: keep them all.
int HistoryLimit(const ClusterState& state, const std::string& service_id) {
  int64_t limit = state.swarm.task_history_limit;
  auto it = state.services.find(service_id);
  if (it != state.services.end()) {
    // MaxAttempts overrides the limit: the restart history must survive.
    const auto& rp = it->second.spec.task_template.restart_policy;
    if (rp && rp->max_attempts && *rp->max_attempts > 0) limit = static_cast<int64_t>(*rp->max_attempts) + 1;
  }
  return limit < 0 ? -1 : static_cast<int>(std::min<int64_t>(limit, 1 << 30));
}

}  // namespace

void ReapTasks(ClusterState* state, SlotIndex* index) {
  for (auto& [service_id, slots] : *index) {
    int limit = HistoryLimit(*state, service_id);
    // Swarm's reaper keeps no history limit for jobs: a job's finished tasks are its result.
    auto svc = state->services.find(service_id);
    bool job = svc != state->services.end() && IsJob(svc->second.spec.mode);
    for (auto& [key, slot] : slots) {
      std::vector<Task*> kept;
      for (Task* t : slot.tasks) {
        // Removed tasks vanish once stopped, or at once if they never reached a node.
        bool gone = t->desired_state == TaskState::kRemove &&
                    (HasStopped(*t) || t->status.state < TaskState::kAssigned);
        if (gone) RemoveTask(state, t->id);
        else kept.push_back(t);
      }
      if (limit >= 0 && static_cast<int>(kept.size()) > limit && !job) {
        std::vector<Task*> old;
        for (Task* t : kept) {
          if (HasStopped(*t) && t->desired_state > TaskState::kRunning) old.push_back(t);
        }
        std::stable_sort(old.begin(), old.end(), [](const Task* a, const Task* b) {
          if (a->status.timestamp != b->status.timestamp) return a->status.timestamp < b->status.timestamp;
          return a->id < b->id;
        });
        size_t excess = kept.size() - limit;
        for (size_t i = 0; i < old.size() && i < excess; ++i) RemoveTask(state, old[i]->id);
      }
    }
  }
}

}  // namespace swarmsim
