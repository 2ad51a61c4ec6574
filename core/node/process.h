// What a container's main process will do once it starts: keep running, or exit
// after a while with some code, and whether its health checks pass.
//
// This is the one place that decides it. Today the answer comes from the image
// catalogue (exit_after, exit_code, healthy); simulated applications (a web app
// whose configuration is wrong, say) are meant to extend PlanProcess, not the agent.
#pragma once

#include <optional>

#include "core/cluster/state.h"
#include "core/model/time.h"

namespace swarmsim {

struct ProcessPlan {
  std::optional<Duration> exit_after;  // exits this long after starting; nullopt: runs until stopped
  int exit_code = 0;
  bool healthy = true;                 // its health checks pass (if it has any)
};

// REQUIRES: task->spec is set.
ProcessPlan PlanProcess(ClusterState* state, Task* task);

}  // namespace swarmsim
