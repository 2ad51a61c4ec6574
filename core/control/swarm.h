// Swarm-wide operations: init, and the guard every other operation needs.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

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

// The join token a node of `role` presents: "SWMTKN-1-<50 base36: the CA's
// digest>-<25 base36: the role's secret>", derived from the cluster ID and how
// often the role's token was rotated. REQUIRES: swarm active.
std::string JoinToken(const ClusterState& state, NodeRole role);

// A new secret for `role`'s token; the old one stops working.
void RotateJoinToken(ClusterState* state, NodeRole role);

// The role a join token admits. Errors (docker's words): not shaped like a token
// (`invalid join token`); a token that is not the swarm's current worker or
// manager token (`A valid join token is necessary to join this cluster`).
Result<NodeRole> CheckJoinToken(const ClusterState& state, const std::string& token);

struct SwarmUpdate {
  std::optional<int64_t> task_history_limit;
  std::optional<Duration> dispatcher_heartbeat;
  std::optional<Duration> cert_expiry;
};

// `swarm update`. Errors (swarm's): a certificate expiry under 1h, a negative
// heartbeat period.
Status UpdateSwarm(ClusterState* state, const SwarmUpdate& update);

// The swarm as GET /swarm returns it (`swarm inspect`).
nlohmann::json SwarmJson(const ClusterState& state);

// `swarm leave` from the node the CLI talks to (the leader). Without force a
// manager is refused with the daemon's warning (the last manager: leaving erases
// the swarm; otherwise: the Raft quorum). With force the last manager's swarm is
// gone (every object, as a new cluster database); with other managers left, this
// node goes Down and out of the managers' quorum, the next manager leads, and the
// CLI follows it.
Status LeaveSwarm(ClusterState* state, bool force);

}  // namespace swarmsim
