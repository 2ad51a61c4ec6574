// One reconciliation at the cluster's current instant: the allocator, the
// orchestrators, the scheduler, the node agents and the reaper, repeated until
// nothing changes. Idempotent: running it twice at the same instant changes nothing.
#pragma once

#include "core/cluster/state.h"

namespace swarmsim {

// Returns at once when nothing changed since it last settled (state->settled_index):
// a full pass would change nothing then (every decision that waits on time has a
// due entry, which the clock processes first). Marks the state settled when done.
void Reconcile(ClusterState* state);

// The guard for that shortcut: when on, every skipped Reconcile runs the full pass
// on a copy of the cluster and aborts the process, saying what differed, if it
// would have changed anything. Off by default (a copy per skip is slow); the CLI
// turns it on when SWARMSIM_CHECK_RECONCILE is set, so any test run can use it.
void SetReconcileCheck(bool on);

}  // namespace swarmsim
