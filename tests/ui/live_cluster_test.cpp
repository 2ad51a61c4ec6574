#include "ui/live_cluster.h"

#include <gtest/gtest.h>

#include "core/sim/clock.h"
#include "ui_fixture.h"

namespace swarmsim::ui {
namespace {

using LiveClusterTest = ClusterFixture;

TEST_F(LiveClusterTest, SeesCommandsRunBesideIt) {
  LiveCluster live;
  live.path = path_;
  ASSERT_TRUE(Refresh(&live, FixedWall()).ok());
  EXPECT_TRUE(live.loaded);
  EXPECT_FALSE(live.state.swarm_active);
  ThreeNodesWithWeb();
  ASSERT_TRUE(Refresh(&live, FixedWall()).ok());
  EXPECT_TRUE(live.state.swarm_active);
  EXPECT_EQ(live.state.nodes.size(), 3u);
  EXPECT_EQ(live.state.tasks.size(), 2u);
  EXPECT_FALSE(live.recent_events.empty());
  uint64_t seq = live.last_event_seq;
  EXPECT_EQ(live.recent_events.back().seq, seq);
  // Events arrive once: a refresh with nothing new adds nothing.
  size_t n = live.recent_events.size();
  ASSERT_TRUE(Refresh(&live, FixedWall()).ok());
  EXPECT_EQ(live.recent_events.size(), n);
  Run("node add");
  ASSERT_TRUE(Refresh(&live, FixedWall()).ok());
  EXPECT_GT(live.recent_events.size(), n);
  EXPECT_GT(live.last_event_seq, seq);
}

TEST_F(LiveClusterTest, AdvancesTheLiveClockLikeTheCli) {
  Run("swarm init");
  Run("service create --name web nginx:1.25");
  LiveCluster live;
  live.path = path_;
  ASSERT_TRUE(Refresh(&live, FixedWall() + 30 * kSecond).ok());
  EXPECT_EQ(live.state.clock.now, FixedWall() + 30 * kSecond);
  EXPECT_EQ(live.state.tasks.begin()->second.status.state, TaskState::kRunning);
  // ...and stores it, so the CLI continues from there.
  ClusterState s = Load();
  EXPECT_EQ(s.clock.now, FixedWall() + 30 * kSecond);
}

TEST_F(LiveClusterTest, LockedDatabaseKeepsThePreviousStateAndDoesNotBlock) {
  ThreeNodesWithWeb();
  LiveCluster live;
  live.path = path_;
  ASSERT_TRUE(Refresh(&live, FixedWall()).ok());
  auto cli = Database::Open(path_);
  ASSERT_TRUE(cli.ok());
  ASSERT_TRUE(cli.value()->Begin().ok());  // a CLI command holding the write lock
  Status st = Refresh(&live, FixedWall());
  EXPECT_FALSE(st.ok());
  EXPECT_FALSE(live.last_error.ok());
  EXPECT_EQ(live.state.nodes.size(), 3u);
  cli.value()->Rollback();
  EXPECT_TRUE(Refresh(&live, FixedWall()).ok());
  EXPECT_TRUE(live.last_error.ok());
}

TEST_F(LiveClusterTest, LoadsAndCachesDecisions) {
  ThreeNodesWithWeb();
  LiveCluster live;
  live.path = path_;
  ASSERT_TRUE(Refresh(&live, FixedWall()).ok());
  const Task& t = live.state.tasks.begin()->second;
  auto d = LoadDecision(&live, t.decision_id);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d.value().id, t.decision_id);
  EXPECT_EQ(live.decisions.count(t.decision_id), 1u);
  EXPECT_FALSE(LoadDecision(&live, "nope").ok());
}

}  // namespace
}  // namespace swarmsim::ui
