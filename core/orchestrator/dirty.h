// Whether a running task must be replaced to match its service's current spec
// (swarm's IsTaskDirty).
#pragma once

#include "core/cluster/state.h"

namespace swarmsim {

// A task is dirty when its TaskSpec or EndpointSpec differs from the service's.
// A change confined to Placement makes it dirty only if its node no longer
// satisfies the new constraints. Same spec version: never dirty.
bool IsTaskDirty(const ClusterState& state, const Service& service, const Task& task);

// The fields whose change forces task replacement, as "field old -> new" lines
// (for deploy output and dry runs). Empty when nothing task-affecting changed.
std::vector<std::string> TaskAffectingChanges(const ServiceSpec& before, const ServiceSpec& after);

}  // namespace swarmsim
