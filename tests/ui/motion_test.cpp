#include "ui/view/motion.h"

#include <gtest/gtest.h>

#include "core/node/timing.h"
#include "ui/view/board_view.h"
#include "ui_fixture.h"

namespace swarmsim::ui {
namespace {

constexpr Time kT0 = 1000 * kSecond;

Task RunningTask(const std::string& id, const std::string& node, Time created) {
  Task t;
  t.id = id;
  t.service_id = "svc";
  t.slot = 1;
  t.node_id = node;
  t.created_at = created;
  t.status.state = TaskState::kRunning;
  t.status.timestamp = created;
  return t;
}

TEST(CardMotion, NewCardFadesInOverItsFirstSecondOfVirtualTime) {
  Task t = RunningTask("a", "n1", kT0);
  CardMotion start = MotionOf(t, nullptr, kT0);
  CardMotion half = MotionOf(t, nullptr, kT0 + kFadeInTime / 2);
  CardMotion done = MotionOf(t, nullptr, kT0 + kFadeInTime);
  EXPECT_FLOAT_EQ(start.opacity, 0.25f);
  EXPECT_FLOAT_EQ(half.opacity, 0.625f);
  EXPECT_TRUE(half.animating);
  EXPECT_FLOAT_EQ(done.opacity, 1.0f);
  EXPECT_FALSE(done.animating);
}

TEST(CardMotion, StoppingCardFadesOutThroughItsShutdown) {
  Task t = RunningTask("a", "n1", kT0);
  Time asked = kT0 + 10 * kSecond;
  t.desired_state = TaskState::kShutdown;
  t.due_at = asked + kStopTime;  // what the agent schedules when told to stop
  EXPECT_FLOAT_EQ(MotionOf(t, nullptr, asked).opacity, 1.0f);
  EXPECT_FLOAT_EQ(ShutdownProgress(t, asked + kStopTime / 2), 0.5f);
  float mid = MotionOf(t, nullptr, asked + kStopTime / 2).opacity;
  EXPECT_NEAR(mid, 1.0f - (1.0f - kStoppedOpacity) * 0.5f, 1e-6);
  EXPECT_TRUE(MotionOf(t, nullptr, asked + kStopTime / 2).animating);
  EXPECT_FLOAT_EQ(MotionOf(t, nullptr, asked + kStopTime).opacity, kStoppedOpacity);
  // The same virtual instant always gives the same picture (a paused clock freezes it).
  EXPECT_FLOAT_EQ(MotionOf(t, nullptr, asked + kStopTime / 2).opacity, mid);
}

TEST(CardMotion, AJobsRunningTaskIsNotStopping) {
  Task t = RunningTask("a", "n1", kT0);
  t.desired_state = TaskState::kComplete;  // a job's task: run until the process ends
  t.due_at = kT0 + 5 * kSecond;
  EXPECT_FLOAT_EQ(ShutdownProgress(t, kT0 + 4 * kSecond), 0.0f);
  EXPECT_FLOAT_EQ(MotionOf(t, nullptr, kT0 + 4 * kSecond).opacity, 1.0f);
}

TEST(CardMotion, AgentDownMeansTheStopHasNotBegun) {
  Task t = RunningTask("a", "n1", kT0);
  t.desired_state = TaskState::kShutdown;
  t.due_at = 0;
  EXPECT_FLOAT_EQ(ShutdownProgress(t, kT0 + kSecond), 0.0f);
}

TEST(CardMotion, SlotMovedToAnotherNodeTravelsFromThere) {
  Task old = RunningTask("a", "n1", kT0);
  old.status.state = TaskState::kShutdown;
  Task now = RunningTask("b", "n2", kT0 + 5 * kSecond);
  CardMotion m = MotionOf(now, &old, now.created_at + kTravelTime / 2);
  EXPECT_EQ(m.from_node_id, "n1");
  EXPECT_FLOAT_EQ(m.travel, 0.5f);
  EXPECT_TRUE(m.animating);
  CardMotion arrived = MotionOf(now, &old, now.created_at + kTravelTime);
  EXPECT_TRUE(arrived.from_node_id.empty());
  EXPECT_FLOAT_EQ(arrived.travel, 1.0f);
}

TEST(CardMotion, SameNodeReplacementDoesNotTravel) {
  Task old = RunningTask("a", "n1", kT0);
  Task now = RunningTask("b", "n1", kT0 + 5 * kSecond);
  EXPECT_TRUE(MotionOf(now, &old, now.created_at).from_node_id.empty());
}

TEST(CardMotion, EaseStartsAndEndsStill) {
  EXPECT_FLOAT_EQ(EaseInOut(0), 0);
  EXPECT_FLOAT_EQ(EaseInOut(0.5f), 0.5f);
  EXPECT_FLOAT_EQ(EaseInOut(1), 1);
  EXPECT_FLOAT_EQ(EaseInOut(2), 1);
}

using BoardMotionTest = ClusterFixture;

TEST_F(BoardMotionTest, DrainedNodesTaskTravelsToItsNewNodeOnVirtualTime) {
  Run("swarm init");
  Run("node add --count 2");
  Run("time pause");
  Run("service create --name web --replicas 1 nginx:1.25");
  Run("time advance 30s");
  ClusterState before = Load();
  std::string old_node;
  for (const auto& [id, t] : before.tasks) old_node = t.node_id;
  ASSERT_FALSE(old_node.empty());
  Run("node update --availability drain " + before.nodes.at(old_node).description.hostname);
  ClusterState s = Load();
  BoardView v = BuildBoardView(s, s.clock.now + kTravelTime / 2);
  const TaskCard* moving = nullptr;
  for (const NodeColumn& c : v.columns) {
    for (const TaskCard& card : c.tasks) {
      if (c.node_id != old_node) moving = &card;
    }
  }
  ASSERT_NE(moving, nullptr);
  EXPECT_EQ(moving->motion.from_node_id, old_node);
  EXPECT_NEAR(moving->motion.travel, 0.5f, 1e-6);
  EXPECT_TRUE(v.animating);
  // Paused: the clock does not move, so neither does the card; 2 s on, it has landed.
  BoardView later = BuildBoardView(s, s.clock.now + 2 * kSecond);
  for (const NodeColumn& c : later.columns) {
    for (const TaskCard& card : c.tasks) EXPECT_TRUE(card.motion.from_node_id.empty());
  }
}

}  // namespace
}  // namespace swarmsim::ui
