#include "core/orchestrator/allocator.h"

#include <gtest/gtest.h>

#include "core/control/networks.h"
#include "core/control/services.h"
#include "core/control/swarm.h"
#include "core/orchestrator/reconcile.h"

namespace swarmsim {
namespace {

class AllocatorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    s_.clock.now = 1'700'000'000LL * kSecond;
    InitOptions init;
    init.seed = 3;
    ASSERT_TRUE(InitSwarm(&s_, init).ok());
    for (const auto& [id, n] : s_.networks) ingress_ = id;
    NetworkCreateOptions o;
    o.name = "backend";
    o.driver = "overlay";
    backend_ = CreateNetwork(&s_, o).value();
  }

  ClusterState s_;
  std::string ingress_, backend_;
};

TEST_F(AllocatorTest, PublishedPortsJoinIngressFirst) {
  ServiceSpec spec;
  spec.name = "web";
  spec.task_template.container.image = "nginx:latest";
  spec.task_template.networks.push_back({backend_, {}});
  spec.endpoint.ports.push_back(PortConfig{"", "tcp", 80, 8080, "ingress"});
  std::string id = CreateService(&s_, spec).value();
  Reconcile(&s_);
  const Service& svc = s_.services.at(id);
  ASSERT_EQ(svc.virtual_ips.size(), 2u);
  EXPECT_EQ(svc.virtual_ips[0].network_id, ingress_);
  EXPECT_EQ(svc.virtual_ips[0].addr, "10.0.0.2/24");
  EXPECT_EQ(svc.virtual_ips[1].addr, "10.0.1.2/24");
  const Task& t = s_.tasks.begin()->second;
  ASSERT_EQ(t.networks.size(), 2u);
  EXPECT_EQ(t.networks[0].addr, "10.0.0.3/24");
  EXPECT_EQ(t.networks[1].addr, "10.0.1.3/24");
}

TEST_F(AllocatorTest, DnsrrServicesHaveNoVipAndUpdatesKeepTheRest) {
  ServiceSpec spec;
  spec.name = "db";
  spec.task_template.container.image = "nginx:latest";
  spec.endpoint.mode = "dnsrr";
  spec.task_template.networks.push_back({backend_, {}});
  std::string id = CreateService(&s_, spec).value();
  Reconcile(&s_);
  EXPECT_TRUE(s_.services.at(id).virtual_ips.empty());
  // Back to vip: one VIP appears; a second pass changes nothing (idempotent).
  spec.endpoint.mode = "vip";
  ASSERT_TRUE(UpdateService(&s_, id, spec).ok());
  Reconcile(&s_);
  ASSERT_EQ(s_.services.at(id).virtual_ips.size(), 1u);
  uint64_t index = s_.index;
  AllocateNetworks(&s_);
  EXPECT_EQ(s_.index, index);
}

TEST_F(AllocatorTest, ATaskPastRunningGivesItsAddressBack) {
  ServiceSpec spec;
  spec.name = "api";
  spec.task_template.container.image = "nginx:latest";
  spec.task_template.networks.push_back({backend_, {}});
  std::string id = CreateService(&s_, spec).value();
  Reconcile(&s_);
  Task& first = s_.tasks.begin()->second;
  std::string first_addr = first.networks.at(0).addr;
  SetDesiredState(&s_, &first, TaskState::kShutdown);
  SetTaskState(&s_, &first, TaskState::kShutdown, "shutdown");
  spec.replicas = 1;
  spec.task_template.force_update = 1;  // a replacement task
  ASSERT_TRUE(UpdateService(&s_, id, spec).ok());
  Reconcile(&s_);
  bool reused = false;
  for (const auto& [tid, t] : s_.tasks) {
    if (t.id != first.id && !t.networks.empty()) reused = reused || t.networks[0].addr == first_addr;
  }
  EXPECT_TRUE(reused);
}

}  // namespace
}  // namespace swarmsim
