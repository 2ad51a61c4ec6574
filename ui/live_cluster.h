// LiveCluster: the window's copy of the cluster, re-read from the database with
// its own short transaction (open once, then per refresh: Begin, LoadState,
// SyncClock to the wall clock, SaveState, Commit) so a terminal beside the window
// sees the same live cluster and the lock is never held longer than one refresh.
//
// If the CLI holds the lock, a refresh gives up after a short wait and the window
// keeps showing the previous state. Not thread-safe; owned by the window's loop.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <string>

#include "core/cluster/state.h"
#include "core/command/rewind.h"
#include "core/model/decision.h"
#include "core/model/event.h"
#include "core/status.h"
#include "core/store/database.h"

namespace swarmsim::ui {

struct LiveCluster {
  std::string path;
  std::unique_ptr<Database> db;  // opened on first refresh, dropped after an error
  ClusterState state;            // the last state read (empty before the first)
  bool loaded = false;
  Status last_error;             // the last refresh's failure (OK when it worked)
  std::deque<Event> recent_events;  // the last kMaxRecentEvents, oldest first
  uint64_t last_event_seq = 0;
  std::map<std::string, Decision> decisions;  // decisions never change: cached by ID
  // PRAGMA data_version before the last full read: unchanged means no other
  // connection has committed since, so a refresh with nothing falling due can skip
  // reading (and parsing) the whole cluster again.
  int64_t data_version = -1;
  uint64_t reads = 0;  // full reads done (the rest were skipped)
  // The command log for the timeline's rewind, read by LoadRewind (not per frame).
  Rewind rewind;
  bool rewind_loaded = false;
};

constexpr size_t kMaxRecentEvents = 400;
// How long a refresh waits for a CLI command holding the lock.
constexpr int kRefreshBusyTimeoutMs = 50;

// Re-reads the cluster at wall time `wall_now` (ns), advancing the live clock like
// every CLI call does, and appends the events stored since the last refresh.
// Skips the read when nobody else has written since the last one and nothing
// falls due by `wall_now` (a paused or idle cluster): the state would be the same.
// On error (IOError when locked out, Corruption, ...) the previous state stays,
// the error is returned and kept in live->last_error, and nothing is written.
Status Refresh(LiveCluster* live, Time wall_now);

// The stored decision `id` (cached). NotFound when there is none.
Result<Decision> LoadDecision(LiveCluster* live, const std::string& id);

// (Re-)reads the command log for rewinding; the window calls it when a drag back
// in time begins, so commands typed since are included. On error the previous
// log stays.
Status LoadRewind(LiveCluster* live);

// The cluster as it was at virtual instant `t`, read-only (core/command/rewind.h).
// Loads the log first if needed. The pointer lives until the next call.
Result<const ClusterState*> RewoundState(LiveCluster* live, Time t);

}  // namespace swarmsim::ui
