// DecisionGrid: a scheduling Decision laid out for the inspector's table — every
// node down the side, every filter across, pass / skipped / the reason it failed,
// the ranking keys, the chosen node, and swarm's one-line outcome beneath.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/model/decision.h"

namespace swarmsim::ui {

enum class CellKind { kPass, kFail, kSkipped };

struct DecisionCell {
  CellKind kind = CellKind::kPass;
  std::string reason;  // kFail only
};

struct DecisionRow {
  std::string node_id;
  std::string hostname;
  std::vector<DecisionCell> cells;  // one per DecisionGrid::filters
  bool eligible = true;
  bool chosen = false;  // the node this decision gave the task
  int64_t service_tasks = 0;
  int64_t total_tasks = 0;
  int64_t recent_failures = 0;
};

struct DecisionGrid {
  std::string decision_id;
  std::string service_name;
  uint64_t spec_version = 0;
  Time time = 0;
  bool task_in_decision = false;
  std::vector<std::string> filters;  // in pipeline order
  std::vector<DecisionRow> rows;     // the decision's node order (hostname, then ID)
  std::string result;                // swarm's status text for the task
};

// Lays out `decision` for task `task_id`. A task not placed by this decision marks
// no row chosen; its result is the decision's error (or a note that it is absent).
DecisionGrid BuildDecisionGrid(const Decision& decision, const std::string& task_id);

}  // namespace swarmsim::ui
