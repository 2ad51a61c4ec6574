#include "core/command/rewind.h"

#include <algorithm>
#include <iterator>

#include "core/command/replay.h"
#include "core/sim/clock.h"

namespace swarmsim {

Rewind MakeRewind(std::vector<CommandRecord> records) {
  Rewind r;
  r.records = std::move(records);
  return r;
}

Time RewindStart(const Rewind& rewind) { return rewind.records.empty() ? 0 : rewind.records.front().time; }

namespace {

// Replays until after[i] exists.
Status BuildThrough(Rewind* rw, size_t i) {
  while (rw->after.size() <= i) {
    ClusterState next = rw->after.empty() ? ClusterState{} : rw->after.back();
    SWARMSIM_RETURN_IF_ERROR(ReplayCommand(&next, rw->records[rw->after.size()]));
    rw->after.push_back(std::move(next));
  }
  return Status::OK();
}

}  // namespace

namespace {

// Advances `state` to t and returns the last instant at which it changed:
// rw->cached_since if it did not change and was already valid since then.
Time AdvanceNoting(ClusterState* state, Time t, Time since) {
  uint64_t before = state->index;
  Time changed = AdvanceTo(state, t);
  return state->index == before ? since : changed;
}

// Advances rw->cached (a copy, not the state shown before) to t, keeping the
// states at the last kCheckpointsPerAdvance grid instants before t on the way
// (not those equal to the one before: a checkpoint serves until the next change).
// Returns the last instant at which the state changed on the way.
Time AdvanceKeepingCheckpoints(Rewind* rw, Time t) {
  ClusterState& state = rw->cached;
  Time since = state.clock.now;
  Time last = (t - 1) / kCheckpointSpacing * kCheckpointSpacing;  // the last grid instant before t
  Time first = (state.clock.now / kCheckpointSpacing + 1) * kCheckpointSpacing;
  Time from = std::max(first, last - static_cast<Time>(kCheckpointsPerAdvance - 1) * kCheckpointSpacing);
  uint64_t kept = state.index;  // the start: a checkpoint or a command's state
  for (Time g = from; g <= last; g += kCheckpointSpacing) {
    since = AdvanceNoting(&state, g, since);
    if (state.index == kept) continue;
    state.new_events.clear();  // nobody reads them here (RewindTo drops them too)
    state.new_decisions.clear();
    rw->checkpoints.insert_or_assign(g, state);
    kept = state.index;
  }
  since = AdvanceNoting(&state, t, since);
  // Keep those nearest t: the next drag steps land around it.
  while (rw->checkpoints.size() > kMaxCheckpoints) {
    auto lo = rw->checkpoints.begin();
    auto hi = std::prev(rw->checkpoints.end());
    Time d_lo = t > lo->first ? t - lo->first : lo->first - t;
    Time d_hi = t > hi->first ? t - hi->first : hi->first - t;
    rw->checkpoints.erase(d_lo >= d_hi ? lo : hi);
  }
  return since;
}

}  // namespace

Result<const ClusterState*> RewindTo(Rewind* rw, Time t) {
  if (rw->cached_time == t) return &rw->cached;
  // The commands recorded at or before t: [0, k).
  auto end = std::upper_bound(rw->records.begin(), rw->records.end(), t,
                              [](Time v, const CommandRecord& r) { return v < r.time; });
  size_t k = size_t(end - rw->records.begin());
  if (k == 0) {
    rw->cached = ClusterState{};
    rw->cached_time = t;
    rw->cached_base.reset();
    return &rw->cached;
  }
  SWARMSIM_RETURN_IF_ERROR(BuildThrough(rw, k - 1));
  // The last command moved the clock past t: only time commands do, and all they
  // do is advance, so start from the state before it.
  size_t base = rw->after[k - 1].clock.now <= t || k == 1 ? k - 1 : k - 2;
  if (rw->checkpoint_base != base) {
    rw->checkpoints.clear();
    rw->checkpoint_base = base;
  }
  bool same_base = rw->cached_time && rw->cached_base == base;
  if (same_base && rw->cached_since <= t && t < *rw->cached_time) {
    // Back inside a stretch where nothing changed: the same cluster, earlier.
    rw->cached.clock.now = t;
    rw->cached_time = t;
    return &rw->cached;
  }
  bool forward = same_base && *rw->cached_time < t;
  if (!forward) {
    // The nearest state at or before t: a checkpoint past the command, or the command's.
    const ClusterState* start = &rw->after[base];
    auto cp = rw->checkpoints.upper_bound(t);
    if (cp != rw->checkpoints.begin() && std::prev(cp)->first > start->clock.now) start = &std::prev(cp)->second;
    rw->cached = *start;
  }
  ClusterState& state = rw->cached;
  if (!forward) rw->cached_since = state.clock.now;
  if (state.swarm_active && t > state.clock.now) {
    if (forward) rw->cached_since = AdvanceNoting(&state, t, rw->cached_since);
    else rw->cached_since = AdvanceKeepingCheckpoints(rw, t);
  }
  state.new_events.clear();
  state.new_decisions.clear();
  rw->cached_time = t;
  rw->cached_base = base;
  return &rw->cached;
}

}  // namespace swarmsim
