// The virtual node agent: walks an assigned task through swarm's states
// (ASSIGNED, ACCEPTED, PREPARING, READY, STARTING, RUNNING) and stops it when its
// desired state goes to SHUTDOWN or REMOVE. Each step happens at a due time on the
// virtual clock (core/node/timing.h); nothing here reads a clock of its own.
#pragma once

#include "core/cluster/state.h"

namespace swarmsim {

// (Re)computes the next step for `task` from its observed and desired state and
// schedules it. Call after assigning a task or changing its desired state.
void KickAgent(ClusterState* state, Task* task);

// Performs the step that was due for `task` at clock.now, then schedules the next.
// A stale wake-up (task.due_at != clock.now) does nothing.
// Returns true when the orchestrators, the scheduler and the reaper cannot see
// the step (so it needs no reconcile): nothing happened, or the task moved
// between ASSIGNED and STARTING, has its next step due, and nothing else changed.
bool RunAgentStep(ClusterState* state, Task* task);

}  // namespace swarmsim
