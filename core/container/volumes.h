// Local volumes as a node's engine makes them for a task: named volumes are
// created on first use on that node (each node its own copy, nothing
// replicated); anonymous ones (a mount without a source, or a VOLUME the image
// declares) are made for the task alone and go when the task is removed.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/cluster/state.h"
#include "core/status.h"

namespace swarmsim {

// The task's volume mounts: its spec's volume mounts, plus one anonymous mount for
// each path the image declares that no mount covers.
std::vector<Mount> TaskVolumeMounts(const ClusterState& state, const Task& task);

// Creates what the task's volume mounts need on its node (volume create events).
// Called when the task is prepared. REQUIRES: task->node_id names a node.
void PrepareTaskVolumes(ClusterState* state, const Task& task);

// The volume a task's mount uses on its node, or nullptr when it does not exist yet.
const Volume* FindMountedVolume(const ClusterState& state, const Task& task, const Mount& mount);

// `volume create` on one node: a named volume with the local driver. An empty
// name gets 64 hex digits. Creating a name that exists returns it unchanged, as
// the engine does. Errors (the engine's words): a driver other than local, a name
// a local volume may not have.
Result<std::string> CreateNamedVolume(ClusterState* state, const std::string& node_id, std::string name,
                                      const std::string& driver, const std::map<std::string, std::string>& labels,
                                      const std::map<std::string, std::string>& options);

// For every volume in use, the task IDs (in ID order) whose containers reference
// it: any task on that node still in the cluster, running or not (docker counts
// stopped containers). One pass over the tasks.
std::map<VolumeKey, std::vector<std::string>> VolumeUsers(const ClusterState& state);

// Bytes of data a volume holds (what `volume ls` sizes and `prune` reclaims).
int64_t VolumeDataSize(const Volume& volume);

// Removes one copy of a volume from its node and records `volume destroy`.
// REQUIRES: `volume` is in state->volumes (it is gone afterwards).
void DestroyVolume(ClusterState* state, Volume* volume);

// `docker volume prune` on one node's engine (`node_id`, or every node when
// empty): removes the volumes no task uses, anonymous ones only unless `all` (API
// >= 1.42), never a local volume with driver options. Returns the removed names in
// removal order; adds the bytes they held to *reclaimed.
std::vector<std::string> PruneVolumes(ClusterState* state, const std::string& node_id, bool all, int64_t* reclaimed);

}  // namespace swarmsim
