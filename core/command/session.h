// One command against a cluster database, as one transaction:
// open, take the write lock, load, catch the clock up to the wall clock, run,
// and commit only if the command succeeded (otherwise the file is untouched).
// State-changing commands are appended to the command log with the files and
// environment they read, so `replay` can rebuild the cluster from nothing.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/command/command.h"
#include "core/model/time.h"

namespace swarmsim {

struct SessionOptions {
  std::string database_path;
  Time wall_now = 0;  // the wall clock, ns since epoch (app/ reads it; tests fix it)
  uint64_t seed = 0;
  std::map<std::string, std::string> env;
  std::function<Result<std::string>(const std::string& path)> read_file;
};

CommandOutput RunSessionCommand(const SessionOptions& options, const std::vector<std::string>& args);

// Brings a loaded cluster up to `wall_now` (live clock) and re-anchors it.
void SyncClock(ClusterState* state, Time wall_now);

// SyncClock for a cluster that was reconciled when it was read and has nothing
// due by `wall_now`: what SyncClock would do then, without reconciling again
// (which costs a pass over every task). REQUIRES: both hold.
void SyncIdleClock(ClusterState* state, Time wall_now);

// Whether `state` has anything to save since it was loaded with `loaded_clock`:
// changed objects, new events, decisions or logs, or a clock setting. A live
// clock that only moved needs no saving: from the stored anchor the next reader
// computes the same virtual time.
bool ChangedSinceLoad(const ClusterState& state, const ClockState& loaded_clock);

}  // namespace swarmsim
