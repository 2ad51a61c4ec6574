// One reconciliation at the cluster's current instant: the allocator, the
// orchestrators, the scheduler, the node agents and the reaper, repeated until
// nothing changes. Idempotent: running it twice at the same instant changes nothing.
#pragma once

#include "core/cluster/state.h"

namespace swarmsim {

void Reconcile(ClusterState* state);

}  // namespace swarmsim
