#include "core/control/swarm.h"

#include <gtest/gtest.h>

#include "core/ca/root_ca.h"
#include "core/control/nodes.h"
#include "core/format/base64.h"

namespace swarmsim {
namespace {

class SwarmTest : public ::testing::Test {
 protected:
  void SetUp() override {
    s_.clock.now = 1'700'000'000LL * kSecond;
    InitOptions init;
    init.seed = 11;
    ASSERT_TRUE(InitSwarm(&s_, init).ok());
  }
  ClusterState s_;
};

TEST_F(SwarmTest, JoinTokensAreDeterministicShapedAndRoleSpecific) {
  std::string worker = JoinToken(s_, NodeRole::kWorker), manager = JoinToken(s_, NodeRole::kManager);
  EXPECT_EQ(worker.rfind("SWMTKN-1-", 0), 0u);
  EXPECT_EQ(worker.size(), 9 + 50 + 1 + 25);
  EXPECT_NE(worker, manager);
  EXPECT_EQ(worker.substr(0, 60), manager.substr(0, 60));  // one CA digest
  EXPECT_EQ(CheckJoinToken(s_, worker).value(), NodeRole::kWorker);
  EXPECT_EQ(CheckJoinToken(s_, manager).value(), NodeRole::kManager);
  EXPECT_EQ(CheckJoinToken(s_, "WRONG").status().message(), "Error response from daemon: invalid join token");
  std::string forged = worker.substr(0, worker.size() - 1) + (worker.back() == 'a' ? "b" : "a");
  EXPECT_EQ(CheckJoinToken(s_, forged).status().message(),
            "Error response from daemon: rpc error: code = InvalidArgument desc = A valid join token is necessary to "
            "join this cluster");
}

// The root CA is the one swarmkit would make, seeded by the cluster ID: the same
// seed gives the same certificate, another seed another key.
TEST_F(SwarmTest, InitMakesTheSwarmsRootCaFromItsSeed) {
  const TlsInfo& tls = s_.swarm.tls_info;
  EXPECT_EQ(tls.trust_root.rfind("-----BEGIN CERTIFICATE-----\n", 0), 0u);
  EXPECT_EQ(tls, TlsInfoOf(CreateRootCa(s_.cluster_id, s_.clock.now)));
  ClusterState again, other;
  again.clock.now = other.clock.now = s_.clock.now;
  InitOptions init;
  init.seed = 11;
  ASSERT_TRUE(InitSwarm(&again, init).ok());
  EXPECT_EQ(again.swarm.tls_info, tls);
  init.seed = 12;
  ASSERT_TRUE(InitSwarm(&other, init).ok());
  EXPECT_NE(other.swarm.tls_info.cert_issuer_public_key, tls.cert_issuer_public_key);
  EXPECT_EQ(other.swarm.tls_info.cert_issuer_subject, tls.cert_issuer_subject);  // CN=swarm-ca
  auto j = SwarmJson(s_);
  EXPECT_EQ(j["TLSInfo"]["TrustRoot"], tls.trust_root);
  EXPECT_EQ(j["TLSInfo"]["CertIssuerSubject"], "MBMxETAPBgNVBAMTCHN3YXJtLWNh");
  EXPECT_EQ(j["TLSInfo"]["CertIssuerPublicKey"], Base64Encode(tls.cert_issuer_public_key));
}

TEST_F(SwarmTest, RotationRetiresTheOldTokenOnly) {
  std::string worker = JoinToken(s_, NodeRole::kWorker), manager = JoinToken(s_, NodeRole::kManager);
  RotateJoinToken(&s_, NodeRole::kWorker);
  EXPECT_NE(JoinToken(s_, NodeRole::kWorker), worker);
  EXPECT_FALSE(CheckJoinToken(s_, worker).ok());
  EXPECT_EQ(JoinToken(s_, NodeRole::kManager), manager);
}

TEST_F(SwarmTest, UpdateSetsTheSpecAndRefusesWhatSwarmRefuses) {
  SwarmUpdate u;
  u.task_history_limit = 2;
  u.dispatcher_heartbeat = 10 * kSecond;
  ASSERT_TRUE(UpdateSwarm(&s_, u).ok());
  EXPECT_EQ(s_.swarm.task_history_limit, 2);
  EXPECT_EQ(HeartbeatTimeout(s_), 30 * kSecond);
  auto j = SwarmJson(s_);
  EXPECT_EQ(j["Spec"]["Orchestration"]["TaskHistoryRetentionLimit"], 2);
  EXPECT_EQ(j["Spec"]["Dispatcher"]["HeartbeatPeriod"], 10 * kSecond);
  SwarmUpdate bad;
  bad.cert_expiry = 30 * 60 * kSecond;
  EXPECT_EQ(UpdateSwarm(&s_, bad).message(),
            "Error response from daemon: rpc error: code = InvalidArgument desc = minimum certificate expiry time "
            "is: 1h0m0s");
}

TEST_F(SwarmTest, TheLastManagerLeavesOnlyWithForceAndTakesTheSwarm) {
  Status st = LeaveSwarm(&s_, false);
  EXPECT_EQ(st.message(),
            "Error response from daemon: You are attempting to leave the swarm on a node that is participating as a "
            "manager. Removing the last manager erases all current state of the swarm. Use `--force` to ignore this "
            "message. ");
  ASSERT_TRUE(LeaveSwarm(&s_, true).ok());
  EXPECT_FALSE(s_.swarm_active);
  EXPECT_TRUE(s_.nodes.empty());
  EXPECT_TRUE(s_.networks.empty());
  EXPECT_EQ(s_.removed_nodes.size(), 1u);
}

TEST_F(SwarmTest, LeavingWithOtherManagersHandsTheLeadOn) {
  NodeOptions m;
  m.role = NodeRole::kManager;
  std::string second = AddNode(&s_, m).value();
  std::string third = AddNode(&s_, m).value();
  std::string first = s_.self_node_id;
  EXPECT_FALSE(LeaveSwarm(&s_, false).ok());
  ASSERT_TRUE(LeaveSwarm(&s_, true).ok());
  EXPECT_EQ(s_.nodes.at(first).status.state, NodeState::kDown);
  EXPECT_FALSE(s_.nodes.at(first).manager_status->leader);
  EXPECT_NE(s_.self_node_id, first);
  EXPECT_TRUE(s_.nodes.at(s_.self_node_id).manager_status->leader);
  EXPECT_TRUE(s_.self_node_id == second || s_.self_node_id == third);
}

}  // namespace
}  // namespace swarmsim
