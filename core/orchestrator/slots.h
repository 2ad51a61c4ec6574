// A service's tasks grouped the way its orchestrator reasons about them:
// replicated services by slot number, global services by node.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/cluster/state.h"

namespace swarmsim {

struct Slot {
  uint64_t number = 0;   // replicated: the slot; global: 0
  std::string node_id;   // global: the node this slot belongs to
  std::vector<Task*> tasks;  // every task of the slot, oldest first (created_at, then ID)

  // Tasks the orchestrator still wants alive: desired state READY, RUNNING or COMPLETE.
  std::vector<Task*> Runnable() const;
  // Whether there is one (no allocation: this runs for every slot on every round).
  bool HasRunnable() const;
};

// Groups every task of every service. Services without tasks have no entry.
// Keys: service ID -> slot key (the slot number as 15 zero-padded digits, or node ID for global).
using SlotIndex = std::map<std::string, std::map<std::string, Slot>>;
SlotIndex IndexSlots(ClusterState* state);

// True when the task is past RUNNING (stopped, failed, rejected, ...).
inline bool HasStopped(const Task& t) { return IsTerminal(t.status.state); }
// Desired READY (a prepared replacement), RUNNING, or COMPLETE (a job's task).
inline bool IsRunnable(const Task& t) { return DesiredAlive(t.desired_state); }

}  // namespace swarmsim
