// Swarm-wide operations: init, and the guard every other operation needs.
#pragma once

#include <string>

#include "core/cluster/state.h"
#include "core/status.h"

namespace swarmsim {

// Daemon's answer when there is no swarm yet.
Status NotASwarmManager();

// OK when `swarm init` has run.
Status RequireSwarm(const ClusterState& state);

struct InitOptions {
  uint64_t seed = 0;           // ID generator seed (0: derived from `now`)
  std::string hostname = "node1";
  int64_t cpus = 4;
  int64_t memory_bytes = 8LL << 30;
};

// Creates the swarm: one manager node, Leader, Ready, Active; and the ingress network.
// Errors: already part of a swarm (FailedPrecondition, docker's text).
Status InitSwarm(ClusterState* state, const InitOptions& options);

}  // namespace swarmsim
