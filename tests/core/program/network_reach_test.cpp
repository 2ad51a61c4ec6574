#include "core/program/network_reach.h"

#include <gtest/gtest.h>

#include "tests/core/container/task_fixture.h"

namespace swarmsim {
namespace {

class NetworkReachTest : public ::testing::Test, public TaskFixture {};

TEST_F(NetworkReachTest, NamesAndAliasesResolveOnSharedNetworksOnly) {
  Node& n = AddNode("node1");
  Network& shared = AddNetwork("app-net");
  Network& other = AddNetwork("other");
  TaskSpec db_spec;
  db_spec.networks.push_back({shared.id, {"todo-db"}});
  Service& db = AddService("todo_todo-db", db_spec);
  TaskSpec near_spec, far_spec;
  near_spec.networks.push_back({shared.id, {}});
  far_spec.networks.push_back({other.id, {}});
  const Task& near = AddTask(AddService("near", near_spec), n);
  const Task& far = AddTask(AddService("far", far_spec), n);
  EXPECT_EQ(ResolveServiceName(s, near, "todo-db"), &db);
  EXPECT_EQ(ResolveServiceName(s, near, "todo_todo-db"), &db);
  EXPECT_EQ(ResolveServiceName(s, far, "todo-db"), nullptr);
  EXPECT_EQ(ResolveServiceName(s, near, "nope"), nullptr);
}

TEST_F(NetworkReachTest, PicksTheLowestRunningSlot) {
  Node& n = AddNode("node1");
  Service& svc = AddService("db", TaskSpec{});
  Task& t2 = AddTask(svc, n, 2);
  Task& t1 = AddTask(svc, n, 1);
  EXPECT_EQ(PickRunningTask(s, svc), &t1);
  t1.status.state = TaskState::kShutdown;
  EXPECT_EQ(PickRunningTask(s, svc), &t2);
  t2.desired_state = TaskState::kShutdown;
  EXPECT_EQ(PickRunningTask(s, svc), nullptr);
}

}  // namespace
}  // namespace swarmsim
