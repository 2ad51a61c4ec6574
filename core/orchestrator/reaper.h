// Swarm's task reaper: deletes removed tasks once they stopped, and keeps at most
// the retention limit of tasks per slot (per node for global services): the
// swarm's TaskHistoryRetentionLimit (default 5, `swarm update --task-history-limit`).
#pragma once

#include "core/cluster/state.h"
#include "core/orchestrator/slots.h"

namespace swarmsim {

void ReapTasks(ClusterState* state, SlotIndex* index);

}  // namespace swarmsim
