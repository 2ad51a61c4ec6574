// Renders a scheduling Decision as the text `swarmsim explain TASK` prints: which
// task, every node against every filter (ok / - / why not), the ranking keys, the
// node chosen and swarm's own one-line outcome.
#pragma once

#include <string>

#include "core/model/decision.h"

namespace swarmsim {

// Returns the explanation of `decision` for task `task_id`, e.g.
//
//   Task:      k3v9…  (todo_todo-db.1)
//   Service:   todo_todo-db  (spec version 3)
//   Decided:   2026-03-01 10:15:42 UTC  (decision 5z0p…, 1 task, 0 placed)
//
//   HOSTNAME   READY   RESOURCES   PLUGIN   CONSTRAINT                                  ...
//   node-1     ok      -           ok       node.labels.storage == raid: node has no…  ...
//
//   Result:    no suitable node (scheduling constraints not satisfied on 3 nodes)
//
// Columns are padded docker-style (max(10, widest + 3)); the chosen node is marked
// with " *" after its hostname. A task that is not part of the decision is named as
// such and nothing is marked. The result line is swarm's status text: "scheduler
// assigned task to node <hostname>" (for a pre-assigned, slot 0 task "scheduler
// confirmed task can run on preassigned node <hostname>"), or the decision's error.
//
// With 100,000 nodes a full table is 100,000 rows, so `options` can narrow it:
// `node_id` keeps only that node's row; `summary` replaces the table with the
// number of nodes per verdict (every filter passed, or the first filter that
// failed, in pipeline order), then the chosen node's own row.
struct ExplainOptions {
  std::string node_id;
  bool summary = false;
};
std::string RenderDecisionTable(const Decision& decision, const std::string& task_id,
                                const ExplainOptions& options = {});

// "2026-03-01 10:15:42 UTC" for a virtual time (ns since the epoch, UTC).
std::string FormatDecisionTime(Time t);

}  // namespace swarmsim
