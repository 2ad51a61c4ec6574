// ps | container ls | container inspect | inspect | info | volume create: what one
// node's engine answers. On a real swarm these answer from the node the client is
// connected to; here they take --node NAME and default to the leader.
#include <algorithm>

#include "core/command/go_fields.h"
#include "core/command/output.h"
#include "core/command/registry.h"
#include "core/container/containers.h"
#include "core/container/volumes.h"
#include "core/control/nodes.h"
#include "core/control/swarm.h"
#include "core/engine_api/router.h"
#include "core/format/go_template.h"
#include "core/format/human_duration.h"
#include "core/format/size.h"
#include "core/format/time_format.h"
#include "core/model/json_order.h"

namespace swarmsim {

namespace {

// The node a per-node command talks to: --node, else the leader.
Result<Node*> EngineNode(CommandContext* ctx, const ParsedArgs& args) {
  SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*ctx->state));
  return ResolveNode(ctx->state, args.Has("node") ? args.Get("node") : ctx->state->self_node_id);
}

std::string Ellipsis(const std::string& s, size_t max) {
  if (s.size() <= max) return s;
  return s.substr(0, max - 1) + "\xE2\x80\xA6";  // docker's "…"
}

std::string StatusText(const ContainerInfo& c, Time now) {
  if (c.state == "created") return "Created";
  if (c.state == "exited") {
    return "Exited (" + std::to_string(c.exit_code) + ") " + HumanDuration(now - c.finished) + " ago";
  }
  std::string s = "Up " + HumanDuration(now - c.started);
  if (c.health == "healthy") s += " (healthy)";
  else if (c.health == "starting") s += " (health: starting)";
  return s;
}

nlohmann::json ContainerRow(const ClusterState& state, const ContainerInfo& c, bool no_trunc) {
  const Task& t = *c.task;
  std::string command;
  if (t.spec) {
    for (const auto& w : t.spec->container.command) command += (command.empty() ? "" : " ") + w;
    for (const auto& w : t.spec->container.args) command += (command.empty() ? "" : " ") + w;
  }
  std::string ports;
  if (t.endpoint) {
    for (const auto& p : t.endpoint->ports) {
      if (p.publish_mode != "host" || p.published_port == 0) continue;
      ports += std::string(ports.empty() ? "" : ", ") + "0.0.0.0:" + std::to_string(p.published_port) + "->" +
               std::to_string(p.target_port) + "/" + p.protocol;
    }
  }
  std::string networks;
  for (const auto& a : t.networks) {
    auto n = state.networks.find(a.network_id);
    networks += (networks.empty() ? "" : ",") + (n != state.networks.end() ? n->second.name : a.network_id);
  }
  Time now = state.clock.now;
  return {{"ID", no_trunc ? c.id : c.id.substr(0, 12)},
          {"Image", t.spec ? t.spec->container.image : ""},
          {"Command", "\"" + (no_trunc ? command : Ellipsis(command, 20)) + "\""},
          {"CreatedAt", FormatPrettyTime(c.created)},
          {"RunningFor", HumanDuration(now - c.created) + " ago"},
          {"Ports", ports},
          {"State", c.state},
          {"Status", StatusText(c, now)},
          {"Names", c.name},
          {"Networks", networks},
          {"Labels", "com.docker.swarm.service.name=" + t.service_name + ",com.docker.swarm.task.id=" + t.id}};
}

Status ContainerLs(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  auto node = EngineNode(ctx, args);
  if (!node.ok()) return node.status();
  std::vector<nlohmann::json> rows;
  for (const ContainerInfo& c : NodeContainers(ctx->state, node.value()->id, args.Has("all"))) {
    rows.push_back(ContainerRow(*ctx->state, c, args.Has("no-trunc")));
  }
  ListFormat list;
  list.table = "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}";
  list.headers = {{"ID", "CONTAINER ID"}, {"Image", "IMAGE"},     {"Command", "COMMAND"},
                  {"CreatedAt", "CREATED AT"}, {"RunningFor", "CREATED"}, {"Ports", "PORTS"},
                  {"State", "STATE"},       {"Status", "STATUS"},   {"Names", "NAMES"},
                  {"Networks", "NETWORKS"}, {"Labels", "LABELS"}};
  list.context_type = "*formatter.ContainerContext";
  return PrintList(rows, list, args.Get("format"), args.Has("quiet"), out);
}

// Finds containers by full ID, name or unique ID prefix, like the engine.
const ContainerInfo* FindContainer(const std::vector<ContainerInfo>& all, const std::string& ref) {
  const ContainerInfo* prefix = nullptr;
  int matches = 0;
  for (const auto& c : all) {
    if (c.id == ref || c.name == ref || "/" + c.name == ref) return &c;
    if (!ref.empty() && c.id.rfind(ref, 0) == 0) {
      prefix = &c;
      ++matches;
    }
  }
  return matches == 1 ? prefix : nullptr;
}

// docker inspect prints what it found, then one error line per name it did not
// find, and exits 1.
Status InspectContainers(CommandContext* ctx, const ParsedArgs& args, const std::string& missing, CommandOutput* out) {
  auto node = EngineNode(ctx, args);
  if (!node.ok()) return node.status();
  std::vector<ContainerInfo> all = NodeContainers(ctx->state, node.value()->id, true);
  nlohmann::ordered_json arr = nlohmann::ordered_json::array();
  std::vector<nlohmann::json> objs;
  std::string errors;
  for (const auto& ref : args.positional()) {
    const ContainerInfo* c = FindContainer(all, ref);
    if (!c) {
      errors += "Error: No such " + missing + ": " + ref + "\n";
      continue;
    }
    nlohmann::ordered_json j = ContainerJson(*ctx->state, *c);
    objs.push_back(nlohmann::json::parse(j.dump()));
    arr.push_back(std::move(j));
  }
  if (args.Has("format")) {
    SWARMSIM_RETURN_IF_ERROR(PrintFormatted(objs, args.Get("format"), InspectedAs::kJson, out));
  } else {
    out->out += arr.dump(4) + "\n";
  }
  if (!errors.empty()) {
    out->err += errors;
    out->exit_code = 1;
  }
  return Status::OK();
}

Status ContainerInspect(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  return InspectContainers(ctx, args, "container", out);
}

Status Inspect(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  if (args.Has("type") && args.Get("type") != "container") {
    return Status::InvalidArgument("swarmsim inspect looks at containers; use `swarmsim " + args.Get("type") +
                                   " inspect` for a " + args.Get("type"));
  }
  return InspectContainers(ctx, args, "object", out);
}

Status VolumeCreate(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  auto node = EngineNode(ctx, args);
  if (!node.ok()) return node.status();
  std::string name = args.positional().empty() ? "" : args.positional()[0];
  auto created = CreateNamedVolume(ctx->state, node.value()->id, name, args.Get("driver", "local"),
                                   ParseKeyValues(args.GetAll("label")), ParseKeyValues(args.GetAll("opt")));
  if (!created.ok()) return created.status();
  out->out += created.value() + "\n";
  return Status::OK();
}

// The docker client this CLI speaks for (its `info` and `version` say so).
constexpr char kClientVersion[] = "28.2.2";

std::string InfoText(ClusterState* state, const Node& node) {
  std::vector<ContainerInfo> all = NodeContainers(state, node.id, true);
  int running = 0, stopped = 0;
  for (const auto& c : all) (c.state == "running" ? running : stopped)++;
  int managers = 0;
  std::string manager_addrs;
  for (const auto& [id, n] : state->nodes) {
    if (!n.manager_status) continue;
    ++managers;
    manager_addrs += "   " + n.manager_status->addr + "\n";
  }
  const SwarmSettings& w = state->swarm;
  std::string s;
  s += std::string("Client:\n Version:    ") + kClientVersion + "\n Context:    default\n Debug Mode: false\n\n";
  s += "Server:\n";
  s += " Containers: " + std::to_string(all.size()) + "\n";
  s += "  Running: " + std::to_string(running) + "\n  Paused: 0\n  Stopped: " + std::to_string(stopped) + "\n";
  s += " Images: " + std::to_string(node.images.size()) + "\n";
  s += " Server Version: " + node.description.engine_version + "\n";
  s += " Storage Driver: overlay2\n Logging Driver: json-file\n";
  s += " Plugins:\n  Volume: local\n  Network: bridge host ipvlan macvlan null overlay\n"
       "  Log: awslogs fluentd gcplogs gelf journald json-file local splunk syslog\n";
  s += " Swarm: active\n";
  s += "  NodeID: " + node.id + "\n";
  s += std::string("  Is Manager: ") + (node.manager_status ? "true" : "false") + "\n";
  if (node.manager_status) {
    s += "  ClusterID: " + state->cluster_id + "\n";
    s += "  Managers: " + std::to_string(managers) + "\n";
    s += "  Nodes: " + std::to_string(state->nodes.size()) + "\n";
    s += "  Default Address Pool: 10.0.0.0/8  \n  SubnetSize: 24\n  Data Path Port: 4789\n";
    s += "  Orchestration:\n   Task History Retention Limit: " + std::to_string(w.task_history_limit) + "\n";
    s += "  Raft:\n   Snapshot Interval: 10000\n   Number of Old Snapshots to Retain: 0\n   Heartbeat Tick: 1\n"
         "   Election Tick: 10\n";
    s += "  Dispatcher:\n   Heartbeat Period: " + HumanDuration(w.dispatcher_heartbeat) + "\n";
    s += "  CA Configuration:\n   Expiry Duration: " + HumanDuration(w.cert_expiry) + "\n   Force Rotate: 0\n";
    s += "  Autolock Managers: false\n  Root Rotation In Progress: false\n";
  }
  s += "  Node Address: " + node.status.addr + "\n";
  s += "  Manager Addresses:\n" + manager_addrs;
  s += " Kernel Version: 6.10.14-linuxkit\n Operating System: Docker Swarm Simulator\n OSType: " +
       node.description.platform.os + "\n Architecture: " + node.description.platform.architecture + "\n";
  s += " CPUs: " + std::to_string(node.description.resources.nano_cpus / 1'000'000'000LL) + "\n";
  s += " Total Memory: " + BytesSize(static_cast<double>(node.description.resources.memory_bytes)) + "\n";
  s += " Name: " + node.description.hostname + "\n";
  s += " ID: " + node.id + "\n";
  s += " Docker Root Dir: /var/lib/docker\n Debug Mode: false\n Experimental: false\n";
  return s;
}

// `info --format`: docker runs the template over its `info` struct, which embeds
// what GET /info answers and adds the client's own part.
Status InfoFormatted(CommandContext* ctx, const Node& node, const std::string& format, CommandOutput* out) {
  auto tmpl = GoTemplate::Parse(format == "json" ? "{{json .}}" : format);
  if (!tmpl.ok()) {
    out->err += "template parsing error: " + tmpl.status().message() + "\n";
    out->exit_code = 64;
    return Status::OK();
  }
  EngineResponse answer = HandleEngineRequest(ctx, {"GET", "/info", "", node.description.hostname});
  nlohmann::json info = nlohmann::json::parse(answer.body, nullptr, false);
  if (answer.status >= 400 || !info.is_object()) return Status::Unknown("info: " + answer.body);
  info["ClientInfo"] = {{"Debug", false},          {"Version", kClientVersion},         {"DefaultAPIVersion", kMaxApiVersion},
                        {"GitCommit", "e6534b4"},   {"GoVersion", "go1.24.3"},     {"Os", "linux"},
                        {"Arch", "amd64"},          {"BuildTime", "Fri May 30 12:07:14 2025"},
                        {"Context", "default"},     {"Plugins", nlohmann::json::array()},
                        {"Warnings", nullptr}};
  TemplateOptions options;
  options.struct_type = "system.dockerInfo";
  // (Known fields in docker's order; the rest of system.Info, whose order and
  // zero-valued fields {{json .}} would need, alphabetically.)
  options.json_encoder = [](const nlohmann::json& v) { return InDockerOrder(v).dump(); };
  options.field_text = SwarmFieldText;
  // As docker: whatever the template wrote, then a newline, then its error.
  Status run = tmpl->ExecuteTo(info, options, &out->out);
  out->out += "\n";
  if (!run.ok()) {
    out->err += run.message() + "\n";
    out->exit_code = 1;
  }
  return Status::OK();
}

Status Info(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  auto node = EngineNode(ctx, args);
  if (!node.ok()) return node.status();
  if (args.Has("format") && !args.Get("format").empty()) return InfoFormatted(ctx, *node.value(), args.Get("format"), out);
  out->out += InfoText(ctx->state, *node.value());
  return Status::OK();
}

const char kNodeHelp[] = "The node whose engine answers (default: the leader, the node the CLI talks to)";

std::vector<FlagSpec> LsFlags() {
  return {FlagSpec::Bool("all", 'a', "Show all containers (default shows just running)"),
          FlagSpec::Bool("quiet", 'q', "Only display container IDs"),
          FlagSpec::Bool("no-trunc", 0, "Don't truncate output"),
          FlagSpec::Value("format", 0, "string", kListFormatHelp),
          FlagSpec::Value("node", 0, "string", kNodeHelp)};
}

std::vector<FlagSpec> InspectFlags(bool type) {
  std::vector<FlagSpec> f = {FlagSpec::Value("format", 'f', "string", kInspectFormatHelp),
                             FlagSpec::Value("node", 0, "string", kNodeHelp),
                             FlagSpec::Bool("size", 's', type ? "Display total file sizes if the type is container" : "Display total file sizes")};
  if (type) f.push_back(FlagSpec::Value("type", 0, "string", "Only inspect objects of the given type"));
  return f;
}

}  // namespace

void RegisterContainerCommands(std::vector<CommandDef>* defs) {
  defs->push_back({.path = {"ps"},
                   .usage = "ps [OPTIONS]",
                   .description = "List containers",
                   .flags = LsFlags(),
                   .max_args = 0,
                   .read_only = true,
                   .run = ContainerLs});
  defs->push_back({.path = {"container", "ls"},
                   .aliases = {"list", "ps"},
                   .usage = "container ls [OPTIONS]",
                   .description = "List containers",
                   .flags = LsFlags(),
                   .max_args = 0,
                   .read_only = true,
                   .run = ContainerLs});
  defs->push_back({.path = {"container", "inspect"},
                   .usage = "container inspect [OPTIONS] CONTAINER [CONTAINER...]",
                   .description = "Display detailed information on one or more containers",
                   .flags = InspectFlags(false),
                   .min_args = 1,
                   .read_only = true,
                   .run = ContainerInspect});
  defs->push_back({.path = {"inspect"},
                   .usage = "inspect [OPTIONS] CONTAINER [CONTAINER...]",
                   .description = "Return low-level information on Docker objects",
                   .flags = InspectFlags(true),
                   .min_args = 1,
                   .read_only = true,
                   .run = Inspect});
  defs->push_back({.path = {"info"},
                   .usage = "info [OPTIONS]",
                   .description = "Display system-wide information",
                   .flags = {FlagSpec::Value("format", 'f', "string", kInspectFormatHelp),
                             FlagSpec::Value("node", 0, "string", kNodeHelp)},
                   .max_args = 0,
                   .read_only = true,
                   .run = Info});
  defs->push_back({.path = {"volume", "create"},
                   .usage = "volume create [OPTIONS] [VOLUME]",
                   .description = "Create a volume",
                   .flags = {FlagSpec::Value("driver", 'd', "string", "Specify volume driver name", "local"),
                             FlagSpec::Value("label", 0, "list", "Set metadata for a volume"),
                             FlagSpec::Value("opt", 'o', "map", "Set driver specific options", "map[]"),
                             FlagSpec::Value("node", 0, "string", kNodeHelp)},
                   .max_args = 1,
                   .run = VolumeCreate});
}

}  // namespace swarmsim
