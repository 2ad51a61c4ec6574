// The containers one node's engine holds for swarm's tasks, as `docker ps` and
// `docker inspect` on that node show them. A task has a container from the moment
// its agent created it (READY) until the task is deleted; the container's ID is
// derived from the task's, and its name is swarm's: SERVICE.SLOT.TASKID (global
// services: SERVICE.NODEID.TASKID).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/cluster/state.h"

namespace swarmsim {

struct ContainerInfo {
  const Task* task = nullptr;
  std::string id;     // 64 hex digits
  std::string name;   // without docker's leading "/"
  std::string state;  // "created" | "running" | "exited"
  int exit_code = 0;
  Time created = 0;
  Time started = 0;   // 0: never started
  Time finished = 0;  // 0: still running or never started
  std::string health;  // "" | "starting" | "healthy"
};

// The task's container name, as swarm's executor names it.
std::string ContainerName(const Task& task);

// The containers on `node_id`, newest first (docker ps order).
// `all`: stopped and created ones too (docker ps -a).
std::vector<ContainerInfo> NodeContainers(ClusterState* state, const std::string& node_id, bool all);

// `docker inspect` of a container: the Engine API's ContainerJSON fields a
// swarm task's container has (state, config with swarm's labels, mounts,
// networks with the task's addresses), fields in docker's order.
nlohmann::ordered_json ContainerJson(const ClusterState& state, const ContainerInfo& c);

}  // namespace swarmsim
