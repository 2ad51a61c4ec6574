#include "core/orchestrator/allocator.h"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include "core/network/ipam.h"
#include "core/orchestrator/slots.h"

namespace swarmsim {

namespace {

const Network* IngressNetwork(const ClusterState& state) {
  for (const auto& [id, n] : state.networks) {
    if (n.ingress) return &n;
  }
  return nullptr;
}

bool PublishesIngress(const EndpointSpec& e) {
  for (const auto& p : e.ports) {
    if (p.publish_mode == "ingress") return true;
  }
  return false;
}

uint32_t AddressOf(const std::string& addr) {
  uint32_t a = 0;
  ParseIpv4(addr.substr(0, addr.find('/')), &a);
  return a;
}

// Addresses in use per network: every service's VIPs and the addresses of tasks
// not yet past RUNNING. Built once per pass, only when something needs allocating.
class AddressBook {
 public:
  explicit AddressBook(const ClusterState& state) : state_(state) {
    for (const auto& [id, s] : state.services) {
      for (const auto& v : s.virtual_ips) used_[v.network_id].insert(AddressOf(v.addr));
    }
    for (const auto& [id, t] : state.tasks) {
      if (t.status.state > TaskState::kRunning) continue;
      for (const auto& a : t.networks) used_[a.network_id].insert(AddressOf(a.addr));
    }
  }

  // The lowest free address on the network's pools, as "10.0.1.3/24"; nullopt
  // when they are full (or the network is gone).
  std::optional<std::string> Take(const std::string& network_id) {
    auto net = state_.networks.find(network_id);
    if (net == state_.networks.end()) return std::nullopt;
    auto& used = used_[network_id];
    for (const auto& c : net->second.ipam) {
      auto prefix = ParseIpv4Prefix(c.subnet);
      if (!prefix.ok()) continue;
      uint32_t gateway = 0;
      if (!ParseIpv4(c.gateway, &gateway)) gateway = DefaultGateway(prefix.value());
      auto a = LowestFreeAddress(prefix.value(), gateway, used, hint_[network_id]);
      if (!a) continue;
      used.insert(*a);
      hint_[network_id] = *a;
      return FormatIpv4(*a) + "/" + std::to_string(prefix->bits);
    }
    return std::nullopt;
  }

  void Release(const std::string& network_id, const std::string& addr) {
    uint32_t a = AddressOf(addr);
    used_[network_id].erase(a);
    if (hint_[network_id] > a) hint_[network_id] = a;
  }

 private:
  const ClusterState& state_;
  std::map<std::string, std::set<uint32_t>> used_;
  std::map<std::string, uint32_t> hint_;  // everything below it on this network is taken
};

std::vector<std::string> WantedVipNetworks(const ClusterState& state, const Service& s) {
  if (s.spec.endpoint.mode == "dnsrr") return {};
  return TaskNetworkIds(state, s.spec.task_template, s.spec.endpoint);
}

bool VipsMatch(const Service& s, const std::vector<std::string>& wanted) {
  if (s.virtual_ips.size() != wanted.size()) return false;
  for (size_t i = 0; i < wanted.size(); ++i) {
    if (s.virtual_ips[i].network_id != wanted[i]) return false;
  }
  return true;
}

}  // namespace

std::vector<std::string> TaskNetworkIds(const ClusterState& state, const TaskSpec& spec, const EndpointSpec& endpoint) {
  std::vector<std::string> ids;
  if (PublishesIngress(endpoint)) {
    if (const Network* ingress = IngressNetwork(state)) ids.push_back(ingress->id);
  }
  for (const auto& a : spec.networks) {
    if (std::find(ids.begin(), ids.end(), a.target) == ids.end()) ids.push_back(a.target);
  }
  return ids;
}

namespace {

// A swarm network without a pool (written before networks had them) gets the
// default pool's next subnet, as swarm's allocator gives one to a network created
// without --subnet; the ingress network first, as at `swarm init`.
void GivePools(ClusterState* state) {
  for (bool ingress : {true, false}) {
    for (auto& [id, n] : state->networks) {
      if (n.scope != "swarm" || !n.ipam.empty() || n.ingress != ingress) continue;
      std::vector<Ipv4Prefix> taken;
      for (const auto& [oid, o] : state->networks) {
        for (const auto& c : o.ipam) {
          auto p = ParseIpv4Prefix(c.subnet);
          if (p.ok()) taken.push_back(p.value());
        }
      }
      auto next = NextDefaultSubnet(taken);
      if (!next) continue;
      n.ipam.push_back({FormatPrefix(*next), FormatIpv4(DefaultGateway(*next))});
      Touch(state, &n);
    }
  }
}

}  // namespace

void AllocateNetworks(ClusterState* state) {
  GivePools(state);
  // Built on first need: most passes allocate nothing.
  std::unique_ptr<AddressBook> book;
  for (auto& [id, s] : state->services) {
    std::vector<std::string> wanted = WantedVipNetworks(*state, s);
    if (VipsMatch(s, wanted)) continue;
    // Keep the VIPs the service still needs; give back the others first.
    std::vector<VirtualIP> kept;
    for (const auto& v : s.virtual_ips) {
      if (std::find(wanted.begin(), wanted.end(), v.network_id) != wanted.end()) kept.push_back(v);
    }
    s.virtual_ips = kept;
    book = std::make_unique<AddressBook>(*state);
    std::vector<VirtualIP> vips;
    for (const auto& net : wanted) {
      auto k = std::find_if(kept.begin(), kept.end(), [&](const VirtualIP& v) { return v.network_id == net; });
      if (k != kept.end()) {
        vips.push_back(*k);
      } else if (auto addr = book->Take(net)) {
        vips.push_back({net, *addr});
      }
    }
    s.virtual_ips = std::move(vips);
    Touch(state, &s);
  }
  for (auto& [id, t] : state->tasks) {
    if (t.status.state != TaskState::kNew || !IsRunnable(t)) continue;
    std::vector<std::string> nets;
    if (t.spec && t.endpoint) nets = TaskNetworkIds(*state, *t.spec, *t.endpoint);
    std::vector<TaskNetworkAddress> addrs;
    std::string failed;
    if (!nets.empty() && !book) book = std::make_unique<AddressBook>(*state);
    for (const auto& net : nets) {
      auto addr = book->Take(net);
      if (!addr) {
        failed = net;
        break;
      }
      addrs.push_back({net, *addr});
    }
    if (!failed.empty()) {
      // Hand back what this task took: the pool it lacks may free up later.
      for (const auto& a : addrs) book->Release(a.network_id, a.addr);
      std::string err = "could not allocate IP from IPAM: no available IP addresses on network " + failed;
      if (t.status.err != err) {
        t.status.message = "pending task allocation";
        t.status.err = err;
        Touch(state, &t);
      }
      continue;
    }
    t.networks = std::move(addrs);
    t.status.err.clear();
    SetTaskState(state, &t, TaskState::kPending, "pending task scheduling");
  }
}

}  // namespace swarmsim
