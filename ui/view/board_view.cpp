#include "ui/view/board_view.h"

#include "core/command/output.h"

#include <algorithm>
#include <string_view>
#include <tuple>
#include <unordered_map>

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

// What every card of one service shares, looked up once per service.
struct ServiceInfo {
  std::string name;
  int index = 0;  // position of the name in BoardView::services
};

TaskCard MakeCard(const Task& task, const ServiceInfo& service, const std::string& image, Time now) {
  TaskCard c;
  c.task_id = task.id;
  c.service_id = task.service_id;
  const std::string& service_name = service.name;
  c.name = task.slot > 0 ? service_name + "." + std::to_string(task.slot) : service_name;
  c.image = image;
  c.slot = task.slot;
  c.service_index = service.index;
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

// For each task (in state.tasks order) the task that held its slot before it:
// the newest of the same service and slot created before it (created_at, then
// ID), or nullptr. Only tasks young enough to still travel need it; when none
// is, nothing is computed (a large cluster at rest pays nothing).
std::vector<const Task*> PreviousInSlot(const ClusterState& state, Time now) {
  std::vector<const Task*> previous;
  bool recent = false;
  for (const auto& [id, task] : state.tasks) {
    if (task.slot > 0 && now - task.created_at < kTravelTime) recent = true;
  }
  if (!recent) return previous;
  std::vector<const Task*> tasks;
  tasks.reserve(state.tasks.size());
  for (const auto& [id, task] : state.tasks) tasks.push_back(&task);
  // Sorted by slot, then age: a task's predecessor is the entry before it.
  std::vector<uint32_t> order;
  for (uint32_t i = 0; i < tasks.size(); ++i) {
    if (tasks[i]->slot > 0) order.push_back(i);
  }
  auto key = [&](uint32_t i) {
    const Task* t = tasks[i];
    return std::tie(t->slot, t->service_id, t->created_at, t->id);
  };
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return key(a) < key(b); });
  previous.assign(tasks.size(), nullptr);
  for (size_t k = 1; k < order.size(); ++k) {
    const Task* before = tasks[order[k - 1]];
    const Task* t = tasks[order[k]];
    if (before->slot == t->slot && before->service_id == t->service_id) previous[order[k]] = before;
  }
  return previous;
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
  // Looked up once per task: by hash (lookups only; nothing iterates these maps).
  std::unordered_map<std::string_view, ServiceInfo> service_of;
  for (const auto& [id, s] : state.services) {
    auto pos = std::lower_bound(view.services.begin(), view.services.end(), s.spec.name);
    service_of[id] = {s.spec.name, int(pos - view.services.begin())};
  }
  std::unordered_map<std::string_view, std::string> short_image;  // by the spec's image

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
  std::unordered_map<std::string_view, size_t> column_of;
  for (size_t i = 0; i < view.columns.size(); ++i) column_of[view.columns[i].node_id] = i;

  // Travel needs the slot's previous task.
  std::vector<const Task*> previous = PreviousInSlot(state, view.now);
  size_t task_index = 0;
  for (const auto& [id, task] : state.tasks) {
    const Task* before = previous.empty() ? nullptr : previous[task_index];
    ++task_index;
    // A task whose service is gone keeps the name it was made with (colour 0).
    ServiceInfo fallback{task.service_name, 0};
    auto service = service_of.find(task.service_id);
    if (service == service_of.end()) {
      auto pos = std::lower_bound(view.services.begin(), view.services.end(), task.service_name);
      if (pos != view.services.end() && *pos == task.service_name) fallback.index = int(pos - view.services.begin());
    }
    std::string image;
    if (task.spec) {
      auto [it, added] = short_image.try_emplace(task.spec->container.image);
      if (added) it->second = ShortImage(task.spec->container.image);
      image = it->second;
    }
    TaskCard card = MakeCard(task, service == service_of.end() ? fallback : service->second, image, view.now);
    card.motion = MotionOf(task, view.now - task.created_at < kTravelTime ? before : nullptr, view.now);
    view.preparing = view.preparing || card.progress >= 0;
    view.animating = view.animating || (card.motion.animating && !IsTerminal(task.status.state));
    auto col_it = task.node_id.empty() ? column_of.end() : column_of.find(task.node_id);
    if (col_it == column_of.end()) {
      if (!IsTerminal(task.status.state) && DesiredAlive(task.desired_state)) {
        view.pending_animating = view.pending_animating || card.motion.animating;
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
