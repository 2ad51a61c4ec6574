#include "core/orchestrator/global.h"

#include "core/orchestrator/restart.h"
#include "core/orchestrator/task_factory.h"
#include "core/orchestrator/updater.h"
#include "core/scheduler/constraint.h"

namespace swarmsim {

void ReconcileGlobal(ClusterState* state, Service* service, std::map<std::string, Slot>* slots) {
  const auto& constraints = service->spec.task_template.placement.constraints;
  for (auto& [node_id, node] : state->nodes) {
    bool up = node.status.state != NodeState::kDown;
    bool drained = node.spec.availability == NodeAvailability::kDrain;
    bool matches = NodeSatisfiesConstraints(node, constraints);
    Slot* slot = nullptr;
    if (auto it = slots->find(node_id); it != slots->end()) slot = &it->second;
    std::vector<Task*> runnable = slot ? slot->Runnable() : std::vector<Task*>{};
    if (!up || drained || !matches) {
      for (Task* t : runnable) SetDesiredState(state, t, TaskState::kShutdown);
      continue;
    }
    bool alive = false;
    for (Task* t : runnable) {
      if (HasStopped(*t)) {
        TaskState ended = t->status.state;
        NoteUpdateFailure(state, service, t);
        SetDesiredState(state, t, TaskState::kShutdown);
        if (RestartAllowed(*service, *slot, *t, ended, state->clock.now)) {
          Task* next = NewTask(state, *service, 0, node_id, TaskState::kReady);
          next->promote_at = state->clock.now + RestartDelay(*service);
          alive = true;
        }
      } else {
        alive = true;
      }
    }
    if (slot) PromoteReplacements(state, service, *slot);
    // A paused node keeps what it has but gets nothing new.
    if (!alive && node.spec.availability == NodeAvailability::kActive) {
      bool finished_for_good = slot && !slot->tasks.empty() && HasStopped(*slot->tasks.back()) &&
                               !RestartAllowed(*service, *slot, *slot->tasks.back(),
                                               slot->tasks.back()->status.state,
                                               slot->tasks.back()->status.timestamp);
      if (!finished_for_good) NewTask(state, *service, 0, node_id, TaskState::kRunning);
    }
  }
  // A deleted node's tasks are deleted with it, history included (swarm's global
  // orchestrator on EventDeleteNode; the replicated one keeps Orphaned rows).
  for (auto it = slots->begin(); it != slots->end();) {
    if (state->nodes.count(it->second.node_id)) {
      ++it;
      continue;
    }
    std::vector<std::string> ids;
    for (const Task* t : it->second.tasks) ids.push_back(t->id);
    for (const auto& id : ids) RemoveTask(state, id);
    it = slots->erase(it);
  }
  RunUpdater(state, service, slots);
}

}  // namespace swarmsim
