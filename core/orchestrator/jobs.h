// Swarm's jobs orchestrator (manager/orchestrator/jobs): a job's tasks run to
// completion (desired state COMPLETE), once per job iteration. Tasks of an older
// iteration that are still going are removed; the restart supervisor retries a
// failed task of the current iteration per the restart policy (a completed one
// is never restarted, whatever the condition).
#pragma once

#include <map>
#include <string>

#include "core/cluster/state.h"
#include "core/orchestrator/slots.h"

namespace swarmsim {

// A replicated job: TotalCompletions (spec.replicas) tasks must complete, in
// slots 0..TotalCompletions-1, at most MaxConcurrent of them underway at once.
// A slot whose task failed and may not be restarted stays filled (counted as
// underway), so such a job stops short of its total instead of retrying forever.
void ReconcileReplicatedJob(ClusterState* state, Service* service, std::map<std::string, Slot>* slots);

// A global job: one task to complete on every node that is ready, active and
// satisfies the constraints when the iteration runs (nodes that join later get
// theirs too); a task on a node that goes down or is drained is shut down.
void ReconcileGlobalJob(ClusterState* state, Service* service, std::map<std::string, Slot>* slots);

}  // namespace swarmsim
