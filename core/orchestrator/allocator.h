// Swarm's allocator: before a task is PENDING it gets an address on every network
// it joins (the ingress network first when its service publishes a port through
// the routing mesh, then its spec's networks); a service in vip mode gets one
// virtual IP on each of those networks. Addresses come from the networks' IPAM
// pools (core/network/ipam.h); a task or service gives its addresses back when it
// is gone (a task: once it is past RUNNING).
//
// A task that cannot get an address (its network's pool is full) stays NEW with
// swarm's allocation error, and is tried again on the next pass.
#pragma once

#include "core/cluster/state.h"

namespace swarmsim {

// Allocates what services and new tasks lack; moves allocated tasks to PENDING.
// Idempotent: a second call changes nothing.
void AllocateNetworks(ClusterState* state);

// The networks a task of this spec joins, in allocation order (IDs).
std::vector<std::string> TaskNetworkIds(const ClusterState& state, const TaskSpec& spec, const EndpointSpec& endpoint);

}  // namespace swarmsim
