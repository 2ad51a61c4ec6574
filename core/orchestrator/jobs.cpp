#include "core/orchestrator/jobs.h"

#include <algorithm>
#include <set>
#include <vector>

#include "core/orchestrator/restart.h"
#include "core/orchestrator/task_factory.h"
#include "core/scheduler/constraint.h"

namespace swarmsim {

namespace {

bool CurrentIteration(const Service& service, const Task& t) { return t.spec_version == service.spec_version; }

// Swarm sets every task of an earlier iteration to REMOVE while it may still run
// (replicated jobs keep the finished ones as the earlier run's record).
void RemoveEarlierIterations(ClusterState* state, const Service& service, std::map<std::string, Slot>* slots,
                             bool keep_finished) {
  for (auto& [key, slot] : *slots) {
    for (Task* t : slot.tasks) {
      if (CurrentIteration(service, *t) || t->desired_state == TaskState::kRemove) continue;
      if (keep_finished && t->status.state > TaskState::kRunning) continue;
      SetDesiredState(state, t, TaskState::kRemove);
    }
  }
}

}  // namespace

void ReconcileReplicatedJob(ClusterState* state, Service* service, std::map<std::string, Slot>* slots) {
  RemoveEarlierIterations(state, *service, slots, /*keep_finished=*/true);
  for (auto& [key, slot] : *slots) SuperviseSlot(state, service, &slot);
  for (auto& [key, slot] : *slots) PromoteReplacements(state, service, slot);

  uint64_t total = service->spec.replicas;
  uint64_t complete = 0, underway = 0, given_up = 0;
  std::set<uint64_t> used;
  for (auto& [key, slot] : *slots) {
    if (slot.number >= total) continue;
    bool done = false, going = false;
    for (const Task* t : slot.tasks) {
      if (!CurrentIteration(*service, *t)) continue;
      if (t->status.state == TaskState::kComplete) done = true;
      else if (IsRunnable(*t)) going = true;
    }
    const Task* last = slot.tasks.empty() ? nullptr : slot.tasks.back();
    // Failed and not to be restarted: judged as of when it stopped, so a restart
    // window passing does not reopen the slot.
    bool gave_up = !done && !going && last && CurrentIteration(*service, *last) &&
                   last->desired_state == TaskState::kShutdown &&
                   !RestartAllowed(*service, slot, *last, last->status.state, last->status.timestamp);
    if (done) ++complete;
    else if (going) ++underway;
    else if (gave_up) ++given_up;
    else continue;
    used.insert(slot.number);
  }
  // As many new tasks as concurrency allows, never more than the completions missing.
  uint64_t concurrency_left = service->spec.max_concurrent > underway ? service->spec.max_concurrent - underway : 0;
  uint64_t missing = total - std::min(total, complete + underway + given_up);
  uint64_t create = std::min(concurrency_left, missing);
  for (uint64_t n = 0; create > 0 && n < total; ++n) {
    if (used.count(n)) continue;
    NewTask(state, *service, n, "", TaskState::kComplete);
    --create;
  }
}

void ReconcileGlobalJob(ClusterState* state, Service* service, std::map<std::string, Slot>* slots) {
  RemoveEarlierIterations(state, *service, slots, /*keep_finished=*/false);
  const auto& constraints = service->spec.task_template.placement.constraints;
  for (auto& [node_id, node] : state->nodes) {
    if (!NodeSatisfiesConstraints(node, constraints)) continue;
    Slot* slot = nullptr;
    if (auto it = slots->find(node_id); it != slots->end()) slot = &it->second;
    std::vector<Task*> current;
    if (slot) {
      for (Task* t : slot->tasks) {
        if (CurrentIteration(*service, *t) && IsRunnable(*t)) current.push_back(t);
      }
    }
    bool invalid = node.status.state == NodeState::kDown || node.spec.availability == NodeAvailability::kDrain;
    if (invalid) {
      for (Task* t : current) {
        if (t->status.state <= TaskState::kRunning) SetDesiredState(state, t, TaskState::kShutdown);
      }
      continue;
    }
    bool has_task = !current.empty();
    for (Task* t : current) {
      if (t->status.state <= TaskState::kComplete) continue;
      // Failed: shut it down and retry on the same node when the policy allows.
      TaskState ended = t->status.state;
      SetDesiredState(state, t, TaskState::kShutdown);
      if (RestartAllowed(*service, *slot, *t, ended, state->clock.now)) {
        Task* next = NewTask(state, *service, 0, node_id, TaskState::kReady);
        next->promote_at = state->clock.now + RestartDelay(*service);
      }
    }
    if (slot) PromoteReplacements(state, service, *slot);
    // A node with no task of this iteration (not even a failed one given up on) gets one.
    if (!has_task && node.status.state == NodeState::kReady && node.spec.availability == NodeAvailability::kActive) {
      bool tried = false;
      if (slot) {
        for (const Task* t : slot->tasks) tried |= CurrentIteration(*service, *t);
      }
      if (!tried) NewTask(state, *service, 0, node_id, TaskState::kComplete);
    }
  }
}

}  // namespace swarmsim
