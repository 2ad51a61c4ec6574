#include "core/command/service_progress.h"

#include <algorithm>

#include "core/command/output.h"
#include "core/control/services.h"
#include "core/orchestrator/dirty.h"

namespace swarmsim {

const char kClockPausedNotWaiting[] =
    "The clock is paused, so not waiting for the service to converge (as with --detach): "
    "'swarmsim time resume' runs it, 'time step' or 'time advance' moves it.";

namespace {

constexpr Duration kDefaultMonitor = 5 * kSecond;  // docker's, when the spec sets none
constexpr uint64_t kMaxBars = 20;                  // more tasks than this: counts only
constexpr int64_t kRunningRank = 9;                // a service task's bar is full when running
constexpr int64_t kJobRank = 10;                   // a job task's when complete
constexpr size_t kStateWidth = 9;                  // the longest state word shown ("preparing")
constexpr size_t kErrorWidth = 75;

// docker's numbering of task states, which orders them and fills the bars; states
// it does not know (remove, orphaned) are 0 and such tasks are not shown.
int64_t Rank(TaskState s) {
  switch (s) {
    case TaskState::kNew: return 1;
    case TaskState::kPending: return 3;  // 2 is "allocated", which swarmsim skips
    case TaskState::kAssigned: return 4;
    case TaskState::kAccepted: return 5;
    case TaskState::kPreparing: return 6;
    case TaskState::kReady: return 7;
    case TaskState::kStarting: return 8;
    case TaskState::kRunning: return 9;
    case TaskState::kComplete: return 10;
    case TaskState::kShutdown: return 11;
    case TaskState::kFailed: return 12;
    case TaskState::kRejected: return 13;
    default: return 0;
  }
}

bool PastRunning(TaskState s) { return Rank(s) > kRunningRank; }

std::string PadRight(const std::string& s, size_t width) {
  return s.size() >= width ? s : s + std::string(width - s.size(), ' ');
}

std::string PadLeft(int64_t n, size_t width) {
  std::string s = std::to_string(n);
  return s.size() >= width ? s : std::string(width - s.size(), ' ') + s;
}

size_t Digits(int64_t n) { return std::to_string(n).size(); }

// One line, at most 75 bytes, as docker cuts a task's error.
std::string TruncError(std::string err) {
  std::replace(err.begin(), err.end(), '\n', ' ');
  if (err.size() > kErrorWidth) err = err.substr(0, kErrorWidth - 1) + "\xE2\x80\xA6";  // …
  return err;
}

// Of two tasks for one slot (or node), the one docker shows: the lower desired
// state, then the lower observed state; the first seen on a tie.
bool Keeps(const Task& existing, const Task& candidate) {
  int64_t a = Rank(existing.desired_state), b = Rank(candidate.desired_state);
  if (a < b) return true;
  return a == b && Rank(existing.status.state) <= Rank(candidate.status.state);
}

bool Shown(const Task& t) { return Rank(t.desired_state) != 0 && Rank(t.status.state) != 0; }

// Whether every task shown is running.
template <typename Key>
bool AllRunning(const std::map<Key, const Task*>& tasks) {
  return std::all_of(tasks.begin(), tasks.end(),
                     [](const auto& entry) { return entry.second->status.state == TaskState::kRunning; });
}

// A task's row: its error if it has one, else its state and a bar full at `full`.
ProgressLine TaskRow(std::string id, const Task& t, int64_t full) {
  if (!t.status.err.empty()) return ProgressAction(std::move(id), TruncError(t.status.err));
  return ProgressAction(std::move(id), PadRight(ToString(t.status.state), kStateWidth), Rank(t.status.state), full);
}

// A service task's row shows while it has an error or is not yet past running.
bool ServiceTaskRowShown(const Task& t) {
  return !t.status.err.empty() || (!PastRunning(t.desired_state) && !PastRunning(t.status.state));
}

}  // namespace

bool ClockMovesByItself(const ClockState& clock, bool wall_clock_fixed) { return !clock.paused && !wall_clock_fixed; }

ProgressPoll ServiceProgress::Poll(ClusterState* state) {
  ProgressPoll poll;
  auto found = ResolveService(state, ref_);
  if (!found.ok()) {
    poll.done = true;
    poll.error = found.status();
    return poll;
  }
  const Service& service = *found.value();
  Duration monitor = kDefaultMonitor;
  if (service.spec.update_config && service.spec.update_config->monitor != 0) {
    monitor = service.spec.update_config->monitor;
  }
  if (kind_ == Kind::kUnknown) Start(service);

  if (service.update_status) {
    const UpdateStatus& u = *service.update_status;
    if (u.state == "updating") {
      rollback_ = false;
    } else if (u.state == "completed") {
      if (!converged_) {  // docker stops at once when it finds the update finished
        poll.done = true;
        return poll;
      }
    } else if (u.state == "paused") {
      poll.done = true;
      poll.error = Status::FailedPrecondition("service update paused: " + u.message);
      return poll;
    } else if (u.state == "rollback_started") {
      if (!rollback_ && !u.message.empty()) poll.lines.push_back(ProgressAction("rollback", u.message));
      rollback_ = true;
    } else if (u.state == "rollback_paused") {
      poll.done = true;
      poll.error = Status::FailedPrecondition("service rollback paused: " + u.message);
      return poll;
    } else if (u.state == "rollback_completed") {
      if (!converged_) closing_message_ = ProgressMessage("rollback", u.message);
      rollback_ = true;
    }
  }
  // docker's wall clock has always moved a little since it saw convergence; 1 ns
  // stands for that, so the first wait says "5 seconds", not 6.
  const Time now = state->clock.now;
  auto since_converged = [&] { return now - *converged_at_ + 1; };
  if (converged_ && converged_at_ && since_converged() >= monitor) {
    poll.lines.push_back(ProgressAction("verify", "Service " + ref_ + " converged"));
    if (closing_message_) poll.lines.push_back(*closing_message_);
    poll.done = true;
    return poll;
  }

  // The service's up-to-date tasks (docker lists them with the _up-to-date filter),
  // and the nodes not down.
  std::vector<const Task*> tasks;
  for (const auto& [id, t] : state->tasks) {
    if (t.service_id == service.id && !IsTaskDirty(*state, service, t)) tasks.push_back(&t);
  }
  std::set<std::string> active_nodes;
  for (const auto& [id, n] : state->nodes) {
    if (n.status.state != NodeState::kDown) active_nodes.insert(id);
  }
  switch (kind_) {
    case Kind::kReplicated: converged_ = UpdateReplicated(service, tasks, active_nodes, &poll.lines); break;
    case Kind::kGlobal: converged_ = UpdateGlobal(tasks, active_nodes, &poll.lines); break;
    case Kind::kReplicatedJob: converged_ = UpdateReplicatedJob(tasks, &poll.lines); break;
    case Kind::kGlobalJob: converged_ = UpdateGlobalJob(service, tasks, active_nodes, &poll.lines); break;
    case Kind::kUnknown: break;
  }
  if (converged_) {
    if (service.job_status) {  // a finished job stays finished: nothing to verify
      poll.lines.push_back(ProgressMessage("", "job complete"));
      poll.done = true;
      return poll;
    }
    if (!converged_at_) converged_at_ = now;
    Duration wait = monitor - since_converged();
    if (wait >= 0) {
      poll.lines.push_back(ProgressAction(
          "verify", "Waiting " + std::to_string(wait / kSecond + 1) + " seconds to verify that tasks are stable..."));
    }
  } else {
    if (converged_at_) poll.lines.push_back(ProgressAction("verify", "Detected task failure"));
    converged_at_.reset();
  }
  return poll;
}

std::vector<ProgressLine> ServiceProgress::Interrupted() const {
  if (converged_) return {};
  return {ProgressMessage("", "Operation continuing in background."),
          ProgressMessage("", "Use `swarmsim service ps " + ref_ + "` to check progress.")};
}

void ServiceProgress::Start(const Service& service) {
  switch (service.spec.mode) {
    case ServiceMode::kReplicated: kind_ = Kind::kReplicated; break;
    case ServiceMode::kGlobal: kind_ = Kind::kGlobal; break;
    case ServiceMode::kReplicatedJob:
      kind_ = Kind::kReplicatedJob;
      job_total_ = static_cast<int>(service.spec.replicas);
      job_concurrent_ = static_cast<int>(service.spec.max_concurrent);
      job_iteration_ = JobIterationOf(service.spec_version);
      break;
    case ServiceMode::kGlobalJob: kind_ = Kind::kGlobalJob; break;
  }
}

void ServiceProgress::OverallProgress(int running, int total, std::vector<ProgressLine>* out) const {
  std::string counts = std::to_string(running) + " out of " + std::to_string(total) + " tasks";
  out->push_back(ProgressAction("overall progress", rollback_ ? "rolling back update: " + counts : counts));
}

bool ServiceProgress::UpdateReplicated(const Service& service, const std::vector<const Task*>& tasks,
                                       const std::set<std::string>& active_nodes, std::vector<ProgressLine>* out) {
  const uint64_t replicas = service.spec.replicas;
  auto slot_id = [replicas](uint64_t row) { return std::to_string(row) + "/" + std::to_string(replicas); };
  if (!initialized_) {
    OverallProgress(0, static_cast<int>(replicas), out);
    if (replicas <= kMaxBars) {
      for (uint64_t i = 1; i <= replicas; ++i) out->push_back(ProgressAction(slot_id(i), " "));
    }
    initialized_ = true;
  }
  std::map<uint64_t, const Task*> by_slot;
  for (const Task* t : tasks) {
    if (!Shown(*t)) continue;
    if (auto it = by_slot.find(t->slot); it != by_slot.end() && Keeps(*it->second, *t)) continue;
    if (!t->node_id.empty() && !active_nodes.count(t->node_id)) continue;
    by_slot[t->slot] = t;
  }
  if (done_ && !AllRunning(by_slot)) done_ = false;  // converged once, but no longer
  uint64_t running = 0;
  for (const auto& [slot, t] : by_slot) {
    // Slots get rows in the order first seen, so the bars stay in place.
    int& row = slot_rows_[slot];
    if (row == 0) row = static_cast<int>(slot_rows_.size());
    if (!PastRunning(t->desired_state) && t->status.state == TaskState::kRunning) ++running;
    if (done_ || replicas > kMaxBars || static_cast<uint64_t>(row) > replicas) continue;
    if (ServiceTaskRowShown(*t)) out->push_back(TaskRow(slot_id(row), *t, kRunningRank));
  }
  if (!done_) {
    OverallProgress(static_cast<int>(running), static_cast<int>(replicas), out);
    if (running == replicas) done_ = true;
  }
  return running == replicas;
}

bool ServiceProgress::UpdateGlobal(const std::vector<const Task*>& tasks, const std::set<std::string>& active_nodes,
                                   std::vector<ProgressLine>* out) {
  std::map<std::string, const Task*> by_node;
  for (const Task* t : tasks) {
    if (!Shown(*t)) continue;
    if (auto it = by_node.find(t->node_id); it != by_node.end() && Keeps(*it->second, *t)) continue;
    by_node[t->node_id] = t;
  }
  // The orchestrator makes a task for every eligible node at once, so the up-to-date
  // tasks tell how many nodes to expect.
  const int node_count = static_cast<int>(by_node.size());
  if (!initialized_) {
    if (node_count == 0) {
      out->push_back(ProgressAction("overall progress", "waiting for new tasks"));
      return false;
    }
    OverallProgress(0, node_count, out);
    initialized_ = true;
  }
  if (done_ && !AllRunning(by_node)) done_ = false;  // converged once, but no longer
  int running = 0;
  for (const auto& [node, t] : by_node) {
    if (!active_nodes.count(t->node_id)) continue;
    if (!PastRunning(t->desired_state) && t->status.state == TaskState::kRunning) ++running;
    if (done_ || node_count > static_cast<int>(kMaxBars)) continue;
    if (ServiceTaskRowShown(*t)) out->push_back(TaskRow(ShortId(t->node_id), *t, kRunningRank));
  }
  if (!done_) {
    OverallProgress(running, node_count, out);
    if (running == node_count) done_ = true;
  }
  return running == node_count;
}

void ServiceProgress::JobProgress(int active, int completed, std::vector<ProgressLine>* out) const {
  out->push_back(ProgressAction("job progress",
                                PadLeft(completed, Digits(job_total_)) + " out of " + std::to_string(job_total_) +
                                    " complete",
                                completed, job_total_));
  // At most MaxConcurrent at once, fewer near the end.
  int desired = std::min(job_total_ - completed, job_concurrent_);
  size_t width = Digits(job_concurrent_);
  out->push_back(
      ProgressAction("active tasks", PadLeft(active, width) + " out of " + PadLeft(desired, width) + " tasks"));
}

bool ServiceProgress::UpdateReplicatedJob(const std::vector<const Task*>& tasks, std::vector<ProgressLine>* out) {
  auto slot_id = [this](uint64_t slot) { return std::to_string(slot + 1) + "/" + std::to_string(job_total_); };
  if (!initialized_) {
    JobProgress(0, 0, out);
    if (job_total_ <= static_cast<int>(kMaxBars)) {
      for (int i = 0; i < job_total_; ++i) out->push_back(ProgressAction(slot_id(i), " "));
    }
    initialized_ = true;
  }
  // Each slot's task of the iteration watched, the least advanced when there are two.
  std::map<uint64_t, const Task*> by_slot;
  for (const Task* t : tasks) {
    if (JobIterationOf(t->spec_version) != job_iteration_ || !Shown(*t)) continue;
    auto [it, added] = by_slot.emplace(t->slot, t);
    if (!added && Rank(it->second->status.state) > Rank(t->status.state)) it->second = t;
  }
  int active = 0, complete = 0;
  // docker walks slots 0..n-1 for n tasks found; a slot with no task reads as a
  // task in no state (slot 0, counted active).
  for (uint64_t i = 0; i < by_slot.size(); ++i) {
    auto it = by_slot.find(i);
    const Task* t = it == by_slot.end() ? nullptr : it->second;
    const int64_t rank = t ? Rank(t->status.state) : 0;
    if (job_total_ <= static_cast<int>(kMaxBars)) {
      out->push_back(t ? TaskRow(slot_id(t->slot), *t, kJobRank)
                       : ProgressAction(slot_id(0), PadRight("", kStateWidth), 0, kJobRank));
    }
    if (rank < kJobRank) ++active;
    if (t && t->status.state == TaskState::kComplete) ++complete;
  }
  JobProgress(active, complete, out);
  return complete == job_total_;
}

bool ServiceProgress::UpdateGlobalJob(const Service& service, const std::vector<const Task*>& tasks,
                                      const std::set<std::string>& active_nodes, std::vector<ProgressLine>* out) {
  const uint64_t iteration = JobIterationOf(service.spec_version);
  auto overall = [this, out](int complete) {
    out->push_back(ProgressAction("job progress",
                                  PadLeft(complete, Digits(job_total_)) + " out of " + std::to_string(job_total_) +
                                      " complete",
                                  complete, job_total_));
  };
  if (!initialized_) {
    if (tasks.empty() && !active_nodes.empty()) {
      out->push_back(ProgressAction("job progress", "waiting for tasks"));
      return false;
    }
    // The nodes it started on; nodes that join later are not waited for.
    for (const Task* t : tasks) {
      if (JobIterationOf(t->spec_version) == iteration) job_nodes_.insert(t->node_id);
    }
    job_total_ = static_cast<int>(job_nodes_.size());
    overall(0);
    initialized_ = true;
  }
  std::map<std::string, const Task*> by_node;
  for (const Task* t : tasks) {
    if (JobIterationOf(t->spec_version) != iteration || !job_nodes_.count(t->node_id)) continue;
    auto [it, added] = by_node.emplace(t->node_id, t);
    if (!added && Rank(it->second->status.state) > Rank(t->status.state)) it->second = t;
  }
  int complete = 0;
  for (const auto& [node, t] : by_node) {
    if (job_total_ <= static_cast<int>(kMaxBars)) out->push_back(TaskRow(node, *t, kJobRank));
    if (t->status.state == TaskState::kComplete) ++complete;
  }
  overall(complete);
  return complete == job_total_;
}

}  // namespace swarmsim
