#include "core/orchestrator/slots.h"

#include <algorithm>
#include <cstdint>
#include <string>

namespace swarmsim {

std::vector<Task*> Slot::Runnable() const {
  std::vector<Task*> out;
  for (Task* t : tasks) if (IsRunnable(*t)) out.push_back(t);
  return out;
}

bool Slot::HasRunnable() const {
  for (const Task* t : tasks) {
    if (IsRunnable(*t)) return true;
  }
  return false;
}

namespace {

// The slot key: a global task's node ID, or the slot number as 15 zero-padded
// digits (short enough to stay inside std::string's own buffer; sorts numerically).
std::string SlotKey(uint64_t number) {
  char buf[15];
  for (int i = 14; i >= 0; --i, number /= 10) buf[i] = static_cast<char>('0' + number % 10);
  return std::string(buf, 15);
}

struct Entry {
  uint64_t slot;        // replicated: the slot number; global: unused
  const std::string* node;  // global: the node ID
  Task* task;
};

}  // namespace

SlotIndex IndexSlots(ClusterState* state) {
  // This runs on every reconcile round, over every task: group with plain sorts
  // and append to the maps in key order (hinted inserts), not a lookup per task.
  std::map<std::string, std::vector<Entry>> by_service;
  const std::string* last_service = nullptr;
  std::vector<Entry>* entries = nullptr;
  for (auto& [id, task] : state->tasks) {
    if (!last_service || task.service_id != *last_service) {
      last_service = &task.service_id;
      entries = &by_service[task.service_id];
    }
    entries->push_back({task.slot, &task.node_id, &task});
  }
  SlotIndex index;
  for (auto& [service_id, list] : by_service) {
    auto svc = state->services.find(service_id);
    bool global = svc != state->services.end() && IsPerNode(svc->second.spec.mode);
    // Oldest first within a slot (created_at, then ID: a total order).
    std::sort(list.begin(), list.end(), [global](const Entry& a, const Entry& b) {
      if (global) {
        if (*a.node != *b.node) return *a.node < *b.node;
      } else if (a.slot != b.slot) {
        return a.slot < b.slot;
      }
      if (a.task->created_at != b.task->created_at) return a.task->created_at < b.task->created_at;
      return a.task->id < b.task->id;
    });
    auto& slots = index.emplace_hint(index.end(), service_id, std::map<std::string, Slot>())->second;
    Slot* slot = nullptr;
    for (const Entry& e : list) {
      bool same = slot && (global ? slot->node_id == *e.node : slot->number == e.slot);
      if (!same) {
        slot = &slots.emplace_hint(slots.end(), global ? *e.node : SlotKey(e.slot), Slot())->second;
        slot->number = global ? 0 : e.slot;
        slot->node_id = global ? *e.node : "";
      }
      slot->tasks.push_back(e.task);
    }
  }
  return index;
}

}  // namespace swarmsim
