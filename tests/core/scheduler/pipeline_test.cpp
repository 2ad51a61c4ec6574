#include "core/scheduler/pipeline.h"

#include <gtest/gtest.h>

#include "tests/core/scheduler/fixture.h"

namespace swarmsim {
namespace {

using testing::kCpu;
using testing::SchedulerFixture;

TEST(PipelineTest, CountsOnlyTheFirstFailure) {
  SchedulerFixture f;
  Node& full_and_wrong = f.AddNode("a", 1);  // fails resources and constraint
  Node& drained = f.AddNode("b", 1);
  drained.spec.availability = NodeAvailability::kDrain;
  Service& s = f.AddService("db", [] {
    TaskSpec spec = testing::Reserving(2);
    spec.placement.constraints = {"node.labels.storage == raid"};
    return spec;
  }());
  Task& t = f.AddTask(s, 1, TaskState::kPending);
  Pipeline p;
  p.SetTask(t);
  EXPECT_FALSE(p.Process(NodeInfo(full_and_wrong)));
  EXPECT_FALSE(p.Process(NodeInfo(drained)));
  EXPECT_EQ(p.failures(0), 1);  // Ready
  EXPECT_EQ(p.failures(1), 1);  // Resources: checked before constraints
  EXPECT_EQ(p.failures(3), 0);  // Constraint never reached
  EXPECT_EQ(p.Explain(), "1 node not available for new tasks; insufficient resources on 1 node");
}

TEST(PipelineTest, ExplainSortsByCountThenPipelineOrder) {
  SchedulerFixture f;
  Service& s = f.AddService("db", [] {
    TaskSpec spec = testing::Reserving(2);
    spec.placement.constraints = {"node.role == manager"};
    return spec;
  }());
  Task& t = f.AddTask(s, 1, TaskState::kPending);
  Pipeline p;
  p.SetTask(t);
  Node& small = f.AddNode("small", 1);
  Node& worker1 = f.AddNode("w1", 8);
  Node& worker2 = f.AddNode("w2", 8);
  Node& down = f.AddNode("down", 8);
  down.status.state = NodeState::kDown;
  for (Node* n : {&small, &worker1, &worker2, &down}) EXPECT_FALSE(p.Process(NodeInfo(*n)));
  EXPECT_EQ(p.Explain(), "scheduling constraints not satisfied on 2 nodes; 1 node not available for new tasks; "
                         "insufficient resources on 1 node");
}

TEST(PipelineTest, PassingNodeResetsCounters) {
  SchedulerFixture f;
  Service& s = f.AddService("web", testing::Reserving(2));
  Task& t = f.AddTask(s, 1, TaskState::kPending);
  Node& small = f.AddNode("small", 1);
  Node& big = f.AddNode("big", 4);
  Pipeline p;
  p.SetTask(t);
  EXPECT_FALSE(p.Process(NodeInfo(small)));
  EXPECT_EQ(p.Explain(), "insufficient resources on 1 node");
  EXPECT_TRUE(p.Process(NodeInfo(big)));
  EXPECT_EQ(p.Explain(), "");
  EXPECT_FALSE(p.Process(NodeInfo(small)));
  p.SetTask(t);  // SetTask resets too
  EXPECT_EQ(p.Explain(), "");
}

TEST(PipelineTest, EvaluateRecordsEveryFilterWithoutCounting) {
  SchedulerFixture f;
  Service& s = f.AddService("db", [] {
    TaskSpec spec = testing::Reserving(2);
    spec.placement.constraints = {"node.labels.storage == raid"};
    return spec;
  }());
  Task& t = f.AddTask(s, 1, TaskState::kPending);
  Node& n = f.AddNode("a", 1);
  n.spec.availability = NodeAvailability::kDrain;
  Pipeline p;
  p.SetTask(t);
  std::vector<FilterVerdict> v = p.Evaluate(NodeInfo(n));
  ASSERT_EQ(v.size(), 7u);
  EXPECT_EQ(v[0].filter, "Ready");
  EXPECT_FALSE(v[0].passed);
  EXPECT_EQ(v[0].reason, "node is drained");
  EXPECT_EQ(v[1].filter, "Resources");
  EXPECT_FALSE(v[1].passed);
  EXPECT_EQ(v[1].reason, "needs 2 CPUs, 1 free");
  EXPECT_FALSE(v[2].enabled);  // Plugin: no networks
  EXPECT_TRUE(v[2].passed);
  EXPECT_EQ(v[3].filter, "Constraint");
  EXPECT_FALSE(v[3].passed);
  EXPECT_EQ(v[3].reason, "node.labels.storage == raid: node has no label storage");
  EXPECT_FALSE(v[4].enabled);
  EXPECT_FALSE(v[5].enabled);
  EXPECT_FALSE(v[6].enabled);
  for (size_t i = 0; i < p.size(); ++i) EXPECT_EQ(p.failures(i), 0);
  EXPECT_EQ(p.Explain(), "");
}

}  // namespace
}  // namespace swarmsim
