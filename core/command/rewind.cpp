#include "core/command/rewind.h"

#include <algorithm>

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
  bool forward = rw->cached_time && *rw->cached_time < t && rw->cached_base == base;
  if (!forward) rw->cached = rw->after[base];
  ClusterState& state = rw->cached;
  if (state.swarm_active && t > state.clock.now) AdvanceTo(&state, t);
  state.new_events.clear();
  state.new_decisions.clear();
  rw->cached_time = t;
  rw->cached_base = base;
  return &rw->cached;
}

}  // namespace swarmsim
