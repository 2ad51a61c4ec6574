#include "ui/view/decision_view.h"

#include <gtest/gtest.h>

#include "ui_fixture.h"

namespace swarmsim::ui {
namespace {

Decision TwoNodeDecision() {
  Decision d;
  d.id = "d1";
  d.service_name = "web";
  d.spec_version = 2;
  NodeVerdict a{"n1", "node1", {{"Ready", true, true, ""}, {"Resources", true, true, ""}, {"Constraint", false, true, ""}}};
  NodeVerdict b{"n2", "node2",
                {{"Ready", true, true, ""}, {"Resources", true, false, "insufficient resources"}, {"Constraint", false, true, ""}}};
  a.service_tasks = 1;
  a.total_tasks = 3;
  d.nodes = {a, b};
  d.placements = {{"t1", 1, "n1", 1, 3}, {"t2", 2, "", 0, 0}};
  return d;
}

TEST(DecisionGrid, NodesDownTheSideFiltersAcrossWithVerdicts) {
  DecisionGrid g = BuildDecisionGrid(TwoNodeDecision(), "t1");
  ASSERT_EQ(g.filters, (std::vector<std::string>{"Ready", "Resources", "Constraint"}));
  ASSERT_EQ(g.rows.size(), 2u);
  EXPECT_EQ(g.rows[0].hostname, "node1");
  EXPECT_EQ(g.rows[0].cells[0].kind, CellKind::kPass);
  EXPECT_EQ(g.rows[0].cells[2].kind, CellKind::kSkipped);
  EXPECT_EQ(g.rows[1].cells[1].kind, CellKind::kFail);
  EXPECT_EQ(g.rows[1].cells[1].reason, "insufficient resources");
  EXPECT_TRUE(g.rows[0].eligible);
  EXPECT_FALSE(g.rows[1].eligible);
  EXPECT_EQ(g.rows[0].service_tasks, 1);
  EXPECT_EQ(g.rows[0].total_tasks, 3);
}

TEST(DecisionGrid, ChosenNodeIsMarkedAndResultIsSwarmsStatus) {
  DecisionGrid g = BuildDecisionGrid(TwoNodeDecision(), "t1");
  EXPECT_TRUE(g.task_in_decision);
  EXPECT_TRUE(g.rows[0].chosen);
  EXPECT_FALSE(g.rows[1].chosen);
  EXPECT_EQ(g.result, "scheduler assigned task to node node1");
}

TEST(DecisionGrid, UnplacedTaskShowsTheDecisionsError) {
  Decision d = TwoNodeDecision();
  d.error = "no suitable node (insufficient resources on 1 node)";
  DecisionGrid g = BuildDecisionGrid(d, "t2");
  EXPECT_FALSE(g.rows[0].chosen);
  EXPECT_FALSE(g.rows[1].chosen);
  EXPECT_EQ(g.result, "no suitable node (insufficient resources on 1 node)");
}

TEST(DecisionGrid, TaskOutsideTheDecisionChoosesNothing) {
  DecisionGrid g = BuildDecisionGrid(TwoNodeDecision(), "other");
  EXPECT_FALSE(g.task_in_decision);
  for (const auto& r : g.rows) EXPECT_FALSE(r.chosen);
  EXPECT_EQ(g.result, "task is not part of this decision");
}

using DecisionGridStored = ClusterFixture;

TEST_F(DecisionGridStored, StoredDecisionOfAPlacedTaskChoosesItsNode) {
  ThreeNodesWithWeb();
  ClusterState s = Load();
  auto db = Database::Open(path_);
  ASSERT_TRUE(db.ok());
  for (const auto& [id, t] : s.tasks) {
    ASSERT_FALSE(t.decision_id.empty());
    auto d = ReadDecision(db.value().get(), t.decision_id);
    ASSERT_TRUE(d.ok()) << d.status().message();
    DecisionGrid g = BuildDecisionGrid(d.value(), id);
    ASSERT_EQ(g.rows.size(), 3u);
    int chosen = 0;
    for (const auto& r : g.rows) {
      EXPECT_EQ(r.cells.size(), g.filters.size());
      if (r.chosen) {
        ++chosen;
        EXPECT_EQ(r.node_id, t.node_id);
      }
    }
    EXPECT_EQ(chosen, 1);
    EXPECT_EQ(g.result.rfind("scheduler assigned task to node node", 0), 0u) << g.result;
  }
}

}  // namespace
}  // namespace swarmsim::ui
