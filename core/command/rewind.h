// Rewind: the cluster as it was at any past virtual instant, rebuilt from the
// command log (the window's timeline drags through it, read-only).
//
// The state at T is the state after the last command recorded at or before T,
// advanced to T. A time command (`time advance`, `time step`) that carried the
// clock past T is taken only up to T: the state before it, advanced to T, which
// is all such a command does.
//
// A Rewind caches the state after every command it has replayed and the last
// instant asked for, so dragging back and forth costs one AdvanceTo from the
// nearest command (a copy of one ClusterState), not a replay of the whole log;
// dragging forward with no command in between only advances the shown state
// (no copy): catching up in one jump or in many gives the same cluster.
// Dragging back inside a long advance (a busy minute after a big deploy) would
// still re-simulate it from the command on every step, so an advance that starts
// from a copy also keeps checkpoints: the states at the last few instants on a
// kCheckpointSpacing grid before the instant asked for (one for a run of them
// where nothing changed: the earlier one serves them all). A later step to the
// left starts from the nearest checkpoint at or before it, or, when nothing
// changed between it and the state shown, is that state with its clock moved.
// Not thread-safe; whoever owns it mutates it.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <vector>

#include "core/cluster/state.h"
#include "core/status.h"
#include "core/store/command_record.h"

namespace swarmsim {

struct Rewind {
  std::vector<CommandRecord> records;  // the log, by seq (records[i].time never decreases)
  std::vector<ClusterState> after;     // after[i]: the cluster right after records[i] (built lazily)
  std::optional<Time> cached_time;     // the instant `cached` shows
  std::optional<size_t> cached_base;   // cached = after[*cached_base] advanced to cached_time
                                       // (none: before the first command, empty)
  ClusterState cached;
  // Nothing changed from this instant to cached_time: `cached`, with its clock
  // moved, is also the cluster at any instant in between (a drag step to the left
  // through a quiet stretch costs nothing).
  Time cached_since = 0;
  // States after[checkpoint_base] advanced to their instant (the key), made on
  // the way to instants asked for; at most kMaxCheckpoints, those nearest the
  // last instant asked for kept.
  std::map<Time, ClusterState> checkpoints;
  std::optional<size_t> checkpoint_base;
};

// The grid checkpoints lie on, how many one advance makes at most, and how many
// are kept (each is a whole ClusterState: about 20 MB at 30,000 tasks).
constexpr Duration kCheckpointSpacing = 100 * kMillisecond;
constexpr size_t kCheckpointsPerAdvance = 10;
constexpr size_t kMaxCheckpoints = 16;

// Starts a rewind over `records` (as ReadCommands returns them).
Rewind MakeRewind(std::vector<CommandRecord> records);

// The cluster at virtual instant `t`. Before the first command: an empty cluster.
// The pointer lives until the next call on `rewind`.
// Errors: Corruption when a recorded command now fails (as ReplayCommands).
Result<const ClusterState*> RewindTo(Rewind* rewind, Time t);

// The virtual instants a timeline can rewind over: the first command's time
// (0 when there is none).
Time RewindStart(const Rewind& rewind);

}  // namespace swarmsim
