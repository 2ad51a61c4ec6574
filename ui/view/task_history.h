// The tasks that have filled one slot of a service, newest first: what
// `docker service ps` shows under one name, and what the inspector lists as a
// task's state history.
#pragma once

#include <vector>

#include "core/cluster/state.h"

namespace swarmsim::ui {

// Tasks of the same service and slot as `task` (for global services: the same
// node), `task` included, newest first (created_at, then ID). The pointers live as
// long as `state` is not changed.
std::vector<const Task*> SlotHistory(const ClusterState& state, const Task& task);

// The most recently created task (created_at, then ID), or nullptr when there are
// none: what the window selects when it follows new tasks while stepping.
const Task* NewestTask(const ClusterState& state);

}  // namespace swarmsim::ui
