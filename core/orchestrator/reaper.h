// Swarm's task reaper: deletes removed tasks once they stopped, and keeps at most
// the retention limit of tasks per slot (per node for global services).
#pragma once

#include "core/cluster/state.h"
#include "core/orchestrator/slots.h"

namespace swarmsim {

// Swarm's default TaskHistoryRetentionLimit: tasks per slot, the current one included.
constexpr int kTaskHistoryLimit = 5;

void ReapTasks(ClusterState* state, SlotIndex* index);

}  // namespace swarmsim
