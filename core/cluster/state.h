// ClusterState: every object of one simulated swarm, in memory.
//
// The store loads it at the start of a command and saves what changed at the end
// (one SQLite transaction). Mutations go through the helpers below so that every
// change bumps Version.Index and UpdatedAt and lands in the event log.
//
// Invariant: an object must be written to the store iff its `version` is greater
// than `loaded_index` (the index when the state was loaded), or its ID is in a
// `removed_*` set. Maps are ordered by ID, so iteration is deterministic.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "core/image/catalog.h"
#include "core/model/config.h"
#include "core/model/decision.h"
#include "core/model/event.h"
#include "core/model/log_line.h"
#include "core/model/network.h"
#include "core/model/node.h"
#include "core/model/service.h"
#include "core/model/task.h"
#include "core/model/time.h"
#include "core/model/tls_info.h"
#include "core/model/volume.h"

namespace swarmsim {

struct ClockState {
  Time now = 0;           // the cluster's virtual "now"
  bool paused = false;    // paused: only `time advance|step` moves it
  double speed = 1.0;     // virtual seconds per wall second when live
  Time wall_anchor = 0;   // wall time (ns) when `now` was last synced; set by app/
};

// The swarm's own object (GET /swarm): its spec as `swarm update` sets it, and
// how often each join token was rotated (the tokens derive from the cluster ID and
// these counts, so they are deterministic and need no generator draws).
struct SwarmSettings {
  uint64_t version = 0;  // Version.Index of the last change
  Time created_at = 0;
  Time updated_at = 0;
  int64_t task_history_limit = 5;             // Orchestration.TaskHistoryRetentionLimit (<0: keep all)
  Duration dispatcher_heartbeat = 5 * kSecond;  // Dispatcher.HeartbeatPeriod
  Duration cert_expiry = 90 * 24 * 3600 * kSecond;  // CAConfig.NodeCertExpiry
  uint64_t worker_token_rotations = 0;
  uint64_t manager_token_rotations = 0;
  // The root CA made at init (TLSInfo of the swarm and of every node); empty only
  // before init.
  TlsInfo tls_info;
};

// What is due when: (time, kind, object id). Ordered, so ties break by kind then ID.
enum class DueKind : int { kTask = 0, kService = 1, kNode = 2 };
using DueEntry = std::tuple<Time, DueKind, std::string>;

struct ClusterState {
  bool swarm_active = false;
  std::string cluster_id;
  std::string self_node_id;  // the node the CLI "runs on" (the first manager)
  ClockState clock;
  SwarmSettings swarm;
  uint64_t index = 0;        // last Version.Index handed out
  uint64_t id_seed = 0;      // state of the deterministic ID generator
  uint64_t name_counter = 0; // next number for generated hostnames

  std::map<std::string, Node> nodes;
  std::map<std::string, Service> services;
  std::map<std::string, Task> tasks;
  std::map<std::string, Network> networks;
  std::map<std::string, Config> configs;  // by ID
  std::map<std::string, Config> secrets;  // by ID
  std::map<VolumeKey, Volume> volumes;    // every node's local volumes
  // A task's writable layer: the container's files outside its mounts, by task ID
  // (path -> bytes). Only tasks that wrote something have one; removed with the task.
  std::map<std::string, std::map<std::string, std::string>> layers;
  // The routing mesh's round-robin position per published port.
  std::map<uint32_t, uint64_t> mesh_next;
  ImageCatalog images;  // `image load` entries; they override the built-in catalogue

  // Not yet written to the store.
  uint64_t loaded_index = 0;
  std::vector<Event> new_events;
  std::vector<Decision> new_decisions;
  std::vector<LogLine> new_logs;
  std::set<std::string> removed_nodes, removed_services, removed_tasks, removed_networks;
  std::set<std::string> removed_configs, removed_secrets;
  std::set<VolumeKey> removed_volumes;
  std::set<std::string> changed_layers;  // task IDs whose layer was written or dropped
  bool mesh_changed = false;
  bool images_changed = false;

  // Scheduled work; rebuilt from objects' due times on load. Entries may be stale:
  // a consumer checks the object's current due time before acting.
  std::set<DueEntry> due;

  // Tasks of one service spec version share one TaskSpec; this remembers the
  // shared copy per service (not stored: the store shares specs on load).
  struct SharedSpec {
    uint64_t spec_version = 0;
    std::shared_ptr<const TaskSpec> task;
    std::shared_ptr<const EndpointSpec> endpoint;
  };
  std::map<std::string, SharedSpec> spec_cache;
};

// Sets when the orchestrator must look at `service` again (keeps the earlier of
// the current wake-up and `when`, unless the current one has passed).
void WakeServiceAt(ClusterState* state, Service* service, Time when);

// Returns a new 25-character base36 ID from the state's seeded generator.
std::string NewId(ClusterState* state);

// Returns 64 hex digits from the same generator (anonymous volume names).
std::string NewHexName(ClusterState* state);

// Marks an object changed now: Version.Index = ++index, UpdatedAt = clock.now.
void Touch(ClusterState* state, Node* node);
void Touch(ClusterState* state, Service* service);
void Touch(ClusterState* state, Task* task);
void Touch(ClusterState* state, Network* network);
void Touch(ClusterState* state, Config* config);
void Touch(ClusterState* state, Volume* volume);  // volumes have no UpdatedAt

// Appends an event at clock.now.
void RecordEvent(ClusterState* state, std::string type, std::string action, std::string actor_id,
                 EventAttributes attributes = {});

// Moves a task's observed state (never backwards), with swarm's status message,
// and records a task event. REQUIRES: `to` >= the task's current state.
void SetTaskState(ClusterState* state, Task* task, TaskState to, const std::string& message,
                  const std::string& err = "");

// Sets a task's desired state and records it.
void SetDesiredState(ClusterState* state, Task* task, TaskState desired);

// Schedules the node agent's next step for `task` at `when` (0 clears it).
void SetTaskDue(ClusterState* state, Task* task, Time when);

// Deletes a task (desired REMOVE reaped, history trimmed, service removed), with
// its writable layer and its anonymous volumes (docker rm -v).
void RemoveTask(ClusterState* state, const std::string& task_id);  // `task_id` may alias the task's own ID

// Lookups in docker's order: full ID, then exact name, then unique ID prefix.
// Return nullptr when nothing matches; *ambiguous is set when a prefix matched several.
Node* FindNode(ClusterState* state, const std::string& ref, bool* ambiguous = nullptr);
Service* FindService(ClusterState* state, const std::string& ref, bool* ambiguous = nullptr);
Network* FindNetworkByName(ClusterState* state, const std::string& name);

// The node's hostname, or `node_id` itself when no such node exists (removed).
std::string NodeHostname(const ClusterState& state, const std::string& node_id);

}  // namespace swarmsim
