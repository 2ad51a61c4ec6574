#include "core/node/process.h"

#include "core/image/catalog.h"

namespace swarmsim {

ProcessPlan PlanProcess(ClusterState* state, Task* task) {
  ImageEntry image = LookupImage(state->images, task->spec->container.image);
  ProcessPlan plan;
  plan.exit_after = image.exit_after;
  plan.exit_code = image.exit_code;
  plan.healthy = image.healthy.value_or(true);
  return plan;
}

}  // namespace swarmsim
