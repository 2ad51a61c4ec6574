// The global orchestrator: one task on every node that is up, not drained and
// satisfies the constraints; nothing on the others (no pending task, no error).
#pragma once

#include "core/cluster/state.h"
#include "core/orchestrator/slots.h"

namespace swarmsim {

void ReconcileGlobal(ClusterState* state, Service* service, std::map<std::string, Slot>* slots);

}  // namespace swarmsim
