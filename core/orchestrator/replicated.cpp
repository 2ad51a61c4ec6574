#include "core/orchestrator/replicated.h"

#include <algorithm>
#include <set>

#include "core/orchestrator/restart.h"
#include "core/orchestrator/task_factory.h"
#include "core/orchestrator/updater.h"

namespace swarmsim {

namespace {

// A slot counts as filled while it has a task that should be alive, or when its
// last task finished and the restart policy says it stays finished.
bool Filled(const Service& service, const Slot& slot) {
  if (slot.HasRunnable()) return true;
  if (slot.tasks.empty()) return false;
  const Task* last = slot.tasks.back();
  // Stopped by the supervisor (exit, or its node went down or was drained): a task
  // the policy does not restart leaves its slot filled, running or not.
  TaskState ended = HasStopped(*last) ? last->status.state : TaskState::kShutdown;
  // Judged as of when it stopped, so a restart window passing does not reopen the slot.
  return last->desired_state == TaskState::kShutdown &&
         !RestartAllowed(service, slot, *last, ended, last->status.timestamp);
}

void ScaleUp(ClusterState* state, Service* service, std::map<std::string, Slot>* slots, uint64_t missing) {
  std::set<uint64_t> used;
  for (auto& [key, slot] : *slots) if (Filled(*service, slot)) used.insert(slot.number);
  for (uint64_t n = 1; missing > 0; ++n) {
    if (used.count(n)) continue;
    Task* t = NewTask(state, *service, n, "", TaskState::kRunning);
    (void)t;
    --missing;
  }
}

// Swarm's scale-down: running slots first, then by how crowded their node is with
// this service, then lower slot numbers; the first `replicas` stay.
void ScaleDown(ClusterState* state, Service* service, std::vector<Slot*> filled) {
  std::stable_sort(filled.begin(), filled.end(), [](const Slot* a, const Slot* b) {
    auto running = [](const Slot* s) {
      for (Task* t : s->Runnable()) if (t->status.state == TaskState::kRunning) return true;
      return false;
    };
    bool ra = running(a), rb = running(b);
    if (ra != rb) return ra;
    return a->number < b->number;
  });
  std::map<std::string, int> per_node;
  std::vector<std::pair<int, Slot*>> ranked;
  for (Slot* s : filled) {
    auto runnable = s->Runnable();
    int index = -1;
    if (runnable.size() == 1 && !runnable[0]->node_id.empty()) index = ++per_node[runnable[0]->node_id];
    ranked.push_back({index, s});
  }
  // Index -1 (pending or mid-update) sorts after everything, so it goes first.
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    int ia = a.first < 0 ? 1 << 30 : a.first;
    int ib = b.first < 0 ? 1 << 30 : b.first;
    return ia < ib;
  });
  for (size_t i = service->spec.replicas; i < ranked.size(); ++i) {
    for (Task* t : ranked[i].second->tasks) {
      if (t->desired_state <= TaskState::kRunning) SetDesiredState(state, t, TaskState::kRemove);
    }
  }
}

}  // namespace

void ReconcileReplicated(ClusterState* state, Service* service, std::map<std::string, Slot>* slots) {
  for (auto& [key, slot] : *slots) SuperviseSlot(state, service, &slot);
  for (auto& [key, slot] : *slots) PromoteReplacements(state, service, slot);

  std::vector<Slot*> filled;
  for (auto& [key, slot] : *slots) {
    if (Filled(*service, slot)) filled.push_back(&slot);
  }
  uint64_t want = service->spec.replicas;
  if (filled.size() < want) {
    ScaleUp(state, service, slots, want - filled.size());
  } else if (filled.size() > want) {
    ScaleDown(state, service, filled);
  }
  RunUpdater(state, service, slots);
}

}  // namespace swarmsim
