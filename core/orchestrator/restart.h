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

// Handles every runnable task of `slot` that exited or lost its node.
// Replicated only: global services are handled by ReconcileGlobal.
void SuperviseSlot(ClusterState* state, Service* service, Slot* slot);

// Promotes desired-READY tasks in `slot` whose delay passed and whose predecessor
// stopped (or waited long enough); otherwise wakes the service when it may.
void PromoteReplacements(ClusterState* state, Service* service, const Slot& slot);

// Whether the restart policy allows replacing a task that ended in `ended`.
bool RestartAllowed(const Service& service, TaskState ended);

}  // namespace swarmsim
