// swarm init, node add | ls | inspect | update | ps | rm.
#include <algorithm>
#include <cerrno>
#include <cstdlib>

#include "core/command/label_filter.h"
#include "core/command/output.h"
#include "core/command/registry.h"
#include "core/command/task_table.h"
#include "core/control/nodes.h"
#include "core/control/swarm.h"
#include "core/format/base64.h"
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
    return Status::InvalidFlag("invalid argument \"" + s + "\" for \"--cpus\" flag: must be a positive number");
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
      return Status::InvalidFlag("invalid argument \"" + args.Get("memory") + "\" for \"--memory\" flag: " +
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
    return Status::InvalidFlag("invalid argument \"" + args.Get("role") +
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
  // KIND=VALUE, as dockerd's --node-generic-resource: a count, else one named item.
  for (const auto& g : args.GetAll("generic-resource")) {
    auto eq = g.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == g.size()) {
      return Status::InvalidFlag("invalid argument \"" + g + "\" for \"--generic-resource\" flag: " +
                                     "expected KIND=VALUE (a count, or the name of one item)");
    }
    GenericResource r;
    r.kind = g.substr(0, eq);
    std::string value = g.substr(eq + 1);
    if (value.find_first_not_of("0123456789") == std::string::npos && value.size() < 19) {
      r.discrete_value = std::stoll(value);
    } else {
      r.named = true;
      r.named_value = value;
    }
    opts.generic_resources.push_back(r);
  }
  int count = 1;
  if (args.Has("count")) {
    const std::string c = args.Get("count");
    if (c.empty() || c.find_first_not_of("0123456789") != std::string::npos || c.size() > 5 || std::stoi(c) < 1) {
      return Status::InvalidFlag("invalid argument \"" + c + "\" for \"--count\" flag: must be a positive integer");
    }
    count = std::stoi(c);
  }
  const auto& pos = args.positional();
  if (!pos.empty() && count > 1) {
    return Status::InvalidArgument("a node name can only be given with --count 1");
  }
  if (!pos.empty()) opts.hostname = pos[0];
  auto ids = AddNodes(ctx->state, opts, count);
  if (!ids.ok()) return ids.status();
  for (const auto& id : ids.value()) out->out += id + "\n";
  return Status::OK();
}

// What one row of `node ls` shows, before a template makes a line of it.
struct NodeRowFields {
  bool self = false;
  std::string status, availability, manager;
};

NodeRowFields RowFields(const ClusterState& state, const Node& n) {
  NodeRowFields f;
  f.self = n.id == state.self_node_id;
  f.status = Capitalize(ToString(n.status.state));
  f.availability = Capitalize(ToString(n.spec.availability));
  if (n.manager_status) f.manager = n.manager_status->leader ? "Leader" : Capitalize(n.manager_status->reachability);
  return f;
}

// docker/cli's nodeContext.TLSStatus: the node's TLS info against the cluster's.
// Here every node has the swarm's (a node's certificate never lags a root rotation,
// which swarmsim does not have), so it is Ready once the swarm has its CA.
std::string TlsStatus(const TlsInfo& node, const TlsInfo& cluster) {
  if (cluster.empty() || node.empty()) return "Unknown";
  return node == cluster ? "Ready" : "Needs Rotation";
}

nlohmann::json NodeRow(const ClusterState& state, const Node& n) {
  NodeRowFields f = RowFields(state, n);
  return {{"ID", n.id},
          {"Self", f.self},
          {"Hostname", n.description.hostname},
          {"Status", std::move(f.status)},
          {"Availability", std::move(f.availability)},
          {"ManagerStatus", std::move(f.manager)},
          {"EngineVersion", n.description.engine_version},
          {"TLSStatus", TlsStatus(state.swarm.tls_info, state.swarm.tls_info)}};
}

// The cells kNodeTable prints for a row (its first cell: the ID, then "*" for the
// node the CLI talks to, else a space). session_test compares the streamed table
// with the template's.
std::vector<std::string> NodeTableCells(const ClusterState& state, const Node& n) {
  NodeRowFields f = RowFields(state, n);
  return {n.id + (f.self ? " *" : "  "), n.description.hostname, std::move(f.status), std::move(f.availability),
          std::move(f.manager),          n.description.engine_version};
}

constexpr char kNodeTable[] =
    "table {{.ID}} {{if .Self}}*{{else}} {{ end }}\t{{.Hostname}}\t{{.Status}}\t{{.Availability}}\t"
    "{{.ManagerStatus}}\t{{.EngineVersion}}";

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
  std::vector<const Node*> nodes;
  for (const Node* n : SortedNodes(*ctx->state)) {
    if (NodeMatchesFilters(*n, filters.value())) nodes.push_back(n);
  }
  ListFormat list;
  list.table = kNodeTable;
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
  // The default table, line by line: at 100,000 nodes it is the whole output.
  if (ResolveListFormat(args.Get("format"), args.Has("quiet"), list) == list.table) {
    std::vector<std::vector<std::string>> cells;
    cells.reserve(nodes.size());
    for (const Node* n : nodes) cells.push_back(NodeTableCells(*ctx->state, *n));
    if (PrintTableCells(list, &cells, ctx->may_stream, out)) return Status::OK();
  }
  std::vector<nlohmann::json> rows;
  rows.reserve(nodes.size());
  for (const Node* n : nodes) rows.push_back(NodeRow(*ctx->state, *n));
  return PrintList(rows, list, args.Get("format"), args.Has("quiet"), out);
}

// docker's `node inspect --pretty` layout, field for field.
std::string PrettyNode(const Node& n, const TlsInfo& tls) {
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
  if (!tls.empty()) {
    // The PEM ends in a newline and the template adds one: a blank line follows it.
    s += "\nTLS Info:\n TrustRoot:\n" + tls.trust_root;
    s += "\n Issuer Subject:\t" + Base64Encode(tls.cert_issuer_subject);
    s += "\n Issuer Public Key:\t" + Base64Encode(tls.cert_issuer_public_key);
  }
  return s + "\n";
}

Status NodeInspect(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  // docker/cli's node inspect: --pretty is the format "pretty" (and wins over --format).
  std::string format = args.Has("pretty") ? "pretty" : args.Get("format");
  if (format.rfind("pretty", 0) == 0 && format != "pretty") {
    return Status::InvalidArgument("cannot supply extra formatting options to the pretty template");
  }
  SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*ctx->state));
  std::vector<const Node*> nodes;
  std::vector<std::string> errors;
  for (const auto& ref : args.positional()) {
    std::string r = ref == "self" ? ctx->state->self_node_id : ref;
    auto n = ResolveNode(ctx->state, r);
    if (!n.ok() && (format == "pretty" || n.status().code() != Status::Code::kNotFound)) return n.status();
    if (!n.ok()) {
      errors.push_back(n.status().message());
      continue;
    }
    nodes.push_back(n.value());
  }
  if (format == "pretty") {
    for (const Node* n : nodes) out->out += PrettyNode(*n, ctx->state->swarm.tls_info);
    return Status::OK();
  }
  std::vector<nlohmann::json> objs;
  for (const Node* n : nodes) objs.push_back(ToJson(*n, ctx->state->swarm.tls_info));
  WriteInspected(objs, errors, format, "swarm.Node", InspectedAs::kSwarmTypes, out);
  return Status::OK();
}

Status NodeUpdateCmd(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  NodeUpdate update;
  for (const auto& l : args.GetAll("label-add")) {
    auto eq = l.find('=');
    update.label_add[l.substr(0, eq)] = eq == std::string::npos ? "" : l.substr(eq + 1);
  }
  update.label_rm = args.GetAll("label-rm");
  const std::string& ref = args.positional()[0];
  // docker sends the words as given; the daemon looks the node up first, then
  // converts the spec (role before availability, either case) and says what it
  // could not read.
  auto node = ResolveNode(ctx->state, ref == "self" ? ctx->state->self_node_id : ref);
  if (!node.ok()) return node.status();
  auto lower = [](std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  if (args.Has("role")) {
    NodeRole r;
    if (!ParseNodeRole(lower(args.Get("role")), &r)) {
      return Status::Daemon(Status::Code::kInvalidArgument, "invalid Role: \"" + args.Get("role") + "\"");
    }
    update.role = r;
  }
  if (args.Has("availability")) {
    NodeAvailability a;
    if (!ParseNodeAvailability(lower(args.Get("availability")), &a)) {
      return Status::Daemon(Status::Code::kInvalidArgument,
                            "invalid Availability: \"" + args.Get("availability") + "\"");
    }
    update.availability = a;
  }
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
    return Status::InvalidFlag("invalid argument \"" + args.Get(flag) + "\" for \"--" + flag + "\" flag: " +
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
      return Status::InvalidFlag("invalid argument \"" + v + "\" for \"--task-history-limit\" flag: strconv.ParseInt: parsing \"" +
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
  if (args.Has("format")) return PrintFormatted(objs, args.Get("format"), InspectedAs::kSwarmTypes, out);
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
  const std::vector<FlagSpec> machine = {
      FlagSpec::Value("cpus", 0, "int", "CPUs of the node's virtual machine", "4"),
      FlagSpec::Value("memory", 0, "bytes", "Memory of the node's virtual machine", "8GiB"),
  };
  std::vector<FlagSpec> init_flags = machine;
  init_flags.push_back(FlagSpec::Value("hostname", 0, "string", "Hostname of the first node, the manager", "node1"));
  defs->push_back({.path = {"swarm", "init"},
                   .usage = "swarm init [OPTIONS]",
                   .description = "Initialize a swarm",
                   .flags = init_flags,
                   .max_args = 0,
                   .run = SwarmInit});
  defs->push_back({.path = {"swarm", "join-token"},
                   .usage = "swarm join-token [OPTIONS] (worker|manager)",
                   .description = "Manage join tokens",
                   .flags = {FlagSpec::Bool("quiet", 'q', "Only display token"),
                             FlagSpec::Bool("rotate", 0, "Rotate join token")},
                   .min_args = 1,
                   .max_args = 1,
                   .run = SwarmJoinToken});
  defs->push_back({.path = {"swarm", "update"},
                   .usage = "swarm update [OPTIONS]",
                   .description = "Update the swarm",
                   .flags = {FlagSpec::Value("task-history-limit", 0, "int", "Task history retention limit", "5"),
                             FlagSpec::Value("dispatcher-heartbeat", 0, "duration",
                                             "Dispatcher heartbeat period (ns|us|ms|s|m|h)", "5s"),
                             FlagSpec::Value("cert-expiry", 0, "duration",
                                             "Validity period for node certificates (ns|us|ms|s|m|h)", "2160h0m0s")},
                   .max_args = 0,
                   .run = SwarmUpdateCmd});
  defs->push_back({.path = {"swarm", "inspect"},
                   .usage = "swarm inspect [OPTIONS]",
                   .description = "Display the swarm's settings and join tokens (the Engine API's GET /swarm)",
                   .flags = {FlagSpec::Value("format", 'f', "string", kInspectFormatHelp)},
                   .max_args = 0,
                   .read_only = true,
                   .run = SwarmInspect});
  defs->push_back({.path = {"swarm", "leave"},
                   .usage = "swarm leave [OPTIONS]",
                   .description = "Leave the swarm",
                   .flags = {FlagSpec::Bool("force", 'f', "Force this node to leave the swarm, ignoring warnings")},
                   .max_args = 0,
                   .run = SwarmLeave});
}

void RegisterNodeCommands(std::vector<CommandDef>* defs) {
  defs->push_back({.path = {"node", "add"},
                   .usage = "node add [OPTIONS] [NAME]",
                   .description = "Add virtual nodes to the swarm (what 'docker swarm join' does on a new machine)",
                   .flags = {FlagSpec::Value("role", 0, "string", "Role of the new node (\"worker\", \"manager\")",
                                             "worker"),
                             FlagSpec::Value("cpus", 0, "int", "CPUs of the node's virtual machine", "4"),
                             FlagSpec::Value("memory", 0, "bytes", "Memory of the node's virtual machine", "8GiB"),
                             FlagSpec::Value("label", 0, "list", "Node labels (\"key=value\")"),
                             FlagSpec::Value("count", 0, "int", "Number of nodes to add (named node2, node3, ...)", "1"),
                             FlagSpec::Value("generic-resource", 0, "list",
                                             "Generic resources the node advertises (\"KIND=COUNT\", or "
                                             "\"KIND=NAME\" once per named item)"),
                             FlagSpec::Value("token", 0, "string",
                                             "Join token (as 'docker swarm join --token'): the node joins with the "
                                             "role the token admits")},
                   .max_args = 1,
                   .run = NodeAdd});
  defs->push_back({.path = {"node", "promote"},
                   .usage = "node promote NODE [NODE...]",
                   .description = "Promote one or more nodes to manager in the swarm",
                   .min_args = 1,
                   .run = NodePromote});
  defs->push_back({.path = {"node", "demote"},
                   .usage = "node demote NODE [NODE...]",
                   .description = "Demote one or more nodes from manager in the swarm",
                   .min_args = 1,
                   .run = NodeDemote});
  defs->push_back({.path = {"node", "ls"},
                   .aliases = {"list"},
                   .usage = "node ls [OPTIONS]",
                   .description = "List nodes in the swarm",
                   .flags = {FlagSpec::Bool("quiet", 'q', "Only display IDs"),
                             FlagSpec::Value("format", 0, "string", kListFormatHelp),
                             FlagSpec::Value("filter", 'f', "filter", "Filter output based on conditions provided")},
                   .max_args = 0,
                   .read_only = true,
                   .run = NodeLs,
                   .can_skip_tasks = true});
  defs->push_back({.path = {"node", "inspect"},
                   .usage = "node inspect [OPTIONS] self|NODE [NODE...]",
                   .description = "Display detailed information on one or more nodes",
                   .flags = {FlagSpec::Bool("pretty", 0, "Print the information in a human friendly format"),
                             FlagSpec::Value("format", 'f', "string", kInspectFormatHelp)},
                   .min_args = 1,
                   .read_only = true,
                   .run = NodeInspect});
  defs->push_back({.path = {"node", "update"},
                   .usage = "node update [OPTIONS] NODE",
                   .description = "Update a node",
                   .flags = {FlagSpec::Value("label-add", 0, "list", "Add or update a node label (\"key=value\")"),
                             FlagSpec::Value("label-rm", 0, "list", "Remove a node label if exists"),
                             FlagSpec::Value("availability", 0, "string",
                                             "Availability of the node (\"active\", \"pause\", \"drain\")"),
                             FlagSpec::Value("role", 0, "string", "Role of the node (\"worker\", \"manager\")")},
                   .min_args = 1,
                   .max_args = 1,
                   .run = NodeUpdateCmd});
  defs->push_back({.path = {"node", "ps"},
                   .usage = "node ps [OPTIONS] [NODE...]",
                   .description = "List tasks running on one or more nodes, defaults to current node",
                   .flags = TaskListFlags("Pretty-print tasks using a Go template"),
                   .read_only = true,
                   .run = NodePs});
  defs->push_back({.path = {"node", "down"},
                   .usage = "node down NODE",
                   .description = "Stop a node's heartbeat, as if its machine lost power: Down after the timeout",
                   .min_args = 1,
                   .max_args = 1,
                   .run = NodeDown});
  defs->push_back({.path = {"node", "up"},
                   .usage = "node up NODE",
                   .description = "Bring a stopped node back: it heartbeats again and is Ready",
                   .min_args = 1,
                   .max_args = 1,
                   .run = NodeUp});
  defs->push_back({.path = {"node", "rm"},
                   .aliases = {"remove"},
                   .usage = "node rm [OPTIONS] NODE [NODE...]",
                   .description = "Remove one or more nodes from the swarm",
                   .flags = {FlagSpec::Bool("force", 'f', "Force remove a node from the swarm")},
                   .min_args = 1,
                   .run = NodeRm,
                   .per_object = true});
}

}  // namespace swarmsim
