// The one place where virtual time moves.
//
// A live cluster's virtual time runs at `speed` times the wall clock from the
// moment it was last synced; a paused one stands still until told to move. Between
// two instants the cluster jumps from one due event to the next, reconciling at
// each, so an idle hour costs nothing to catch up.
#pragma once

#include <optional>

#include "core/cluster/state.h"

namespace swarmsim {

// The virtual instant a cluster has reached at wall time `wall_now` (ns).
// Paused clocks (or a wall clock behind the anchor) stay at clock.now.
Time LiveNow(const ClockState& clock, Time wall_now);

// Processes every due event up to and including `target`, in time order
// (ties: tasks before services before nodes, then by ID), reconciling the cluster
// at each instant, then sets clock.now = target. Returns the last instant at
// which the cluster changed (the instant it started from when nothing changed
// after it): the cluster it leaves is also the cluster at every instant from
// there to `target`, but for clock.now.
// REQUIRES: target >= state->clock.now.
Time AdvanceTo(ClusterState* state, Time target);

// Advances to the next instant at which something is due, processes it, and
// returns that instant; returns nullopt (and changes nothing) when nothing is due.
std::optional<Time> StepToNextEvent(ClusterState* state);

// The earliest pending due instant, if any (stale entries are dropped).
std::optional<Time> NextDueTime(ClusterState* state);

}  // namespace swarmsim
