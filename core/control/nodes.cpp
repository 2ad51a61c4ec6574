#include "core/control/nodes.h"

#include <set>

#include "core/control/swarm.h"

namespace swarmsim {

namespace {

int CountManagers(const ClusterState& state) {
  int n = 0;
  for (const auto& [id, node] : state.nodes) n += node.spec.role == NodeRole::kManager;
  return n;
}

// What adding a node must know about the others, collected once for a batch:
// scanning every node per added node made `node add --count N` quadratic.
struct NodeRoster {
  std::set<std::string> hostnames;
  int managers = 0;

  explicit NodeRoster(const ClusterState& state) {
    for (const auto& [id, n] : state.nodes) hostnames.insert(n.description.hostname);
    managers = CountManagers(state);
  }
};

Result<std::string> AddOneNode(ClusterState* state, const NodeOptions& options, NodeRoster* roster) {
  std::string hostname = options.hostname;
  if (hostname.empty()) {
    do {
      hostname = "node" + std::to_string(++state->name_counter);
    } while (roster->hostnames.count(hostname));
  } else if (roster->hostnames.count(hostname)) {
    return Status::AlreadyExists("Error: a node with hostname " + hostname + " already exists");
  }
  Node node;
  node.id = NewId(state);
  node.created_at = state->clock.now;
  node.spec.role = options.role;
  node.spec.labels = options.labels;
  node.description.hostname = hostname;
  node.description.resources.nano_cpus = options.cpus * 1'000'000'000LL;
  node.description.resources.memory_bytes = options.memory_bytes;
  node.description.resources.generic = options.generic_resources;
  node.status.state = NodeState::kReady;
  node.status.addr = "10.0.0." + std::to_string(state->nodes.size() + 2);
  if (options.role == NodeRole::kManager) {
    ManagerStatus ms;
    ms.leader = roster->managers == 0;
    ms.addr = node.status.addr + ":2377";
    node.manager_status = ms;
    ++roster->managers;
  }
  Touch(state, &node);
  // Keep generated names ahead of explicit ones like "node7".
  if (hostname.size() > 4 && hostname.size() < 15 && hostname.rfind("node", 0) == 0 &&
      hostname.find_first_not_of("0123456789", 4) == std::string::npos) {
    uint64_t n = std::stoull(hostname.substr(4));
    if (n > state->name_counter) state->name_counter = n;
  }
  std::string id = node.id;
  state->nodes[id] = std::move(node);
  roster->hostnames.insert(hostname);
  RecordEvent(state, "node", "create", id, {{"name", hostname}, {"role", ToString(options.role)}});
  return id;
}

}  // namespace

Duration HeartbeatTimeout(const ClusterState& state) { return 3 * state.swarm.dispatcher_heartbeat; }

Result<std::string> AddNode(ClusterState* state, const NodeOptions& options) {
  NodeRoster roster(*state);
  return AddOneNode(state, options, &roster);
}

Result<std::vector<std::string>> AddNodes(ClusterState* state, const NodeOptions& options, int count) {
  NodeRoster roster(*state);
  std::vector<std::string> ids;
  ids.reserve(count);
  for (int i = 0; i < count; ++i) {
    auto id = AddOneNode(state, options, &roster);
    if (!id.ok()) return id.status();
    ids.push_back(std::move(id.value()));
  }
  return ids;
}

Result<Node*> ResolveNode(ClusterState* state, const std::string& ref) {
  bool ambiguous = false;
  Node* n = FindNode(state, ref, &ambiguous);
  if (ambiguous) {
    int count = 0;
    for (const auto& [id, node] : state->nodes) count += id.rfind(ref, 0) == 0;
    return Status::Daemon(Status::Code::kInvalidArgument,
                          "node " + ref + " is ambiguous (" + std::to_string(count) + " matches found)");
  }
  if (!n) return Status::Daemon(Status::Code::kNotFound, "node " + ref + " not found");
  return n;
}

Status UpdateNode(ClusterState* state, const std::string& ref, const NodeUpdate& update) {
  SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*state));
  auto found = ResolveNode(state, ref);
  if (!found.ok()) return found.status();
  Node* node = found.value();
  NodeSpec spec = node->spec;
  for (const auto& k : update.label_rm) {
    if (!spec.labels.count(k)) return Status::InvalidArgument("key " + k + " doesn't exist in node's labels");
    spec.labels.erase(k);
  }
  for (const auto& [k, v] : update.label_add) spec.labels[k] = v;
  if (update.availability) spec.availability = *update.availability;
  if (update.role) {
    if (node->spec.role == NodeRole::kManager && *update.role == NodeRole::kWorker) {
      if (CountManagers(*state) == 1) {
        return Status::Daemon(Status::Code::kFailedPrecondition,
                              "rpc error: code = FailedPrecondition desc = attempting to demote the last manager of "
                              "the swarm");
      }
      // Raft must keep a majority of its remaining members reachable.
      int members = CountManagers(*state), reachable = 0;
      for (const auto& [id, n] : state->nodes) {
        reachable += n.spec.role == NodeRole::kManager && n.status.state != NodeState::kDown;
      }
      int after = reachable - (node->status.state != NodeState::kDown ? 1 : 0);
      if (after < (members - 1) / 2 + 1) {
        return Status::Daemon(Status::Code::kFailedPrecondition,
                              "rpc error: code = FailedPrecondition desc = can't remove member from the raft: this "
                              "would result in a loss of quorum");
      }
    }
    spec.role = *update.role;
  }
  std::map<std::string, std::string> attrs{{"name", node->description.hostname}};
  if (spec.availability != node->spec.availability) attrs["availability.new"] = ToString(spec.availability);
  if (spec.labels != node->spec.labels) attrs["labels"] = "changed";
  if (spec.role != node->spec.role) attrs["role.new"] = ToString(spec.role);
  node->spec = spec;
  if (spec.role == NodeRole::kManager && !node->manager_status) {
    ManagerStatus ms;
    ms.addr = node->status.addr + ":2377";
    node->manager_status = ms;
  } else if (spec.role == NodeRole::kWorker && node->manager_status) {
    node->manager_status.reset();
  }
  Touch(state, node);
  RecordEvent(state, "node", "update", node->id, std::move(attrs));
  ElectLeader(state);
  return Status::OK();
}

void ElectLeader(ClusterState* state) {
  Node* leader = nullptr;
  Node* candidate = nullptr;
  for (auto& [id, n] : state->nodes) {
    if (!n.manager_status) continue;
    if (n.manager_status->leader) leader = &n;
    if (!candidate && n.status.state != NodeState::kDown) candidate = &n;
  }
  if (!leader && candidate) {
    candidate->manager_status->leader = true;
    Touch(state, candidate);
    RecordEvent(state, "node", "update", candidate->id,
                {{"name", candidate->description.hostname}, {"leader", "true"}});
    leader = candidate;
  }
  if (leader) state->self_node_id = leader->id;
}

Status StopNode(ClusterState* state, const std::string& ref) {
  SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*state));
  auto found = ResolveNode(state, ref);
  if (!found.ok()) return found.status();
  Node* node = found.value();
  if (node->agent_down) return Status::FailedPrecondition("node " + ref + " is already down");
  node->agent_down = true;
  node->down_at = state->clock.now + HeartbeatTimeout(*state);
  state->due.insert({node->down_at, DueKind::kNode, node->id});
  Touch(state, node);
  RecordEvent(state, "node", "stop", node->id, {{"name", node->description.hostname}});
  return Status::OK();
}

Status StartNode(ClusterState* state, const std::string& ref) {
  SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*state));
  auto found = ResolveNode(state, ref);
  if (!found.ok()) return found.status();
  Node* node = found.value();
  if (!node->agent_down) return Status::FailedPrecondition("node " + ref + " is not down");
  node->agent_down = false;
  node->down_at = 0;
  node->status.state = NodeState::kReady;
  node->status.message.clear();
  if (node->manager_status) node->manager_status->reachability = "reachable";
  Touch(state, node);
  RecordEvent(state, "node", "update", node->id, {{"name", node->description.hostname}, {"state.new", "ready"}});
  return Status::OK();
}

void MarkNodeDown(ClusterState* state, Node* node) {
  node->down_at = 0;
  if (!node->agent_down || node->status.state == NodeState::kDown) {
    Touch(state, node);
    return;
  }
  node->status.state = NodeState::kDown;
  node->status.message = "heartbeat failure";
  // A manager that stopped no longer answers the raft: its peers see it unreachable.
  if (node->manager_status) node->manager_status->reachability = "unreachable";
  Touch(state, node);
  RecordEvent(state, "node", "update", node->id,
              {{"name", node->description.hostname}, {"state.new", "down"}, {"message", "heartbeat failure"}});
}

Status RemoveNode(ClusterState* state, const std::string& ref, bool force) {
  SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*state));
  auto found = ResolveNode(state, ref);
  if (!found.ok()) return found.status();
  Node* node = found.value();
  if (node->spec.role == NodeRole::kManager) {
    return Status::Daemon(Status::Code::kFailedPrecondition,
                          "rpc error: code = FailedPrecondition desc = node " + node->id +
                              " is a cluster manager and is a member of the raft cluster. It must be demoted to "
                              "worker before removal");
  }
  if (!force && node->status.state != NodeState::kDown) {
    return Status::Daemon(Status::Code::kFailedPrecondition,
                          "rpc error: code = FailedPrecondition desc = node " + node->id +
                              " is not down and can't be removed");
  }
  std::string id = node->id;
  for (auto& [tid, t] : state->tasks) {
    if (t.node_id != id || IsTerminal(t.status.state)) continue;
    SetTaskState(state, &t, TaskState::kOrphaned, "Task belonged to a node that has been deleted");
  }
  RecordEvent(state, "node", "remove", id, {{"name", node->description.hostname}});
  state->nodes.erase(id);
  state->removed_nodes.insert(id);
  ++state->index;
  return Status::OK();
}

}  // namespace swarmsim
