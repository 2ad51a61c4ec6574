// Rebuilding a cluster from its command log.
#pragma once

#include <vector>

#include "core/cluster/state.h"
#include "core/status.h"
#include "core/store/command_record.h"

namespace swarmsim {

// Runs `records` in order on an empty cluster, each at its recorded virtual time
// with the files and environment it read, then advances to `until`.
// Errors: a recorded command that now fails (the log and the code disagree).
Result<ClusterState> ReplayCommands(const std::vector<CommandRecord>& records, Time until);

// Runs one recorded command on `state` at its recorded time (advancing the clock
// there first once the swarm is active), as ReplayCommands does for each record.
// Errors: Corruption when the command now fails; `state` is then unspecified.
Status ReplayCommand(ClusterState* state, const CommandRecord& record);

}  // namespace swarmsim
