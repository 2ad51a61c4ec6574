// StateCache: what the panels derive from the cluster with a pass over every task
// (the newest task, a slot's history, what a decision's event row opens) or every
// node (a decision's grid), kept
// between frames while the state stays the same. At 10,000 nodes and 100,000
// tasks each pass costs milliseconds and a frame has 50; the state changes only
// on a re-read or a rewind step, not per frame.
//
// The window numbers the states it shows (Frame::state_serial): the same serial
// means the same tasks and nodes. Serial 0 means "unknown" (tests that build a
// frame by hand): nothing is cached and every call computes afresh. Pointers
// returned live as long as the state they point into. Owned by UiState; not
// thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/cluster/state.h"
#include "core/model/decision.h"
#include "core/status.h"
#include "ui/view/decision_view.h"
#include "ui/view/event_pick.h"

namespace swarmsim::ui {

struct StateCache {
  // NewestTask
  uint64_t newest_serial = 0;
  std::string newest_id;  // empty: no tasks
  // SlotHistory of history_task
  uint64_t history_serial = 0;
  std::string history_task;
  std::vector<std::string> history_ids;
  // The decision grid for (grid_decision, grid_task); decisions never change, so
  // a grid stays until another task is shown. A failed read is kept for its serial.
  std::string grid_decision, grid_task;
  std::optional<DecisionGrid> grid;
  Status grid_error;
  uint64_t grid_error_serial = 0;
  // The panel's own measurements of the grid (column widths at grid_font_size).
  float grid_font_size = 0;
  std::vector<float> grid_widths;
  // What a decision's event row opens (its first task: a pass over every task).
  uint64_t picks_serial = 0;
  std::map<std::string, std::optional<PickTarget>> decision_picks;  // by decision ID
};

// NewestTask(state) (ui/view/task_history.h), once per serial.
const Task* CachedNewestTask(const ClusterState& state, uint64_t serial, StateCache* cache);

// SlotHistory(state, task), once per serial and task.
std::vector<const Task*> CachedSlotHistory(const ClusterState& state, const Task& task, uint64_t serial,
                                           StateCache* cache);

// EventPick(state, e) (ui/view/event_pick.h); a decision's row is worked out once
// per serial.
std::optional<PickTarget> CachedEventPick(const ClusterState& state, const Event& e, uint64_t serial,
                                          StateCache* cache);

// BuildDecisionGrid of decision `decision_id` for `task_id`, reading the decision
// through `read` only when the pair changed (or, after a failed read, the serial).
// On error the read's status (NotFound when the decision is not stored).
Result<const DecisionGrid*> CachedDecisionGrid(const std::string& decision_id, const std::string& task_id,
                                               uint64_t serial,
                                               const std::function<Result<Decision>(const std::string&)>& read,
                                               StateCache* cache);

}  // namespace swarmsim::ui
