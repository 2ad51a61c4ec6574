#include "core/control/swarm.h"

#include "core/control/nodes.h"

namespace swarmsim {

Status NotASwarmManager() {
  return Status::Daemon(Status::Code::kFailedPrecondition,
                        "This node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm join\" to "
                        "connect this node to swarm and try again.");
}

Status RequireSwarm(const ClusterState& state) {
  return state.swarm_active ? Status::OK() : NotASwarmManager();
}

Status InitSwarm(ClusterState* state, const InitOptions& options) {
  if (state->swarm_active) {
    return Status::Daemon(Status::Code::kFailedPrecondition,
                          "This node is already part of a swarm. Use \"docker swarm leave\" to leave this swarm and "
                          "join another one.");
  }
  state->id_seed = options.seed != 0 ? options.seed : static_cast<uint64_t>(state->clock.now);
  state->swarm_active = true;
  state->cluster_id = NewId(state);
  NodeOptions node;
  node.hostname = options.hostname;
  node.role = NodeRole::kManager;
  node.cpus = options.cpus;
  node.memory_bytes = options.memory_bytes;
  auto added = AddNode(state, node);
  if (!added.ok()) return added.status();
  state->self_node_id = added.value();

  Network ingress;
  ingress.id = NewId(state);
  ingress.created_at = state->clock.now;
  ingress.name = "ingress";
  ingress.ingress = true;
  Touch(state, &ingress);
  state->networks[ingress.id] = ingress;
  RecordEvent(state, "swarm", "init", state->cluster_id, {{"node", state->self_node_id}});
  return Status::OK();
}

}  // namespace swarmsim
