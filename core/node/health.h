// Docker's health monitor in virtual time, and the timeline of one container:
// when it reports RUNNING, when it is found unhealthy, when its process exits.
//
// As moby's monitor: the first probe runs `interval` after the container starts,
// then one every `interval`; a passing probe makes it healthy; a failing probe
// inside `start_period` does not count; `retries` counted failures in a row make it
// unhealthy. Probes take no time here. As moby's swarm executor: a container with
// a health check is reported RUNNING only once healthy (the task stays STARTING),
// and an unhealthy one fails its task with "dockerexec: unhealthy container".
#pragma once

#include <optional>

#include "core/cluster/state.h"
#include "core/model/service.h"
#include "core/model/time.h"

namespace swarmsim {

constexpr Duration kDefaultHealthInterval = 30 * kSecond;
constexpr Duration kDefaultHealthTimeout = 30 * kSecond;
constexpr uint64_t kDefaultHealthRetries = 3;
inline constexpr char kUnhealthyErr[] = "dockerexec: unhealthy container";

// The health check in force for `task`: its service's, else its image's. nullopt
// when there is none, or it is disabled (Test ["NONE"]), or it has no test.
std::optional<HealthConfig> TaskHealthcheck(ClusterState* state, const Task& task);

// How long after the container starts the monitor declares it healthy (`passes`)
// or unhealthy (not `passes`).
Duration HealthVerdictAfter(const HealthConfig& health, bool passes);

// Times relative to the moment the container starts.
struct ContainerTimeline {
  std::optional<Duration> running_after;    // reported RUNNING; nullopt: never (found unhealthy first)
  std::optional<Duration> unhealthy_after;  // found unhealthy
  std::optional<Duration> exit_after;       // the process exits ...
  int exit_code = 0;                        // ... with this code
};

// PlanProcess (core/node/process.h) combined with the task's health check.
ContainerTimeline PlanContainer(ClusterState* state, Task* task);

// How long a task that has just stopped on its own had been RUNNING (0 if it
// never got there), or nullopt when its stop was not planned by its process.
std::optional<Duration> TimeRunningBeforeExit(ClusterState* state, Task* task);

}  // namespace swarmsim
