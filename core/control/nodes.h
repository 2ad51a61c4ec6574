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
};

// Adds a Ready, Active node and returns its ID. Errors: hostname taken.
Result<std::string> AddNode(ClusterState* state, const NodeOptions& options);

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

// Removes a node. Without force a node that is not down is refused with swarm's
// message; managers must be demoted first. Its unfinished tasks become ORPHANED.
Status RemoveNode(ClusterState* state, const std::string& ref, bool force);

}  // namespace swarmsim
