#include "core/control/networks.h"

#include <algorithm>

#include "core/control/swarm.h"
#include "core/format/hex_hash.h"
#include "core/network/ipam.h"

namespace swarmsim {

namespace {

Status Rpc(Status::Code code, const std::string& word, const std::string& desc) {
  return Status::Daemon(code, "rpc error: code = " + word + " desc = " + desc);
}

bool IsPredefinedName(const std::string& name) {
  return name == "bridge" || name == "host" || name == "none" || name == "default";
}

// Predefined networks never reach the store; their names say what they are.
bool IsPredefined(const Network& n) {
  return n.scope == "local" && (IsPredefinedName(n.name) || n.name == "docker_gwbridge");
}

// The daemon's lookup over `candidates`: full ID, then exact name, then a unique
// ID prefix. Returns the index found.
Result<size_t> FindNetwork(const std::vector<const Network*>& candidates, const std::string& ref) {
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (candidates[i]->id == ref) return i;
  }
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (candidates[i]->name == ref) return i;
  }
  size_t found = 0;
  int count = 0;
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (!ref.empty() && candidates[i]->id.rfind(ref, 0) == 0) {
      found = i;
      ++count;
    }
  }
  if (count > 1) {
    return Status::Daemon(Status::Code::kInvalidArgument, "network " + ref + " is ambiguous (" +
                                                              std::to_string(count) +
                                                              " matches found based on ID prefix)");
  }
  if (count == 0) return Status::Daemon(Status::Code::kNotFound, "network " + ref + " not found");
  return found;
}

bool IsOverlay(const Network& n) { return n.scope == "swarm"; }

// Overlay VXLAN IDs start at 4096 (the ingress network's); each overlay takes the
// lowest free one, shown in its options as swarm does.
std::string NextVxlanId(const ClusterState& state) {
  std::set<int> used;
  for (const auto& [id, n] : state.networks) {
    auto it = n.options.find("com.docker.network.driver.overlay.vxlanid_list");
    if (it != n.options.end()) used.insert(std::atoi(it->second.c_str()));
  }
  int v = 4096;
  while (used.count(v)) ++v;
  return std::to_string(v);
}

std::vector<Ipv4Prefix> TakenSubnets(const ClusterState& state, bool overlay) {
  std::vector<Ipv4Prefix> taken;
  for (const auto& [id, n] : state.networks) {
    if (IsOverlay(n) != overlay) continue;
    for (const auto& c : n.ipam) {
      auto p = ParseIpv4Prefix(c.subnet);
      if (p.ok()) taken.push_back(p.value());
    }
  }
  return taken;
}

// Local bridge networks take /16s from 172.18.0.0 up (172.17.0.0/16 is the
// default bridge's), as docker's default local pools do.
std::optional<Ipv4Prefix> NextBridgeSubnet(const std::vector<Ipv4Prefix>& taken) {
  for (uint32_t second = 18; second < 32; ++second) {
    Ipv4Prefix candidate{(172u << 24) | (second << 16), 16};
    bool free = true;
    for (const auto& t : taken) free = free && !candidate.Overlaps(t);
    if (free) return candidate;
  }
  return std::nullopt;
}

// docker0, the default bridge network's subnet.
const Ipv4Prefix kDefaultBridgeSubnet{(172u << 24) | (17u << 16), 16};

// docker_gwbridge's: the first /16 from 172.18.0.0 no stored local network holds.
std::optional<Ipv4Prefix> GatewayBridgeSubnet(const ClusterState& state) {
  return NextBridgeSubnet(TakenSubnets(state, /*overlay=*/false));
}

Status CheckIpam(const ClusterState& state, bool overlay, std::vector<IpamConfig>* ipam) {
  std::vector<Ipv4Prefix> taken = TakenSubnets(state, overlay);
  if (!overlay) {
    // The engine's own bridges hold theirs: docker0's, and docker_gwbridge's once
    // the node is in a swarm (see PredefinedNetworks).
    taken.push_back(kDefaultBridgeSubnet);
    if (auto gateway = GatewayBridgeSubnet(state); gateway && state.swarm_active) taken.push_back(*gateway);
  }
  if (ipam->empty()) {
    auto next = overlay ? NextDefaultSubnet(taken) : NextBridgeSubnet(taken);
    if (!next) return Status::Daemon(Status::Code::kFailedPrecondition, "could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network");
    ipam->push_back({FormatPrefix(*next), FormatIpv4(DefaultGateway(*next))});
    return Status::OK();
  }
  for (auto& c : *ipam) {
    auto p = ParseIpv4Prefix(c.subnet);
    if (!p.ok()) {
      return overlay ? Rpc(Status::Code::kInvalidArgument, "InvalidArgument", "ipam configuration: invalid subnet " + c.subnet)
                     : Status::Daemon(Status::Code::kInvalidArgument, "invalid pool request: " + p.status().message());
    }
    for (const auto& t : taken) {
      if (p->Overlaps(t)) {
        return Status::Daemon(Status::Code::kFailedPrecondition,
                              "invalid pool request: Pool overlaps with other one on this address space");
      }
    }
    taken.push_back(p.value());
    if (c.gateway.empty()) {
      c.gateway = FormatIpv4(DefaultGateway(p.value()));
      continue;
    }
    uint32_t gw = 0;
    if (!ParseIpv4(c.gateway, &gw)) {
      return Rpc(Status::Code::kInvalidArgument, "InvalidArgument", "ipam configuration: invalid gateway " + c.gateway);
    }
    if (!p->Contains(gw)) {
      return Rpc(Status::Code::kInvalidArgument, "InvalidArgument",
                 "ipam configuration: subnet " + c.subnet + " does not contain gateway " + c.gateway);
    }
  }
  return Status::OK();
}

bool Attached(const std::vector<NetworkAttachment>& nets, const std::string& id) {
  for (const auto& n : nets) {
    if (n.target == id) return true;
  }
  return false;
}

bool PublishesIngress(const EndpointSpec& e) {
  for (const auto& p : e.ports) {
    if (p.publish_mode == "ingress") return true;
  }
  return false;
}

}  // namespace

Result<std::string> CreateNetwork(ClusterState* state, const NetworkCreateOptions& options) {
  if (IsPredefinedName(options.name)) {
    return Status::Daemon(Status::Code::kFailedPrecondition,
                          options.name + " is a pre-defined network and cannot be created");
  }
  // On a swarm node docker_gwbridge exists already (PredefinedNetworks).
  bool name_taken = state->swarm_active && options.name == "docker_gwbridge";
  for (const auto& [id, n] : state->networks) name_taken |= n.name == options.name;
  if (name_taken) {
    return Status::Daemon(Status::Code::kAlreadyExists, "network with name " + options.name + " already exists");
  }
  bool overlay = options.driver == "overlay";
  if (!overlay && options.driver != "bridge") {
    return Status::Daemon(Status::Code::kNotFound,
                          "could not find plugin " + options.driver + " in v1 plugin registry: plugin not found");
  }
  if (overlay) SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*state));
  Network n;
  n.name = options.name;
  n.driver = options.driver;
  n.scope = overlay ? "swarm" : "local";
  n.attachable = options.attachable;
  n.internal = options.internal;
  n.ingress = options.ingress;
  n.labels = options.labels;
  n.options = options.options;
  n.ipam_driver = options.ipam_driver;
  n.ipam = options.ipam;
  SWARMSIM_RETURN_IF_ERROR(CheckIpam(*state, overlay, &n.ipam));
  if (overlay) n.options["com.docker.network.driver.overlay.vxlanid_list"] = NextVxlanId(*state);
  n.id = overlay ? NewId(state) : NewHexName(state);
  n.created_at = state->clock.now;
  Touch(state, &n);
  std::string id = n.id;
  state->networks[id] = std::move(n);
  RecordEvent(state, "network", "create", id, {{"name", options.name}, {"type", options.driver}});
  return id;
}

Result<Network*> ResolveNetwork(ClusterState* state, const std::string& ref, bool swarm_only) {
  std::vector<const Network*> candidates;
  std::vector<Network*> stored;
  for (auto& [id, n] : state->networks) {
    if (swarm_only && !IsOverlay(n)) continue;
    candidates.push_back(&n);
    stored.push_back(&n);
  }
  auto i = FindNetwork(candidates, ref);
  if (!i.ok()) return i.status();
  return stored[i.value()];
}

std::vector<Network> PredefinedNetworks(const ClusterState& state, const Node& node) {
  auto make = [&](const std::string& name, const std::string& driver) {
    Network n;
    n.id = HexHash256(node.id + "/" + name);
    n.name = name;
    n.driver = driver;
    n.scope = "local";
    n.created_at = node.created_at;
    n.updated_at = node.created_at;
    return n;
  };
  Network bridge = make("bridge", "bridge");
  bridge.ipam = {{FormatPrefix(kDefaultBridgeSubnet), FormatIpv4(DefaultGateway(kDefaultBridgeSubnet))}};
  bridge.options = {{"com.docker.network.bridge.default_bridge", "true"},
                    {"com.docker.network.bridge.enable_icc", "true"},
                    {"com.docker.network.bridge.enable_ip_masquerade", "true"},
                    {"com.docker.network.bridge.host_binding_ipv4", "0.0.0.0"},
                    {"com.docker.network.bridge.name", "docker0"},
                    {"com.docker.network.driver.mtu", "1500"}};
  Network gateway = make("docker_gwbridge", "bridge");
  if (auto subnet = GatewayBridgeSubnet(state)) {
    gateway.ipam = {{FormatPrefix(*subnet), FormatIpv4(DefaultGateway(*subnet))}};
  }
  gateway.options = {{"com.docker.network.bridge.enable_icc", "false"},
                     {"com.docker.network.bridge.enable_ip_masquerade", "true"},
                     {"com.docker.network.bridge.name", "docker_gwbridge"}};
  return {bridge, gateway, make("host", "host"), make("none", "null")};
}

bool IsBuiltinNetwork(const Network& network) { return network.ingress || IsPredefined(network); }

Result<Network> ResolveNetworkOn(const ClusterState& state, const Node* node, const std::string& ref,
                                 bool swarm_only) {
  std::vector<Network> predefined = swarm_only || !node ? std::vector<Network>{} : PredefinedNetworks(state, *node);
  std::vector<const Network*> candidates;
  for (const auto& [id, n] : state.networks) {
    if (!swarm_only || IsOverlay(n)) candidates.push_back(&n);
  }
  for (const Network& n : predefined) candidates.push_back(&n);
  auto i = FindNetwork(candidates, ref);
  if (!i.ok()) return i.status();
  return *candidates[i.value()];
}

bool NetworkInUse(const ClusterState& state, const std::string& network_id, std::string* user, bool* by_service) {
  for (const auto& [id, s] : state.services) {
    if (Attached(s.spec.task_template.networks, network_id)) {
      *user = id;
      *by_service = true;
      return true;
    }
  }
  for (const auto& [id, t] : state.tasks) {
    if (t.desired_state > TaskState::kRunning || t.status.state > TaskState::kRunning) continue;
    for (const auto& a : t.networks) {
      if (a.network_id == network_id) {
        *user = id;
        *by_service = false;
        return true;
      }
    }
  }
  return false;
}

Status RemoveNetwork(ClusterState* state, const std::string& network_id) {
  const std::string id = network_id;  // may point into the network being erased
  auto it = state->networks.find(id);
  if (it == state->networks.end()) return Status::Daemon(Status::Code::kNotFound, "network " + id + " not found");
  if (it->second.ingress) {
    for (const auto& [sid, s] : state->services) {
      if (PublishesIngress(s.spec.endpoint)) {
        return Rpc(Status::Code::kFailedPrecondition, "FailedPrecondition",
                   "ingress network cannot be removed because service " + sid + " depends on it");
      }
    }
  }
  std::string user;
  bool by_service = false;
  if (NetworkInUse(*state, id, &user, &by_service)) {
    return Rpc(Status::Code::kFailedPrecondition, "FailedPrecondition",
               "network " + id + " is in use by " + (by_service ? "service " : "task ") + user);
  }
  std::string name = it->second.name;
  state->networks.erase(it);
  state->removed_networks.insert(id);
  ++state->index;
  RecordEvent(state, "network", "remove", id, {{"name", name}});
  return Status::OK();
}

Status RemoveNetworkOn(ClusterState* state, const Node* node, const std::string& ref) {
  auto n = ResolveNetworkOn(*state, node, ref);
  if (!n.ok()) return n.status();
  if (IsPredefined(n.value())) {
    return Status::Daemon(Status::Code::kFailedPrecondition, n->name + " is a pre-defined network and cannot be removed");
  }
  return RemoveNetwork(state, n->id);
}

std::vector<std::string> PruneNetworks(ClusterState* state) {
  std::vector<std::pair<std::string, std::string>> unused;  // name, id
  for (const auto& [id, n] : state->networks) {
    std::string user;
    bool by_service = false;
    if (!n.ingress && !NetworkInUse(*state, id, &user, &by_service)) unused.push_back({n.name, id});
  }
  std::sort(unused.begin(), unused.end());
  std::vector<std::string> names;
  for (const auto& [name, id] : unused) {
    if (RemoveNetwork(state, id).ok()) names.push_back(name);
  }
  return names;
}

Status ValidateServiceNetworks(const ClusterState& state, const TaskSpec& spec) {
  for (const auto& a : spec.networks) {
    auto it = state.networks.find(a.target);
    if (it == state.networks.end()) {
      return Rpc(Status::Code::kNotFound, "NotFound", "network " + a.target + " not found");
    }
    if (!IsOverlay(it->second)) {
      return Status::Daemon(Status::Code::kInvalidArgument,
                            "The network " + it->second.name +
                                " cannot be used with services. Only networks scoped to the swarm can be used, such "
                                "as those created with the overlay driver.");
    }
    if (it->second.ingress) {
      return Rpc(Status::Code::kInvalidArgument, "InvalidArgument",
                 "Service cannot be explicitly attached to the ingress network \"" + it->second.name + "\"");
    }
  }
  return Status::OK();
}

}  // namespace swarmsim
