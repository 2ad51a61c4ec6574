// Node operations: add (the simulator's way to "join" a machine), update, remove.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/cluster/state.h"
#include "core/status.h"

namespace swarmsim {

struct NodeOptions {
  std::string hostname;  // empty: next free "nodeN"
  NodeRole role = NodeRole::kWorker;
  int64_t cpus = 4;
  int64_t memory_bytes = 8LL << 30;
  std::map<std::string, std::string> labels;
  // What the engine advertises (dockerd --node-generic-resource): named items
  // ("gpu" = "GPU-1") and discrete counts ("ssd" = 2).
  std::vector<GenericResource> generic_resources;
};

// Adds a Ready, Active node and returns its ID. Errors: hostname taken.
Result<std::string> AddNode(ClusterState* state, const NodeOptions& options);

// Adds `count` nodes like AddNode, in order, and returns their IDs. Errors: as
// AddNode (only a given hostname can be taken, so only with count 1).
Result<std::vector<std::string>> AddNodes(ClusterState* state, const NodeOptions& options, int count);

struct NodeUpdate {
  std::map<std::string, std::string> label_add;
  std::vector<std::string> label_rm;
  std::optional<NodeAvailability> availability;
  std::optional<NodeRole> role;
};

// Resolves `ref` (ID, hostname, ID prefix) like the daemon. Errors: docker's
// `node <ref> not found` / `node <ref> is ambiguous (N matches found)`.
Result<Node*> ResolveNode(ClusterState* state, const std::string& ref);

// Applies `update` to one node. Errors: label to remove is absent
// (`key <k> doesn't exist in node's labels`), demoting the last manager.
Status UpdateNode(ClusterState* state, const std::string& ref, const NodeUpdate& update);

// Raft's election, as far as the simulator needs it: when no manager leads (the
// leader was demoted or left), the first reachable manager by ID does. The CLI
// always talks to the leader (self_node_id follows it).
void ElectLeader(ClusterState* state);

// Swarm's heartbeat: agents report every dispatcher heartbeat period (5 s unless
// `swarm update --dispatcher-heartbeat` changed it); the manager marks a node Down
// after three missed periods.
Duration HeartbeatTimeout(const ClusterState& state);

// The machine stops (power off, network cut): its agent stops at once, and the
// manager marks it Down, "heartbeat failure", HeartbeatTimeout later.
// Errors: the node is already stopped.
Status StopNode(ClusterState* state, const std::string& ref);

// The machine is back: its agent resumes (stopping what it was told to stop while
// away) and the node is Ready again at once. Errors: the node is not stopped.
Status StartNode(ClusterState* state, const std::string& ref);

// The manager's side of a missed heartbeat deadline (called by the clock).
void MarkNodeDown(ClusterState* state, Node* node);

// Removes a node. Without force a node that is not down is refused with swarm's
// message; managers must be demoted first. Its unfinished tasks become ORPHANED.
Status RemoveNode(ClusterState* state, const std::string& ref, bool force);

}  // namespace swarmsim
