#include "core/scheduler/scheduler.h"

#include <algorithm>
#include <compare>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "core/model/decision.h"
#include "core/scheduler/node_info.h"
#include "core/scheduler/pipeline.h"

namespace swarmsim {

namespace {

constexpr std::string_view kNodeLabelPrefix = "node.labels.";
constexpr std::string_view kEngineLabelPrefix = "engine.labels.";

bool HasPrefixFold(std::string_view s, std::string_view prefix) {
  if (s.size() <= prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

// The branch a node falls in for one `spread` descriptor. False when swarm ignores
// the descriptor (anything but node.labels.* / engine.labels.*). A missing label is "".
bool SpreadValue(const std::string& descriptor, const Node& node, std::string* value) {
  const std::map<std::string, std::string>* labels = nullptr;
  std::string_view prefix;
  if (HasPrefixFold(descriptor, kNodeLabelPrefix)) {
    labels = &node.spec.labels;
    prefix = kNodeLabelPrefix;
  } else if (HasPrefixFold(descriptor, kEngineLabelPrefix)) {
    labels = &node.description.engine_labels;
    prefix = kEngineLabelPrefix;
  } else {
    return false;
  }
  auto it = labels->find(descriptor.substr(prefix.size()));
  *value = it == labels->end() ? std::string() : it->second;
  return true;
}

// Swarm's node comparator as a key: faulty nodes (>= kMaxRecentFailures) last, by
// their failures; then fewer tasks of the service; then fewer tasks in total.
struct RankKey {
  int64_t faulty_failures = 0;
  int64_t service_tasks = 0;
  int64_t total_tasks = 0;
  auto operator<=>(const RankKey&) const = default;
};

// One level of the placement-preference tree (swarmkit's decisionTree).
struct Branch {
  int64_t tasks = 0;                   // active tasks of the service on all its nodes
  std::map<std::string, Branch> next;  // by label value; empty for a leaf
  std::vector<size_t> nodes;           // leaf: passing nodes, best first
  bool visited = false;
};

const std::string& ServiceName(const ClusterState& state, const Task& t) {
  auto it = state.services.find(t.service_id);
  return it == state.services.end() ? t.service_name : it->second.spec.name;
}

class Scheduler {
 public:
  explicit Scheduler(ClusterState* state) : state_(state), infos_(BuildNodeInfos(*state)) {
    by_name_.resize(infos_.size());
    for (size_t i = 0; i < infos_.size(); ++i) by_name_[i] = i;
    std::stable_sort(by_name_.begin(), by_name_.end(), [&](size_t a, size_t b) {
      const Node& x = infos_[a].node();
      const Node& y = infos_[b].node();
      return std::tie(x.description.hostname, x.id) < std::tie(y.description.hostname, y.id);
    });
    name_rank_.resize(infos_.size());
    for (size_t r = 0; r < by_name_.size(); ++r) name_rank_[by_name_[r]] = r;
    failures_.assign(infos_.size(), 0);
  }

  void SchedulePreassigned(Task* t);
  void ScheduleGroup(std::vector<Task*>* group);

 private:
  // --- per-batch setup and ranking ---
  void BeginBatch(const Task& sample);
  void LoadFailures(size_t i);  // failures_[i] for the current sample
  NodeVerdict Verdict(size_t i) const;
  RankKey Key(size_t i) const {
    int64_t f = failures_[i];
    return {f >= kMaxRecentFailures ? f : 0, infos_[i].ActiveTasksOfService(sample_->service_id),
            infos_[i].active_tasks()};
  }
  // Swarm's nodeLess: strictly better by the ranking key.
  bool Less(size_t a, size_t b) const { return Key(a) < Key(b); }
  // Our total order: the key, then hostname, then ID (swarm leaves ties random).
  bool Before(size_t a, size_t b) const {
    auto ka = Key(a), kb = Key(b);
    if (ka != kb) return ka < kb;
    return name_rank_[a] < name_rank_[b];
  }

  // --- placement (swarmkit's tree / scheduleNTasksOnSubtree / scheduleNTasksOnNodes) ---
  void BuildTree(Branch* root, int64_t n);
  std::vector<size_t>& OrderedNodes(Branch* leaf);
  int64_t ScheduleOnSubtree(int64_t n, Branch* branch);
  int64_t ScheduleOnNodes(int64_t n, const std::vector<size_t>& nodes);
  void Place(Task* t, size_t node);

  // --- recording ---
  Decision NewDecision(const Task& sample);
  void RecordDecisionEvent(const Decision& d, size_t placed, bool preassigned);
  void SetDecisionAndStatus(Task* t, const std::string& decision_id, TaskState to, const std::string& message,
                            const std::string& err);
  size_t FindNode(const std::string& id) const;

  ClusterState* state_;
  std::vector<NodeInfo> infos_;   // by node ID
  std::vector<size_t> by_name_;   // node indices by hostname, then ID
  std::vector<size_t> name_rank_; // position of each node in by_name_
  Pipeline pipeline_;

  // The batch being placed.
  const Task* sample_ = nullptr;
  std::vector<int64_t> failures_;  // per node: recent failures of the sample's service version
                                   // (pre-assigned batches load only their node's)
  std::vector<Task*>* group_ = nullptr;
  size_t next_task_ = 0;           // tasks of group_ before this one are placed
  std::vector<std::pair<Task*, size_t>> placed_;
  std::vector<TaskPlacement> placements_;
};

size_t Scheduler::FindNode(const std::string& id) const {
  auto it = std::lower_bound(infos_.begin(), infos_.end(), id,
                             [](const NodeInfo& n, const std::string& key) { return n.id() < key; });
  return it != infos_.end() && it->id() == id ? static_cast<size_t>(it - infos_.begin()) : infos_.size();
}

void Scheduler::LoadFailures(size_t i) {
  failures_[i] = infos_[i].RecentFailures(sample_->service_id, sample_->spec_version);
}

void Scheduler::BeginBatch(const Task& sample) {
  sample_ = &sample;
  pipeline_.SetTask(sample);
  placed_.clear();
  placements_.clear();
}

NodeVerdict Scheduler::Verdict(size_t i) const {
  NodeVerdict v;
  v.node_id = infos_[i].id();
  v.hostname = infos_[i].node().description.hostname;
  v.filters = pipeline_.Evaluate(infos_[i]);
  v.recent_failures = failures_[i];
  v.service_tasks = infos_[i].ActiveTasksOfService(sample_->service_id);
  v.total_tasks = infos_[i].active_tasks();
  return v;
}

Decision Scheduler::NewDecision(const Task& sample) {
  Decision d;
  d.id = NewId(state_);
  d.time = state_->clock.now;
  d.service_id = sample.service_id;
  d.service_name = ServiceName(*state_, sample);
  d.spec_version = sample.spec_version;
  return d;
}

void Scheduler::RecordDecisionEvent(const Decision& d, size_t placed, bool preassigned) {
  size_t total = d.placements.size();
  std::map<std::string, std::string> attrs{{"service", d.service_name},
                                           {"spec_version", std::to_string(d.spec_version)},
                                           {"tasks", std::to_string(total)},
                                           {"placed", std::to_string(placed)}};
  if (!d.error.empty()) attrs["error"] = d.error;
  if (preassigned) attrs["preassigned"] = "true";
  const char* action = placed == total ? "assign" : placed == 0 ? "pending" : "partial";
  RecordEvent(state_, "decision", action, d.id, std::move(attrs));
}

void Scheduler::SetDecisionAndStatus(Task* t, const std::string& decision_id, TaskState to,
                                     const std::string& message, const std::string& err) {
  bool id_changed = t->decision_id != decision_id;
  t->decision_id = decision_id;
  uint64_t before = t->version;
  SetTaskState(state_, t, to, message, err);
  if (id_changed && t->version == before) Touch(state_, t);
}

void Scheduler::SchedulePreassigned(Task* t) {
  size_t i = FindNode(t->node_id);
  if (i == infos_.size()) return;  // node gone: nothing to check against (swarm skips it too)
  BeginBatch(*t);
  LoadFailures(i);  // the only node this task can go to
  NodeVerdict verdict = Verdict(i);
  bool fits = pipeline_.Process(infos_[i]);
  std::string err = fits ? "" : pipeline_.Explain();
  if (!fits && t->status.err == err && !t->decision_id.empty()) return;  // same answer as last time

  Decision d = NewDecision(*t);
  d.nodes.push_back(std::move(verdict));
  TaskPlacement p;
  p.task_id = t->id;
  p.slot = t->slot;
  if (fits) {
    p.node_id = t->node_id;
    p.service_tasks_before = infos_[i].ActiveTasksOfService(t->service_id);
    p.total_tasks_before = infos_[i].active_tasks();
    infos_[i].AddTask(*t);
  }
  d.placements.push_back(std::move(p));
  d.error = err;
  RecordDecisionEvent(d, fits ? 1 : 0, /*preassigned=*/true);
  if (fits) SetDecisionAndStatus(t, d.id, TaskState::kAssigned, kPreassignedMessage, "");
  else SetDecisionAndStatus(t, d.id, TaskState::kPending, t->status.message, err);
  state_->new_decisions.push_back(std::move(d));
}

void Scheduler::BuildTree(Branch* root, int64_t n) {
  const auto& prefs = sample_->spec ? sample_->spec->placement.preferences : std::vector<std::string>{};
  std::string value;
  for (size_t i : by_name_) {
    Branch* b = root;
    int64_t tasks = infos_[i].ActiveTasksOfService(sample_->service_id);
    for (const auto& pref : prefs) {
      if (!SpreadValue(pref, infos_[i].node(), &value)) continue;  // swarm ignores other descriptors
      b->tasks += tasks;
      b = &b->next[value];
    }
    b->tasks += tasks;
    // Swarm runs every node through the pipeline here; its counters feed the error.
    if (pipeline_.Process(infos_[i])) b->nodes.push_back(i);
  }
  // Each leaf keeps only its best n nodes, best first.
  std::vector<Branch*> stack{root};
  while (!stack.empty()) {
    Branch* b = stack.back();
    stack.pop_back();
    for (auto& [v, child] : b->next) stack.push_back(&child);
    std::stable_sort(b->nodes.begin(), b->nodes.end(), [&](size_t x, size_t y) { return Before(x, y); });
    if (static_cast<int64_t>(b->nodes.size()) > n) b->nodes.resize(static_cast<size_t>(n));
  }
}

std::vector<size_t>& Scheduler::OrderedNodes(Branch* leaf) {
  if (leaf->visited) {
    // Coming back to a leaf: its nodes took tasks since; re-check and re-rank them.
    std::vector<size_t> keep;
    keep.reserve(leaf->nodes.size());
    for (size_t i : leaf->nodes) {
      if (pipeline_.Process(infos_[i])) keep.push_back(i);
    }
    std::stable_sort(keep.begin(), keep.end(), [&](size_t x, size_t y) { return Before(x, y); });
    leaf->nodes = std::move(keep);
  }
  leaf->visited = true;
  return leaf->nodes;
}

int64_t Scheduler::ScheduleOnSubtree(int64_t n, Branch* branch) {
  if (branch->next.empty()) {
    std::vector<size_t>& nodes = OrderedNodes(branch);
    if (nodes.empty()) return 0;
    return ScheduleOnNodes(n, nodes);
  }
  // Water-filling over the branches, in label-value order.
  std::vector<Branch*> children;
  for (auto& [value, child] : branch->next) children.push_back(&child);
  std::vector<bool> no_room(children.size(), false);
  size_t no_room_count = 0;
  int64_t scheduled = 0;
  int64_t usable_tasks = branch->tasks;
  bool converging = true;
  while (scheduled != n && no_room_count != children.size() && converging) {
    int64_t usable = static_cast<int64_t>(children.size() - no_room_count);
    int64_t desired = (usable_tasks + n - scheduled) / usable;
    int64_t remainder = (usable_tasks + n - scheduled) % usable;
    converging = false;
    for (size_t j = 0; j < children.size(); ++j) {
      if (no_room[j]) continue;
      int64_t have = children[j]->tasks;
      if (have < desired || (have == desired && remainder > 0)) {
        converging = true;
        int64_t want = desired - have + (remainder > 0 ? 1 : 0);
        int64_t got = ScheduleOnSubtree(want, children[j]);
        if (got < want) {
          no_room[j] = true;
          ++no_room_count;
          usable_tasks -= have;
        } else if (remainder > 0) {
          --remainder;
        }
        scheduled += got;
      }
    }
  }
  return scheduled;
}

void Scheduler::Place(Task* t, size_t node) {
  TaskPlacement p;
  p.task_id = t->id;
  p.slot = t->slot;
  p.node_id = infos_[node].id();
  p.service_tasks_before = infos_[node].ActiveTasksOfService(t->service_id);
  p.total_tasks_before = infos_[node].active_tasks();
  placements_.push_back(std::move(p));
  infos_[node].AddTask(*t);
  placed_.emplace_back(t, node);
}

// Swarm's fill-then-round-robin over `nodes` (best first). `iter` counts positions
// as swarm's nodeIter does; positions of nodes that failed their re-check are kept
// in no list, so skipping them costs nothing (the live ones form a ring).
int64_t Scheduler::ScheduleOnNodes(int64_t n, const std::vector<size_t>& nodes) {
  const size_t count = nodes.size();
  std::vector<size_t> next(count), prev(count);
  for (size_t k = 0; k < count; ++k) {
    next[k] = (k + 1) % count;
    prev[k] = (k + count - 1) % count;
  }
  std::vector<bool> failed(count, false);
  auto distance = [&](size_t from, size_t to) -> uint64_t { return to == from ? count : (to + count - from) % count; };

  int64_t scheduled = 0;
  uint64_t iter = 0;
  size_t pos = 0;  // == iter % count, always a live position when a task is placed
  while (next_task_ < group_->size()) {
    Task* t = (*group_)[next_task_++];
    Place(t, nodes[pos]);
    if (++scheduled == n) return scheduled;

    // Fill: stay on a node until the next one is strictly better; after the last
    // node, plain round-robin.
    bool move = iter + 1 < count ? Less(nodes[(pos + 1) % count], nodes[pos]) : true;
    const uint64_t orig = iter + (move ? 1 : 0);
    size_t candidate = pos;
    uint64_t at = iter;
    if (move) {
      size_t raw = (pos + 1) % count;
      candidate = failed[raw] ? next[pos] : raw;
      at = iter + (failed[raw] ? distance(pos, next[pos]) : 1);
    }
    // Re-check: skip nodes that can no longer take a task, for the rest of this call.
    while (!pipeline_.Process(infos_[nodes[candidate]])) {
      failed[candidate] = true;
      size_t after = next[candidate];
      next[prev[candidate]] = next[candidate];
      prev[next[candidate]] = prev[candidate];
      at += distance(candidate, after);
      if (at - orig >= count) return scheduled;  // every node failed
      candidate = after;
    }
    iter = at;
    pos = candidate;
  }
  return scheduled;
}

void Scheduler::ScheduleGroup(std::vector<Task*>* group) {
  const Task& sample = *group->front();
  BeginBatch(sample);
  for (size_t i = 0; i < infos_.size(); ++i) LoadFailures(i);
  group_ = group;
  next_task_ = 0;
  placements_.reserve(group->size());
  placed_.reserve(group->size());

  std::vector<NodeVerdict> table;
  table.reserve(by_name_.size());
  for (size_t i : by_name_) table.push_back(Verdict(i));

  const int64_t n = static_cast<int64_t>(group->size());
  Branch root;
  BuildTree(&root, n);
  ScheduleOnSubtree(n, &root);

  std::string err;
  if (next_task_ < group->size()) {
    std::string why = pipeline_.Explain();
    err = why.empty() ? "no suitable node" : "no suitable node (" + why + ")";
  }
  if (placed_.empty()) {
    bool unchanged = std::all_of(group->begin(), group->end(), [&](const Task* t) {
      return t->status.err == err && !t->decision_id.empty();
    });
    if (unchanged) return;  // a retry with the same answer: keep the log lean
  }

  Decision d = NewDecision(sample);
  d.nodes = std::move(table);
  d.placements = std::move(placements_);
  for (size_t k = next_task_; k < group->size(); ++k) {
    TaskPlacement p;
    p.task_id = (*group)[k]->id;
    p.slot = (*group)[k]->slot;
    d.placements.push_back(std::move(p));
  }
  d.error = err;
  RecordDecisionEvent(d, placed_.size(), /*preassigned=*/false);
  for (auto& [t, node] : placed_) {
    t->node_id = infos_[node].id();
    SetDecisionAndStatus(t, d.id, TaskState::kAssigned, kAssignedMessage, "");
  }
  for (size_t k = next_task_; k < group->size(); ++k) {
    Task* t = (*group)[k];
    SetDecisionAndStatus(t, d.id, TaskState::kPending, t->status.message, err);
  }
  state_->new_decisions.push_back(std::move(d));
  placements_.clear();
  placed_.clear();
}

}  // namespace

void RunSchedulingPass(ClusterState* state) {
  std::vector<Task*> preassigned, unassigned;
  for (auto& [id, t] : state->tasks) {
    if (t.status.state != TaskState::kPending) continue;
    if (t.desired_state > TaskState::kComplete) {
      // Updated, scaled down or removed before it was placed: it will never run.
      if (t.desired_state != TaskState::kRemove) SetTaskState(state, &t, TaskState::kShutdown, t.status.message);
      continue;
    }
    (t.node_id.empty() ? unassigned : preassigned).push_back(&t);
  }
  if (preassigned.empty() && unassigned.empty()) return;

  Scheduler scheduler(state);

  auto service_key = [&](const Task* t) { return std::tie(ServiceName(*state, *t), t->service_id); };
  std::stable_sort(preassigned.begin(), preassigned.end(), [&](const Task* a, const Task* b) {
    if (service_key(a) != service_key(b)) return service_key(a) < service_key(b);
    return std::tie(a->spec_version, a->node_id, a->id) < std::tie(b->spec_version, b->node_id, b->id);
  });
  for (Task* t : preassigned) scheduler.SchedulePreassigned(t);

  // Batches of identical tasks: (service name, service ID, spec version).
  std::map<std::tuple<std::string, std::string, uint64_t>, std::vector<Task*>> groups;
  for (Task* t : unassigned) groups[{ServiceName(*state, *t), t->service_id, t->spec_version}].push_back(t);
  for (auto& [key, group] : groups) {
    std::stable_sort(group.begin(), group.end(), [](const Task* a, const Task* b) {
      return std::tie(a->slot, a->id) < std::tie(b->slot, b->id);
    });
    scheduler.ScheduleGroup(&group);
  }
}

}  // namespace swarmsim
