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

// Advances rw->cached (a copy, not the state shown before) to t, keeping the
// states at the last kCheckpointsPerAdvance grid instants before t on the way.
void AdvanceKeepingCheckpoints(Rewind* rw, Time t) {
  ClusterState& state = rw->cached;
  Time last = (t - 1) / kCheckpointSpacing * kCheckpointSpacing;  // the last grid instant before t
  Time first = (state.clock.now / kCheckpointSpacing + 1) * kCheckpointSpacing;
  Time from = std::max(first, last - static_cast<Time>(kCheckpointsPerAdvance - 1) * kCheckpointSpacing);
  for (Time g = from; g <= last; g += kCheckpointSpacing) {
    AdvanceTo(&state, g);
    state.new_events.clear();  // nobody reads them here (RewindTo drops them too)
    state.new_decisions.clear();
    rw->checkpoints.insert_or_assign(g, state);
  }
  AdvanceTo(&state, t);
  // Keep those nearest t: the next drag steps land around it.
  while (rw->checkpoints.size() > kMaxCheckpoints) {
    auto lo = rw->checkpoints.begin();
    auto hi = std::prev(rw->checkpoints.end());
    Time d_lo = t > lo->first ? t - lo->first : lo->first - t;
    Time d_hi = t > hi->first ? t - hi->first : hi->first - t;
    rw->checkpoints.erase(d_lo >= d_hi ? lo : hi);
  }
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
  bool forward = rw->cached_time && *rw->cached_time < t && rw->cached_base == base;
  if (!forward) {
    // The nearest state at or before t: a checkpoint past the command, or the command's.
    const ClusterState* start = &rw->after[base];
    auto cp = rw->checkpoints.upper_bound(t);
    if (cp != rw->checkpoints.begin() && std::prev(cp)->first > start->clock.now) start = &std::prev(cp)->second;
    rw->cached = *start;
  }
  ClusterState& state = rw->cached;
  if (state.swarm_active && t > state.clock.now) {
    if (forward) AdvanceTo(&state, t);
    else AdvanceKeepingCheckpoints(rw, t);
  }
  state.new_events.clear();
  state.new_decisions.clear();
  rw->cached_time = t;
  rw->cached_base = base;
  return &rw->cached;
}

}  // namespace swarmsim
