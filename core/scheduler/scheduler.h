// The scheduler: places PENDING tasks on nodes the way swarm's scheduler does
// (swarmkit's scheduler.go; swarm semantics reference §1), deterministically, and
// records why as Decisions.
//
// One pass:
//   1. PENDING tasks whose desired state is past COMPLETE are never placed: they move
//      to SHUTDOWN (err cleared, message kept), as swarm does for tasks of an old spec
//      version; desired REMOVE ones are left to the reaper, which deletes them.
//   2. Pre-assigned tasks (node_id already set: global services) first, each checked
//      against its own node only. Fits: ASSIGNED "scheduler confirmed task can run on
//      preassigned node". Does not: stays PENDING with the bare explanation as err,
//      e.g. "insufficient resources on 1 node".
//   3. Unassigned tasks, grouped by (service, spec version); groups ordered by service
//      name, service ID, spec version; tasks by slot then ID. Each group is spread by
//      placement preferences (branches by label value, ascending) and then over the
//      best nodes (fewest tasks of the service, then fewest tasks; nodes with >= 5
//      failures of this spec version in the last 5 minutes last; ties by hostname,
//      then node ID), filling then round-robin, re-checking a node after each task.
//      Placed: ASSIGNED "scheduler assigned task to node". Not placed: stays PENDING,
//      message kept, err "no suitable node (<explanation>)" or "no suitable node".
//   Each batch (a group, or one pre-assigned task) appends one Decision to
//   state->new_decisions and one "decision" event, and sets the tasks' decision_id —
//   except a retry that places nothing and yields exactly the error its tasks already
//   carry: it records and touches nothing, so an unchanged cluster stays unchanged.
#pragma once

#include "core/cluster/state.h"

namespace swarmsim {

inline constexpr char kAssignedMessage[] = "scheduler assigned task to node";
inline constexpr char kPreassignedMessage[] = "scheduler confirmed task can run on preassigned node";

// Runs one scheduling pass over every PENDING task of `state`.
// REQUIRES: state->clock.now is the time of the pass.
void RunSchedulingPass(ClusterState* state);

}  // namespace swarmsim
