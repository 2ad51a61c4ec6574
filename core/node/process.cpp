#include "core/node/process.h"

#include "core/image/catalog.h"

namespace swarmsim {

ProcessPlan PlanProcess(ClusterState* state, Task* task) {
  ProcessPlan plan;
  // Read without copying the entry: the agent asks on every reconcile round.
  const ImageEntry* image = FindImage(state->images, task->spec->container.image);
  // A started program has decided (core/program/program.h, with the catalogue's
  // knobs); before that, the catalogue alone answers (unknown images run until stopped).
  bool started = task->status.state >= TaskState::kStarting;
  if (started) {
    plan.exit_after = task->exit_after;
    plan.exit_code = task->exit_code;
  } else if (image) {
    plan.exit_after = image->exit_after;
    plan.exit_code = image->exit_code;
  }
  if (image) plan.healthy = image->healthy.value_or(true);
  return plan;
}

}  // namespace swarmsim
