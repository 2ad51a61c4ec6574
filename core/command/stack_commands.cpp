// stack deploy | ls | services | ps | rm | config.
#include <algorithm>

#include "core/command/output.h"
#include "core/command/registry.h"
#include "core/command/service_view.h"
#include "core/command/task_table.h"
#include "core/compose/convert.h"
#include "core/compose/loader.h"
#include "core/compose/render.h"
#include "core/control/stack.h"
#include "core/control/stack_plan.h"
#include "core/control/swarm.h"

namespace swarmsim {

namespace {

Result<std::vector<ComposeFile>> ReadComposeFiles(CommandContext* ctx, const ParsedArgs& args) {
  std::vector<std::string> paths = args.GetAll("compose-file");
  if (paths.empty()) return Status::InvalidArgument("Specify a Compose file (with --compose-file)");
  std::vector<ComposeFile> files;
  for (const auto& p : paths) {
    auto content = ctx->read_file(p);
    if (!content.ok()) return content.status();
    files.push_back({p, content.value()});
  }
  return files;
}

// The content of stack-owned configs and secrets, read through the session so
// the command log holds it for replay (paths are absolute, resolved by the loader).
Status ReadFileObjects(CommandContext* ctx, StackSpec* stack) {
  for (auto* objects : {&stack->secrets, &stack->configs}) {
    for (auto& f : *objects) {
      if (f.external || f.file.empty()) continue;
      auto content = ctx->read_file(f.file);
      if (!content.ok()) return content.status();
      f.data = content.value();
    }
  }
  return Status::OK();
}

Status StackDeploy(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  const std::string& name = args.positional()[0];
  SWARMSIM_RETURN_IF_ERROR(CheckStackName(name));
  auto files = ReadComposeFiles(ctx, args);
  if (!files.ok()) return files.status();
  ComposeLoadOptions options;
  options.read_file = ctx->read_file;
  options.env_used = &ctx->env_used;
  std::vector<std::string> logged;
  options.log_warnings = &logged;
  auto project = LoadCompose(files.value(), ctx->env, options);
  for (const auto& w : logged) out->warnings += LogrusWarning(ctx->state->clock.now, w);
  if (!project.ok()) return project.status();
  // Printed once the files have loaded, so before any later error.
  for (const auto& w : project->warnings) out->warnings += w;
  SWARMSIM_RETURN_IF_ERROR(CheckStackImages(project.value()));
  // docker says this as the deploy starts, before converting the services (so
  // before any error of theirs).
  if (!args.Has("detach") && !args.Has("dry-run")) {
    out->warnings += "Since --detach=false was not specified, tasks will be created in the background.\n"
                     "In a future release, --detach=false will become the default.\n";
  }
  auto stack = ConvertStack(project.value(), name);
  if (!stack.ok()) return stack.status();
  SWARMSIM_RETURN_IF_ERROR(ReadFileObjects(ctx, &stack.value()));
  SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*ctx->state).ok()
                               ? Status::OK()
                               : Status::FailedPrecondition(
                                     "this node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm "
                                     "join\" to connect this node to swarm and try again"));
  if (args.Has("dry-run")) {
    auto plan = PlanStack(*ctx->state, stack.value(), args.Has("prune"));
    if (!plan.ok()) return plan.status();
    for (const auto& l : plan.value()) out->out += l + "\n";
    return Status::OK();
  }
  std::vector<std::string> lines;
  SWARMSIM_RETURN_IF_ERROR(DeployStack(ctx->state, stack.value(), args.Has("prune"), &lines));
  for (const auto& l : lines) out->out += l + "\n";
  return Status::OK();
}

Status StackLs(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*ctx->state));
  auto stacks = ListStacks(*ctx->state);
  std::stable_sort(stacks.begin(), stacks.end(),
                   [](const auto& a, const auto& b) { return NaturalLess(a.first, b.first); });
  std::vector<nlohmann::json> rows;
  for (const auto& [name, count] : stacks) rows.push_back({{"Name", name}, {"Services", std::to_string(count)}});
  ListFormat list;
  list.table = "table {{.Name}}\t{{.Services}}";
  list.quiet = "{{.Name}}";
  list.headers = {{"Name", "NAME"}, {"Services", "SERVICES"}};
  list.context_type = "*formatter.stackContext";
  return PrintList(rows, list, args.Get("format"), false, out);
}

Status StackServicesCmd(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*ctx->state));
  const std::string& name = args.positional()[0];
  auto services = StackServices(*ctx->state, name);
  if (services.empty()) {
    out->err += "Nothing found in stack: " + name + "\n";
    return Status::OK();
  }
  return PrintServiceList(*ctx, services, args.Get("format"), args.Has("quiet"), args.GetAll("filter"), out);
}

Status StackPs(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*ctx->state));
  const std::string& name = args.positional()[0];
  std::vector<const Task*> tasks;
  for (const Service* s : StackServices(*ctx->state, name)) {
    for (const auto& [id, t] : ctx->state->tasks) {
      if (t.service_id == s->id) tasks.push_back(&t);
    }
  }
  if (tasks.empty()) return Status::NotFound("nothing found in stack: " + name);
  return PrintTaskTable(*ctx->state, tasks, TaskTableOptionsFrom(args), out);
}

Status StackRm(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  for (const auto& name : args.positional()) {
    std::vector<std::string> lines;
    bool found = false;
    SWARMSIM_RETURN_IF_ERROR(RemoveStack(ctx->state, name, &lines, &found));
    if (!found) out->err += "Nothing found in stack: " + name + "\n";
    for (const auto& l : lines) out->out += l + "\n";
  }
  return Status::OK();
}

Status StackConfig(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  auto files = ReadComposeFiles(ctx, args);
  if (!files.ok()) return files.status();
  ComposeLoadOptions options;
  options.skip_interpolation = args.Has("skip-interpolation");
  options.read_file = ctx->read_file;
  options.env_used = &ctx->env_used;
  std::vector<std::string> logged;
  options.log_warnings = &logged;
  auto text = StackConfigText(files.value(), ctx->env, options);
  for (const auto& w : logged) out->warnings += LogrusWarning(ctx->state->clock.now, w);
  if (!text.ok()) return text.status();
  out->out += text.value();
  return Status::OK();
}

}  // namespace

void RegisterStackCommands(std::vector<CommandDef>* defs) {
  const FlagSpec compose_file =
      FlagSpec::Value("compose-file", 'c', "strings", "Path to a Compose file, or \"-\" to read from stdin");
  defs->push_back(
      {.path = {"stack", "deploy"},
       .aliases = {"up"},
       .usage = "stack deploy [OPTIONS] STACK",
       .description = "Deploy a new stack or update an existing stack",
       .flags = {compose_file, FlagSpec::Bool("prune", 0, "Prune services that are no longer referenced"),
                 FlagSpec::Bool("detach", 'd',
                                "Exit immediately instead of waiting for the stack services to converge", "true"),
                 FlagSpec::Bool("dry-run", 0, "Show what the deploy would create, update and remove, changing nothing"),
                 FlagSpec::Value("resolve-image", 0, "string",
                                 "Query the registry to resolve image digest and supported platforms (\"always\", "
                                 "\"changed\", \"never\")",
                                 "always"),
                 FlagSpec::Bool("with-registry-auth", 0, "Send registry authentication details to Swarm agents"),
                 FlagSpec::Bool("quiet", 'q', "Suppress progress output")},
       .min_args = 1,
       .max_args = 1,
       .run = StackDeploy});
  defs->push_back({.path = {"stack", "ls"},
                   .aliases = {"list"},
                   .usage = "stack ls [OPTIONS]",
                   .description = "List stacks",
                   .flags = {FlagSpec::Value("format", 0, "string", kListFormatHelp)},
                   .max_args = 0,
                   .read_only = true,
                   .run = StackLs});
  defs->push_back({.path = {"stack", "services"},
                   .usage = "stack services [OPTIONS] STACK",
                   .description = "List the services in the stack",
                   .flags = {FlagSpec::Bool("quiet", 'q', "Only display IDs"),
                             FlagSpec::Value("format", 0, "string", kListFormatHelp),
                             FlagSpec::Value("filter", 'f', "filter", "Filter output based on conditions provided")},
                   .min_args = 1,
                   .max_args = 1,
                   .read_only = true,
                   .run = StackServicesCmd});
  defs->push_back({.path = {"stack", "ps"},
                   .usage = "stack ps [OPTIONS] STACK",
                   .description = "List the tasks in the stack",
                   .flags = TaskListFlags(kListFormatHelp),
                   .min_args = 1,
                   .max_args = 1,
                   .read_only = true,
                   .run = StackPs});
  defs->push_back({.path = {"stack", "rm"},
                   .aliases = {"remove", "down"},
                   .usage = "stack rm [OPTIONS] STACK [STACK...]",
                   .description = "Remove one or more stacks",
                   .flags = {FlagSpec::Bool("detach", 'd', "Do not wait for stack removal", "true")},
                   .min_args = 1,
                   .run = StackRm,
                   .per_object = true});
  defs->push_back({.path = {"stack", "config"},
                   .usage = "stack config [OPTIONS]",
                   .description = "Outputs the final config file, after doing merges and interpolations",
                   .flags = {compose_file,
                             FlagSpec::Bool("skip-interpolation", 0, "Skip interpolation and output only merged config")},
                   .max_args = 0,
                   .read_only = true,
                   .run = StackConfig});
}

}  // namespace swarmsim
