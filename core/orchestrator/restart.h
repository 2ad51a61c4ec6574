// Swarm's restart supervisor: replaces tasks that stopped on their own or whose node
// went down or was drained, following the service's restart policy, and promotes
// prepared replacements (desired READY) to RUNNING once their predecessor is gone.
#pragma once

#include "core/cluster/state.h"
#include "core/orchestrator/slots.h"

namespace swarmsim {

// Swarm's defaults for an unset restart policy.
constexpr Duration kDefaultRestartDelay = 5 * kSecond;
// A replacement waits at most this long for the task it replaces to stop.
constexpr Duration kMaxWaitForPredecessor = 1 * kMinute;

// The desired state of a task the orchestrator wants running: RUNNING, or COMPLETE
// for a job's (swarm's jobs orchestrator creates and restarts them so).
inline TaskState RunState(const Service& service) {
  return IsJob(service.spec.mode) ? TaskState::kComplete : TaskState::kRunning;
}

// Handles every runnable task of `slot` that exited or lost its node (a job's
// task that completed is left alone). Replicated services and replicated jobs
// (whose slots count from 0): global ones are handled by ReconcileGlobal and
// ReconcileGlobalJob.
void SuperviseSlot(ClusterState* state, Service* service, Slot* slot);

// Promotes desired-READY tasks in `slot` whose delay passed and whose predecessor
// stopped (or waited long enough); otherwise wakes the service when it may.
void PromoteReplacements(ClusterState* state, Service* service, const Slot& slot);

// The restart delay in force for `service` (its policy's, or swarm's 5 s).
Duration RestartDelay(const Service& service);

// Whether the restart policy allows replacing `task` of `slot`, which ended in
// `ended`, at time `at`: its condition, and max_attempts counted per slot over the
// restarts of the task's spec version (only those after at - window when a window
// is set). A restart is a task of that version after the slot's first one.
bool RestartAllowed(const Service& service, const Slot& slot, const Task& task, TaskState ended, Time at);

}  // namespace swarmsim
