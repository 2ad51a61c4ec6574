#include "ui/view/window_title.h"

#include <gtest/gtest.h>

#include "ui_fixture.h"

namespace swarmsim::ui {
namespace {

using WindowTitleTest = ClusterFixture;

TEST_F(WindowTitleTest, NoSwarmIsTheNameAlone) { EXPECT_EQ(WindowTitle(ClusterState{}), "swarmsim"); }

TEST_F(WindowTitleTest, CountsNodesAndRunningTasks) {
  ThreeNodesWithWeb();
  EXPECT_EQ(WindowTitle(Load()), "swarmsim — 3 nodes, 2 tasks running");
  Run("service scale web=1");
  Run("time advance 30s");
  EXPECT_EQ(WindowTitle(Load()), "swarmsim — 3 nodes, 1 task running");
}

TEST_F(WindowTitleTest, StartingTasksAreNotRunningYet) {
  Run("swarm init --hostname node1");
  Run("service create --name web --replicas 2 nginx");
  EXPECT_EQ(WindowTitle(Load()), "swarmsim — 1 node, 0 tasks running");
}

}  // namespace
}  // namespace swarmsim::ui
