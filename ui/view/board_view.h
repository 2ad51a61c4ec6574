// BoardView: what the cluster board shows, computed from a ClusterState. No ImGui
// here (style rule: the data model never draws); ui/panels/board.cpp draws it.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/cluster/state.h"
#include "core/model/node.h"
#include "core/model/task.h"
#include "ui/view/motion.h"
#include "ui/view/volume_view.h"

namespace swarmsim::ui {

// One resource on one node: what the scheduler may hand out, what the tasks
// holding resources have reserved (blocks placement) and their limits (does not).
struct ResourceUse {
  int64_t capacity = 0;
  int64_t reserved = 0;
  int64_t limited = 0;
};

struct TaskCard {
  std::string task_id;
  std::string service_id;
  std::string name;    // "web.1" (replicated) or "web" (global), as service ps names it
  std::string image;   // last path part with its tag: "todo-web:v2", "nginx:latest"
  uint64_t slot = 0;
  int service_index = 0;  // position of the service by name: picks its colour
  TaskState state = TaskState::kNew;
  TaskState desired = TaskState::kRunning;
  const char* state_word = "new";  // docker's lower-case word
  bool shutting_down = false;  // desired past running while it still runs
  float progress = -1;         // 0..1 while preparing (image pull), else -1
  Time since = 0;              // when it entered its current state
  Time created = 0;            // when the orchestrator made it (cards fade in from here)
  std::string message;         // swarm's status message
  std::string error;           // swarm's status error, if any
  CardMotion motion;           // fade and travel at the view's instant
};

struct NodeColumn {
  std::string node_id;
  std::string hostname;
  bool manager = false;
  bool leader = false;
  bool self = false;  // the node the CLI runs on
  NodeState state = NodeState::kReady;
  NodeAvailability availability = NodeAvailability::kActive;
  std::vector<std::pair<std::string, std::string>> labels;  // by key
  ResourceUse cpu;     // nano CPUs
  ResourceUse memory;  // bytes
  std::vector<TaskCard> tasks;    // not yet terminal, by service name then slot
  std::vector<TaskCard> history;  // terminal, newest first, at most kMaxHistory
  std::vector<NodeVolume> volumes;  // the node's local volumes (the column's foot)
};

struct PendingTask {
  TaskCard card;
  std::string reason;  // swarm's: "no suitable node (insufficient resources on 3 nodes)"
};

struct BoardView {
  bool swarm_active = false;
  Time now = 0;
  bool paused = false;
  double speed = 1;
  std::vector<std::string> services;  // names by service_index
  std::vector<NodeColumn> columns;    // by hostname (numbers in order: node2 < node10), then ID
  std::vector<PendingTask> pending;   // by service name, then slot
  bool preparing = false;  // some card shows pull progress (it moves with virtual time)
  bool animating = false;  // some card fades or travels (rebuild as virtual time moves)
  bool pending_animating = false;  // some pending card fades (all the heat map shows moving)
};

constexpr size_t kMaxHistory = 4;

// The board at virtual instant `now` (>= state.clock.now: the window interpolates
// between refreshes, so preparing progress moves smoothly).
BoardView BuildBoardView(const ClusterState& state, Time now);

// "docker.io/library/nginx:1.25@sha256:…" -> "nginx:1.25"; untagged -> ":latest".
std::string ShortImage(const std::string& image);


// Whether a task on a node holds its reservations there (observed ASSIGNED..RUNNING),
// as the scheduler counts it.
bool HoldsResources(const Task& task);

}  // namespace swarmsim::ui
