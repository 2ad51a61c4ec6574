#include "core/orchestrator/reconcile.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "core/node/agent.h"
#include "core/orchestrator/allocator.h"
#include "core/orchestrator/global.h"
#include "core/orchestrator/jobs.h"
#include "core/orchestrator/reaper.h"
#include "core/orchestrator/replicated.h"
#include "core/orchestrator/slots.h"
#include "core/scheduler/scheduler.h"

namespace swarmsim {

namespace {

// Node agents pick up tasks assigned to them or told to stop.
void KickIdleAgents(ClusterState* state) {
  for (auto& [id, t] : state->tasks) {
    if (t.due_at != 0 || t.node_id.empty()) continue;
    if (t.status.state < TaskState::kAssigned || IsTerminal(t.status.state)) continue;
    // A running process that never ends by itself has nothing due until it is told
    // to stop: its agent would leave due_at at 0 (most tasks, every round).
    if (t.status.state == TaskState::kRunning && IsRunnable(t) && !t.exit_after) continue;
    KickAgent(state, &t);
  }
}

// Leaves in *index the slots as they were when it started (still exact if the
// round changes nothing).
void Orchestrate(ClusterState* state, SlotIndex* out) {
  *out = IndexSlots(state);
  SlotIndex& index = *out;
  for (auto& [id, service] : state->services) {
    auto& slots = index[id];
    switch (service.spec.mode) {
      case ServiceMode::kGlobal: ReconcileGlobal(state, &service, &slots); break;
      case ServiceMode::kReplicated: ReconcileReplicated(state, &service, &slots); break;
      case ServiceMode::kReplicatedJob: ReconcileReplicatedJob(state, &service, &slots); break;
      case ServiceMode::kGlobalJob: ReconcileGlobalJob(state, &service, &slots); break;
    }
  }
  // Tasks whose service is gone are removed. The index groups tasks by service
  // ID, so only the groups no service owns need looking at (in task ID order).
  std::vector<Task*> orphans;
  for (auto& [service_id, slots] : index) {
    if (state->services.count(service_id)) continue;
    for (auto& [key, slot] : slots) {
      for (Task* t : slot.tasks) {
        if (t->desired_state < TaskState::kRemove) orphans.push_back(t);
      }
    }
  }
  std::sort(orphans.begin(), orphans.end(), [](const Task* a, const Task* b) { return a->id < b->id; });
  for (Task* t : orphans) SetDesiredState(state, t, TaskState::kRemove);
}

bool check_skips = false;

void FullReconcile(ClusterState* state) {
  for (int round = 0; round < 16; ++round) {
    uint64_t before = state->index;
    SlotIndex index;
    Orchestrate(state, &index);
    AllocateNetworks(state);
    RunSchedulingPass(state);
    KickIdleAgents(state);
    if (state->index != before) continue;
    // Settled: trim history once (not every round: indexing the slots is the
    // loop's biggest cost), and go round again only if that removed something.
    // Nothing changed this round, so the round's own index is still exact.
    ReapTasks(state, &index);
    if (state->index == before) {
      state->settled_index = state->index;
      return;
    }
  }
}

// Aborts if a full pass over a copy of `state` (whose Reconcile was just skipped)
// changes anything: an object, an event, a decision or a log line.
void CheckSkip(const ClusterState& state) {
  ClusterState copy = state;
  copy.settled_index.reset();
  FullReconcile(&copy);
  if (copy.index == state.index && copy.new_events.size() == state.new_events.size() &&
      copy.new_decisions.size() == state.new_decisions.size() && copy.new_logs.size() == state.new_logs.size()) {
    return;
  }
  std::fprintf(stderr, "swarmsim: SWARMSIM_CHECK_RECONCILE: a skipped reconcile at %lld would have changed "
               "the cluster (index %llu -> %llu, %zu -> %zu events)\n",
               static_cast<long long>(state.clock.now), static_cast<unsigned long long>(state.index),
               static_cast<unsigned long long>(copy.index), state.new_events.size(), copy.new_events.size());
  std::abort();
}

}  // namespace

void SetReconcileCheck(bool on) { check_skips = on; }

void Reconcile(ClusterState* state) {
  if (state->settled_index == state->index) {
    if (check_skips) CheckSkip(*state);
    return;
  }
  FullReconcile(state);
}

}  // namespace swarmsim
