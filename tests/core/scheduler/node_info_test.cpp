#include "core/scheduler/node_info.h"

#include <gtest/gtest.h>

#include "tests/core/scheduler/fixture.h"

namespace swarmsim {
namespace {

using testing::kCpu;
using testing::kGiB;
using testing::kMiB;
using testing::SchedulerFixture;

struct Snapshot {
  Resources available;
  int64_t active = 0;
  int64_t of_service = 0;
  bool port = false;
  bool operator==(const Snapshot&) const = default;
};

Snapshot Take(const NodeInfo& n, const std::string& service_id) {
  return {n.available(), n.active_tasks(), n.ActiveTasksOfService(service_id), n.HostPortInUse("tcp", 8080)};
}

TEST(NodeInfoTest, AddTakesReservationsPortsAndCounts) {
  SchedulerFixture f;
  Node& node = f.AddNode("a", 4, 8 * kGiB);
  TaskSpec spec = testing::Reserving(1.5, 512 * kMiB);
  spec.resources.limits.nano_cpus = 3 * kCpu;  // limits never count
  Service& s = f.AddService("web", spec, testing::HostPort(8080));
  Task& t = f.AddRunning(s, 1, node);

  NodeInfo info(node);
  EXPECT_EQ(info.available(), node.description.resources);
  EXPECT_TRUE(info.AddTask(t));
  EXPECT_EQ(info.available().nano_cpus, 4 * kCpu - 1'500'000'000);
  EXPECT_EQ(info.available().memory_bytes, 8 * kGiB - 512 * kMiB);
  EXPECT_EQ(info.active_tasks(), 1);
  EXPECT_EQ(info.ActiveTasksOfService(s.id), 1);
  EXPECT_EQ(info.ActiveTasksOfService("other"), 0);
  EXPECT_TRUE(info.HostPortInUse("tcp", 8080));
  EXPECT_FALSE(info.HostPortInUse("udp", 8080));
  EXPECT_FALSE(info.AddTask(t));  // already tracked, nothing changes
  EXPECT_EQ(info.active_tasks(), 1);
}

TEST(NodeInfoTest, RemoveUndoesAdd) {
  SchedulerFixture f;
  Node& node = f.AddNode("a");
  Service& s = f.AddService("web", testing::Reserving(1, 256 * kMiB), testing::HostPort(8080));
  Service& other = f.AddService("db", testing::Reserving(0.5));
  Task& keep = f.AddRunning(other, 1, node);
  Task& t = f.AddRunning(s, 1, node);

  NodeInfo info(node);
  ASSERT_TRUE(info.AddTask(keep));
  Snapshot before = Take(info, s.id);
  Snapshot before_other = Take(info, other.id);
  ASSERT_TRUE(info.AddTask(t));
  EXPECT_NE(Take(info, s.id), before);
  EXPECT_TRUE(info.RemoveTask(t));
  EXPECT_EQ(Take(info, s.id), before);
  EXPECT_EQ(Take(info, other.id), before_other);
  EXPECT_FALSE(info.RemoveTask(t));  // not tracked any more
  EXPECT_EQ(Take(info, s.id), before);
}

TEST(NodeInfoTest, ShuttingDownTasksHoldResourcesButDoNotCount) {
  SchedulerFixture f;
  Node& node = f.AddNode("a", 2);
  Service& s = f.AddService("web", testing::Reserving(1), testing::HostPort(8080));
  Task& t = f.AddTask(s, 1, TaskState::kRunning, node.id, TaskState::kShutdown);

  NodeInfo info(node);
  ASSERT_TRUE(info.AddTask(t));
  EXPECT_EQ(info.available().nano_cpus, 1 * kCpu);
  EXPECT_TRUE(info.HostPortInUse("tcp", 8080));
  EXPECT_EQ(info.active_tasks(), 0);
  EXPECT_EQ(info.ActiveTasksOfService(s.id), 0);

  // The desired state going back (or forward) only changes the counts.
  t.desired_state = TaskState::kRunning;
  EXPECT_TRUE(info.AddTask(t));
  EXPECT_EQ(info.active_tasks(), 1);
  EXPECT_EQ(info.available().nano_cpus, 1 * kCpu);
  EXPECT_FALSE(info.AddTask(t));
  t.desired_state = TaskState::kRemove;
  EXPECT_TRUE(info.AddTask(t));
  EXPECT_EQ(info.active_tasks(), 0);
  EXPECT_TRUE(info.RemoveTask(t));
  EXPECT_EQ(info.available().nano_cpus, 2 * kCpu);
  EXPECT_FALSE(info.HostPortInUse("tcp", 8080));
}

TEST(NodeInfoTest, PortStaysBusyWhileAnotherUserRemains) {
  SchedulerFixture f;
  Node& node = f.AddNode("a");
  Service& s = f.AddService("web", {}, testing::HostPort(8080));
  Task& a = f.AddRunning(s, 1, node);
  Task& b = f.AddRunning(s, 2, node);
  NodeInfo info(node);
  info.AddTask(a);
  info.AddTask(b);
  info.RemoveTask(a);
  EXPECT_TRUE(info.HostPortInUse("tcp", 8080));
  info.RemoveTask(b);
  EXPECT_FALSE(info.HostPortInUse("tcp", 8080));
}

TEST(BuildNodeInfosTest, TracksAssignedThroughRunningOnly) {
  SchedulerFixture f;
  Node& a = f.AddNode("a", 8);
  Node& b = f.AddNode("b", 8);
  Service& s = f.AddService("web", testing::Reserving(1));
  f.AddTask(s, 1, TaskState::kAssigned, a.id);
  f.AddTask(s, 2, TaskState::kRunning, a.id);
  f.AddTask(s, 3, TaskState::kComplete, a.id);   // past RUNNING: frees its reservation
  f.AddTask(s, 4, TaskState::kShutdown, a.id);
  f.AddTask(s, 5, TaskState::kPending, b.id);    // pre-assigned, not confirmed yet
  f.AddTask(s, 6, TaskState::kPending);          // unassigned
  f.AddTask(s, 7, TaskState::kStarting, b.id, TaskState::kShutdown);

  std::vector<NodeInfo> infos = BuildNodeInfos(f.state);
  ASSERT_EQ(infos.size(), 2u);
  const NodeInfo& ia = infos[0].id() == a.id ? infos[0] : infos[1];
  const NodeInfo& ib = infos[0].id() == a.id ? infos[1] : infos[0];
  EXPECT_LT(infos[0].id(), infos[1].id());  // ordered by node ID
  EXPECT_EQ(ia.available().nano_cpus, 6 * kCpu);
  EXPECT_EQ(ia.ActiveTasksOfService(s.id), 2);
  EXPECT_EQ(ib.available().nano_cpus, 7 * kCpu);
  EXPECT_EQ(ib.ActiveTasksOfService(s.id), 0);
  EXPECT_EQ(ib.active_tasks(), 0);
}

TEST(BuildNodeInfosTest, RecentFailuresPerSpecVersionWithinFiveMinutes) {
  SchedulerFixture f;
  Node& a = f.AddNode("a");
  Service& s = f.AddService("web");
  const Time now = f.state.clock.now;
  auto fail = [&](TaskState st, Time when, uint64_t version, uint64_t slot = 1) {
    Task& t = f.AddTask(s, slot, st, a.id, TaskState::kShutdown);
    t.status.timestamp = when;
    t.spec_version = version;
  };
  fail(TaskState::kFailed, now, 1);
  fail(TaskState::kRejected, now - kRecentFailureWindow, 1);      // exactly 5 minutes: still counts
  fail(TaskState::kFailed, now - kRecentFailureWindow - 1, 1);    // older: forgotten
  fail(TaskState::kFailed, now - kMinute, 2);                     // another spec version
  fail(TaskState::kShutdown, now, 1);                             // not a failure
  fail(TaskState::kFailed, now, 1, /*slot=*/0);                   // pre-assigned (global): not tracked

  std::vector<NodeInfo> infos = BuildNodeInfos(f.state);
  EXPECT_EQ(infos[0].RecentFailures(s.id, 1), 2);
  EXPECT_EQ(infos[0].RecentFailures(s.id, 2), 1);
  EXPECT_EQ(infos[0].RecentFailures(s.id, 3), 0);
}

}  // namespace
}  // namespace swarmsim
