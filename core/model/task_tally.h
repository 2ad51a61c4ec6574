// How many tasks share the fields that replica counts look at: `service ls` reads
// these from the store (core/store/state_store.h TallyTasks) instead of loading
// every task.
#pragma once

#include <cstdint>
#include <string>

#include "core/model/task.h"

namespace swarmsim {

// node_id is kept only for RUNNING tasks (whether their node is down); empty otherwise.
struct TaskTally {
  std::string service_id;
  uint64_t spec_version = 0;
  TaskState state = TaskState::kNew;
  TaskState desired_state = TaskState::kRunning;
  std::string node_id;
  uint64_t count = 0;
};

}  // namespace swarmsim
