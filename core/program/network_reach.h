// What one task can reach by name: swarm's DNS resolves a service's name (and
// its unscoped alias) only for tasks attached to a network the service is on.
#pragma once

#include <string>

#include "core/cluster/state.h"

namespace swarmsim {

// The service `host` names as seen from `task`, or nullptr when the name does not
// resolve there (no shared network).
const Service* ResolveServiceName(const ClusterState& state, const Task& task, const std::string& host);

// The running task the service's virtual IP sends a connection to (lowest slot,
// then ID), or nullptr when none runs.
const Task* PickRunningTask(const ClusterState& state, const Service& service);

}  // namespace swarmsim
