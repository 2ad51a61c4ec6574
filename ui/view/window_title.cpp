#include "ui/view/window_title.h"

namespace swarmsim::ui {

namespace {

std::string Count(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::string WindowTitle(const ClusterState& state) {
  if (!state.swarm_active) return "swarmsim";
  size_t running = 0;
  for (const auto& [id, task] : state.tasks) {
    if (task.status.state == TaskState::kRunning) ++running;
  }
  return "swarmsim — " + Count(state.nodes.size(), "node", "nodes") + ", " +
         Count(running, "task", "tasks") + " running";
}

}  // namespace swarmsim::ui
