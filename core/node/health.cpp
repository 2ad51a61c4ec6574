#include "core/node/health.h"

#include <algorithm>

#include "core/image/catalog.h"
#include "core/node/process.h"

namespace swarmsim {

std::optional<HealthConfig> TaskHealthcheck(ClusterState* state, const Task& task) {
  std::optional<HealthConfig> h = task.spec->container.healthcheck;
  std::optional<HealthConfig> image = LookupImage(state->images, task.spec->container.image).healthcheck;
  if (!h) {
    h = image;
  } else if (h->test.empty() && image) {
    // A service that only tunes durations keeps the image's test (docker merges them).
    h->test = image->test;
  }
  if (!h || h->test.empty() || h->test[0] == "NONE") return std::nullopt;
  if (image) {  // zero fields take the image's values, then the engine's defaults
    if (h->interval == 0) h->interval = image->interval;
    if (h->timeout == 0) h->timeout = image->timeout;
    if (h->start_period == 0) h->start_period = image->start_period;
    if (h->retries == 0) h->retries = image->retries;
  }
  return h;
}

Duration HealthVerdictAfter(const HealthConfig& health, bool passes) {
  Duration interval = health.interval > 0 ? health.interval : kDefaultHealthInterval;
  if (passes) return interval;
  uint64_t retries = health.retries > 0 ? health.retries : kDefaultHealthRetries;
  // The first probe that counts is the first at or after the start period.
  int64_t first = std::max<int64_t>(1, (health.start_period + interval - 1) / interval);
  return (first + static_cast<int64_t>(retries) - 1) * interval;
}

ContainerTimeline PlanContainer(ClusterState* state, Task* task) {
  ProcessPlan plan = PlanProcess(state, task);
  ContainerTimeline t;
  t.exit_after = plan.exit_after;
  t.exit_code = plan.exit_code;
  std::optional<HealthConfig> health = TaskHealthcheck(state, *task);
  if (!health) {
    t.running_after = 0;
  } else if (plan.healthy) {
    t.running_after = HealthVerdictAfter(*health, true);
  } else {
    t.unhealthy_after = HealthVerdictAfter(*health, false);
  }
  // A process that exits 0 before its first passing probe is still reported
  // RUNNING (and at once COMPLETE): moby's executor treats its exit as started.
  return t;
}

std::optional<Duration> TimeRunningBeforeExit(ClusterState* state, Task* task) {
  ContainerTimeline t = PlanContainer(state, task);
  if (task->status.err == kUnhealthyErr) return 0;
  if (!t.exit_after) return std::nullopt;
  if (!t.running_after || *t.running_after >= *t.exit_after) return 0;
  return *t.exit_after - *t.running_after;
}

}  // namespace swarmsim
