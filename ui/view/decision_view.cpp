#include "ui/view/decision_view.h"

#include <algorithm>

namespace swarmsim::ui {

DecisionGrid BuildDecisionGrid(const Decision& decision, const std::string& task_id) {
  DecisionGrid grid;
  grid.decision_id = decision.id;
  grid.service_name = decision.service_name;
  grid.spec_version = decision.spec_version;
  grid.time = decision.time;
  // Filters in the order the pipeline ran them; every node records every filter,
  // but collect across nodes so a short row cannot drop a column.
  for (const NodeVerdict& n : decision.nodes) {
    for (const FilterVerdict& f : n.filters) {
      if (std::find(grid.filters.begin(), grid.filters.end(), f.filter) == grid.filters.end()) {
        grid.filters.push_back(f.filter);
      }
    }
  }
  const TaskPlacement* placement = nullptr;
  for (const TaskPlacement& p : decision.placements) {
    if (p.task_id == task_id) placement = &p;
  }
  grid.task_in_decision = placement != nullptr;
  std::string chosen_hostname;
  for (const NodeVerdict& n : decision.nodes) {
    DecisionRow row;
    row.node_id = n.node_id;
    row.hostname = n.hostname;
    row.eligible = n.eligible();
    row.chosen = placement && !placement->node_id.empty() && placement->node_id == n.node_id;
    if (row.chosen) chosen_hostname = n.hostname;
    row.service_tasks = n.service_tasks;
    row.total_tasks = n.total_tasks;
    row.recent_failures = n.recent_failures;
    for (const std::string& name : grid.filters) {
      DecisionCell cell{CellKind::kSkipped, ""};
      for (const FilterVerdict& f : n.filters) {
        if (f.filter != name) continue;
        if (!f.enabled) cell.kind = CellKind::kSkipped;
        else if (f.passed) cell.kind = CellKind::kPass;
        else cell = {CellKind::kFail, f.reason};
      }
      row.cells.push_back(std::move(cell));
    }
    grid.rows.push_back(std::move(row));
  }
  if (!chosen_hostname.empty()) {
    grid.result = placement->slot == 0 && decision.placements.size() == 1 && decision.nodes.size() == 1
                      ? "scheduler confirmed task can run on preassigned node " + chosen_hostname
                      : "scheduler assigned task to node " + chosen_hostname;
  } else if (!decision.error.empty()) {
    grid.result = decision.error;
  } else if (!placement) {
    grid.result = "task is not part of this decision";
  }
  return grid;
}

}  // namespace swarmsim::ui
