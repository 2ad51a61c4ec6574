// Swarm-scoped networks as the daemon's network API handles them: create, find, remove.
#pragma once

#include <map>
#include <string>

#include "core/cluster/state.h"
#include "core/status.h"

namespace swarmsim {

struct NetworkOptions {
  std::string name;
  std::string driver = "overlay";
  std::map<std::string, std::string> labels;
  bool attachable = false;
};

// Creates a network and returns its ID; records `network create`.
// Errors: no name; AlreadyExists "network with name NAME already exists".
Result<std::string> CreateNetwork(ClusterState* state, const NetworkOptions& options);

// Finds a network by full ID, exact name, then unique ID prefix.
// Errors: NotFound "network REF not found"; "network REF is ambiguous (N matches found)".
Result<Network*> ResolveNetwork(ClusterState* state, const std::string& ref);

// Removes a network unless it is the ingress network or a service spec attaches to it:
// "rpc error: code = FailedPrecondition desc = network NAME is in use by service ID".
// Records `network remove`.
Status RemoveNetwork(ClusterState* state, const std::string& network_id);  // may alias the network's ID

}  // namespace swarmsim
