// Waiting for services to converge after `service create|update|scale|rollback`
// without -d, as the docker CLI does: poll every 200 ms, each poll a refresh of a
// LoadedCluster (a short transaction that catches the clock up to the wall clock and
// saves what that moved, so other terminals and the window see the progress too),
// and print docker's progress lines. What to show
// is decided by core/command/service_progress; this file only sleeps, reads the
// wall clock and the terminal, and answers Ctrl-C.
#pragma once

#include <ostream>

#include "core/command/command.h"
#include "core/command/session.h"
#include "core/model/time.h"

namespace swarmsim {

struct ServiceWaitOptions {
  bool terminal = false;          // stdout is a terminal: lines are redrawn in place
  int width = 80;                 // its columns (a bar needs more than 110)
  bool wall_clock_fixed = false;  // SWARMSIM_WALL_CLOCK: virtual time cannot move by itself
  Duration limit = 10 * kMinute;  // wall time; then it stops as Ctrl-C does (a class never hangs)
};

// Waits for `wait.services` in turn, reading session.database_path (and, when the
// wall clock is fixed, session.wall_now). On a paused clock (or a fixed wall clock) it
// says so once on `err` and returns at once, as with --detach. Ctrl-C, or `limit`
// passing, stops it: docker's "Operation continuing in background." lines.
// Returns the exit code: 1 when a wait failed (its error on `err`), else 0.
int WaitForServices(const SessionOptions& session, const ConvergeWait& wait, const ServiceWaitOptions& options,
                    std::ostream& out, std::ostream& err);

}  // namespace swarmsim
