// The task table shared by `service ps`, `stack ps` and `node ps`, in docker's
// layout: newest task of a slot first, older ones beneath as " \_ " rows.
#pragma once

#include <string>
#include <vector>

#include "core/cluster/state.h"
#include "core/command/command.h"
#include "core/command/flags.h"
#include "core/status.h"

namespace swarmsim {

struct TaskTableOptions {
  bool no_trunc = false;
  bool quiet = false;
  bool no_resolve = false;  // show IDs instead of node and service names
  std::string format;
  std::vector<std::string> filters;  // "desired-state=running", "node=node1", "name=...", "id=..."
  bool may_stream = false;           // the default table may go to CommandOutput::stream
};

// Those flags as docker declares them; `format_help` differs by command.
std::vector<FlagSpec> TaskListFlags(const std::string& format_help);

// The options every task listing takes: --no-trunc, -q, --format, --filter, --no-resolve.
TaskTableOptions TaskTableOptionsFrom(const ParsedArgs& args);

// The task's display name: "<service>.<slot>" or "<service>.<node ID>" (global).
std::string TaskName(const ClusterState& state, const Task& task);

// Prints `tasks` (any order) filtered by `options.filters`.
// Errors: an unknown filter key (`invalid filter '<key>'`), a bad desired-state value.
Status PrintTaskTable(const ClusterState& state, std::vector<const Task*> tasks, const TaskTableOptions& options,
                      CommandOutput* out);

}  // namespace swarmsim
