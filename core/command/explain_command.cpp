// explain TASK: the scheduling decision behind a task, every node and every filter.
#include "core/command/registry.h"
#include "core/control/nodes.h"
#include "core/control/swarm.h"
#include "core/control/tasks.h"
#include "core/scheduler/explain.h"
#include "core/store/state_store.h"

namespace swarmsim {

namespace {

Status Explain(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*ctx->state));
  auto task = ResolveTask(*ctx->state, args.positional()[0]);
  if (!task.ok()) return task.status();
  const Task* t = task.value();
  ExplainOptions options;
  options.summary = args.Has("summary");
  if (args.Has("node")) {
    auto node = ResolveNode(ctx->state, args.Get("node"));
    if (!node.ok()) return node.status();
    options.node_id = node.value()->id;
  }
  if (t->decision_id.empty()) {
    if (t->status.state < TaskState::kPending) {
      return Status::FailedPrecondition("task " + t->id + " has not reached the scheduler yet (state " +
                                        ToString(t->status.state) + ")");
    }
    return Status::FailedPrecondition("task " + t->id + " has no recorded scheduling decision");
  }
  // Decisions made in this very command are not in the store yet.
  for (const auto& d : ctx->state->new_decisions) {
    if (d.id == t->decision_id) {
      out->out += RenderDecisionTable(d, t->id, options);
      return Status::OK();
    }
  }
  if (!ctx->db) return Status::FailedPrecondition("the event log is not available");
  auto d = ReadDecision(ctx->db, t->decision_id);
  if (!d.ok()) return d.status();
  out->out += RenderDecisionTable(d.value(), t->id, options);
  return Status::OK();
}

}  // namespace

void RegisterExplainCommands(std::vector<CommandDef>* defs) {
  defs->push_back({.path = {"explain"},
                   .usage = "explain [OPTIONS] TASK",
                   .description = "Explain where a task went: every node, every scheduler filter, and the ranking",
                   .flags = {FlagSpec::Value("node", 0, "string", "Show only this node's row (ID or hostname)"),
                             FlagSpec::Bool("summary", 0,
                                            "Count the nodes per verdict and show only the chosen node's row")},
                   .min_args = 1,
                   .max_args = 1,
                   .read_only = true,
                   .run = Explain});
}

}  // namespace swarmsim
