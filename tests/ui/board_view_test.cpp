#include "ui/view/board_view.h"

#include <gtest/gtest.h>

#include "ui_fixture.h"

namespace swarmsim::ui {
namespace {

TEST(ShortImage, KeepsLastPathPartAndTag) {
  EXPECT_EQ(ShortImage("nginx"), "nginx:latest");
  EXPECT_EQ(ShortImage("docker.io/library/nginx:1.25@sha256:abc"), "nginx:1.25");
  EXPECT_EQ(ShortImage("diamol/ch06-todo-list:v2"), "ch06-todo-list:v2");
  EXPECT_EQ(ShortImage("localhost:5000/app"), "app:latest");
}

using BoardViewTest = ClusterFixture;

TEST_F(BoardViewTest, InactiveClusterHasNoColumns) {
  BoardView v = BuildBoardView(ClusterState{}, 0);
  EXPECT_FALSE(v.swarm_active);
  EXPECT_TRUE(v.columns.empty());
}

TEST_F(BoardViewTest, OneColumnPerNodeByHostnameWithRoleAndStatus) {
  ThreeNodesWithWeb();
  Run("node update --availability drain node3");
  Run("node update --label-add zone=a node2");
  ClusterState s = Load();
  BoardView v = BuildBoardView(s, s.clock.now);
  ASSERT_EQ(v.columns.size(), 3u);
  EXPECT_EQ(v.columns[0].hostname, "node1");
  EXPECT_EQ(v.columns[1].hostname, "node2");
  EXPECT_EQ(v.columns[2].hostname, "node3");
  EXPECT_TRUE(v.columns[0].leader);
  EXPECT_TRUE(v.columns[0].manager);
  EXPECT_TRUE(v.columns[0].self);
  EXPECT_FALSE(v.columns[1].manager);
  EXPECT_EQ(v.columns[2].availability, NodeAvailability::kDrain);
  ASSERT_EQ(v.columns[1].labels.size(), 1u);
  EXPECT_EQ(v.columns[1].labels[0], std::make_pair(std::string("zone"), std::string("a")));
  EXPECT_TRUE(v.paused);
}

TEST_F(BoardViewTest, ReservationsAndLimitsSumOverTasksHoldingResources) {
  ThreeNodesWithWeb();
  ClusterState s = Load();
  BoardView v = BuildBoardView(s, s.clock.now);
  int64_t reserved = 0, limited = 0;
  size_t cards = 0;
  for (const NodeColumn& c : v.columns) {
    EXPECT_GT(c.cpu.capacity, 0);
    EXPECT_GT(c.memory.capacity, 0);
    reserved += c.cpu.reserved;
    limited += c.cpu.limited;
    cards += c.tasks.size();
    if (c.tasks.size() == 1) {
      EXPECT_EQ(c.cpu.reserved, 250'000'000);
      EXPECT_EQ(c.cpu.limited, 500'000'000);
      EXPECT_EQ(c.memory.reserved, 64LL * 1024 * 1024);
      EXPECT_EQ(c.tasks[0].image, "nginx:1.25");
      EXPECT_EQ(c.tasks[0].state, TaskState::kRunning);
      EXPECT_STREQ(c.tasks[0].state_word, "running");
    }
  }
  EXPECT_EQ(cards, 2u);
  EXPECT_FALSE(v.preparing);
  EXPECT_EQ(reserved, 500'000'000);
  EXPECT_EQ(limited, 1'000'000'000);
}

TEST_F(BoardViewTest, ReplacedTasksMoveToHistoryAndStopHoldingResources) {
  ThreeNodesWithWeb();
  Run("service update --image nginx:1.27 web");
  Run("time advance 30s");
  ClusterState s = Load();
  BoardView v = BuildBoardView(s, s.clock.now);
  size_t current = 0, history = 0;
  int64_t reserved = 0;
  for (const NodeColumn& c : v.columns) {
    for (const TaskCard& t : c.tasks) {
      EXPECT_EQ(t.image, "nginx:1.27");
      ++current;
    }
    for (const TaskCard& t : c.history) {
      EXPECT_EQ(t.image, "nginx:1.25");
      EXPECT_EQ(t.state, TaskState::kShutdown);
      ++history;
    }
    reserved += c.cpu.reserved;
  }
  EXPECT_EQ(current, 2u);
  EXPECT_EQ(history, 2u);
  EXPECT_EQ(reserved, 500'000'000);  // only the two running replicas
}

TEST_F(BoardViewTest, ColumnsFollowHostnamesInNaturalOrder) {
  Run("swarm init");
  Run("node add --count 10");
  ClusterState s = Load();
  BoardView v = BuildBoardView(s, s.clock.now);
  ASSERT_EQ(v.columns.size(), 11u);
  EXPECT_EQ(v.columns[1].hostname, "node2");
  EXPECT_EQ(v.columns[9].hostname, "node10");
  EXPECT_EQ(v.columns[10].hostname, "node11");
}

TEST_F(BoardViewTest, CardsAreNamedLikeServicePsAndOrderedBySlot) {
  ThreeNodesWithWeb();
  Run("service scale web=6");
  Run("time advance 30s");
  ClusterState s = Load();
  BoardView v = BuildBoardView(s, s.clock.now);
  for (const NodeColumn& c : v.columns) {
    for (size_t i = 1; i < c.tasks.size(); ++i) EXPECT_LT(c.tasks[i - 1].slot, c.tasks[i].slot);
    for (const TaskCard& t : c.tasks) EXPECT_EQ(t.name, "web." + std::to_string(t.slot));
  }
}

TEST_F(BoardViewTest, UnplaceableTaskIsPendingWithSwarmsReason) {
  ThreeNodesWithWeb();
  Run("service create --name huge --reserve-cpu 64 redis:7");
  Run("time advance 1s");
  ClusterState s = Load();
  BoardView v = BuildBoardView(s, s.clock.now);
  ASSERT_EQ(v.pending.size(), 1u);
  EXPECT_EQ(v.pending[0].card.name, "huge.1");
  EXPECT_EQ(v.pending[0].reason, "no suitable node (insufficient resources on 3 nodes)");
  // Services are coloured by their place in name order: huge before web.
  ASSERT_EQ(v.services.size(), 2u);
  EXPECT_EQ(v.pending[0].card.service_index, 0);
  EXPECT_EQ(v.columns[0].tasks.empty() ? 1 : v.columns[0].tasks[0].service_index, 1);
}

TEST_F(BoardViewTest, PreparingTaskShowsPullProgressAlongVirtualTime) {
  Run("swarm init");
  Run("time pause");
  Run("service create --name web nginx:1.25");
  // Step until the task is preparing (pulling its image).
  for (int i = 0; i < 10; ++i) {
    ClusterState s = Load();
    if (!s.tasks.empty() && s.tasks.begin()->second.status.state == TaskState::kPreparing) break;
    Run("time step");
  }
  ClusterState s = Load();
  ASSERT_EQ(s.tasks.size(), 1u);
  const Task& t = s.tasks.begin()->second;
  ASSERT_EQ(t.status.state, TaskState::kPreparing);
  ASSERT_GT(t.due_at, t.status.timestamp);
  Time mid = t.status.timestamp + (t.due_at - t.status.timestamp) / 2;
  BoardView at_start = BuildBoardView(s, s.clock.now);
  BoardView halfway = BuildBoardView(s, mid);
  ASSERT_EQ(halfway.columns.size(), 1u);
  ASSERT_EQ(halfway.columns[0].tasks.size(), 1u);
  EXPECT_NEAR(halfway.columns[0].tasks[0].progress, 0.5f, 0.01f);
  EXPECT_TRUE(halfway.preparing);
  EXPECT_LT(at_start.columns[0].tasks[0].progress, halfway.columns[0].tasks[0].progress);
}

// The heat map shows no card motion but the Pending strip's: the view says apart
// whether a pending card is fading in.
TEST_F(BoardViewTest, APendingCardFadingInIsToldApart) {
  ThreeNodesWithWeb();
  Run("service create -d --name huge --reserve-cpu 64 redis:7");
  ClusterState s = Load();
  BoardView fresh = BuildBoardView(s, s.clock.now);
  ASSERT_EQ(fresh.pending.size(), 1u);
  EXPECT_TRUE(fresh.pending_animating);
  EXPECT_TRUE(fresh.animating);
  BoardView later = BuildBoardView(s, s.clock.now + kFadeInTime);
  EXPECT_FALSE(later.pending_animating);
  Run("service rm huge");
  Run("service scale web=3");
  s = Load();
  BoardView placed = BuildBoardView(s, s.clock.now);
  EXPECT_TRUE(placed.animating);  // web.3 fades in on its node
  EXPECT_FALSE(placed.pending_animating);
}

}  // namespace
}  // namespace swarmsim::ui
