// Service operations as the daemon's service API performs them: create, update,
// remove, with the daemon's validation and error texts.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/cluster/state.h"
#include "core/model/task_tally.h"
#include "core/status.h"

namespace swarmsim {

// Checks a spec the way the API does (name, resources, constraints, update
// settings, ports). Returns the daemon's error, e.g.
// "Error response from daemon: rpc error: code = Unknown desc = constraint expected one operator from ==, !=".
Status ValidateServiceSpec(const ServiceSpec& spec);

// Resolves a service by full ID, exact name, then unique ID prefix.
// Errors: `service <ref> not found`, `service <ref> is ambiguous (N matches found)`.
Result<Service*> ResolveService(ClusterState* state, const std::string& ref);

// Creates a service and returns its ID. Errors: invalid spec; name already in use
// (`rpc error: code = AlreadyExists desc = name conflicts with an existing object`).
Result<std::string> CreateService(ClusterState* state, const ServiceSpec& spec);

// Replaces the spec of the service `id`. The old spec becomes PreviousSpec and the
// spec version moves on only when the spec changed; an identical spec changes no task.
// Clears a paused update (swarm re-runs the updater on every update).
// Errors: invalid spec, mode change, rename.
Status UpdateService(ClusterState* state, const std::string& id, const ServiceSpec& spec);

// Removes a service; its tasks are shut down and deleted.
Status RemoveService(ClusterState* state, const std::string& id);

// Rolls back to PreviousSpec. Errors: `service <id> does not have a previous spec`.
Status RollbackService(ClusterState* state, const std::string& id);

// What `service ls` shows in REPLICAS, as the daemon's ServiceStatus: tasks
// observed running, tasks desired (a replicated job: MaxConcurrent; a global job:
// its tasks not yet complete) and, for jobs, tasks of the current iteration complete.
struct ReplicaCount {
  uint64_t running = 0;
  uint64_t desired = 0;
  uint64_t completed = 0;
};
ReplicaCount CountReplicas(const ClusterState& state, const Service& service);
// The same for every service at once (by service ID), in one pass over the tasks.
std::map<std::string, ReplicaCount> CountAllReplicas(const ClusterState& state);
// The same from tallies of tasks (state.tasks unused): what the store's TallyTasks
// gives when the tasks were not loaded.
std::map<std::string, ReplicaCount> CountAllReplicas(const ClusterState& state,
                                                     const std::vector<TaskTally>& tallies);

}  // namespace swarmsim
