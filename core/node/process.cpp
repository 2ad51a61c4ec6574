#include "core/node/process.h"

#include "core/image/catalog.h"

namespace swarmsim {

ProcessPlan PlanProcess(ClusterState* state, Task* task) {
  ProcessPlan plan;
  const ImageEntry* image = FindImage(state->images, task->spec->container.image);
  if (!image) return plan;  // unknown images run until stopped
  plan.exit_after = image->exit_after;
  plan.exit_code = image->exit_code;
  plan.healthy = image->healthy.value_or(true);
  return plan;
}

}  // namespace swarmsim
