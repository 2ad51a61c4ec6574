// Networks as the daemon manages them: create (swarm's overlay networks and local
// bridge networks on the node the CLI talks to), look up, remove unless in use,
// prune, and the name -> ID resolution a service's network attachments need.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/cluster/state.h"
#include "core/status.h"

namespace swarmsim {

struct NetworkCreateOptions {
  std::string name;
  std::string driver = "bridge";  // docker's default; "overlay" for swarm networks
  bool attachable = false;
  bool internal = false;
  std::map<std::string, std::string> labels;
  std::map<std::string, std::string> options;  // --opt
  std::string ipam_driver = "default";
  std::vector<IpamConfig> ipam;  // --subnet/--gateway; empty: the default pool's next /24
  bool ingress = false;          // only `swarm init` makes the ingress network
};

// Creates a network and returns its ID (25 base36 characters for swarm networks,
// 64 hex digits for local ones). Errors, in the daemon's words: a predefined name
// (bridge, host, none, default), a name in use, a driver other than overlay and
// bridge, a subnet overlapping another network's, a gateway outside its subnet.
Result<std::string> CreateNetwork(ClusterState* state, const NetworkCreateOptions& options);

// Looks a network up the daemon's way: full ID, then exact name, then unique ID
// prefix. `swarm_only` skips local networks (the CLI asks with scope "swarm").
// Errors: `network <ref> not found`, `network <ref> is ambiguous (N matches found
// based on ID prefix)`.
Result<Network*> ResolveNetwork(ClusterState* state, const std::string& ref, bool swarm_only = false);

// docker's predefined networks as engine `node` has them, in name order: bridge,
// docker_gwbridge (made as the node joined the swarm), host and none. Local scope,
// never stored: IDs derive from the node's ID, creation from the node's, and
// docker_gwbridge's subnet is the first /16 from 172.18.0.0 no local network holds.
std::vector<Network> PredefinedNetworks(const ClusterState& state, const Node& node);

// docker's type=builtin filter: a predefined network, or the swarm's ingress.
bool IsBuiltinNetwork(const Network& network);

// ResolveNetwork over the stored networks and `node`'s predefined ones: what the
// daemon of that node finds (a copy, as predefined networks are not stored).
// `node` may be null (no swarm yet): the stored networks alone.
Result<Network> ResolveNetworkOn(const ClusterState& state, const Node* node, const std::string& ref,
                                 bool swarm_only = false);

// Removes the network `ref` names on `node`'s daemon (ResolveNetworkOn), as
// RemoveNetwork does. Errors: as ResolveNetworkOn and RemoveNetwork, and for a
// predefined network `bridge is a pre-defined network and cannot be removed`.
Status RemoveNetworkOn(ClusterState* state, const Node* node, const std::string& ref);

// Removes a network. Errors: the ingress network while a service publishes a port
// through it; a service or a live task attached to it (swarm's
// `network <id> is in use by service <id>`).
Status RemoveNetwork(ClusterState* state, const std::string& id);

// Removes every network no service or live task uses (not the ingress network)
// and returns their names, in name order.
std::vector<std::string> PruneNetworks(ClusterState* state);

// The daemon's check of a service's attachments (targets already IDs): each must
// be a swarm network other than ingress.
Status ValidateServiceNetworks(const ClusterState& state, const TaskSpec& spec);

// True when a service or a task not yet past RUNNING (desired and observed) is
// attached to `network_id`; *user is the first such object's ID.
bool NetworkInUse(const ClusterState& state, const std::string& network_id, std::string* user, bool* by_service);

}  // namespace swarmsim
