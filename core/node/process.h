// What a container's main process will do once it starts: keep running, or exit
// after a while with some code, and whether its health checks pass.
//
// This is the one place the agent asks. Once the container has started, the
// answer is what its program decided at start-up (core/program/program.h: a web
// app whose configuration is wrong exits; the catalogue's exit_after/exit_code
// apply to every image), kept on the task; before that, the catalogue alone.
// Health (healthy) always comes from the catalogue.
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
