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
  Run("node add");  // a change, so the next refresh must read and write
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
  EXPECT_EQ(live.state.nodes.size(), 4u);
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

TEST_F(LiveClusterTest, RewoundStateShowsThePastAndReloadsTheLog) {
  ThreeNodesWithWeb();  // paused clock: web created, then 30 s advanced in one command
  LiveCluster live;
  live.path = path_;
  ASSERT_TRUE(Refresh(&live, FixedWall()).ok());
  ASSERT_TRUE(LoadRewind(&live).ok());
  Time start = RewindStart(live.rewind);
  Time created = 0;
  for (const auto& [id, t] : live.state.tasks) created = t.created_at;
  // Just after web was created: its tasks exist but none runs yet.
  auto early = RewoundState(&live, created);
  ASSERT_TRUE(early.ok()) << early.status().message();
  ASSERT_EQ(early.value()->tasks.size(), 2u);
  for (const auto& [id, t] : early.value()->tasks) EXPECT_LT(t.status.state, TaskState::kRunning);
  EXPECT_LE(start, created);
  // Now: the same as the live cluster.
  auto now = RewoundState(&live, live.state.clock.now);
  ASSERT_TRUE(now.ok());
  for (const auto& [id, t] : now.value()->tasks) EXPECT_EQ(t.status.state, live.state.tasks.at(id).status.state);
  // A command typed since: a new drag re-reads the log and sees it.
  Run("service scale web=3");
  ASSERT_TRUE(Refresh(&live, FixedWall()).ok());
  ASSERT_TRUE(LoadRewind(&live).ok());
  EXPECT_EQ(RewoundState(&live, live.state.clock.now).value()->tasks.size(), 3u);
  EXPECT_EQ(RewoundState(&live, created).value()->tasks.size(), 2u);
}

TEST_F(LiveClusterTest, SkipsTheReadWhenNothingChangedAndReadsAgainAfterACommand) {
  ThreeNodesWithWeb();  // paused clock
  LiveCluster live;
  live.path = path_;
  ASSERT_TRUE(Refresh(&live, FixedWall()).ok());
  EXPECT_EQ(live.reads, 1u);
  ASSERT_TRUE(Refresh(&live, FixedWall() + kSecond).ok());
  ASSERT_TRUE(Refresh(&live, FixedWall() + 2 * kSecond).ok());
  EXPECT_EQ(live.reads, 1u);  // paused and untouched: the same state
  Run("service scale web=3");
  ASSERT_TRUE(Refresh(&live, FixedWall()).ok());
  EXPECT_EQ(live.reads, 2u);
  EXPECT_EQ(live.state.tasks.size(), 3u);
}

TEST_F(LiveClusterTest, ALiveClockWithSomethingDueIsCaughtUpInMemory) {
  Run("swarm init");
  Run("node add --count 2");
  Run("service create --name web --replicas 2 nginx:1.25");  // live clock: tasks on their way
  LiveCluster live;
  live.path = path_;
  ASSERT_TRUE(Refresh(&live, FixedWall()).ok());
  uint64_t seq = live.last_event_seq;
  ASSERT_TRUE(Refresh(&live, FixedWall() + 30 * kSecond).ok());
  EXPECT_EQ(live.reads, 1u) << "nobody else wrote: no whole read";
  EXPECT_EQ(live.updates, 2u) << "but the state changed, and the view must know";
  for (const auto& [id, t] : live.state.tasks) EXPECT_EQ(t.status.state, TaskState::kRunning);
  EXPECT_GT(live.last_event_seq, seq) << "the catch-up's events were saved and read back";
  // Everything runs and nothing else is due: later refreshes change nothing.
  ASSERT_TRUE(Refresh(&live, FixedWall() + 40 * kSecond).ok());
  EXPECT_EQ(live.updates, 2u);
}

}  // namespace
}  // namespace swarmsim::ui
