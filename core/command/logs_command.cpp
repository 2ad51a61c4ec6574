// service logs SERVICE|TASK: what the simulated programs wrote, prefixed the way
// the docker CLI prefixes service logs ("todo_todo-web.1.abc123def456@node-1    | ").
#include <algorithm>

#include "core/command/registry.h"
#include "core/control/swarm.h"
#include "core/control/tasks.h"
#include "core/format/time_format.h"
#include "core/store/state_store.h"

namespace swarmsim {

namespace {

size_t Digits(uint64_t n) { return std::to_string(n).size(); }

// Docker's log timestamps: RFC 3339 with all nine fraction digits.
std::string FixedNanoTime(Time t) {
  std::string s = FormatRFC3339Nano(t - t % kSecond);  // "...:05Z"
  std::string frac = std::to_string(t % kSecond);
  frac.insert(0, 9 - frac.size(), '0');
  return s.substr(0, s.size() - 1) + "." + frac + "Z";
}

Status ServiceLogs(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*ctx->state));
  const std::string& target = args.positional()[0];
  ClusterState* state = ctx->state;
  std::set<std::string> task_ids;
  size_t pad_to = 1;
  if (const Service* svc = FindService(state, target)) {
    for (const auto& [id, t] : state->tasks) {
      if (t.service_id == svc->id) task_ids.insert(id);
    }
    if (svc->spec.mode == ServiceMode::kReplicated) pad_to = Digits(svc->spec.replicas);
  } else {
    auto task = ResolveTask(*state, target);
    if (!task.ok()) return Status::NotFound("no such task or service: " + target);
    task_ids.insert(task.value()->id);
    pad_to = Digits(task.value()->slot);
  }
  std::vector<LogLine> lines;
  if (ctx->db) {
    auto stored = ReadLogs(ctx->db, task_ids);
    if (!stored.ok()) return stored.status();
    lines = std::move(stored.value());
  }
  for (const auto& l : state->new_logs) {
    if (task_ids.count(l.task_id)) lines.push_back(l);
  }
  if (args.Has("tail") && args.Get("tail") != "all") {
    // Like docker: a tail that is not a non-negative number means "all".
    const std::string& t = args.Get("tail");
    bool numeric = !t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (numeric) {
      size_t keep = std::stoul(t);
      std::map<std::string, size_t> seen;
      std::vector<LogLine> kept;
      for (auto it = lines.rbegin(); it != lines.rend(); ++it) {
        if (seen[it->task_id]++ < keep) kept.push_back(*it);
      }
      lines.assign(kept.rbegin(), kept.rend());
    }
  }
  for (const auto& l : lines) {
    std::string text;
    if (args.Has("timestamps")) text += FixedNanoTime(l.time) + " ";
    if (!args.Has("raw")) {
      const Task& t = state->tasks.at(l.task_id);
      std::string name = t.service_name + "." + std::to_string(t.slot);
      if (!args.Has("no-task-ids")) name += "." + (args.Has("no-trunc") ? t.id : t.id.substr(0, 12));
      name += "@" + NodeHostname(*state, t.node_id);
      size_t digits = Digits(t.slot);
      if (pad_to > digits) name += std::string(pad_to - digits, ' ');
      text += name + "    | ";
    }
    text += l.text + "\n";
    (l.stream == "stderr" ? out->err : out->out) += text;
  }
  return Status::OK();
}

}  // namespace

void RegisterLogsCommands(std::vector<CommandDef>* defs) {
  defs->push_back(
      {.path = {"service", "logs"},
       .usage = "service logs [OPTIONS] SERVICE|TASK",
       .description = "Fetch the logs of a service or task",
       .flags = {FlagSpec::Bool("timestamps", 't', "Show timestamps"),
                 FlagSpec::Value("tail", 'n', "string", "Number of lines to show from the end of the logs", "all"),
                 FlagSpec::Bool("no-task-ids", 0, "Do not include task IDs in output"),
                 FlagSpec::Bool("no-trunc", 0, "Do not truncate output"),
                 FlagSpec::Bool("raw", 0, "Do not neatly format logs"),
                 FlagSpec::Bool("no-resolve", 0, "Do not map IDs to Names in output"),
                 FlagSpec::Bool("follow", 'f', "Follow log output"),
                 FlagSpec::Bool("details", 0, "Show extra details provided to logs"),
                 FlagSpec::Value("since", 0, "string",
                                 "Show logs since timestamp (e.g. \"2013-01-02T13:23:37Z\") or relative (e.g. \"42m\" "
                                 "for 42 minutes)")},
       .min_args = 1,
       .max_args = 1,
       .read_only = true,
       .run = ServiceLogs});
}

}  // namespace swarmsim
