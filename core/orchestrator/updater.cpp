#include "core/orchestrator/updater.h"

#include <algorithm>

#include "core/node/health.h"
#include "core/orchestrator/dirty.h"
#include "core/orchestrator/task_factory.h"

namespace swarmsim {

namespace {

bool Updating(const Service& s) {
  return s.update_status && (s.update_status->state == "updating" || s.update_status->state == "rollback_started");
}

bool Halted(const Service& s) {
  return s.update_status && (s.update_status->state == "paused" || s.update_status->state == "rollback_paused");
}

void SetUpdateState(ClusterState* state, Service* service, const std::string& st, const std::string& message) {
  UpdateStatus u = service->update_status.value_or(UpdateStatus{});
  // Only a new update starts the clock: swarm's automatic rollback changes state,
  // message and spec, and keeps StartedAt (a manual rollback sets it in control/).
  if (st == "updating") u.started_at = state->clock.now;
  u.state = st;
  u.message = message;
  if (st == "completed" || st == "rollback_completed") u.completed_at = state->clock.now;
  else u.completed_at = 0;
  service->update_status = u;
  Touch(state, service);
  RecordEvent(state, "service", "update", service->id,
              {{"name", service->spec.name}, {"updatestate.new", st}, {"message", message}});
}

}  // namespace

UpdateConfig EffectiveUpdateConfig(const Service& service) {
  bool rollback = service.update_status && service.update_status->state.rfind("rollback", 0) == 0;
  const auto& cfg = rollback ? service.spec.rollback_config : service.spec.update_config;
  UpdateConfig c = cfg.value_or(UpdateConfig{});
  if (c.monitor == 0) c.monitor = kDefaultUpdateMonitor;
  return c;
}

void NoteUpdateFailure(ClusterState* state, Service* service, Task* failed) {
  const Task& task = *failed;
  // Jobs have no updater (swarm refuses them an update config).
  if (IsJob(service->spec.mode) || !Updating(*service) || task.spec_version != service->spec_version) return;
  if (task.created_at < service->update_status->started_at) return;
  UpdateConfig cfg = EffectiveUpdateConfig(*service);
  // A task that ran longer than the monitor period is no longer watched. Stops the
  // process did not plan (a constraint enforcer's rejection) always count.
  std::optional<Duration> ran = TimeRunningBeforeExit(state, failed);
  if (ran && *ran > cfg.monitor) return;
  ++service->update_failures;
  Touch(state, service);
  if (cfg.failure_action == "continue") return;
  uint64_t replicas = std::max<uint64_t>(service->spec.replicas, 1);
  double ratio = static_cast<double>(service->update_failures) / static_cast<double>(replicas);
  if (ratio <= cfg.max_failure_ratio) return;
  bool rolling_back = service->update_status->state == "rollback_started";
  if (cfg.failure_action == "rollback" && rolling_back) {
    // Never roll back a rollback.
    SetUpdateState(state, service, "rollback_paused",
                   "rollback paused due to failure or early termination of task " + task.id);
  } else if (cfg.failure_action == "rollback" && service->previous_spec) {
    std::swap(service->spec, *service->previous_spec);
    service->previous_spec.reset();
    ++service->spec_version;
    service->update_failures = 0;
    SetUpdateState(state, service, "rollback_started",
                   "update rolled back due to failure or early termination of task " + task.id);
  } else {
    // swarm's pause words are the same for an update and a rollback; the state says which.
    SetUpdateState(state, service, rolling_back ? "rollback_paused" : "paused",
                   "update paused due to failure or early termination of task " + task.id);
  }
}

void RunUpdater(ClusterState* state, Service* service, std::map<std::string, Slot>* slots) {
  if (Halted(*service)) return;
  // Which slots hold a task of an older spec that must be replaced, and which are
  // mid-replacement (a new task not yet running).
  std::vector<Slot*> dirty;
  int in_flight = 0;
  Time last_running = 0;
  bool replaced_any = false;  // a task of the current spec made since the update started
  for (auto& [key, slot] : *slots) {
    if (service->spec.mode == ServiceMode::kReplicated && slot.number > service->spec.replicas) continue;
    Task* fresh = nullptr;
    std::vector<Task*> stale, extra;
    for (Task* t : slot.tasks) {
      if (Updating(*service) && t->spec_version == service->spec_version &&
          t->created_at >= service->update_status->started_at) {
        replaced_any = true;
      }
      if (!IsRunnable(*t)) continue;
      if (IsTaskDirty(*state, *service, *t)) {
        stale.push_back(t);
      } else if (!fresh) {
        fresh = t;
      } else if (fresh->status.state < TaskState::kRunning && t->status.state >= TaskState::kRunning) {
        extra.push_back(fresh);
        fresh = t;
      } else {
        extra.push_back(t);
      }
    }
    // Two tasks of the current spec in one slot: a start-first update kept the old
    // task while its replacement failed, then a rollback made the old task current
    // again and the restart supervisor replaced the failed one. Swarm's updater
    // keeps one (a running one first) and removes the rest.
    for (Task* t : extra) SetDesiredState(state, t, TaskState::kShutdown);
    // The update's own task in this slot already stopped (failed): as swarm's worker,
    // which waits for RUNNING "or any later state", the slot is done; restarts of it
    // belong to the restart supervisor.
    bool update_task_ended = false;
    for (Task* t : slot.tasks) {
      if (Updating(*service) && t->spec_version == service->spec_version && HasStopped(*t) &&
          t->created_at >= service->update_status->started_at) {
        update_task_ended = true;
      }
    }
    if (fresh) {
      if (fresh->status.state < TaskState::kRunning) {
        if ((!stale.empty() || Updating(*service)) && !update_task_ended) ++in_flight;
      } else {
        if (fresh->spec_version == service->spec_version) last_running = std::max(last_running, fresh->status.timestamp);
        // start-first: the old task goes once its replacement runs.
        for (Task* old : stale) SetDesiredState(state, old, TaskState::kShutdown);
        stale.clear();
      }
    }
    if (!stale.empty() && !fresh) dirty.push_back(&slot);
  }
  if (!Updating(*service)) {
    if (dirty.empty()) return;
    service->update_failures = 0;
    SetUpdateState(state, service, "updating", "update in progress");
  }
  UpdateConfig cfg = EffectiveUpdateConfig(*service);
  Time gate = last_running > 0 ? last_running + cfg.delay : 0;
  uint64_t limit = cfg.parallelism == 0 ? UINT64_MAX : cfg.parallelism;
  Time now = state->clock.now;
  for (Slot* slot : dirty) {
    if (static_cast<uint64_t>(in_flight) >= limit) break;
    if (now < gate) {
      WakeServiceAt(state, service, gate);
      break;
    }
    std::string node = service->spec.mode == ServiceMode::kGlobal ? slot->node_id : "";
    if (cfg.order == "start-first") {
      NewTask(state, *service, slot->number, node, TaskState::kRunning);
    } else {
      for (Task* old : slot->Runnable()) SetDesiredState(state, old, TaskState::kShutdown);
      Task* t = NewTask(state, *service, slot->number, node, TaskState::kReady);
      t->promote_at = now;
    }
    ++in_flight;
  }
  if (!dirty.empty() || in_flight > 0) return;
  bool rollback = service->update_status->state == "rollback_started";
  // swarm's updater looks for dirty slots once, as the update starts: with none (a
  // rollback to a spec the tasks already run) it completes at once, with no
  // monitor period, as there is nothing to watch.
  if (!replaced_any) {
    SetUpdateState(state, service, rollback ? "rollback_completed" : "completed",
                   rollback ? "rollback completed" : "update completed");
    return;
  }
  // Every slot runs the new spec. swarm's workers sleep `delay` after every slot,
  // the last one too, and only then does the last monitor period start.
  Duration watch = cfg.delay >= cfg.monitor ? cfg.delay + kSecond : cfg.monitor;
  Time workers_done = last_running > 0 ? last_running + cfg.delay : 0;
  Time done_at = std::max(workers_done, service->update_status->started_at) + watch;
  if (now < done_at) {
    WakeServiceAt(state, service, done_at);
    return;
  }
  SetUpdateState(state, service, rollback ? "rollback_completed" : "completed",
                 rollback ? "rollback completed" : "update completed");
}

}  // namespace swarmsim
