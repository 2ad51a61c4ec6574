// network create | ls | inspect | rm | prune: the swarm's networks (and local
// bridge networks of the node the CLI talks to), in docker's words and tables.
#include <algorithm>

#include "core/command/label_filter.h"
#include "core/command/output.h"
#include "core/command/registry.h"
#include "core/control/networks.h"
#include "core/control/swarm.h"
#include "core/format/time_format.h"
#include "core/model/json.h"
#include "core/model/json_order.h"
#include "core/network/ipam.h"

namespace swarmsim {

namespace {

// --subnet and --gateway (each may list several, comma-separated) paired the way
// the docker CLI pairs them before it sends the request.
Result<std::vector<IpamConfig>> IpamFromFlags(const ParsedArgs& args) {
  auto split = [](const std::vector<std::string>& values) {
    std::vector<std::string> out;
    for (const auto& v : values) {
      size_t start = 0;
      for (;;) {
        size_t comma = v.find(',', start);
        out.push_back(v.substr(start, comma - start));
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
    }
    return out;
  };
  std::vector<std::string> subnets = split(args.GetAll("subnet")), gateways = split(args.GetAll("gateway"));
  if (subnets.empty() && !gateways.empty()) {
    return Status::InvalidArgument("every ip-range or gateway must have a corresponding subnet");
  }
  std::vector<IpamConfig> out;
  std::vector<Ipv4Prefix> prefixes;
  for (const auto& s : subnets) {
    auto p = ParseIpv4Prefix(s);
    if (!p.ok()) return p.status().code() == Status::Code::kInvalidArgument && s.find('/') == std::string::npos
                            ? Status::InvalidArgument("invalid CIDR address: " + s)
                            : p.status();
    for (const auto& q : prefixes) {
      if (q.Overlaps(p.value())) return Status::InvalidArgument("multiple overlapping subnet configuration is not supported");
    }
    prefixes.push_back(p.value());
    out.push_back({s, ""});
  }
  for (const auto& g : gateways) {
    uint32_t addr = 0;
    bool matched = false;
    if (ParseIpv4(g, &addr)) {
      for (size_t i = 0; i < prefixes.size() && !matched; ++i) {
        if (!prefixes[i].Contains(addr)) continue;
        if (!out[i].gateway.empty()) {
          return Status::InvalidArgument("cannot configure multiple gateways (" + g + ", " + out[i].gateway +
                                         ") for the same subnet (" + out[i].subnet + ")");
        }
        out[i].gateway = g;
        matched = true;
      }
    }
    if (!matched) return Status::InvalidArgument("no matching subnet for gateway " + g);
  }
  return out;
}

Status NetworkCreate(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  NetworkCreateOptions opts;
  opts.name = args.positional()[0];
  opts.driver = args.Get("driver", "bridge");
  opts.attachable = args.Has("attachable");
  opts.internal = args.Has("internal");
  opts.labels = ParseKeyValues(args.GetAll("label"));
  opts.options = ParseKeyValues(args.GetAll("opt"));
  opts.ipam_driver = args.Get("ipam-driver", "default");
  if (opts.ipam_driver != "default") {
    return Status::Daemon(Status::Code::kNotFound, "could not find plugin " + opts.ipam_driver +
                                                       " in v1 plugin registry: plugin not found");
  }
  auto ipam = IpamFromFlags(args);
  if (!ipam.ok()) return ipam.status();
  opts.ipam = ipam.value();
  auto id = CreateNetwork(ctx->state, opts);
  if (!id.ok()) return id.status();
  out->out += id.value() + "\n";
  return Status::OK();
}

std::string GoTimeString(Time t) {
  std::string s = FormatPrettyTime(t);  // "... +0000 utc": Go writes the zone upper-case
  if (s.size() >= 3 && s.compare(s.size() - 3, 3, "utc") == 0) s.replace(s.size() - 3, 3, "UTC");
  return s;
}

nlohmann::json NetworkRow(const Network& n, bool no_trunc) {
  std::string labels;
  for (const auto& [k, v] : n.labels) labels += (labels.empty() ? "" : ",") + k + "=" + v;
  return {{"ID", no_trunc ? n.id : ShortId(n.id)},
          {"Name", n.name},
          {"Driver", n.driver},
          {"Scope", n.scope},
          {"IPv4", "true"},
          {"IPv6", "false"},
          {"Internal", n.internal ? "true" : "false"},
          {"Labels", labels},
          {"CreatedAt", GoTimeString(n.created_at)}};
}

// The daemon the CLI talks to (the leader): its predefined networks are the ones
// listed and found. None before the swarm exists.
const Node* SelfNode(const ClusterState& state) {
  auto it = state.nodes.find(state.self_node_id);
  return it == state.nodes.end() ? nullptr : &it->second;
}

// docker's network filters: driver, id, label, name, scope, type (custom|builtin).
// Values of one key are ORed, keys are ANDed.
Result<bool> NetworkMatches(const Network& n, const std::vector<std::string>& filters) {
  std::map<std::string, bool> by_key;
  for (const auto& f : filters) {
    auto eq = f.find('=');
    if (eq == std::string::npos) return Status::InvalidArgument("bad format of filter (expected name=value)");
    std::string key = f.substr(0, eq), want = f.substr(eq + 1);
    bool m = false;
    if (key == "driver") m = n.driver == want;
    else if (key == "id") m = n.id.find(want) != std::string::npos;
    else if (key == "name") m = n.name.find(want) != std::string::npos;
    else if (key == "scope") m = n.scope == want;
    else if (key == "type") m = want == (IsBuiltinNetwork(n) ? "builtin" : "custom");
    else if (key == "label") m = LabelMatches(n.labels, want);
    else {
      return Status::Daemon(Status::Code::kInvalidArgument, "invalid filter '" + key + "'");
    }
    by_key[key] = by_key[key] || m;
  }
  for (const auto& [k, ok] : by_key) {
    if (!ok) return false;
  }
  return true;
}

Status NetworkLs(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  std::vector<const Network*> nets;
  for (const auto& [id, n] : ctx->state->networks) nets.push_back(&n);
  std::vector<Network> predefined;
  if (const Node* self = SelfNode(*ctx->state)) predefined = PredefinedNetworks(*ctx->state, *self);
  for (const Network& n : predefined) nets.push_back(&n);
  std::stable_sort(nets.begin(), nets.end(), [](const Network* a, const Network* b) { return NaturalLess(a->name, b->name); });
  std::vector<nlohmann::json> rows;
  for (const Network* n : nets) {
    auto m = NetworkMatches(*n, args.GetAll("filter"));
    if (!m.ok()) return m.status();
    if (m.value()) rows.push_back(NetworkRow(*n, args.Has("no-trunc")));
  }
  ListFormat list;
  list.table = "table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}";
  list.headers = {{"ID", "NETWORK ID"}, {"Name", "NAME"},     {"Driver", "DRIVER"},     {"Scope", "SCOPE"},
                  {"IPv4", "IPV4"},     {"IPv6", "IPV6"},     {"Internal", "INTERNAL"}, {"Labels", "LABELS"},
                  {"CreatedAt", "CREATED AT"}};
  list.context_type = "*formatter.networkContext";
  return PrintList(rows, list, args.Get("format"), args.Has("quiet"), out);
}

// Like docker's inspect: what was found is printed, then one error line per name
// that was not, and the exit code is 1.
Status NetworkInspect(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  std::vector<nlohmann::json> objs;
  std::string errors;
  for (const auto& ref : args.positional()) {
    auto n = ResolveNetworkOn(*ctx->state, SelfNode(*ctx->state), ref);
    if (!n.ok()) {
      errors += n.status().message() + "\n";
      continue;
    }
    objs.push_back(ToJson(n.value()));
  }
  if (args.Has("format")) {
    SWARMSIM_RETURN_IF_ERROR(PrintFormatted(objs, args.Get("format"), InspectedAs::kNetwork, out));
  } else {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& o : objs) arr.push_back(o);
    out->out += InNetworkOrder(arr).dump(4) + "\n";
  }
  if (!errors.empty()) {
    out->err += errors;
    out->exit_code = 1;
  }
  return Status::OK();
}

Status NetworkRm(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  for (const auto& ref : args.positional()) {
    auto n = ResolveNetworkOn(*ctx->state, SelfNode(*ctx->state), ref);
    if (!n.ok()) {
      if (args.Has("force") && n.status().code() == Status::Code::kNotFound) continue;
      return n.status();
    }
    if (n->ingress) {
      // docker asks first: the routing mesh goes with it.
      out->out += "WARNING! Before removing the routing-mesh network, make sure all the nodes in your swarm run the "
                  "same docker engine version. Otherwise, removal may not be effective and functionality of newly "
                  "create ingress networks will be impaired.\nAre you sure you want to continue? [y/N] ";
      auto answer = ctx->read_file ? ctx->read_file("-") : Result<std::string>(Status::IOError("no input"));
      std::string a = answer.ok() ? answer.value().substr(0, answer.value().find('\n')) : "";
      if (a != "y" && a != "Y" && a != "yes" && a != "Yes") continue;
    }
    SWARMSIM_RETURN_IF_ERROR(RemoveNetworkOn(ctx->state, SelfNode(*ctx->state), ref));
    out->out += ref + "\n";
  }
  return Status::OK();
}

Status NetworkPrune(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  if (!args.Has("force")) {
    out->out += "WARNING! This will remove all custom networks not used by at least one container.\n"
                "Are you sure you want to continue? [y/N] ";
    auto answer = ctx->read_file ? ctx->read_file("-") : Result<std::string>(Status::IOError("no input"));
    std::string a = answer.ok() ? answer.value().substr(0, answer.value().find('\n')) : "";
    if (a != "y" && a != "Y" && a != "yes" && a != "Yes") return Status::OK();
  }
  std::vector<std::string> names = PruneNetworks(ctx->state);
  if (!names.empty()) {
    out->out += "Deleted Networks:\n";
    for (const auto& n : names) out->out += n + "\n";
    out->out += "\n";
  }
  return Status::OK();
}

}  // namespace

void RegisterNetworkCommands(std::vector<CommandDef>* defs) {
  defs->push_back(
      {.path = {"network", "create"},
       .usage = "network create [OPTIONS] NETWORK",
       .description = "Create a network",
       .flags = {FlagSpec::Value("driver", 'd', "string", "Driver to manage the Network",
                                 "bridge"),
                 FlagSpec::Value("opt", 'o', "map", "Set driver specific options", "map[]"),
                 FlagSpec::Value("label", 0, "list", "Set metadata on a network"),
                 FlagSpec::Bool("internal", 0, "Restrict external access to the network"),
                 FlagSpec::Bool("attachable", 0, "Enable manual container attachment"),
                 FlagSpec::Value("subnet", 0, "strings", "Subnet in CIDR format that represents a network segment"),
                 FlagSpec::Value("gateway", 0, "strings", "IPv4 or IPv6 Gateway for the master subnet"),
                 FlagSpec::Value("ipam-driver", 0, "string", "IP Address Management Driver", "default")},
       .min_args = 1,
       .max_args = 1,
       .run = NetworkCreate});
  defs->push_back({.path = {"network", "ls"},
                   .aliases = {"list"},
                   .usage = "network ls [OPTIONS]",
                   .description = "List networks",
                   .flags = {FlagSpec::Bool("quiet", 'q', "Only display network IDs"),
                             FlagSpec::Value("format", 0, "string", kListFormatHelp),
                             FlagSpec::Value("filter", 'f', "filter", "Provide filter values (e.g. \"driver=bridge\")"),
                             FlagSpec::Bool("no-trunc", 0, "Do not truncate the output")},
                   .max_args = 0,
                   .read_only = true,
                   .run = NetworkLs});
  defs->push_back({.path = {"network", "inspect"},
                   .usage = "network inspect [OPTIONS] NETWORK [NETWORK...]",
                   .description = "Display detailed information on one or more networks",
                   .flags = {FlagSpec::Value("format", 'f', "string", kInspectFormatHelp),
                             FlagSpec::Bool("verbose", 'v', "Verbose output for diagnostics")},
                   .min_args = 1,
                   .read_only = true,
                   .run = NetworkInspect});
  defs->push_back({.path = {"network", "rm"},
                   .aliases = {"remove"},
                   .usage = "network rm NETWORK [NETWORK...]",
                   .description = "Remove one or more networks",
                   .flags = {FlagSpec::Bool("force", 'f', "Do not error if the network does not exist")},
                   .min_args = 1,
                   .run = NetworkRm,
                   .per_object = true});
  defs->push_back({.path = {"network", "prune"},
                   .usage = "network prune [OPTIONS]",
                   .description = "Remove all unused networks",
                   .flags = {FlagSpec::Bool("force", 'f', "Do not prompt for confirmation"),
                             FlagSpec::Value("filter", 0, "filter", "Provide filter values (e.g. \"until=<timestamp>\")")},
                   .max_args = 0,
                   .run = NetworkPrune});
}

}  // namespace swarmsim
