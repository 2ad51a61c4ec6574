// LiveCluster: the window's copy of the cluster, a LoadedCluster
// (core/command/loaded_cluster.h) re-read from the database when it changed, plus
// what the window keeps beside it: recent events, decisions, the log for rewind.
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
#include "core/command/loaded_cluster.h"
#include "core/command/rewind.h"
#include "core/model/decision.h"
#include "core/model/event.h"
#include "core/status.h"
#include "core/store/database.h"

namespace swarmsim::ui {

constexpr size_t kMaxRecentEvents = 400;
// How long a refresh waits for a CLI command holding the lock.
constexpr int kRefreshBusyTimeoutMs = 50;

struct LiveCluster : LoadedCluster {
  LiveCluster() { busy_timeout_ms = kRefreshBusyTimeoutMs; }
  Status last_error;             // the last refresh's failure (OK when it worked)
  std::deque<Event> recent_events;  // the last kMaxRecentEvents, oldest first
  uint64_t last_event_seq = 0;
  std::map<std::string, Decision> decisions;  // decisions never change: cached by ID
  // The command log for the timeline's rewind, read by LoadRewind (not per frame).
  Rewind rewind;
  bool rewind_loaded = false;
};

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
