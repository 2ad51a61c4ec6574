#include "core/orchestrator/restart.h"

#include <algorithm>

#include "core/orchestrator/task_factory.h"
#include "core/orchestrator/updater.h"

namespace swarmsim {

namespace {

const Node* NodeOf(const ClusterState& state, const Task& t) {
  auto it = state.nodes.find(t.node_id);
  return it == state.nodes.end() ? nullptr : &it->second;
}

}  // namespace

Duration RestartDelay(const Service& s) {
  const auto& rp = s.spec.task_template.restart_policy;
  return rp && rp->delay ? *rp->delay : kDefaultRestartDelay;
}

bool RestartAllowed(const Service& service, const Slot& slot, const Task& task, TaskState ended, Time at) {
  // As swarm: the policy of the spec the task was made from.
  const auto& rp = task.spec ? task.spec->restart_policy : service.spec.task_template.restart_policy;
  std::string condition = rp ? rp->condition : "any";
  if (condition == "none") return false;
  if (condition == "on-failure" && ended == TaskState::kComplete) return false;
  if (!rp || !rp->max_attempts || *rp->max_attempts == 0) return true;
  // Restarts are the slot's tasks of this spec version after the first. The reaper
  // keeps max_attempts + 1 tasks per slot, oldest first to go, so once the first
  // has been reaped the oldest kept one is skipped instead: an undercount only if
  // it lies inside the window, and then all max_attempts + 1 kept tasks do, which
  // counts max_attempts and refuses all the same.
  uint64_t restarts = 0;
  bool first = true;
  for (const Task* t : slot.tasks) {  // oldest first
    if (t->spec_version != task.spec_version) continue;
    if (first) {
      first = false;
      continue;
    }
    bool in_window = !rp->window || *rp->window == 0 || t->created_at > at - *rp->window;
    if (in_window && t->created_at <= at) ++restarts;
  }
  return restarts < *rp->max_attempts;
}

void SuperviseSlot(ClusterState* state, Service* service, Slot* slot) {
  bool job = IsJob(service->spec.mode);
  // Being scaled away (a job's slots count from 0, a service's from 1).
  if (slot->number > service->spec.replicas || (job && slot->number == service->spec.replicas)) return;
  // By index over the tasks there at the start: replacements are appended below.
  for (size_t i = 0, n = slot->tasks.size(); i < n; ++i) {
    Task* t = slot->tasks[i];
    if (!IsRunnable(*t)) continue;
    if (job && t->status.state == TaskState::kComplete) continue;  // done: a job's goal, not an exit to handle
    const Node* node = NodeOf(*state, *t);
    bool exited = HasStopped(*t);
    bool node_down = node && node->status.state == NodeState::kDown;
    bool drained = node && node->spec.availability == NodeAvailability::kDrain;
    if (!exited && !node_down && !drained) continue;
    TaskState ended = t->status.state;
    if (exited) NoteUpdateFailure(state, service, t);
    SetDesiredState(state, t, TaskState::kShutdown);
    bool replace = RestartAllowed(*service, *slot, *t, exited ? ended : TaskState::kShutdown, state->clock.now);
    if (!replace) continue;
    // A replacement starts prepared-but-stopped and is promoted after the delay;
    // leaving a drained node is not delayed.
    Task* next = NewTask(state, *service, slot->number, "", TaskState::kReady);
    next->promote_at = state->clock.now + (drained && !exited ? 0 : RestartDelay(*service));
    slot->tasks.push_back(next);
  }
}

void PromoteReplacements(ClusterState* state, Service* service, const Slot& slot) {
  for (Task* t : slot.tasks) {
    if (t->desired_state != TaskState::kReady) continue;
    Time now = state->clock.now;
    bool predecessor_alive = false;
    for (Task* other : slot.tasks) {
      if (other == t || other->desired_state < TaskState::kShutdown || HasStopped(*other)) continue;
      if (other->status.state < TaskState::kAssigned) continue;  // never started
      const Node* n = NodeOf(*state, *other);
      if (n && n->status.state == NodeState::kDown) continue;
      predecessor_alive = true;
    }
    Time deadline = t->created_at + kMaxWaitForPredecessor;
    if (now >= t->promote_at && (!predecessor_alive || now >= deadline)) {
      SetDesiredState(state, t, RunState(*service));
      continue;
    }
    if (now < t->promote_at) {
      WakeServiceAt(state, service, t->promote_at);
    } else {
      WakeServiceAt(state, service, deadline);
    }
  }
}

}  // namespace swarmsim
