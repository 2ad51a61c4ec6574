#include "ui/view/event_pick.h"

#include <gtest/gtest.h>

namespace swarmsim::ui {
namespace {

Event Ev(const std::string& type, const std::string& actor, std::map<std::string, std::string> attrs = {}) {
  Event e;
  e.type = type;
  e.action = "create";
  e.actor_id = actor;
  e.attributes = std::move(attrs);
  return e;
}

class EventPickTest : public ::testing::Test {
 protected:
  void SetUp() override {
    state_.nodes["n1"].id = "n1";
    for (auto [id, slot] : {std::pair{"t2", 2}, std::pair{"t1", 1}, std::pair{"t9", 1}}) {
      Task& t = state_.tasks[id];
      t.id = id;
      t.slot = uint64_t(slot);
      t.decision_id = std::string(id) == "t9" ? "d2" : "d1";
    }
    Volume v;
    v.name = "todo-data";
    v.node_id = "n1";
    state_.volumes[{"n1", "todo-data"}] = v;
    state_.configs["c1"].name = "todo-config";
    state_.secrets["s1"].name = "todo-secret";
  }
  ClusterState state_;
};

TEST_F(EventPickTest, TasksNodesVolumesConfigsAndSecretsOpenThemselves) {
  EXPECT_EQ(EventPick(state_, Ev("task", "t2")), (PickTarget{Pick::kTask, "t2"}));
  EXPECT_EQ(EventPick(state_, Ev("node", "n1")), (PickTarget{Pick::kNode, "n1"}));
  EXPECT_EQ(EventPick(state_, Ev("volume", "todo-data", {{"node", "n1"}})), (PickTarget{Pick::kVolume, "todo-data"}));
  EXPECT_EQ(EventPick(state_, Ev("config", "c1", {{"name", "todo-config"}})), (PickTarget{Pick::kConfig, "todo-config"}));
  EXPECT_EQ(EventPick(state_, Ev("secret", "s1", {{"name", "todo-secret"}})), (PickTarget{Pick::kSecret, "todo-secret"}));
}

TEST_F(EventPickTest, ADecisionOpensItsFirstTaskBySlot) {
  EXPECT_EQ(EventPick(state_, Ev("decision", "d1")), (PickTarget{Pick::kTask, "t1"}));
  EXPECT_EQ(EventPick(state_, Ev("decision", "d2")), (PickTarget{Pick::kTask, "t9"}));
  EXPECT_EQ(EventPick(state_, Ev("decision", "d3")), std::nullopt);  // its tasks were reaped
}

TEST_F(EventPickTest, GoneThingsAndThingsWithoutAPageOpenNothing) {
  EXPECT_EQ(EventPick(state_, Ev("task", "reaped")), std::nullopt);
  EXPECT_EQ(EventPick(state_, Ev("node", "removed")), std::nullopt);
  EXPECT_EQ(EventPick(state_, Ev("volume", "pruned")), std::nullopt);
  EXPECT_EQ(EventPick(state_, Ev("config", "c1", {{"name", "other"}})), std::nullopt);
  EXPECT_EQ(EventPick(state_, Ev("service", "svc")), std::nullopt);
  EXPECT_EQ(EventPick(state_, Ev("swarm", "cluster")), std::nullopt);
}

}  // namespace
}  // namespace swarmsim::ui
