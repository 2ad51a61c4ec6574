// LoadedCluster: a cluster kept in memory between reads and read again only when
// the database changed. The window and `swarmsim serve` keep one each, so a
// terminal beside them sees the same live cluster, and a read that finds nothing
// new costs a `PRAGMA data_version` instead of a whole load.
//
// A full read is one short transaction on its own connection (open once, then per
// read: Begin, LoadState, SyncClock to the wall clock, SaveState only if the sync
// changed something, Commit), so the lock is never held longer than one read.
// Not thread-safe; owned by its caller's loop.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/cluster/state.h"
#include "core/status.h"
#include "core/store/database.h"

namespace swarmsim {

struct LoadedCluster {
  std::string path;
  int busy_timeout_ms = -1;      // how long a read waits for a writer (-1: the database's default)
  std::unique_ptr<Database> db;  // opened on the first read, dropped after a damaged read
  ClusterState state;            // the last state read (empty before the first)
  bool loaded = false;
  // PRAGMA data_version before the last full read: unchanged means no other
  // connection has committed since (this connection's own commits do not count).
  int64_t data_version = -1;
  uint64_t reads = 0;  // full reads done (the rest were skipped)
  // Times the state held changed, by a full read or by a catch-up in memory that
  // moved some object: what a view compares to know it must look again.
  uint64_t updates = 0;
};

// Opens cluster->db if it is not open (with busy_timeout_ms), without reading.
Status OpenLoadedCluster(LoadedCluster* cluster);

// Brings `cluster` to wall time `wall_now` (ns), advancing the live clock like
// every CLI call does. Skips the read when nobody else has written since the last
// one: nothing falling due by `wall_now` (a paused or idle cluster), only the
// clock moves, in memory; work falling due, the state held is caught up in memory
// and what that changed is saved, as a read would have done. `in_transaction`,
// when given, runs inside the transaction after the sync (to read logs in the same
// snapshot). Writes only when the sync changed the cluster.
// On error (IOError when locked out, Corruption, ...) nothing is written; after a
// whole read the previous state stays, after a catch-up the state held may be
// ahead of the file and the next refresh reads the whole cluster.
Status RefreshLoadedCluster(LoadedCluster* cluster, Time wall_now,
                            const std::function<Status(Database*, const ClusterState&)>& in_transaction = {});

}  // namespace swarmsim
