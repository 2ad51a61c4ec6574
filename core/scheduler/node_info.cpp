#include "core/scheduler/node_info.h"

#include <algorithm>
#include <unordered_map>

namespace swarmsim {

namespace {

const Resources& Reservations(const Task& task) {
  static const Resources kNone;
  return task.spec ? task.spec->resources.reservations : kNone;
}

template <typename F>
void ForEachHostPort(const Task& task, F&& f) {
  if (!task.endpoint) return;
  for (const auto& p : task.endpoint->ports) {
    if (p.publish_mode == "host" && p.published_port != 0) f(p.protocol, p.published_port);
  }
}

}  // namespace

bool* NodeInfo::TrackedTasks::Find(std::string_view id) {
  auto it = std::lower_bound(sorted_.begin(), sorted_.end(), id,
                             [](const Entry& e, std::string_view key) { return e.id < key; });
  if (it != sorted_.end() && it->id == id) return &it->active;
  for (auto& e : tail_) {
    if (e.id == id) return &e.active;
  }
  return nullptr;
}

void NodeInfo::TrackedTasks::Insert(std::string_view id, bool active) {
  if (tail_.empty() && (sorted_.empty() || sorted_.back().id < id)) {
    sorted_.push_back({id, active});
    return;
  }
  tail_.push_back({id, active});
  if (tail_.size() <= kMaxTail) return;
  auto by_id = [](const Entry& a, const Entry& b) { return a.id < b.id; };
  std::sort(tail_.begin(), tail_.end(), by_id);
  size_t mid = sorted_.size();
  sorted_.insert(sorted_.end(), tail_.begin(), tail_.end());
  std::inplace_merge(sorted_.begin(), sorted_.begin() + static_cast<std::ptrdiff_t>(mid), sorted_.end(), by_id);
  tail_.clear();
}

bool NodeInfo::TrackedTasks::Erase(std::string_view id, bool* was_active) {
  auto it = std::lower_bound(sorted_.begin(), sorted_.end(), id,
                             [](const Entry& e, std::string_view key) { return e.id < key; });
  if (it != sorted_.end() && it->id == id) {
    *was_active = it->active;
    sorted_.erase(it);
    return true;
  }
  for (auto& e : tail_) {
    if (e.id != id) continue;
    *was_active = e.active;
    e = tail_.back();
    tail_.pop_back();
    return true;
  }
  return false;
}

NodeInfo::NodeInfo(const Node& node) : node_(&node), available_(node.description.resources) {
  for (const auto& g : node.description.resources.generic) generic_free_[g.kind] += g.named ? 1 : g.discrete_value;
  available_.generic.clear();  // counted in generic_free_
}

int64_t NodeInfo::GenericFree(const std::string& kind) const {
  auto it = generic_free_.find(kind);
  return it == generic_free_.end() ? 0 : it->second;
}

int64_t NodeInfo::ActiveTasksOfService(const std::string& service_id) const {
  auto it = active_by_service_.find(service_id);
  return it == active_by_service_.end() ? 0 : it->second;
}

bool NodeInfo::HostPortInUse(const std::string& protocol, uint32_t published_port) const {
  return host_ports_.count({protocol, published_port}) != 0;
}

int64_t NodeInfo::RecentFailures(const std::string& service_id, uint64_t spec_version) const {
  auto it = recent_failures_.find({service_id, spec_version});
  return it == recent_failures_.end() ? 0 : it->second;
}

bool NodeInfo::AddTask(const Task& task) {
  bool active = CountsAsActive(task);
  if (bool* tracked_active = tracked_.Find(task.id)) {
    if (*tracked_active == active) return false;
    *tracked_active = active;
    int64_t delta = active ? 1 : -1;
    active_tasks_ += delta;
    active_by_service_[task.service_id] += delta;
    return true;
  }
  tracked_.Insert(task.id, active);
  const Resources& r = Reservations(task);
  available_.nano_cpus -= r.nano_cpus;
  available_.memory_bytes -= r.memory_bytes;
  for (const auto& g : r.generic) generic_free_[g.kind] -= g.discrete_value;
  ForEachHostPort(task, [&](const std::string& proto, uint32_t port) { ++host_ports_[{proto, port}]; });
  if (active) {
    ++active_tasks_;
    ++active_by_service_[task.service_id];
  }
  return true;
}

bool NodeInfo::RemoveTask(const Task& task) {
  bool was_active = false;
  if (!tracked_.Erase(task.id, &was_active)) return false;
  const Resources& r = Reservations(task);
  available_.nano_cpus += r.nano_cpus;
  available_.memory_bytes += r.memory_bytes;
  for (const auto& g : r.generic) generic_free_[g.kind] += g.discrete_value;
  ForEachHostPort(task, [&](const std::string& proto, uint32_t port) {
    auto p = host_ports_.find({proto, port});
    if (p != host_ports_.end() && --p->second == 0) host_ports_.erase(p);
  });
  if (was_active) {
    --active_tasks_;
    auto s = active_by_service_.find(task.service_id);
    if (s != active_by_service_.end() && --s->second == 0) active_by_service_.erase(s);
  }
  return true;
}

void NodeInfo::AddRecentFailure(const std::string& service_id, uint64_t spec_version) {
  ++recent_failures_[{service_id, spec_version}];
}

std::vector<NodeInfo> BuildNodeInfos(const ClusterState& state) {
  std::vector<NodeInfo> infos;
  infos.reserve(state.nodes.size());
  std::unordered_map<std::string_view, size_t> index;  // lookups only
  index.reserve(state.nodes.size());
  for (const auto& [id, node] : state.nodes) {
    index.emplace(id, infos.size());
    infos.emplace_back(node);
  }
  const Time now = state.clock.now;
  for (const auto& [id, t] : state.tasks) {
    if (t.node_id.empty()) continue;
    TaskState s = t.status.state;
    bool tracked = s >= TaskState::kAssigned && s <= TaskState::kRunning;
    // Swarm remembers failures of tasks it placed itself, not of pre-assigned
    // (global, slot 0) ones whose node it did not choose.
    bool failure = (s == TaskState::kFailed || s == TaskState::kRejected) && t.slot != 0 &&
                   t.status.timestamp <= now && now - t.status.timestamp <= kRecentFailureWindow;
    if (!tracked && !failure) continue;
    auto it = index.find(t.node_id);
    if (it == index.end()) continue;
    if (tracked) infos[it->second].AddTask(t);
    else infos[it->second].AddRecentFailure(t.service_id, t.spec_version);
  }
  return infos;
}

}  // namespace swarmsim
