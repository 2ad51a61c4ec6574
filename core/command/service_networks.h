// The network flags of `service create` (--network) and `service update`
// (--network-add, --network-rm), and --endpoint-mode on both. The docker CLI
// looks each network up (swarm scope) and sends its ID, sorted by ID.
#pragma once

#include "core/cluster/state.h"
#include "core/command/flags.h"
#include "core/status.h"

namespace swarmsim {

// The flags above, for ServiceCreateFlags / ServiceUpdateFlags.
std::vector<FlagSpec> ServiceNetworkFlags(bool update);

// Applies them to `spec`. Errors: a network not found (the daemon's words), a
// --network value docker's NetworkOpt refuses, `service is already attached to
// network X` on --network-add.
Status ApplyServiceNetworkFlags(ClusterState* state, const ParsedArgs& args, bool update, ServiceSpec* spec);

}  // namespace swarmsim
