// Swarm's rolling updater: replaces dirty slots `parallelism` at a time, in
// stop-first or start-first order, waits `delay` between slots, watches each new
// task for `monitor`, and pauses, continues or rolls back on failure.
#pragma once

#include <map>
#include <string>

#include "core/cluster/state.h"
#include "core/orchestrator/slots.h"

namespace swarmsim {

constexpr Duration kDefaultUpdateMonitor = 5 * kSecond;

// The update settings in force for `service` now (rollback_config while rolling back),
// with swarm's defaults filled in.
UpdateConfig EffectiveUpdateConfig(const Service& service);

// Starts, advances or finishes the service's rolling update. Starts one when a
// runnable task is dirty and no update is paused.
void RunUpdater(ClusterState* state, Service* service, std::map<std::string, Slot>* slots);

// Called by the restart supervisor when a task stopped on its own. Counts it
// against the running update, as swarm's monitor does, when the update made it
// and it stopped before running or within `monitor` of starting to run; then
// pauses, rolls back or continues per failure_action and max_failure_ratio.
void NoteUpdateFailure(ClusterState* state, Service* service, Task* task);

}  // namespace swarmsim
