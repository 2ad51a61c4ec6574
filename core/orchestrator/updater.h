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

// Counts a failed replacement against the running update (called by the restart
// supervisor when a task of the current spec stops before or just after running).
void NoteUpdateFailure(ClusterState* state, Service* service, const Task& task);

}  // namespace swarmsim
