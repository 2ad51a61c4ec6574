#include "core/node/process.h"

#include "core/image/catalog.h"

namespace swarmsim {

ProcessPlan PlanProcess(ClusterState* state, Task* task) {
  ImageEntry image = LookupImage(state->images, task->spec->container.image);
  ProcessPlan plan;
  // A started program has decided (core/program/program.h, with the catalogue's
  // knobs); before that, the catalogue alone answers.
  bool started = task->status.state >= TaskState::kStarting;
  plan.exit_after = started ? task->exit_after : image.exit_after;
  plan.exit_code = started ? task->exit_code : image.exit_code;
  plan.healthy = image.healthy.value_or(true);
  return plan;
}

}  // namespace swarmsim
