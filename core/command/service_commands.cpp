// service create | ls | ps | inspect | scale | update | rollback | rm.
#include <algorithm>

#include "core/command/output.h"
#include "core/command/registry.h"
#include "core/command/service_flags.h"
#include "core/command/service_networks.h"
#include "core/command/service_view.h"
#include "core/command/task_table.h"
#include "core/control/configs.h"
#include "core/control/services.h"
#include "core/control/swarm.h"
#include "core/model/json.h"

namespace swarmsim {

namespace {

// The CLI looks up the configs and secrets a spec names before sending it.
Status ResolveSpecFileReferences(const ClusterState& state, ServiceSpec* spec) {
  auto& c = spec->task_template.container;
  SWARMSIM_RETURN_IF_ERROR(ResolveFileReferences(state, BlobKind::kSecret, &c.secrets));
  return ResolveFileReferences(state, BlobKind::kConfig, &c.configs);
}

// Without --detach docker waits for each changed service to converge; the caller
// decides whether it can (CommandOutput::converge).
void WaitUnlessDetached(const ParsedArgs& args, const std::string& service, CommandOutput* out) {
  if (args.GetBool("detach")) return;
  out->converge.services.push_back(service);
  out->converge.quiet = args.GetBool("quiet");
}

Status ServiceCreate(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*ctx->state));
  auto spec = SpecFromCreateFlags(args, ctx);
  if (!spec.ok()) return spec.status();
  // Unnamed services get a generated name, as the daemon does.
  if (spec->name.empty()) spec->name = GeneratedServiceName(ctx->state);
  SWARMSIM_RETURN_IF_ERROR(ApplyServiceNetworkFlags(ctx->state, args, /*update=*/false, &spec.value()));
  SWARMSIM_RETURN_IF_ERROR(ResolveSpecFileReferences(*ctx->state, &spec.value()));
  auto id = CreateService(ctx->state, spec.value());
  if (!id.ok()) return id.status();
  out->out += id.value() + "\n";
  WaitUnlessDetached(args, id.value(), out);
  return Status::OK();
}

Status ServiceLs(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*ctx->state));
  std::vector<const Service*> services;
  for (const auto& [id, s] : ctx->state->services) services.push_back(&s);
  return PrintServiceList(*ctx, services, args.Get("format"), args.Has("quiet"), args.GetAll("filter"), out);
}

Status ServicePs(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*ctx->state));
  // docker/cli's service ps: the tasks of the services found, then a line for
  // each one not found; only an error when none was found.
  std::vector<const Task*> tasks;
  std::string notfound;
  bool any = false;
  for (const auto& ref : args.positional()) {
    Service* s = FindService(ctx->state, ref);
    if (!s) {
      notfound += (notfound.empty() ? "" : "\n") + ("no such service: " + ref);
      continue;
    }
    any = true;
    for (const auto& [id, t] : ctx->state->tasks) {
      if (t.service_id == s->id) tasks.push_back(&t);
    }
  }
  if (!any) return Status::NotFound(notfound);
  TaskTableOptions options = TaskTableOptionsFrom(args);
  options.may_stream = ctx->may_stream;
  if (options.quiet) options.no_trunc = true;  // service ps -q prints whole task IDs
  SWARMSIM_RETURN_IF_ERROR(PrintTaskTable(*ctx->state, tasks, options, out));
  if (!notfound.empty()) {
    out->err += notfound + "\n";
    out->exit_code = 1;
  }
  return Status::OK();
}

Status ServiceInspect(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  // docker/cli's service inspect: --pretty is the format "pretty".
  if (args.Has("pretty") && !args.Get("format").empty()) {
    return Status::InvalidArgument("--format is incompatible with human friendly format");
  }
  std::string format = args.Has("pretty") ? "pretty" : args.Get("format");
  if (format.rfind("pretty", 0) == 0 && format != "pretty") {
    return Status::InvalidArgument("Cannot supply extra formatting options to the pretty template");
  }
  SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*ctx->state));
  std::vector<const Service*> services;
  std::vector<std::string> errors;
  for (const auto& ref : args.positional()) {
    auto s = ResolveService(ctx->state, ref);
    if (!s.ok() && s.status().code() != Status::Code::kNotFound) return s.status();
    if (!s.ok()) {
      // The pretty view stops at the first missing service and prints nothing.
      if (format == "pretty") return Status::NotFound("Error: no such service: " + ref);
      errors.push_back("Error: no such service: " + ref);
      continue;
    }
    services.push_back(s.value());
  }
  if (format == "pretty") {
    for (const Service* s : services) out->out += PrettyService(*ctx->state, *s) + "\n";
    return Status::OK();
  }
  std::vector<nlohmann::json> objs;
  for (const Service* s : services) objs.push_back(ServiceJson(*ctx->state, *s));
  WriteInspected(objs, errors, format, "swarm.Service", InspectedAs::kSwarmTypes, out);
  return Status::OK();
}

Status ServiceScale(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*ctx->state));
  // Validate every pair first: a failed command changes nothing.
  std::vector<std::pair<Service*, uint64_t>> todo;
  for (const auto& pair : args.positional()) {
    auto eq = pair.find('=');
    if (eq == std::string::npos) {
      return Status::InvalidArgument("invalid scale specifier '" + pair + "'.\nSee 'swarmsim service scale --help'.");
    }
    std::string name = pair.substr(0, eq), value = pair.substr(eq + 1);
    if (value.empty() || value.size() > 19 || value.find_first_not_of("0123456789") != std::string::npos) {
      return Status::InvalidArgument(name + ": invalid replicas value " + value + ": strconv.ParseUint: parsing \"" +
                                     value + "\": invalid syntax");
    }
    auto s = ResolveService(ctx->state, name);
    if (!s.ok()) return s.status().Wrap(name + ": ");
    ServiceMode mode = s.value()->spec.mode;
    if (mode != ServiceMode::kReplicated && mode != ServiceMode::kReplicatedJob) {
      return Status::InvalidArgument(name + ": scale can only be used with replicated or replicated-job mode");
    }
    todo.push_back({s.value(), std::stoull(value)});
  }
  for (size_t i = 0; i < todo.size(); ++i) {
    ServiceSpec spec = todo[i].first->spec;
    spec.replicas = todo[i].second;
    SWARMSIM_RETURN_IF_ERROR(UpdateService(ctx->state, todo[i].first->id, spec));
    std::string name = args.positional()[i].substr(0, args.positional()[i].find('='));
    out->out += name + " scaled to " + std::to_string(todo[i].second) + "\n";
    WaitUnlessDetached(args, name, out);
  }
  out->converge.name_errors = true;
  return Status::OK();
}

Status ServiceUpdateCmd(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*ctx->state));
  const std::string& ref = args.positional()[0];
  auto s = ResolveService(ctx->state, ref);
  if (!s.ok()) return s.status();
  if (args.Has("rollback")) {
    SWARMSIM_RETURN_IF_ERROR(RollbackService(ctx->state, s.value()->id));
  } else {
    ServiceSpec spec = s.value()->spec;
    SWARMSIM_RETURN_IF_ERROR(ApplyUpdateFlags(args, &spec, ctx));
    SWARMSIM_RETURN_IF_ERROR(ApplyServiceNetworkFlags(ctx->state, args, /*update=*/true, &spec));
    SWARMSIM_RETURN_IF_ERROR(ResolveSpecFileReferences(*ctx->state, &spec));
    SWARMSIM_RETURN_IF_ERROR(UpdateService(ctx->state, s.value()->id, spec));
  }
  out->out += ref + "\n";
  WaitUnlessDetached(args, ref, out);
  return Status::OK();
}

Status ServiceRollback(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*ctx->state));
  const std::string& ref = args.positional()[0];
  auto s = ResolveService(ctx->state, ref);
  if (!s.ok()) return s.status();
  SWARMSIM_RETURN_IF_ERROR(RollbackService(ctx->state, s.value()->id));
  out->out += ref + "\n";
  WaitUnlessDetached(args, ref, out);
  return Status::OK();
}

Status ServiceRm(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*ctx->state));
  for (const auto& ref : args.positional()) {
    auto s = ResolveService(ctx->state, ref);
    if (!s.ok()) return s.status();
    SWARMSIM_RETURN_IF_ERROR(RemoveService(ctx->state, s.value()->id));
    out->out += ref + "\n";
  }
  return Status::OK();
}

}  // namespace

void RegisterServiceCommands(std::vector<CommandDef>* defs) {
  defs->push_back({.path = {"service", "create"},
                   .usage = "service create [OPTIONS] IMAGE [COMMAND] [ARG...]",
                   .description = "Create a new service",
                   .flags = ServiceCreateFlags(),
                   .min_args = 1,
                   .run = ServiceCreate});
  defs->push_back({.path = {"service", "ls"},
                   .aliases = {"list"},
                   .usage = "service ls [OPTIONS]",
                   .description = "List services",
                   .flags = {FlagSpec::Bool("quiet", 'q', "Only display IDs"),
                             FlagSpec::Value("format", 0, "string", kListFormatHelp),
                             FlagSpec::Value("filter", 'f', "filter", "Filter output based on conditions provided")},
                   .max_args = 0,
                   .read_only = true,
                   .run = ServiceLs,
                   .can_skip_tasks = true});
  defs->push_back({.path = {"service", "ps"},
                   .usage = "service ps [OPTIONS] SERVICE [SERVICE...]",
                   .description = "List the tasks of one or more services",
                   .flags = TaskListFlags("Pretty-print tasks using a Go template"),
                   .min_args = 1,
                   .read_only = true,
                   .run = ServicePs});
  defs->push_back({.path = {"service", "inspect"},
                   .usage = "service inspect [OPTIONS] SERVICE [SERVICE...]",
                   .description = "Display detailed information on one or more services",
                   .flags = {FlagSpec::Bool("pretty", 0, "Print the information in a human friendly format"),
                             FlagSpec::Value("format", 'f', "string", kInspectFormatHelp)},
                   .min_args = 1,
                   .read_only = true,
                   .run = ServiceInspect});
  defs->push_back({.path = {"service", "scale"},
                   .usage = "service scale SERVICE=REPLICAS [SERVICE=REPLICAS...]",
                   .description = "Scale one or multiple replicated services",
                   .flags = {FlagSpec::Bool("detach", 'd',
                                            "Exit immediately instead of waiting for the service to converge")},
                   .min_args = 1,
                   .run = ServiceScale});
  defs->push_back({.path = {"service", "update"},
                   .usage = "service update [OPTIONS] SERVICE",
                   .description = "Update a service",
                   .flags = ServiceUpdateFlags(),
                   .min_args = 1,
                   .max_args = 1,
                   .run = ServiceUpdateCmd});
  defs->push_back({.path = {"service", "rollback"},
                   .usage = "service rollback [OPTIONS] SERVICE",
                   .description = "Revert changes to a service's configuration",
                   .flags = {FlagSpec::Bool("detach", 'd',
                                            "Exit immediately instead of waiting for the service to converge"),
                             FlagSpec::Bool("quiet", 'q', "Suppress progress output")},
                   .min_args = 1,
                   .max_args = 1,
                   .run = ServiceRollback});
  defs->push_back({.path = {"service", "rm"},
                   .aliases = {"remove"},
                   .usage = "service rm SERVICE [SERVICE...]",
                   .description = "Remove one or more services",
                   .min_args = 1,
                   .run = ServiceRm,
                   .per_object = true});
}

}  // namespace swarmsim
