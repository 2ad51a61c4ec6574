// exec TASK cat|ls|env ...: look inside a running task's container, through the
// same file system its program sees (core/container/filesystem.h).
#include "core/command/registry.h"
#include "core/container/filesystem.h"
#include "core/control/swarm.h"
#include "core/control/tasks.h"
#include "core/image/catalog.h"

namespace swarmsim {

namespace {

Status Exec(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*ctx->state));
  const auto& pos = args.positional();
  auto task = ResolveTask(*ctx->state, pos[0]);
  if (!task.ok()) return task.status();
  const Task& t = *task.value();
  if (t.status.state != TaskState::kRunning) {
    return Status::Daemon(Status::Code::kFailedPrecondition,
                          "container of task " + t.id + " is not running (task state: " +
                              ToString(t.status.state) + ")");
  }
  const std::string& program = pos[1];
  std::vector<std::string> operands(pos.begin() + 2, pos.end());
  if (program == "cat") {
    if (operands.empty()) return Status::InvalidArgument("cat: missing operand (swarmsim reads files only)");
    for (const auto& path : operands) {
      auto content = ReadTaskFile(*ctx->state, t, path);
      if (!content.ok()) return content.status();
      out->out += content.value();
    }
    return Status::OK();
  }
  if (program == "ls") {
    if (operands.empty()) operands.push_back("/");
    for (size_t i = 0; i < operands.size(); ++i) {
      auto entries = ListTaskPath(*ctx->state, t, operands[i]);
      if (!entries.ok()) return entries.status();
      if (operands.size() > 1) out->out += (i ? "\n" : "") + operands[i] + ":\n";
      for (const auto& e : entries.value()) out->out += e + "\n";
    }
    return Status::OK();
  }
  if (program == "env") {
    // The image's ENV first, then the service's, which wins (as docker merges them).
    std::map<std::string, std::string> env = LookupImage(ctx->state->images, t.spec->container.image).env;
    for (const auto& kv : t.spec->container.env) {
      auto eq = kv.find('=');
      env[kv.substr(0, eq)] = eq == std::string::npos ? "" : kv.substr(eq + 1);
    }
    out->out += "HOSTNAME=" + t.id.substr(0, 12) + "\n";  // a container's hostname is its short ID
    for (const auto& [k, v] : env) out->out += k + "=" + v + "\n";
    return Status::OK();
  }
  return Status::Daemon(Status::Code::kInvalidArgument,
                        "OCI runtime exec failed: exec failed: unable to start container process: exec: \"" + program +
                            "\": executable file not found in $PATH (swarmsim containers run cat, ls and env)");
}

}  // namespace

void RegisterExecCommands(std::vector<CommandDef>* defs) {
  defs->push_back({.path = {"exec"},
                   .usage = "exec TASK cat|ls|env [PATH...]",
                   .description = "Look inside a task's container: read a file, list a directory, print the environment",
                   .min_args = 2,
                   .read_only = true,
                   .run = Exec,
                   .raw_args = true});
}

}  // namespace swarmsim
