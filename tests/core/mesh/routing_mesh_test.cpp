#include "core/mesh/routing_mesh.h"

#include <gtest/gtest.h>

#include "core/container/volumes.h"
#include "tests/core/container/task_fixture.h"

namespace swarmsim {
namespace {

class RoutingMeshTest : public ::testing::Test, public TaskFixture {
 protected:
  Service& Web() {
    TaskSpec spec;
    spec.container.image = "diamol/ch06-todo-list:latest";
    Service& svc = AddService("todo_web", spec);
    svc.spec.endpoint.ports.push_back({"", "tcp", 80, 8080, "ingress"});
    return svc;
  }
};

TEST_F(RoutingMeshTest, TakesRunningTasksInTurn) {
  Node& a = AddNode("node1");
  Node& b = AddNode("node2");
  Service& svc = Web();
  const Task& t1 = AddTask(svc, a, 1);
  const Task& t2 = AddTask(svc, b, 2);
  EXPECT_EQ(RouteRequest(&s, 8080, {}).task, &t1);
  EXPECT_EQ(RouteRequest(&s, 8080, {}).task, &t2);
  EXPECT_EQ(RouteRequest(&s, 8080, {}).task, &t1);
  EXPECT_TRUE(s.mesh_changed);
}

TEST_F(RoutingMeshTest, SkipsTasksThatAreNotRunning) {
  Node& a = AddNode("node1");
  Service& svc = Web();
  Task& t1 = AddTask(svc, a, 1);
  const Task& t2 = AddTask(svc, a, 2);
  t1.status.state = TaskState::kFailed;
  EXPECT_EQ(RouteRequest(&s, 8080, {}).task, &t2);
  EXPECT_EQ(RouteRequest(&s, 8080, {}).task, &t2);
}

TEST_F(RoutingMeshTest, NothingOnThePortOrNoTask) {
  Node& a = AddNode("node1");
  Service& svc = Web();
  MeshResult none = RouteRequest(&s, 9999, {});
  EXPECT_EQ(none.service, nullptr);
  MeshResult idle = RouteRequest(&s, 8080, {});
  EXPECT_EQ(idle.service, &svc);
  EXPECT_EQ(idle.task, nullptr);
  (void)a;
}

}  // namespace
}  // namespace swarmsim
