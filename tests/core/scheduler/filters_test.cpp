#include "core/scheduler/filters.h"

#include <gtest/gtest.h>

#include "tests/core/scheduler/fixture.h"

namespace swarmsim {
namespace {

using testing::kCpu;
using testing::kGiB;
using testing::kMiB;
using testing::SchedulerFixture;

TEST(FiltersTest, DefaultOrderIsSwarms) {
  auto filters = DefaultFilters();
  std::vector<std::string> names;
  for (auto& f : filters) names.push_back(f->name());
  EXPECT_EQ(names, (std::vector<std::string>{"Ready", "Resources", "Plugin", "Constraint", "Platform", "HostPort",
                                             "MaxReplicas"}));
}

TEST(FiltersTest, ExplainTextsArePluralisedLikeSwarm) {
  ReadyFilter ready;
  ResourceFilter res;
  PluginFilter plugin;
  ConstraintFilter constraint;
  PlatformFilter platform;
  HostPortFilter port;
  MaxReplicasFilter max;
  EXPECT_EQ(ready.Explain(1), "1 node not available for new tasks");
  EXPECT_EQ(ready.Explain(2), "2 nodes not available for new tasks");
  EXPECT_EQ(res.Explain(1), "insufficient resources on 1 node");
  EXPECT_EQ(res.Explain(3), "insufficient resources on 3 nodes");
  EXPECT_EQ(plugin.Explain(2), "missing plugin on 2 nodes");
  EXPECT_EQ(constraint.Explain(1), "scheduling constraints not satisfied on 1 node");
  EXPECT_EQ(constraint.Explain(3), "scheduling constraints not satisfied on 3 nodes");
  EXPECT_EQ(platform.Explain(3), "unsupported platform on 3 nodes");
  EXPECT_EQ(port.Explain(1), "host-mode port already in use on 1 node");
  EXPECT_EQ(port.Explain(2), "host-mode port already in use on 2 nodes");
  EXPECT_EQ(max.Explain(1), "max replicas per node limit exceed");
  EXPECT_EQ(max.Explain(7), "max replicas per node limit exceed");
}

TEST(ReadyFilterTest, OnlyReadyAndActivePass) {
  SchedulerFixture f;
  Service& s = f.AddService("web");
  Task& t = f.AddTask(s, 1, TaskState::kPending);
  ReadyFilter ready;
  ASSERT_TRUE(ready.SetTask(t));
  Node& n = f.AddNode("a");
  std::string why;
  EXPECT_TRUE(ready.Check(NodeInfo(n), &why));
  n.spec.availability = NodeAvailability::kDrain;
  EXPECT_FALSE(ready.Check(NodeInfo(n), &why));
  EXPECT_EQ(why, "node is drained");
  n.spec.availability = NodeAvailability::kPause;
  EXPECT_FALSE(ready.Check(NodeInfo(n), &why));
  EXPECT_EQ(why, "node is paused");
  n.spec.availability = NodeAvailability::kActive;
  for (NodeState st : {NodeState::kDown, NodeState::kUnknown, NodeState::kDisconnected}) {
    n.status.state = st;
    EXPECT_FALSE(ready.Check(NodeInfo(n), &why));
    EXPECT_EQ(why, std::string("node is ") + ToString(st));
  }
  n.status.state = NodeState::kDown;
  n.spec.availability = NodeAvailability::kDrain;
  EXPECT_FALSE(ready.Check(NodeInfo(n), &why));
  EXPECT_EQ(why, "node is down and drained");
}

TEST(ResourceFilterTest, ReservationsOnlyAndEqualityFits) {
  SchedulerFixture f;
  Node& n = f.AddNode("a", 2, 1 * kGiB);
  ResourceFilter filter;

  TaskSpec limits_only;
  limits_only.resources.limits.nano_cpus = 64 * kCpu;
  limits_only.resources.limits.memory_bytes = 64 * kGiB;
  Service& lim = f.AddService("lim", limits_only);
  EXPECT_FALSE(filter.SetTask(f.AddTask(lim, 1, TaskState::kPending)));  // limits never count

  Service& exact = f.AddService("exact", testing::Reserving(2, 1 * kGiB));
  ASSERT_TRUE(filter.SetTask(f.AddTask(exact, 1, TaskState::kPending)));
  EXPECT_TRUE(filter.Check(NodeInfo(n)));

  Service& big = f.AddService("big", testing::Reserving(2.5, 2 * kGiB));
  ASSERT_TRUE(filter.SetTask(f.AddTask(big, 1, TaskState::kPending)));
  std::string why;
  EXPECT_FALSE(filter.Check(NodeInfo(n), &why));
  EXPECT_EQ(why, "needs 2.5 CPUs, 2 free; needs 2GiB memory, 1GiB free");

  Service& mem = f.AddService("mem", testing::Reserving(0, 1 * kGiB + 1));
  ASSERT_TRUE(filter.SetTask(f.AddTask(mem, 1, TaskState::kPending)));
  EXPECT_FALSE(filter.Check(NodeInfo(n), &why));
  EXPECT_EQ(why, "needs 1GiB memory, 1GiB free");  // rounded for people, exact for the check
}

TEST(ResourceFilterTest, UsesWhatIsLeft) {
  SchedulerFixture f;
  Node& n = f.AddNode("a", 2);
  Service& s = f.AddService("web", testing::Reserving(1));
  Task& running = f.AddRunning(s, 1, n);
  NodeInfo info(n);
  info.AddTask(running);
  info.AddTask(f.AddRunning(s, 2, n));
  info.RemoveTask(running);
  ResourceFilter filter;
  ASSERT_TRUE(filter.SetTask(f.AddTask(s, 3, TaskState::kPending)));
  EXPECT_TRUE(filter.Check(info));
  info.AddTask(running);
  std::string why;
  EXPECT_FALSE(filter.Check(info, &why));
  EXPECT_EQ(why, "needs 1 CPU, none free");
}

TEST(FormatTest, CpusAndBytes) {
  EXPECT_EQ(FormatCpus(kCpu), "1 CPU");
  EXPECT_EQ(FormatCpus(2 * kCpu), "2 CPUs");
  EXPECT_EQ(FormatCpus(500'000'000), "0.5 CPUs");
  EXPECT_EQ(FormatCpus(1'250'000'000), "1.25 CPUs");
  EXPECT_EQ(FormatBytes(100 * kMiB), "100MiB");
  EXPECT_EQ(FormatBytes(1536 * kMiB), "1.5GiB");
  EXPECT_EQ(FormatBytes(512), "512B");
  EXPECT_EQ(FormatBytes(4096), "4KiB");
}

TEST(PluginFilterTest, AppliesWithNetworksAndAlwaysPasses) {
  SchedulerFixture f;
  Node& n = f.AddNode("a");
  PluginFilter filter;
  Service& plain = f.AddService("plain");
  EXPECT_FALSE(filter.SetTask(f.AddTask(plain, 1, TaskState::kPending)));
  TaskSpec net;
  net.networks.push_back({"netid", {"web"}});
  Service& attached = f.AddService("attached", net);
  ASSERT_TRUE(filter.SetTask(f.AddTask(attached, 1, TaskState::kPending)));
  EXPECT_TRUE(filter.Check(NodeInfo(n)));
  EndpointSpec ingress;
  ingress.ports.push_back({"", "tcp", 80, 8080, "ingress"});
  Service& published = f.AddService("published", {}, ingress);
  EXPECT_TRUE(filter.SetTask(f.AddTask(published, 1, TaskState::kPending)));
}

TEST(ConstraintFilterTest, ReasonsAndDisabledCases) {
  SchedulerFixture f;
  Node& n = f.AddNode("a");
  ConstraintFilter filter;
  Service& none = f.AddService("none");
  EXPECT_FALSE(filter.SetTask(f.AddTask(none, 1, TaskState::kPending)));
  Service& bad = f.AddService("bad", testing::Constrained({"node.role=manager"}));
  EXPECT_FALSE(filter.SetTask(f.AddTask(bad, 1, TaskState::kPending)));  // unparsable: disabled
  Service& raid = f.AddService("raid", testing::Constrained({"node.labels.storage == raid"}));
  ASSERT_TRUE(filter.SetTask(f.AddTask(raid, 1, TaskState::kPending)));
  std::string why;
  EXPECT_FALSE(filter.Check(NodeInfo(n), &why));
  EXPECT_EQ(why, "node.labels.storage == raid: node has no label storage");
  n.spec.labels["storage"] = "raid";
  EXPECT_TRUE(filter.Check(NodeInfo(n)));
}

TEST(PlatformFilterTest, DisabledWithoutPlatformsAndMatchRules) {
  SchedulerFixture f;
  Service& s = f.AddService("web");
  PlatformFilter filter;
  EXPECT_FALSE(filter.SetTask(f.AddTask(s, 1, TaskState::kPending)));
  Platform node{"x86_64", "linux"};
  EXPECT_TRUE(PlatformMatches({"amd64", "linux"}, node));
  EXPECT_TRUE(PlatformMatches({"", "linux"}, node));
  EXPECT_TRUE(PlatformMatches({"", ""}, node));
  EXPECT_FALSE(PlatformMatches({"arm64", "linux"}, node));
  EXPECT_FALSE(PlatformMatches({"amd64", "windows"}, node));
  EXPECT_TRUE(PlatformMatches({"arm64", "linux"}, {"aarch64", "linux"}));
}

TEST(HostPortFilterTest, OnlyHostModePortsCount) {
  SchedulerFixture f;
  Node& n = f.AddNode("a");
  HostPortFilter filter;
  EndpointSpec ingress;
  ingress.ports.push_back({"", "tcp", 80, 8080, "ingress"});
  Service& ing = f.AddService("ing", {}, ingress);
  EXPECT_FALSE(filter.SetTask(f.AddTask(ing, 1, TaskState::kPending)));

  Service& web = f.AddService("web", {}, testing::HostPort(8080));
  NodeInfo info(n);
  ASSERT_TRUE(filter.SetTask(f.AddTask(web, 2, TaskState::kPending)));
  EXPECT_TRUE(filter.Check(info));
  info.AddTask(f.AddRunning(web, 1, n));
  std::string why;
  EXPECT_FALSE(filter.Check(info, &why));
  EXPECT_EQ(why, "port 8080/tcp already in use");
}

TEST(MaxReplicasFilterTest, CountsActiveTasksOfTheService) {
  SchedulerFixture f;
  Node& n = f.AddNode("a");
  TaskSpec spec;
  spec.placement.max_replicas = 2;
  Service& s = f.AddService("web", spec);
  MaxReplicasFilter filter;
  ASSERT_TRUE(filter.SetTask(f.AddTask(s, 9, TaskState::kPending)));
  NodeInfo info(n);
  info.AddTask(f.AddRunning(s, 1, n));
  EXPECT_TRUE(filter.Check(info));
  info.AddTask(f.AddTask(s, 2, TaskState::kRunning, n.id, TaskState::kShutdown));  // being shut down
  EXPECT_TRUE(filter.Check(info));
  info.AddTask(f.AddRunning(s, 3, n));
  std::string why;
  EXPECT_FALSE(filter.Check(info, &why));
  EXPECT_EQ(why, "node already runs 2 tasks of this service (max 2)");

  Service& unlimited = f.AddService("free");
  EXPECT_FALSE(filter.SetTask(f.AddTask(unlimited, 1, TaskState::kPending)));
}

}  // namespace
}  // namespace swarmsim
