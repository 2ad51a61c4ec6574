// What `stack deploy --dry-run` shows: per network and service, what a deploy
// would do and why, and where each new task would land — computed by deploying
// on a copy of the cluster, so the real one is never touched.
#pragma once

#include <string>
#include <vector>

#include "core/cluster/state.h"
#include "core/compose/stack_spec.h"
#include "core/status.h"

namespace swarmsim {

// Lines of the plan, ready to print. Errors: whatever the deploy itself would fail with.
Result<std::vector<std::string>> PlanStack(const ClusterState& state, const StackSpec& stack, bool prune);

}  // namespace swarmsim
