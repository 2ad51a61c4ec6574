// Finding a task the way a user names it.
#pragma once

#include <string>

#include "core/cluster/state.h"
#include "core/status.h"

namespace swarmsim {

// The task's name as `service ps` shows it: "<service>.<slot>", or
// "<service>.<node ID>" for a global service's task.
std::string TaskName(const Task& task);

// Resolves a full task ID, a unique ID prefix, or a name "<service>.<slot>" /
// "<service>.<node ID>" (the slot's current task: the newest one still wanted,
// else the newest). Errors: `no such task: <ref>`, ambiguous prefix.
Result<const Task*> ResolveTask(const ClusterState& state, const std::string& ref);

}  // namespace swarmsim
