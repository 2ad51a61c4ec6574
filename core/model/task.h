// A task: one container's worth of a service, in one slot (or on one node for global).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/model/service.h"
#include "core/model/time.h"

namespace swarmsim {

// Swarm's task states, with swarm's numeric order: states only move forward.
enum class TaskState : int {
  kNew = 0, kPending = 64, kAssigned = 192, kAccepted = 256, kPreparing = 320,
  kReady = 384, kStarting = 448, kRunning = 512, kComplete = 576, kShutdown = 640,
  kFailed = 704, kRejected = 768, kRemove = 800, kOrphaned = 832,
};

const char* ToString(TaskState s);  // lower-case Engine API word: "running"
bool ParseTaskState(const std::string& s, TaskState* out);
inline bool IsTerminal(TaskState s) { return s > TaskState::kRunning; }
// Whether the orchestrator wants the task's container running: desired RUNNING, or
// COMPLETE for a job's task (it runs until its process ends).
inline bool DesiredToRun(TaskState desired) { return desired == TaskState::kRunning || desired == TaskState::kComplete; }
// Whether the task is wanted at all (not being stopped or removed): desired READY
// or earlier, RUNNING, or a job's COMPLETE.
inline bool DesiredAlive(TaskState desired) { return desired <= TaskState::kRunning || desired == TaskState::kComplete; }

struct TaskStatus {
  Time timestamp = 0;
  TaskState state = TaskState::kNew;
  std::string message;
  std::string err;
};

// A task's address on one network it joined (NetworksAttachments).
struct TaskNetworkAddress {
  std::string network_id;
  std::string addr;  // "10.0.1.3/24"
  bool operator==(const TaskNetworkAddress&) const = default;
};

struct Task {
  std::string id;
  uint64_t version = 0;
  Time created_at = 0;
  Time updated_at = 0;
  std::string service_id;
  std::string service_name;  // Annotations of the service when created: names survive removal
  uint64_t slot = 0;         // replicated; 0 for global
  std::string node_id;       // empty while unassigned
  std::shared_ptr<const TaskSpec> spec;
  std::shared_ptr<const EndpointSpec> endpoint;
  uint64_t spec_version = 0;  // the service's spec_version this task was made from
  TaskState desired_state = TaskState::kRunning;
  TaskStatus status;
  // Set by the allocator before the task is PENDING: ingress first (published
  // ports), then the spec's networks in order.
  std::vector<TaskNetworkAddress> networks;
  // Simulation bookkeeping (not Engine API): when the node agent takes its next step.
  Time due_at = 0;  // 0 = nothing due
  // A replacement created with desired READY is promoted to RUNNING no earlier than this
  // (restart delay), once its predecessor in the slot has stopped.
  Time promote_at = 0;
  std::string decision_id;  // the scheduling decision that placed (or failed to place) it
  // How the main process ends, as its program decided when the container started:
  // this long after the start, with this code (nullopt: runs until stopped).
  std::optional<Duration> exit_after;
  int exit_code = 0;
};

}  // namespace swarmsim
