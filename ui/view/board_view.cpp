#include "ui/view/board_view.h"

#include "core/command/output.h"

#include <map>
#include <algorithm>
#include <tuple>

namespace swarmsim::ui {

std::string ShortImage(const std::string& image) {
  std::string s = image.substr(0, image.find('@'));
  size_t slash = s.rfind('/');
  if (slash != std::string::npos) s = s.substr(slash + 1);
  if (s.find(':') == std::string::npos) s += ":latest";
  return s;
}

bool HoldsResources(const Task& task) {
  return !task.node_id.empty() && task.status.state >= TaskState::kAssigned &&
         task.status.state <= TaskState::kRunning;
}

namespace {

TaskCard MakeCard(const ClusterState& state, const Task& task, const std::vector<std::string>& services,
                  Time now) {
  TaskCard c;
  c.task_id = task.id;
  c.service_id = task.service_id;
  std::string service_name = task.service_name;
  if (auto it = state.services.find(task.service_id); it != state.services.end()) {
    service_name = it->second.spec.name;
  }
  c.name = task.slot > 0 ? service_name + "." + std::to_string(task.slot) : service_name;
  if (task.spec) c.image = ShortImage(task.spec->container.image);
  c.slot = task.slot;
  auto pos = std::lower_bound(services.begin(), services.end(), service_name);
  c.service_index = pos != services.end() && *pos == service_name ? int(pos - services.begin()) : 0;
  c.state = task.status.state;
  c.desired = task.desired_state;
  c.state_word = ToString(task.status.state);
  c.shutting_down = !DesiredAlive(task.desired_state) && !IsTerminal(task.status.state);
  c.since = task.status.timestamp;
  c.created = task.created_at;
  c.message = task.status.message;
  c.error = task.status.err;
  if (task.status.state == TaskState::kPreparing && task.due_at > task.status.timestamp) {
    double p = double(now - task.status.timestamp) / double(task.due_at - task.status.timestamp);
    c.progress = float(std::clamp(p, 0.0, 1.0));
  }
  return c;
}

bool ByServiceThenSlot(const TaskCard& a, const TaskCard& b) {
  return std::tie(a.service_index, a.slot, a.task_id) < std::tie(b.service_index, b.slot, b.task_id);
}

}  // namespace

BoardView BuildBoardView(const ClusterState& state, Time now) {
  BoardView view;
  view.swarm_active = state.swarm_active;
  view.now = std::max(now, state.clock.now);
  view.paused = state.clock.paused;
  view.speed = state.clock.speed;
  for (const auto& [id, s] : state.services) view.services.push_back(s.spec.name);
  std::sort(view.services.begin(), view.services.end());

  std::map<std::string, size_t> column_of;
  for (const auto& [id, node] : state.nodes) {
    NodeColumn col;
    col.node_id = id;
    col.hostname = node.description.hostname;
    col.manager = node.spec.role == NodeRole::kManager;
    col.leader = node.manager_status && node.manager_status->leader;
    col.self = id == state.self_node_id;
    col.state = node.status.state;
    col.availability = node.spec.availability;
    for (const auto& kv : node.spec.labels) col.labels.push_back(kv);
    col.cpu.capacity = node.description.resources.nano_cpus;
    col.memory.capacity = node.description.resources.memory_bytes;
    col.volumes = NodeVolumes(state, id);
    view.columns.push_back(std::move(col));
  }
  std::stable_sort(view.columns.begin(), view.columns.end(), [](const NodeColumn& a, const NodeColumn& b) {
    if (a.hostname != b.hostname) return NaturalLess(a.hostname, b.hostname);
    return a.node_id < b.node_id;
  });
  for (size_t i = 0; i < view.columns.size(); ++i) column_of[view.columns[i].node_id] = i;

  // Travel needs the slot's previous task; look it up only for cards young
  // enough to still be travelling, so a large cluster at rest pays nothing.
  std::map<std::pair<std::string, uint64_t>, std::vector<const Task*>> slots;
  bool recent = false;
  for (const auto& [id, task] : state.tasks) {
    if (task.slot > 0 && view.now - task.created_at < kTravelTime) recent = true;
  }
  if (recent) {
    for (const auto& [id, task] : state.tasks) {
      if (task.slot > 0) slots[{task.service_id, task.slot}].push_back(&task);
    }
  }
  auto previous_of = [&](const Task& task) -> const Task* {
    if (task.slot == 0 || view.now - task.created_at >= kTravelTime) return nullptr;
    auto it = slots.find({task.service_id, task.slot});
    if (it == slots.end()) return nullptr;
    const Task* best = nullptr;  // the newest created before `task`
    for (const Task* t : it->second) {
      if (std::tie(t->created_at, t->id) >= std::tie(task.created_at, task.id)) continue;
      if (!best || std::tie(t->created_at, t->id) > std::tie(best->created_at, best->id)) best = t;
    }
    return best;
  };

  for (const auto& [id, task] : state.tasks) {
    TaskCard card = MakeCard(state, task, view.services, view.now);
    card.motion = MotionOf(task, previous_of(task), view.now);
    view.preparing = view.preparing || card.progress >= 0;
    view.animating = view.animating || (card.motion.animating && !IsTerminal(task.status.state));
    auto col_it = task.node_id.empty() ? column_of.end() : column_of.find(task.node_id);
    if (col_it == column_of.end()) {
      if (!IsTerminal(task.status.state) && DesiredAlive(task.desired_state)) {
        std::string reason = task.status.err.empty() ? task.status.message : task.status.err;
        view.pending.push_back({std::move(card), std::move(reason)});
      }
      continue;
    }
    NodeColumn& col = view.columns[col_it->second];
    if (HoldsResources(task) && task.spec) {
      const ResourceRequirements& r = task.spec->resources;
      col.cpu.reserved += r.reservations.nano_cpus;
      col.memory.reserved += r.reservations.memory_bytes;
      col.cpu.limited += r.limits.nano_cpus;
      col.memory.limited += r.limits.memory_bytes;
    }
    if (IsTerminal(task.status.state)) {
      col.history.push_back(std::move(card));
    } else {
      col.tasks.push_back(std::move(card));
    }
  }
  for (NodeColumn& col : view.columns) {
    std::sort(col.tasks.begin(), col.tasks.end(), ByServiceThenSlot);
    std::sort(col.history.begin(), col.history.end(), [](const TaskCard& a, const TaskCard& b) {
      return std::tie(b.since, b.task_id) < std::tie(a.since, a.task_id);
    });
    if (col.history.size() > kMaxHistory) col.history.resize(kMaxHistory);
  }
  std::sort(view.pending.begin(), view.pending.end(),
            [](const PendingTask& a, const PendingTask& b) { return ByServiceThenSlot(a.card, b.card); });
  return view;
}

}  // namespace swarmsim::ui
