// The window's title names what is on the board, so a browser tab (and a test
// reading document.title) tells the cluster at a glance:
// "swarmsim — 3 nodes, 2 tasks running".
#pragma once

#include <string>

#include "core/cluster/state.h"

namespace swarmsim::ui {

// "swarmsim" alone when there is no swarm; counts every node, and the tasks
// whose observed state is running.
std::string WindowTitle(const ClusterState& state);

}  // namespace swarmsim::ui
