#include "core/control/networks.h"

#include "core/control/swarm.h"

namespace swarmsim {

Result<std::string> CreateNetwork(ClusterState* state, const NetworkOptions& options) {
  SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*state));
  if (options.name.empty()) {
    return Status::Daemon(Status::Code::kInvalidArgument,
                          "rpc error: code = InvalidArgument desc = meta: name must be provided");
  }
  if (FindNetworkByName(state, options.name)) {
    return Status::Daemon(Status::Code::kAlreadyExists, "network with name " + options.name + " already exists");
  }
  Network n;
  n.id = NewId(state);
  n.created_at = state->clock.now;
  n.name = options.name;
  n.driver = options.driver.empty() ? "overlay" : options.driver;
  n.labels = options.labels;
  n.attachable = options.attachable;
  Touch(state, &n);
  std::string id = n.id;
  state->networks[id] = std::move(n);
  RecordEvent(state, "network", "create", id, {{"name", options.name}});
  return id;
}

Result<Network*> ResolveNetwork(ClusterState* state, const std::string& ref) {
  if (auto it = state->networks.find(ref); it != state->networks.end()) return &it->second;
  if (Network* n = FindNetworkByName(state, ref)) return n;
  Network* found = nullptr;
  int matches = 0;
  for (auto& [id, n] : state->networks) {
    if (!ref.empty() && id.rfind(ref, 0) == 0) {
      found = &n;
      ++matches;
    }
  }
  if (matches == 1) return found;
  if (matches > 1) {
    return Status::Daemon(Status::Code::kInvalidArgument,
                          "network " + ref + " is ambiguous (" + std::to_string(matches) + " matches found)");
  }
  return Status::Daemon(Status::Code::kNotFound, "network " + ref + " not found");
}

Status RemoveNetwork(ClusterState* state, const std::string& network_id) {
  const std::string id = network_id;  // `network_id` may be the network's own ID, erased below
  auto it = state->networks.find(id);
  if (it == state->networks.end()) return Status::Daemon(Status::Code::kNotFound, "network " + id + " not found");
  if (it->second.ingress) {
    return Status::Daemon(Status::Code::kFailedPrecondition,
                          "rpc error: code = PermissionDenied desc = ingress network cannot be removed because "
                          "service ingress-sbox depends on it");
  }
  for (const auto& [sid, s] : state->services) {
    for (const auto& att : s.spec.task_template.networks) {
      if (att.target == id) {
        return Status::Daemon(Status::Code::kFailedPrecondition, "rpc error: code = FailedPrecondition desc = network " +
                                                                     it->second.name + " is in use by service " + sid);
      }
    }
  }
  std::string name = it->second.name;
  RecordEvent(state, "network", "remove", id, {{"name", name}});
  state->networks.erase(it);
  state->removed_networks.insert(id);
  ++state->index;  // a deletion is a change of the store
  return Status::OK();
}

}  // namespace swarmsim
