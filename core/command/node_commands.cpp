// swarm init, node add | ls | inspect | update | ps | rm.
#include <algorithm>
#include <cerrno>
#include <cstdlib>

#include "core/command/output.h"
#include "core/command/registry.h"
#include "core/command/task_table.h"
#include "core/control/nodes.h"
#include "core/control/swarm.h"
#include "core/format/go_duration.h"
#include "core/format/size.h"
#include "core/format/time_format.h"
#include "core/model/json.h"

namespace swarmsim {

namespace {

Result<int64_t> ParseCpus(const std::string& s) {
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (s.empty() || *end != '\0' || v <= 0 || v > 4096) {
    return Status::InvalidArgument("invalid argument \"" + s + "\" for \"--cpus\" flag: must be a positive number");
  }
  return static_cast<int64_t>(v);
}

// --cpus and --memory of `swarm init` and `node add`: the virtual machine's size.
Status ParseMachineSize(const ParsedArgs& args, int64_t* cpus, int64_t* memory_bytes) {
  if (args.Has("cpus")) {
    auto c = ParseCpus(args.Get("cpus"));
    if (!c.ok()) return c.status();
    *cpus = c.value();
  }
  if (args.Has("memory")) {
    auto m = ParseRAMInBytes(args.Get("memory"));
    if (!m.ok()) {
      return Status::InvalidArgument("invalid argument \"" + args.Get("memory") + "\" for \"--memory\" flag: " +
                                     m.status().message());
    }
    *memory_bytes = m.value();
  }
  return Status::OK();
}

Status SwarmInit(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  InitOptions opts;
  opts.seed = ctx->seed;
  if (args.Has("hostname")) opts.hostname = args.Get("hostname");
  SWARMSIM_RETURN_IF_ERROR(ParseMachineSize(args, &opts.cpus, &opts.memory_bytes));
  SWARMSIM_RETURN_IF_ERROR(InitSwarm(ctx->state, opts));
  out->out += "Swarm initialized: current node (" + ctx->state->self_node_id + ") is now a manager.\n\n";
  out->out += "To add a worker to this swarm, run the following command:\n\n    swarmsim node add\n\n";
  out->out += "To add a manager to this swarm, run 'swarmsim node add --role manager'.\n\n";
  return Status::OK();
}

Status NodeAdd(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*ctx->state));
  NodeOptions opts;
  if (!ParseNodeRole(args.Get("role", "worker"), &opts.role)) {
    return Status::InvalidArgument("invalid argument \"" + args.Get("role") +
                                   "\" for \"--role\" flag: must be worker or manager");
  }
  if (args.Has("token")) {
    // As `docker swarm join --token`: the token says which role the node joins as.
    auto role = CheckJoinToken(*ctx->state, args.Get("token"));
    if (!role.ok()) return role.status();
    opts.role = role.value();
  }
  SWARMSIM_RETURN_IF_ERROR(ParseMachineSize(args, &opts.cpus, &opts.memory_bytes));
  for (const auto& l : args.GetAll("label")) {
    auto eq = l.find('=');
    opts.labels[l.substr(0, eq)] = eq == std::string::npos ? "" : l.substr(eq + 1);
  }
  int count = 1;
  if (args.Has("count")) {
    const std::string c = args.Get("count");
    if (c.empty() || c.find_first_not_of("0123456789") != std::string::npos || c.size() > 5 || std::stoi(c) < 1) {
      return Status::InvalidArgument("invalid argument \"" + c + "\" for \"--count\" flag: must be a positive integer");
    }
    count = std::stoi(c);
  }
  const auto& pos = args.positional();
  if (!pos.empty() && count > 1) {
    return Status::InvalidArgument("a node name can only be given with --count 1");
  }
  for (int i = 0; i < count; ++i) {
    NodeOptions one = opts;
    if (!pos.empty()) one.hostname = pos[0];
    auto id = AddNode(ctx->state, one);
    if (!id.ok()) return id.status();
    out->out += id.value() + "\n";
  }
  return Status::OK();
}

nlohmann::json NodeRow(const ClusterState& state, const Node& n) {
  std::string manager;
  if (n.manager_status) manager = n.manager_status->leader ? "Leader" : Capitalize(n.manager_status->reachability);
  return {{"ID", n.id},
          {"Self", n.id == state.self_node_id},
          {"Hostname", n.description.hostname},
          {"Status", Capitalize(ToString(n.status.state))},
          {"Availability", Capitalize(ToString(n.spec.availability))},
          {"ManagerStatus", manager},
          {"EngineVersion", n.description.engine_version},
          {"TLSStatus", "Ready"}};
}

std::vector<const Node*> SortedNodes(const ClusterState& state) {
  std::vector<const Node*> nodes;
  for (const auto& [id, n] : state.nodes) nodes.push_back(&n);
  std::stable_sort(nodes.begin(), nodes.end(), [](const Node* a, const Node* b) {
    return NaturalLess(a->description.hostname, b->description.hostname);
  });
  return nodes;
}

// docker's node filters: id, name, role, membership, label (engine), node.label.
// Values of one key are ORed, keys are ANDed.
Result<std::vector<std::pair<std::string, std::string>>> ParseNodeFilters(const std::vector<std::string>& raw) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& f : raw) {
    auto eq = f.find('=');
    if (eq == std::string::npos) return Status::InvalidArgument("bad format of filter (expected name=value)");
    std::string key = f.substr(0, eq);
    if (key != "id" && key != "name" && key != "role" && key != "membership" && key != "label" &&
        key != "node.label") {
      return Status::Daemon(Status::Code::kInvalidArgument, "invalid filter '" + key + "'");
    }
    out.push_back({key, f.substr(eq + 1)});
  }
  return out;
}

bool LabelMatches(const std::map<std::string, std::string>& labels, const std::string& want) {
  auto eq = want.find('=');
  auto it = labels.find(want.substr(0, eq));
  return it != labels.end() && (eq == std::string::npos || it->second == want.substr(eq + 1));
}

bool NodeMatchesFilters(const Node& n, const std::vector<std::pair<std::string, std::string>>& filters) {
  std::map<std::string, bool> by_key;
  for (const auto& [k, v] : filters) {
    bool m = false;
    if (k == "id") m = n.id.rfind(v, 0) == 0;
    else if (k == "name") m = n.description.hostname.rfind(v, 0) == 0;
    else if (k == "role") m = v == ToString(n.spec.role);
    else if (k == "membership") m = v == "accepted";
    else if (k == "label") m = LabelMatches(n.description.engine_labels, v);
    else if (k == "node.label") m = LabelMatches(n.spec.labels, v);
    by_key[k] = by_key[k] || m;
  }
  for (const auto& [k, ok] : by_key) if (!ok) return false;
  return true;
}

Status NodeLs(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*ctx->state));
  auto filters = ParseNodeFilters(args.GetAll("filter"));
  if (!filters.ok()) return filters.status();
  std::vector<nlohmann::json> rows;
  for (const Node* n : SortedNodes(*ctx->state)) {
    if (NodeMatchesFilters(*n, filters.value())) rows.push_back(NodeRow(*ctx->state, *n));
  }
  ListFormat list;
  list.table =
      "table {{.ID}} {{if .Self}}*{{else}} {{ end }}\t{{.Hostname}}\t{{.Status}}\t{{.Availability}}\t"
      "{{.ManagerStatus}}\t{{.EngineVersion}}";
  list.headers = {{"ID", "ID"},
                  {"Self", ""},
                  {"Hostname", "HOSTNAME"},
                  {"Status", "STATUS"},
                  {"Availability", "AVAILABILITY"},
                  {"ManagerStatus", "MANAGER STATUS"},
                  {"EngineVersion", "ENGINE VERSION"},
                  {"TLSStatus", "TLS STATUS"}};
  list.raw = "node_id: {{.ID}}\nhostname: {{.Hostname}}\nstatus: {{.Status}}\navailability: {{.Availability}}\n"
             "manager_status: {{.ManagerStatus}}\n";
  list.raw_quiet = "node_id: {{.ID}}";
  list.context_type = "*node.nodeContext";
  return PrintList(rows, list, args.Get("format"), args.Has("quiet"), out);
}

// docker's `node inspect --pretty` layout, field for field.
std::string PrettyNode(const Node& n) {
  std::string s;
  s += "ID:\t\t\t" + n.id;
  if (!n.spec.labels.empty()) {
    s += "\nLabels:";
    for (const auto& [k, v] : n.spec.labels) s += "\n - " + k + (v.empty() ? "" : "=" + v);
  }
  s += "\nHostname:              \t" + n.description.hostname;
  s += "\nJoined at:             \t" + FormatPrettyTime(n.created_at);
  s += "\nStatus:\n State:\t\t\t" + Capitalize(ToString(n.status.state));
  if (!n.status.message.empty()) s += "\n Message:              \t" + Capitalize(n.status.message);
  s += "\n Availability:         \t" + Capitalize(ToString(n.spec.availability));
  if (!n.status.addr.empty()) s += "\n Address:\t\t" + n.status.addr;
  if (n.manager_status) {
    s += "\nManager Status:\n Address:\t\t" + n.manager_status->addr;
    s += "\n Raft Status:\t\t" + Capitalize(n.manager_status->reachability);
    s += std::string("\n Leader:\t\t") + (n.manager_status->leader ? "Yes" : "No");
  }
  s += "\nPlatform:\n Operating System:\t" + n.description.platform.os;
  s += "\n Architecture:\t\t" + n.description.platform.architecture;
  s += "\nResources:\n CPUs:\t\t\t" + std::to_string(n.description.resources.nano_cpus / 1'000'000'000LL);
  s += "\n Memory:\t\t" + BytesSize(static_cast<double>(n.description.resources.memory_bytes));
  s += "\nPlugins:";
  s += "\n Log:\t\tawslogs, fluentd, gcplogs, gelf, journald, json-file, local, splunk, syslog";
  s += "\n Network:\t\tbridge, host, ipvlan, macvlan, null, overlay";
  s += "\n Volume:\t\tlocal";
  s += "\nEngine Version:\t\t" + n.description.engine_version;
  if (!n.description.engine_labels.empty()) {
    s += "\nEngine Labels:";
    for (const auto& [k, v] : n.description.engine_labels) s += "\n - " + k + (v.empty() ? "" : "=" + v);
  }
  return s + "\n";
}

Status NodeInspect(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*ctx->state));
  std::vector<const Node*> nodes;
  for (const auto& ref : args.positional()) {
    std::string r = ref == "self" ? ctx->state->self_node_id : ref;
    auto n = ResolveNode(ctx->state, r);
    if (!n.ok()) return n.status();
    nodes.push_back(n.value());
  }
  if (args.Has("pretty")) {
    for (const Node* n : nodes) out->out += PrettyNode(*n);
    return Status::OK();
  }
  std::vector<nlohmann::json> objs;
  for (const Node* n : nodes) objs.push_back(ToJson(*n));
  if (args.Has("format")) return PrintFormatted(objs, args.Get("format"), out);
  out->out += InspectJson(objs);
  return Status::OK();
}

Status NodeUpdateCmd(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  NodeUpdate update;
  for (const auto& l : args.GetAll("label-add")) {
    auto eq = l.find('=');
    update.label_add[l.substr(0, eq)] = eq == std::string::npos ? "" : l.substr(eq + 1);
  }
  update.label_rm = args.GetAll("label-rm");
  if (args.Has("availability")) {
    NodeAvailability a;
    if (!ParseNodeAvailability(args.Get("availability"), &a)) {
      return Status::InvalidArgument("invalid argument \"" + args.Get("availability") +
                                     "\" for \"--availability\" flag: invalid value; must be active, pause or drain");
    }
    update.availability = a;
  }
  if (args.Has("role")) {
    NodeRole r;
    if (!ParseNodeRole(args.Get("role"), &r)) {
      return Status::InvalidArgument("invalid argument \"" + args.Get("role") +
                                     "\" for \"--role\" flag: invalid role; must be manager or worker");
    }
    update.role = r;
  }
  const std::string& ref = args.positional()[0];
  SWARMSIM_RETURN_IF_ERROR(UpdateNode(ctx->state, ref == "self" ? ctx->state->self_node_id : ref, update));
  out->out += ref + "\n";
  return Status::OK();
}

Status NodePs(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*ctx->state));
  std::vector<std::string> refs = args.positional();
  if (refs.empty()) refs.push_back(ctx->state->self_node_id);
  std::vector<const Task*> tasks;
  for (const auto& ref : refs) {
    auto n = ResolveNode(ctx->state, ref == "self" ? ctx->state->self_node_id : ref);
    if (!n.ok()) return n.status();
    for (const auto& [id, t] : ctx->state->tasks) {
      if (t.node_id == n.value()->id) tasks.push_back(&t);
    }
  }
  return PrintTaskTable(*ctx->state, tasks, TaskTableOptionsFrom(args), out);
}

Status NodeDown(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  SWARMSIM_RETURN_IF_ERROR(StopNode(ctx->state, args.positional()[0]));
  out->out += args.positional()[0] + "\n";
  return Status::OK();
}

Status NodeUp(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  SWARMSIM_RETURN_IF_ERROR(StartNode(ctx->state, args.positional()[0]));
  out->out += args.positional()[0] + "\n";
  return Status::OK();
}

// node promote | demote: docker's updateNodes, node by node, stopping at the first error.
Status ChangeRole(CommandContext* ctx, const ParsedArgs& args, NodeRole role, CommandOutput* out) {
  SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*ctx->state));
  for (const auto& ref : args.positional()) {
    auto n = ResolveNode(ctx->state, ref);
    if (!n.ok()) return n.status();
    if (n.value()->spec.role == role) {
      out->out += "Node " + n.value()->id + " is already a " + ToString(role) + ".\n";
      continue;
    }
    NodeUpdate update;
    update.role = role;
    SWARMSIM_RETURN_IF_ERROR(UpdateNode(ctx->state, n.value()->id, update));
    out->out += role == NodeRole::kManager ? "Node " + ref + " promoted to a manager in the swarm.\n"
                                           : "Manager " + ref + " demoted in the swarm.\n";
  }
  return Status::OK();
}

Status NodePromote(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  return ChangeRole(ctx, args, NodeRole::kManager, out);
}

Status NodeDemote(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  return ChangeRole(ctx, args, NodeRole::kWorker, out);
}

Status SwarmJoinToken(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  const std::string& word = args.positional()[0];
  NodeRole role;
  if (!ParseNodeRole(word, &role)) return Status::InvalidArgument("unknown role " + word);
  SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*ctx->state));
  bool quiet = args.Has("quiet");
  if (args.Has("rotate")) {
    RotateJoinToken(ctx->state, role);
    if (!quiet) out->out += "Successfully rotated " + word + " join token.\n\n";
  }
  std::string token = JoinToken(*ctx->state, role);
  if (quiet) {
    out->out += token + "\n";
    return Status::OK();
  }
  // docker prints `docker swarm join --token T ADDR`; here a machine joins with `node add`.
  out->out += "To add a " + word + " to this swarm, run the following command:\n\n    swarmsim node add --token " +
              token + "\n\n";
  return Status::OK();
}

Result<Duration> DurationFlag(const ParsedArgs& args, const std::string& flag) {
  auto d = ParseGoDuration(args.Get(flag));
  if (!d.ok()) {
    return Status::InvalidArgument("invalid argument \"" + args.Get(flag) + "\" for \"--" + flag + "\" flag: " +
                                   d.status().message());
  }
  return d.value();
}

Status SwarmUpdateCmd(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  SwarmUpdate update;
  if (args.Has("task-history-limit")) {
    const std::string v = args.Get("task-history-limit");
    char* end = nullptr;
    errno = 0;
    long long n = std::strtoll(v.c_str(), &end, 10);
    if (v.empty() || *end != '\0' || errno == ERANGE) {
      return Status::InvalidArgument("invalid argument \"" + v + "\" for \"--task-history-limit\" flag: strconv.ParseInt: parsing \"" +
                                     v + "\": " + (errno == ERANGE ? "value out of range" : "invalid syntax"));
    }
    update.task_history_limit = n;
  }
  if (args.Has("dispatcher-heartbeat")) {
    auto d = DurationFlag(args, "dispatcher-heartbeat");
    if (!d.ok()) return d.status();
    update.dispatcher_heartbeat = d.value();
  }
  if (args.Has("cert-expiry")) {
    auto d = DurationFlag(args, "cert-expiry");
    if (!d.ok()) return d.status();
    update.cert_expiry = d.value();
  }
  SWARMSIM_RETURN_IF_ERROR(UpdateSwarm(ctx->state, update));
  out->out += "Swarm updated.\n";
  return Status::OK();
}

Status SwarmInspect(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*ctx->state));
  std::vector<nlohmann::json> objs{SwarmJson(*ctx->state)};
  if (args.Has("format")) return PrintFormatted(objs, args.Get("format"), out);
  out->out += InspectJson(objs);
  return Status::OK();
}

Status SwarmLeave(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  SWARMSIM_RETURN_IF_ERROR(LeaveSwarm(ctx->state, args.Has("force")));
  out->out += "Node left the swarm.\n";
  return Status::OK();
}

Status NodeRm(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  for (const auto& ref : args.positional()) {
    SWARMSIM_RETURN_IF_ERROR(RemoveNode(ctx->state, ref, args.Has("force")));
    out->out += ref + "\n";
  }
  return Status::OK();
}

}  // namespace

void RegisterSwarmCommands(std::vector<CommandDef>* defs) {
  defs->push_back({{"swarm", "init"}, {}, "swarm init [OPTIONS]",
                   {{"hostname"}, {"cpus"}, {"memory"}}, 0, 0, false, SwarmInit});
  defs->push_back({{"swarm", "join-token"}, {}, "swarm join-token [OPTIONS] (worker|manager)",
                   {{"quiet", 'q', true}, {"rotate", 0, true}}, 1, 1, false, SwarmJoinToken});
  defs->push_back({{"swarm", "update"}, {}, "swarm update [OPTIONS]",
                   {{"task-history-limit"}, {"dispatcher-heartbeat"}, {"cert-expiry"}}, 0, 0, false, SwarmUpdateCmd});
  defs->push_back({{"swarm", "inspect"}, {}, "swarm inspect [OPTIONS]", {{"format", 'f'}}, 0, 0, true, SwarmInspect});
  defs->push_back({{"swarm", "leave"}, {}, "swarm leave [OPTIONS]", {{"force", 'f', true}}, 0, 0, false, SwarmLeave});
}

void RegisterNodeCommands(std::vector<CommandDef>* defs) {
  defs->push_back({{"node", "add"}, {}, "node add [OPTIONS] [NAME]",
                   {{"role"}, {"cpus"}, {"memory"}, {"label"}, {"count"}, {"token"}}, 0, 1, false, NodeAdd});
  defs->push_back({{"node", "promote"}, {}, "node promote NODE [NODE...]", {}, 1, -1, false, NodePromote});
  defs->push_back({{"node", "demote"}, {}, "node demote NODE [NODE...]", {}, 1, -1, false, NodeDemote});
  defs->push_back({{"node", "ls"}, {"list"}, "node ls [OPTIONS]",
                   {{"quiet", 'q', true}, {"format"}, {"filter", 'f'}}, 0, 0, true, NodeLs});
  defs->push_back({{"node", "inspect"}, {}, "node inspect [OPTIONS] self|NODE [NODE...]",
                   {{"pretty", 0, true}, {"format", 'f'}}, 1, -1, true, NodeInspect});
  defs->push_back({{"node", "update"}, {}, "node update [OPTIONS] NODE",
                   {{"label-add"}, {"label-rm"}, {"availability"}, {"role"}}, 1, 1, false, NodeUpdateCmd});
  defs->push_back({{"node", "ps"}, {}, "node ps [OPTIONS] [NODE...]",
                   {{"no-trunc", 0, true}, {"quiet", 'q', true}, {"format"}, {"filter", 'f'}, {"no-resolve", 0, true}},
                   0, -1, true, NodePs});
  defs->push_back({{"node", "down"}, {}, "node down NODE", {}, 1, 1, false, NodeDown});
  defs->push_back({{"node", "up"}, {}, "node up NODE", {}, 1, 1, false, NodeUp});
  defs->push_back({{"node", "rm"}, {"remove"}, "node rm [OPTIONS] NODE [NODE...]",
                   {{"force", 'f', true}}, 1, -1, false, NodeRm});
  defs->back().per_object = true;
}

}  // namespace swarmsim
