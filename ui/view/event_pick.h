// What the inspector can show, and which of those an event on the timeline is
// about: clicking a row of the event log opens the task, node, volume, config or
// secret it names (a scheduling decision opens its first task), so every decision
// stepped through can be explained even when several tasks appeared at once.
#pragma once

#include <optional>
#include <string>

#include "core/cluster/state.h"
#include "core/model/event.h"

namespace swarmsim::ui {

// Selects one thing for the inspector (UiState holds one ID or name per kind).
enum class Pick { kTask, kNode, kVolume, kConfig, kSecret };

struct PickTarget {
  Pick what = Pick::kTask;
  std::string id;  // a task or node ID; a volume, config or secret name
  bool operator==(const PickTarget&) const = default;
};

// The thing `e` is about, if it still exists in `state` and the inspector can show
// it. Services, the swarm and image pulls have no inspector page: none.
std::optional<PickTarget> EventPick(const ClusterState& state, const Event& e);

}  // namespace swarmsim::ui
