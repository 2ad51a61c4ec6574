#include "core/control/networks.h"

#include <gtest/gtest.h>

#include "core/control/services.h"
#include "core/control/swarm.h"
#include "core/orchestrator/reconcile.h"

namespace swarmsim {
namespace {

class NetworksTest : public ::testing::Test {
 protected:
  void SetUp() override {
    s_.clock.now = 1'700'000'000LL * kSecond;
    InitOptions init;
    init.seed = 7;
    ASSERT_TRUE(InitSwarm(&s_, init).ok());
  }

  std::string Overlay(const std::string& name, std::vector<IpamConfig> ipam = {}) {
    NetworkCreateOptions o;
    o.name = name;
    o.driver = "overlay";
    o.ipam = std::move(ipam);
    auto id = CreateNetwork(&s_, o);
    EXPECT_TRUE(id.ok()) << id.status().message();
    return id.ok() ? id.value() : "";
  }

  std::string ServiceOn(const std::string& name, const std::string& network_id, uint64_t replicas) {
    ServiceSpec spec;
    spec.name = name;
    spec.replicas = replicas;
    spec.task_template.container.image = "nginx:latest";
    spec.task_template.networks.push_back({network_id, {}});
    auto id = CreateService(&s_, spec);
    EXPECT_TRUE(id.ok()) << id.status().message();
    Reconcile(&s_);
    return id.ok() ? id.value() : "";
  }

  ClusterState s_;
};

TEST_F(NetworksTest, OverlayNetworksTakeTheNextSubnetAndVxlanId) {
  std::string id = Overlay("backend");
  const Network& n = s_.networks.at(id);
  EXPECT_EQ(n.scope, "swarm");
  ASSERT_EQ(n.ipam.size(), 1u);
  EXPECT_EQ(n.ipam[0].subnet, "10.0.1.0/24");  // ingress holds 10.0.0.0/24
  EXPECT_EQ(n.ipam[0].gateway, "10.0.1.1");
  EXPECT_EQ(n.options.at("com.docker.network.driver.overlay.vxlanid_list"), "4097");
  EXPECT_EQ(s_.networks.at(Overlay("front")).ipam[0].subnet, "10.0.2.0/24");
}

TEST_F(NetworksTest, CreateRefusesWhatTheDaemonRefuses) {
  Overlay("backend");
  NetworkCreateOptions o;
  o.driver = "overlay";
  o.name = "backend";
  EXPECT_EQ(CreateNetwork(&s_, o).status().message(),
            "Error response from daemon: network with name backend already exists");
  o.name = "host";
  EXPECT_EQ(CreateNetwork(&s_, o).status().message(),
            "Error response from daemon: host is a pre-defined network and cannot be created");
  o.name = "clash";
  o.ipam = {{"10.0.1.0/24", ""}};
  EXPECT_EQ(CreateNetwork(&s_, o).status().message(),
            "Error response from daemon: invalid pool request: Pool overlaps with other one on this address space");
  o.ipam = {{"10.9.0.0/24", "10.8.0.1"}};
  EXPECT_EQ(CreateNetwork(&s_, o).status().message(),
            "Error response from daemon: rpc error: code = InvalidArgument desc = ipam configuration: subnet "
            "10.9.0.0/24 does not contain gateway 10.8.0.1");
  o.ipam.clear();
  o.driver = "macvlan";
  EXPECT_FALSE(CreateNetwork(&s_, o).ok());
}

TEST_F(NetworksTest, ServicesAndTasksGetAddressesOnTheirNetworks) {
  std::string net = Overlay("backend");
  std::string svc = ServiceOn("api", net, 2);
  const Service& s = s_.services.at(svc);
  ASSERT_EQ(s.virtual_ips.size(), 1u);
  EXPECT_EQ(s.virtual_ips[0].network_id, net);
  EXPECT_EQ(s.virtual_ips[0].addr, "10.0.1.2/24");
  std::set<std::string> addrs;
  for (const auto& [id, t] : s_.tasks) {
    ASSERT_EQ(t.networks.size(), 1u);
    EXPECT_EQ(t.networks[0].network_id, net);
    addrs.insert(t.networks[0].addr);
  }
  EXPECT_EQ(addrs, (std::set<std::string>{"10.0.1.3/24", "10.0.1.4/24"}));
}

TEST_F(NetworksTest, AFullPoolLeavesTasksNewUntilAddressesFreeUp) {
  std::string net = Overlay("tiny", {{"10.5.0.0/29", ""}});  // hosts .2 to .6: a VIP and 4 tasks
  std::string svc = ServiceOn("api", net, 6);
  int allocated = 0, waiting = 0;
  for (const auto& [id, t] : s_.tasks) {
    if (t.status.state == TaskState::kNew) {
      ++waiting;
      EXPECT_EQ(t.status.err, "could not allocate IP from IPAM: no available IP addresses on network " + net);
    } else {
      ++allocated;
    }
  }
  EXPECT_EQ(allocated, 4);
  EXPECT_EQ(waiting, 2);
}

TEST_F(NetworksTest, RemoveIsRefusedWhileAServiceUsesTheNetwork) {
  std::string net = Overlay("backend");
  std::string svc = ServiceOn("api", net, 1);
  Status st = RemoveNetwork(&s_, net);
  EXPECT_EQ(st.message(), "Error response from daemon: rpc error: code = FailedPrecondition desc = network " + net +
                              " is in use by service " + svc);
  ASSERT_TRUE(RemoveService(&s_, svc).ok());
  Reconcile(&s_);
  // Its task has not stopped yet, but it is told to go: swarm lets the network go
  // (only a task desired and observed at or before RUNNING holds it).
  ASSERT_FALSE(s_.tasks.empty());
  EXPECT_LE(s_.tasks.begin()->second.status.state, TaskState::kRunning);
  EXPECT_TRUE(RemoveNetwork(&s_, net).ok());
  EXPECT_FALSE(s_.networks.count(net));
}

TEST_F(NetworksTest, PruneRemovesOnlyUnusedNetworksNotIngress) {
  std::string used = Overlay("used");
  Overlay("idle-b");
  Overlay("idle-a");
  ServiceOn("api", used, 1);
  EXPECT_EQ(PruneNetworks(&s_), (std::vector<std::string>{"idle-a", "idle-b"}));
  EXPECT_EQ(s_.networks.size(), 2u);  // ingress and used
}

TEST_F(NetworksTest, ServicesMayNotJoinIngressOrLocalNetworks) {
  std::string ingress;
  for (const auto& [id, n] : s_.networks) if (n.ingress) ingress = id;
  TaskSpec spec;
  spec.networks.push_back({ingress, {}});
  EXPECT_EQ(ValidateServiceNetworks(s_, spec).message(),
            "Error response from daemon: rpc error: code = InvalidArgument desc = Service cannot be explicitly "
            "attached to the ingress network \"ingress\"");
  NetworkCreateOptions o;
  o.name = "localnet";
  auto local = CreateNetwork(&s_, o);
  ASSERT_TRUE(local.ok());
  EXPECT_EQ(s_.networks.at(local.value()).scope, "local");
  // 172.17/16 is docker0's, 172.18/16 docker_gwbridge's on a swarm node.
  EXPECT_EQ(s_.networks.at(local.value()).ipam[0].subnet, "172.19.0.0/16");
  spec.networks = {{local.value(), {}}};
  EXPECT_EQ(ValidateServiceNetworks(s_, spec).message(),
            "Error response from daemon: The network localnet cannot be used with services. Only networks scoped "
            "to the swarm can be used, such as those created with the overlay driver.");
}

TEST_F(NetworksTest, ResolveFindsByIdNameAndPrefix) {
  std::string id = Overlay("backend");
  EXPECT_EQ(ResolveNetwork(&s_, "backend").value()->id, id);
  EXPECT_EQ(ResolveNetwork(&s_, id.substr(0, 6)).value()->id, id);
  EXPECT_EQ(ResolveNetwork(&s_, "nope").status().message(), "Error response from daemon: network nope not found");
}

TEST_F(NetworksTest, EveryNodeHasDockersPredefinedNetworks) {
  const Node& self = s_.nodes.at(s_.self_node_id);
  std::vector<Network> nets = PredefinedNetworks(s_, self);
  ASSERT_EQ(nets.size(), 4u);
  EXPECT_EQ(nets[0].name, "bridge");
  EXPECT_EQ(nets[0].ipam[0].subnet, "172.17.0.0/16");
  EXPECT_EQ(nets[0].options.at("com.docker.network.bridge.name"), "docker0");
  EXPECT_EQ(nets[1].name, "docker_gwbridge");
  EXPECT_EQ(nets[1].ipam[0].subnet, "172.18.0.0/16");
  EXPECT_EQ(nets[2].name + " " + nets[2].driver, "host host");
  EXPECT_EQ(nets[3].name + " " + nets[3].driver, "none null");
  for (const Network& n : nets) {
    EXPECT_EQ(n.scope, "local");
    EXPECT_EQ(n.id.size(), 64u);
    EXPECT_TRUE(IsBuiltinNetwork(n));
    EXPECT_TRUE(s_.networks.find(n.id) == s_.networks.end()) << "never stored";
  }
  EXPECT_EQ(PredefinedNetworks(s_, self)[0].id, nets[0].id) << "stable";
  // The daemon finds them by name and ID prefix; a swarm-scoped lookup does not.
  EXPECT_EQ(ResolveNetworkOn(s_, &self, "host").value().id, nets[2].id);
  EXPECT_EQ(ResolveNetworkOn(s_, &self, nets[3].id.substr(0, 12)).value().name, "none");
  EXPECT_EQ(ResolveNetworkOn(s_, &self, "bridge", /*swarm_only=*/true).status().message(),
            "Error response from daemon: network bridge not found");
  EXPECT_EQ(ResolveNetworkOn(s_, nullptr, "bridge").status().message(),
            "Error response from daemon: network bridge not found");
}

TEST_F(NetworksTest, PredefinedNetworksCannotBeRemoved) {
  const Node& self = s_.nodes.at(s_.self_node_id);
  ClusterState before = s_;
  EXPECT_EQ(RemoveNetworkOn(&s_, &self, "bridge").message(),
            "Error response from daemon: bridge is a pre-defined network and cannot be removed");
  EXPECT_EQ(RemoveNetworkOn(&s_, &self, "docker_gwbridge").message(),
            "Error response from daemon: docker_gwbridge is a pre-defined network and cannot be removed");
  EXPECT_EQ(s_.index, before.index);
  std::string id = Overlay("backend");
  EXPECT_TRUE(RemoveNetworkOn(&s_, &self, "backend").ok());
  EXPECT_TRUE(s_.networks.find(id) == s_.networks.end());
}

TEST_F(NetworksTest, TheGatewayBridgeTakesTheFirstFreeLocalSubnet) {
  const Node& self = s_.nodes.at(s_.self_node_id);
  NetworkCreateOptions o;
  o.name = "mine";
  o.ipam = {{"172.18.0.0/16", ""}};
  EXPECT_FALSE(CreateNetwork(&s_, o).ok()) << "docker_gwbridge holds 172.18.0.0/16";
  o.ipam = {{"172.17.5.0/24", ""}};
  EXPECT_EQ(CreateNetwork(&s_, o).status().message(),
            "Error response from daemon: invalid pool request: Pool overlaps with other one on this address space");
  o.ipam.clear();
  ASSERT_TRUE(CreateNetwork(&s_, o).ok());
  EXPECT_EQ(PredefinedNetworks(s_, self)[1].ipam[0].subnet, "172.18.0.0/16");
  o.name = "docker_gwbridge";
  EXPECT_EQ(CreateNetwork(&s_, o).status().message(),
            "Error response from daemon: network with name docker_gwbridge already exists");
}

}  // namespace
}  // namespace swarmsim
