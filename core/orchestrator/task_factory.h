// Making new tasks for a service, as swarm's orchestrators do.
#pragma once

#include <string>

#include "core/cluster/state.h"

namespace swarmsim {

// Creates a task of `service`'s current spec in state NEW ("created"), records it
// and returns it. `node_id` is set for global services (pre-assigned), empty otherwise.
Task* NewTask(ClusterState* state, const Service& service, uint64_t slot, const std::string& node_id,
              TaskState desired);

// The service's current spec as the shared copy all its new tasks point to.
const ClusterState::SharedSpec& CurrentSharedSpec(ClusterState* state, const Service& service);

}  // namespace swarmsim
