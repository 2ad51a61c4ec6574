// The replicated orchestrator: keeps `replicas` slots filled, scales down the way
// swarm does, and hands dirty slots to the updater.
#pragma once

#include "core/cluster/state.h"
#include "core/orchestrator/slots.h"

namespace swarmsim {

// Reconciles one replicated service. `slots` is its entry of IndexSlots (may be empty).
void ReconcileReplicated(ClusterState* state, Service* service, std::map<std::string, Slot>* slots);

}  // namespace swarmsim
