#include "core/orchestrator/reconcile.h"

#include "core/node/agent.h"
#include "core/orchestrator/global.h"
#include "core/orchestrator/reaper.h"
#include "core/orchestrator/replicated.h"
#include "core/orchestrator/slots.h"
#include "core/scheduler/scheduler.h"

namespace swarmsim {

namespace {

// Swarm's allocator: a new task gets its network resources and becomes PENDING.
void Allocate(ClusterState* state) {
  for (auto& [id, t] : state->tasks) {
    if (t.status.state == TaskState::kNew && t.desired_state <= TaskState::kRunning) {
      SetTaskState(state, &t, TaskState::kPending, "pending task scheduling");
    }
  }
}

// Node agents pick up tasks assigned to them or told to stop.
void KickIdleAgents(ClusterState* state) {
  for (auto& [id, t] : state->tasks) {
    if (t.due_at != 0 || t.node_id.empty()) continue;
    if (t.status.state < TaskState::kAssigned || IsTerminal(t.status.state)) continue;
    KickAgent(state, &t);
  }
}

void Orchestrate(ClusterState* state) {
  SlotIndex index = IndexSlots(state);
  for (auto& [id, service] : state->services) {
    auto& slots = index[id];
    if (service.spec.mode == ServiceMode::kGlobal) ReconcileGlobal(state, &service, &slots);
    else ReconcileReplicated(state, &service, &slots);
  }
  // Tasks whose service is gone are removed.
  for (auto& [id, t] : state->tasks) {
    if (!state->services.count(t.service_id) && t.desired_state < TaskState::kRemove) {
      SetDesiredState(state, &t, TaskState::kRemove);
    }
  }
}

}  // namespace

void Reconcile(ClusterState* state) {
  for (int round = 0; round < 16; ++round) {
    uint64_t before = state->index;
    Orchestrate(state);
    Allocate(state);
    RunSchedulingPass(state);
    KickIdleAgents(state);
    if (state->index != before) continue;
    // Settled: trim history once (not every round: indexing the slots is the
    // loop's biggest cost), and go round again only if that removed something.
    SlotIndex index = IndexSlots(state);
    ReapTasks(state, &index);
    if (state->index == before) return;
  }
}

}  // namespace swarmsim
