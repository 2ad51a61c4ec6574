#include "ui/view/event_pick.h"

#include <tuple>

namespace swarmsim::ui {

namespace {

std::string Attr(const Event& e, const char* key) {
  auto it = e.attributes.find(key);
  return it == e.attributes.end() ? "" : it->second;
}

// The decision's first task by slot (then ID): the one `service ps` lists first.
const Task* FirstTaskOf(const ClusterState& state, const std::string& decision_id) {
  const Task* first = nullptr;
  for (const auto& [id, t] : state.tasks) {
    if (t.decision_id != decision_id) continue;
    if (!first || std::tie(t.slot, t.id) < std::tie(first->slot, first->id)) first = &t;
  }
  return first;
}

bool HasVolumeNamed(const ClusterState& state, const std::string& name) {
  for (const auto& [key, v] : state.volumes) {
    if (v.name == name) return true;
  }
  return false;
}

bool HasBlobNamed(const std::map<std::string, Config>& blobs, const std::string& name) {
  for (const auto& [id, c] : blobs) {
    if (c.name == name) return true;
  }
  return false;
}

}  // namespace

std::optional<PickTarget> EventPick(const ClusterState& state, const Event& e) {
  if (e.type == "task" && state.tasks.count(e.actor_id)) return PickTarget{Pick::kTask, e.actor_id};
  if (e.type == "decision") {
    if (const Task* t = FirstTaskOf(state, e.actor_id)) return PickTarget{Pick::kTask, t->id};
    return std::nullopt;
  }
  if (e.type == "node" && state.nodes.count(e.actor_id)) return PickTarget{Pick::kNode, e.actor_id};
  if (e.type == "volume" && HasVolumeNamed(state, e.actor_id)) return PickTarget{Pick::kVolume, e.actor_id};
  std::string name = Attr(e, "name");
  if (e.type == "config" && HasBlobNamed(state.configs, name)) return PickTarget{Pick::kConfig, name};
  if (e.type == "secret" && HasBlobNamed(state.secrets, name)) return PickTarget{Pick::kSecret, name};
  return std::nullopt;
}

}  // namespace swarmsim::ui
