#include "core/control/nodes.h"

#include <gtest/gtest.h>

#include "core/control/swarm.h"

namespace swarmsim {
namespace {

class NodesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    s_.clock.now = 1'700'000'000LL * kSecond;
    InitOptions init;
    init.seed = 5;
    ASSERT_TRUE(InitSwarm(&s_, init).ok());
    leader_ = s_.self_node_id;
    worker_ = AddNode(&s_, NodeOptions()).value();
  }

  Status SetRole(const std::string& id, NodeRole role) {
    NodeUpdate u;
    u.role = role;
    return UpdateNode(&s_, id, u);
  }

  ClusterState s_;
  std::string leader_, worker_;
};

TEST_F(NodesTest, PromotedNodesAreReachableManagers) {
  ASSERT_TRUE(SetRole(worker_, NodeRole::kManager).ok());
  const Node& n = s_.nodes.at(worker_);
  ASSERT_TRUE(n.manager_status);
  EXPECT_EQ(n.manager_status->reachability, "reachable");
  EXPECT_FALSE(n.manager_status->leader);
  EXPECT_EQ(s_.self_node_id, leader_);
}

TEST_F(NodesTest, TheOnlyManagerIsNeverDemoted) {
  EXPECT_EQ(SetRole(leader_, NodeRole::kWorker).message(),
            "Error response from daemon: rpc error: code = FailedPrecondition desc = attempting to demote the last "
            "manager of the swarm");
}

TEST_F(NodesTest, DemotingTheLeaderMovesTheLead) {
  ASSERT_TRUE(SetRole(worker_, NodeRole::kManager).ok());
  ASSERT_TRUE(SetRole(leader_, NodeRole::kWorker).ok());
  EXPECT_FALSE(s_.nodes.at(leader_).manager_status);
  EXPECT_TRUE(s_.nodes.at(worker_).manager_status->leader);
  EXPECT_EQ(s_.self_node_id, worker_);
}

TEST_F(NodesTest, DemotionThatWouldLoseTheQuorumIsRefused) {
  // Three managers, one of them down: demoting a reachable one leaves 1 of 2.
  NodeOptions m;
  m.role = NodeRole::kManager;
  std::string second = AddNode(&s_, m).value();
  std::string third = AddNode(&s_, m).value();
  ASSERT_TRUE(StopNode(&s_, third).ok());
  MarkNodeDown(&s_, &s_.nodes.at(third));
  EXPECT_EQ(SetRole(second, NodeRole::kWorker).message(),
            "Error response from daemon: rpc error: code = FailedPrecondition desc = can't remove member from the "
            "raft: this would result in a loss of quorum");
  EXPECT_TRUE(SetRole(third, NodeRole::kWorker).ok());  // the down one may go
}

TEST_F(NodesTest, HeartbeatTimeoutFollowsTheDispatcherPeriod) {
  EXPECT_EQ(HeartbeatTimeout(s_), 15 * kSecond);
  s_.swarm.dispatcher_heartbeat = 20 * kSecond;
  ASSERT_TRUE(StopNode(&s_, worker_).ok());
  EXPECT_EQ(s_.nodes.at(worker_).down_at, s_.clock.now + 60 * kSecond);
}

}  // namespace
}  // namespace swarmsim
