#include "core/scheduler/scheduler.h"

#include <gtest/gtest.h>

#include "tests/core/scheduler/fixture.h"

namespace swarmsim {
namespace {

using testing::kCpu;
using testing::kGiB;
using testing::kMiB;
using testing::SchedulerFixture;

using Spread = std::map<std::string, int>;

std::string Err(const Task* t) { return t->status.err; }

// --- spreading ---

TEST(SchedulerTest, SpreadsFiveTasksOverThreeEmptyNodes) {
  SchedulerFixture f;
  f.AddNode("node-a");
  f.AddNode("node-b");
  f.AddNode("node-c");
  Service& s = f.AddService("web");
  auto tasks = f.AddPending(s, 5);
  RunSchedulingPass(&f.state);
  EXPECT_EQ(f.Spread(s), (Spread{{"node-a", 2}, {"node-b", 2}, {"node-c", 1}}));
  for (Task* t : tasks) {
    EXPECT_EQ(t->status.state, TaskState::kAssigned);
    EXPECT_EQ(t->status.message, "scheduler assigned task to node");
    EXPECT_EQ(t->status.err, "");
    EXPECT_EQ(t->status.timestamp, f.state.clock.now);
  }
  // Slot order: slot 1 lands on the first node in hostname order.
  EXPECT_EQ(f.state.nodes.at(tasks[0]->node_id).description.hostname, "node-a");
}

TEST(SchedulerTest, NodeWithTasksOfTheServiceGetsFewer) {
  SchedulerFixture f;
  Node& busy = f.AddNode("node-a");
  f.AddNode("node-b");
  f.AddNode("node-c");
  Service& s = f.AddService("web");
  f.AddRunning(s, 1, busy);
  f.AddRunning(s, 2, busy);
  f.AddPending(s, 4, 3);
  RunSchedulingPass(&f.state);
  Spread spread = f.Spread(s);
  EXPECT_EQ(spread["node-a"], 2);  // nothing new on the busy node
  EXPECT_EQ(spread["node-b"] + spread["node-c"], 4);
  // Swarm's fill: node-b (emptiest) first, then node-c is topped up until the
  // next node (node-a) would be strictly better.
  EXPECT_EQ(spread, (Spread{{"node-a", 2}, {"node-b", 1}, {"node-c", 3}}));
}

TEST(SchedulerTest, FewerTasksInTotalBreaksTies) {
  SchedulerFixture f;
  Node& a = f.AddNode("node-a");
  f.AddNode("node-b");
  Service& other = f.AddService("other");
  f.AddRunning(other, 1, a);
  Service& s = f.AddService("web");
  auto t = f.AddPending(s, 1);
  RunSchedulingPass(&f.state);
  EXPECT_EQ(f.state.nodes.at(t[0]->node_id).description.hostname, "node-b");
}

TEST(SchedulerTest, ShuttingDownTasksDoNotCountForSpreading) {
  SchedulerFixture f;
  Node& a = f.AddNode("node-a");
  f.AddNode("node-b");
  Service& s = f.AddService("web");
  f.AddTask(s, 1, TaskState::kRunning, a.id, TaskState::kShutdown);
  f.AddTask(s, 2, TaskState::kRunning, a.id, TaskState::kShutdown);
  Task& other = f.AddRunning(f.AddService("zzz"), 1, f.NodeNamed("node-b"));
  (void)other;
  auto t = f.AddPending(s, 1);
  RunSchedulingPass(&f.state);
  // node-a has 0 active tasks of any service; node-b has 1 in total.
  EXPECT_EQ(f.state.nodes.at(t[0]->node_id).description.hostname, "node-a");
}

TEST(SchedulerTest, FaultyNodesGoLast) {
  SchedulerFixture f;
  Node& a = f.AddNode("node-a");
  f.AddNode("node-b");
  Service& s = f.AddService("web");
  Service& other = f.AddService("other");
  f.AddRunning(other, 1, f.NodeNamed("node-b"));  // node-b would lose the tie otherwise
  for (int i = 0; i < 5; ++i) {
    Task& failed = f.AddTask(s, 1, TaskState::kFailed, a.id, TaskState::kShutdown);
    failed.status.timestamp = f.state.clock.now - kMinute;
  }
  auto t = f.AddPending(s, 1);
  RunSchedulingPass(&f.state);
  EXPECT_EQ(f.state.nodes.at(t[0]->node_id).description.hostname, "node-b");
  ASSERT_EQ(f.state.new_decisions.size(), 1u);
  EXPECT_EQ(f.state.new_decisions[0].nodes[0].recent_failures, 5);
}

TEST(SchedulerTest, FourFailuresDoNotMatter) {
  SchedulerFixture f;
  Node& a = f.AddNode("node-a");
  f.AddNode("node-b");
  Service& s = f.AddService("web");
  f.AddRunning(f.AddService("other"), 1, f.NodeNamed("node-b"));
  for (int i = 0; i < 4; ++i) f.AddTask(s, 1, TaskState::kFailed, a.id, TaskState::kShutdown);
  auto t = f.AddPending(s, 1);
  RunSchedulingPass(&f.state);
  EXPECT_EQ(f.state.nodes.at(t[0]->node_id).description.hostname, "node-a");
}

// --- resources ---

TEST(SchedulerTest, ReservationsCountAndLimitsNever) {
  SchedulerFixture f;
  f.AddNode("node-a", 2, 2 * kGiB);
  TaskSpec limited;
  limited.resources.limits.nano_cpus = 64 * kCpu;
  limited.resources.limits.memory_bytes = 64 * kGiB;
  Service& lim = f.AddService("limited", limited);
  auto l = f.AddPending(lim, 4);
  Service& res = f.AddService("reserved", testing::Reserving(1, 512 * kMiB));
  auto r = f.AddPending(res, 3);
  RunSchedulingPass(&f.state);
  for (Task* t : l) EXPECT_EQ(t->status.state, TaskState::kAssigned);
  EXPECT_EQ(r[0]->status.state, TaskState::kAssigned);
  EXPECT_EQ(r[1]->status.state, TaskState::kAssigned);
  EXPECT_EQ(r[2]->status.state, TaskState::kPending);
  EXPECT_EQ(Err(r[2]), "no suitable node (insufficient resources on 1 node)");
  EXPECT_EQ(r[2]->status.message, "pending task scheduling");  // swarm keeps the message
}

TEST(SchedulerTest, EqualityFits) {
  SchedulerFixture f;
  f.AddNode("node-a", 2, 1 * kGiB);
  Service& s = f.AddService("web", testing::Reserving(2, 1 * kGiB));
  auto t = f.AddPending(s, 1);
  RunSchedulingPass(&f.state);
  EXPECT_EQ(t[0]->status.state, TaskState::kAssigned);
}

TEST(SchedulerTest, RunningTasksHoldTheirReservationsEvenWhenShuttingDown) {
  SchedulerFixture f;
  Node& a = f.AddNode("node-a", 2);
  Service& s = f.AddService("web", testing::Reserving(1));
  f.AddTask(s, 1, TaskState::kRunning, a.id, TaskState::kShutdown);
  f.AddTask(s, 2, TaskState::kComplete, a.id, TaskState::kShutdown);  // stopped: frees its share
  auto t = f.AddPending(s, 2, 3);
  RunSchedulingPass(&f.state);
  EXPECT_EQ(t[0]->status.state, TaskState::kAssigned);
  EXPECT_EQ(Err(t[1]), "no suitable node (insufficient resources on 1 node)");
}

TEST(SchedulerTest, ResourceFilterComesBeforeConstraints) {
  SchedulerFixture f;
  f.AddNode("node-a", 1);  // too small and not labelled
  TaskSpec spec = testing::Reserving(2);
  spec.placement.constraints = {"node.labels.storage == raid"};
  Service& s = f.AddService("db", spec);
  auto t = f.AddPending(s, 1);
  RunSchedulingPass(&f.state);
  EXPECT_EQ(Err(t[0]), "no suitable node (insufficient resources on 1 node)");
}

// --- swarm's messages (swarm semantics reference §1.3) ---

TEST(SchedulerTest, MessageNotAvailableAndInsufficientResources) {
  SchedulerFixture f;
  f.AddNode("node-a", 8).spec.availability = NodeAvailability::kDrain;
  f.AddNode("node-b", 8).status.state = NodeState::kDown;
  f.AddNode("node-c", 1);
  Service& s = f.AddService("web", testing::Reserving(2));
  auto t = f.AddPending(s, 1);
  RunSchedulingPass(&f.state);
  EXPECT_EQ(t[0]->status.state, TaskState::kPending);
  EXPECT_EQ(Err(t[0]), "no suitable node (2 nodes not available for new tasks; insufficient resources on 1 node)");
}

TEST(SchedulerTest, MessageConstraintsNotSatisfied) {
  SchedulerFixture f;
  f.AddNode("node-a");
  f.AddNode("node-b");
  f.AddNode("node-c");
  Service& s = f.AddService("db", testing::Constrained({"node.labels.storage == raid"}));
  auto t = f.AddPending(s, 1);
  RunSchedulingPass(&f.state);
  EXPECT_EQ(Err(t[0]), "no suitable node (scheduling constraints not satisfied on 3 nodes)");
  // Labelling a node lets the next pass place it.
  f.NodeNamed("node-b").spec.labels["storage"] = "raid";
  RunSchedulingPass(&f.state);
  EXPECT_EQ(t[0]->status.state, TaskState::kAssigned);
  EXPECT_EQ(f.state.nodes.at(t[0]->node_id).description.hostname, "node-b");
  EXPECT_EQ(Err(t[0]), "");
}

TEST(SchedulerTest, MessageMaxReplicas) {
  SchedulerFixture f;
  f.AddNode("node-a");
  f.AddNode("node-b");
  TaskSpec spec;
  spec.placement.max_replicas = 1;
  Service& s = f.AddService("web", spec);
  auto t = f.AddPending(s, 3);
  RunSchedulingPass(&f.state);
  EXPECT_EQ(f.Spread(s), (Spread{{"node-a", 1}, {"node-b", 1}}));
  EXPECT_EQ(Err(t[2]), "no suitable node (max replicas per node limit exceed)");
}

TEST(SchedulerTest, MessageHostPortInUse) {
  SchedulerFixture f;
  f.AddNode("node-a");
  f.AddNode("node-b");
  Service& s = f.AddService("web", {}, testing::HostPort(80));
  auto t = f.AddPending(s, 3);
  RunSchedulingPass(&f.state);
  EXPECT_EQ(f.Spread(s), (Spread{{"node-a", 1}, {"node-b", 1}}));
  EXPECT_EQ(Err(t[2]), "no suitable node (host-mode port already in use on 2 nodes)");
}

TEST(SchedulerTest, MessageWithoutNodes) {
  SchedulerFixture f;
  Service& s = f.AddService("web");
  auto t = f.AddPending(s, 2);
  RunSchedulingPass(&f.state);
  EXPECT_EQ(Err(t[0]), "no suitable node");
  EXPECT_EQ(Err(t[1]), "no suitable node");
}

TEST(SchedulerTest, MessageAfterPartialPlacementNamesOnlyTheNodesThatRanOut) {
  SchedulerFixture f;
  f.AddNode("node-a", 8).spec.availability = NodeAvailability::kDrain;
  f.AddNode("node-b", 1);
  f.AddNode("node-c", 1);
  Service& s = f.AddService("web", testing::Reserving(1));
  auto t = f.AddPending(s, 3);
  RunSchedulingPass(&f.state);
  EXPECT_EQ(Err(t[2]), "no suitable node (insufficient resources on 2 nodes)");
  // On the retry no node passes, so every node is counted by its first failure.
  RunSchedulingPass(&f.state);
  EXPECT_EQ(Err(t[2]), "no suitable node (insufficient resources on 2 nodes; 1 node not available for new tasks)");
}

TEST(SchedulerTest, DrainedPausedAndDownNodesFailReady) {
  SchedulerFixture f;
  f.AddNode("node-a").spec.availability = NodeAvailability::kDrain;
  f.AddNode("node-b").spec.availability = NodeAvailability::kPause;
  f.AddNode("node-c").status.state = NodeState::kDown;
  f.AddNode("node-d").status.state = NodeState::kDisconnected;
  Service& s = f.AddService("web");
  auto t = f.AddPending(s, 1);
  RunSchedulingPass(&f.state);
  EXPECT_EQ(Err(t[0]), "no suitable node (4 nodes not available for new tasks)");
  ASSERT_EQ(f.state.new_decisions.size(), 1u);
  const Decision& d = f.state.new_decisions[0];
  ASSERT_EQ(d.nodes.size(), 4u);
  EXPECT_EQ(d.nodes[0].filters[0].reason, "node is drained");
  EXPECT_EQ(d.nodes[1].filters[0].reason, "node is paused");
  EXPECT_EQ(d.nodes[2].filters[0].reason, "node is down");
  EXPECT_EQ(d.nodes[3].filters[0].reason, "node is disconnected");
}

// --- pre-assigned (global) tasks ---

TEST(SchedulerTest, PreassignedTasksAreCheckedOnTheirNodeOnly) {
  SchedulerFixture f;
  Node& big = f.AddNode("node-a", 4);
  Node& small = f.AddNode("node-b", 1);
  Service& s = f.AddService("agent", testing::Reserving(2));
  Task& fits = f.AddTask(s, 0, TaskState::kPending, big.id);
  Task& nope = f.AddTask(s, 0, TaskState::kPending, small.id);
  RunSchedulingPass(&f.state);
  EXPECT_EQ(fits.status.state, TaskState::kAssigned);
  EXPECT_EQ(fits.node_id, big.id);
  EXPECT_EQ(fits.status.message, "scheduler confirmed task can run on preassigned node");
  EXPECT_EQ(nope.status.state, TaskState::kPending);
  EXPECT_EQ(nope.node_id, small.id);
  EXPECT_EQ(nope.status.err, "insufficient resources on 1 node");  // not wrapped
  ASSERT_EQ(f.state.new_decisions.size(), 2u);
  EXPECT_EQ(f.state.new_decisions[0].nodes.size(), 1u);
}

TEST(SchedulerTest, PreassignedTasksGoFirst) {
  SchedulerFixture f;
  Node& only = f.AddNode("node-a", 2);
  Service& aaa = f.AddService("aaa", testing::Reserving(2));  // sorts first, but is not pre-assigned
  auto replicated = f.AddPending(aaa, 1);
  Service& zzz = f.AddService("zzz", testing::Reserving(2));
  Task& global = f.AddTask(zzz, 0, TaskState::kPending, only.id);
  RunSchedulingPass(&f.state);
  EXPECT_EQ(global.status.state, TaskState::kAssigned);
  EXPECT_EQ(Err(replicated[0]), "no suitable node (insufficient resources on 1 node)");
}

// --- tasks that will never run ---

TEST(SchedulerTest, PendingTasksDesiredShutdownAreShutDown) {
  SchedulerFixture f;
  f.AddNode("node-a");
  Service& s = f.AddService("web");
  Task& old = f.AddTask(s, 1, TaskState::kPending, "", TaskState::kShutdown);
  old.status.err = "no suitable node";
  Task& removed = f.AddTask(s, 2, TaskState::kPending, "", TaskState::kRemove);
  RunSchedulingPass(&f.state);
  EXPECT_EQ(old.status.state, TaskState::kShutdown);
  EXPECT_EQ(old.status.err, "");
  EXPECT_EQ(old.status.message, "pending task scheduling");
  EXPECT_TRUE(old.node_id.empty());
  EXPECT_EQ(removed.status.state, TaskState::kPending);  // the reaper deletes it
  EXPECT_TRUE(removed.node_id.empty());
  EXPECT_TRUE(f.state.new_decisions.empty());
}

TEST(SchedulerTest, IgnoresTasksNotPending) {
  SchedulerFixture f;
  f.AddNode("node-a");
  Service& s = f.AddService("web");
  Task& fresh = f.AddTask(s, 1, TaskState::kNew);
  RunSchedulingPass(&f.state);
  EXPECT_TRUE(fresh.node_id.empty());
  EXPECT_EQ(fresh.status.state, TaskState::kNew);
  EXPECT_EQ(f.state.index, 0u);
}

// --- decisions and the log ---

TEST(SchedulerTest, RecordsOneDecisionPerBatch) {
  SchedulerFixture f;
  f.AddNode("zeta", 1);
  f.AddNode("alpha", 8);
  f.AddNode("mid", 8).spec.availability = NodeAvailability::kDrain;
  Service& web = f.AddService("web", testing::Reserving(1));
  auto w = f.AddPending(web, 3);
  Service& api = f.AddService("api");
  auto a = f.AddPending(api, 1);
  RunSchedulingPass(&f.state);

  ASSERT_EQ(f.state.new_decisions.size(), 2u);
  const Decision& first = f.state.new_decisions[0];  // groups by service name: api, then web
  const Decision& d = f.state.new_decisions[1];
  EXPECT_EQ(first.service_name, "api");
  EXPECT_EQ(a[0]->decision_id, first.id);
  EXPECT_EQ(d.service_name, "web");
  EXPECT_EQ(d.service_id, web.id);
  EXPECT_EQ(d.spec_version, 1u);
  EXPECT_EQ(d.time, f.state.clock.now);
  EXPECT_EQ(d.error, "");
  ASSERT_EQ(d.nodes.size(), 3u);
  EXPECT_EQ(d.nodes[0].hostname, "alpha");  // sorted by hostname
  EXPECT_EQ(d.nodes[1].hostname, "mid");
  EXPECT_EQ(d.nodes[2].hostname, "zeta");
  EXPECT_TRUE(d.nodes[0].eligible());
  EXPECT_FALSE(d.nodes[1].eligible());
  // Ranking keys at the start of the batch: the api task already sits on one node.
  EXPECT_EQ(d.nodes[0].service_tasks + d.nodes[2].service_tasks, 0);
  EXPECT_EQ(d.nodes[0].total_tasks + d.nodes[2].total_tasks, 1);
  ASSERT_EQ(d.placements.size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(d.placements[i].task_id, w[i]->id);
    EXPECT_EQ(d.placements[i].slot, i + 1);
    EXPECT_EQ(d.placements[i].node_id, w[i]->node_id);
    EXPECT_EQ(w[i]->decision_id, d.id);
  }
  // The keys each placement saw when it was made.
  EXPECT_EQ(d.placements[0].service_tasks_before, 0);
  int64_t second_on_same = 0;
  for (const auto& p : d.placements) second_on_same = std::max(second_on_same, p.service_tasks_before);
  EXPECT_EQ(second_on_same, 1);

  int decision_events = 0;
  for (const auto& e : f.state.new_events) {
    if (e.type != "decision") continue;
    ++decision_events;
    if (e.actor_id == d.id) {
      EXPECT_EQ(e.action, "assign");
      EXPECT_EQ(e.attributes.at("service"), "web");
      EXPECT_EQ(e.attributes.at("tasks"), "3");
      EXPECT_EQ(e.attributes.at("placed"), "3");
    }
  }
  EXPECT_EQ(decision_events, 2);
}

TEST(SchedulerTest, GroupsBySpecVersion) {
  SchedulerFixture f;
  f.AddNode("node-a");
  Service& s = f.AddService("web");
  auto old = f.AddPending(s, 1);
  old[0]->spec_version = 1;
  auto fresh = f.AddPending(s, 1, 2);
  fresh[0]->spec_version = 2;
  RunSchedulingPass(&f.state);
  ASSERT_EQ(f.state.new_decisions.size(), 2u);
  EXPECT_EQ(f.state.new_decisions[0].spec_version, 1u);
  EXPECT_EQ(f.state.new_decisions[1].spec_version, 2u);
}

TEST(SchedulerTest, RetryWithTheSameErrorChangesNothing) {
  SchedulerFixture f;
  f.AddNode("node-a");
  Service& s = f.AddService("db", testing::Constrained({"node.labels.storage == raid"}));
  auto t = f.AddPending(s, 2);
  RunSchedulingPass(&f.state);
  ASSERT_EQ(f.state.new_decisions.size(), 1u);
  EXPECT_EQ(f.state.new_decisions[0].error, "no suitable node (scheduling constraints not satisfied on 1 node)");
  EXPECT_EQ(f.state.new_decisions[0].placements.size(), 2u);
  EXPECT_TRUE(f.state.new_decisions[0].placements[0].node_id.empty());
  const std::string decision = t[0]->decision_id;
  const uint64_t index = f.state.index;
  const size_t events = f.state.new_events.size();

  f.state.clock.now += kMinute;
  RunSchedulingPass(&f.state);
  EXPECT_EQ(f.state.new_decisions.size(), 1u);
  EXPECT_EQ(f.state.index, index);
  EXPECT_EQ(f.state.new_events.size(), events);
  EXPECT_EQ(t[0]->decision_id, decision);
  EXPECT_EQ(t[0]->status.timestamp, f.state.clock.now - kMinute);

  // A new node changes the answer: a new decision, recorded on both tasks.
  f.AddNode("node-b");
  RunSchedulingPass(&f.state);
  ASSERT_EQ(f.state.new_decisions.size(), 2u);
  EXPECT_EQ(f.state.new_decisions[1].error, "no suitable node (scheduling constraints not satisfied on 2 nodes)");
  EXPECT_EQ(t[0]->decision_id, f.state.new_decisions[1].id);
  EXPECT_EQ(t[1]->decision_id, f.state.new_decisions[1].id);
}

TEST(SchedulerTest, PreassignedRetryWithTheSameErrorChangesNothing) {
  SchedulerFixture f;
  Node& n = f.AddNode("node-a", 1);
  Service& s = f.AddService("agent", testing::Reserving(2));
  Task& t = f.AddTask(s, 0, TaskState::kPending, n.id);
  RunSchedulingPass(&f.state);
  ASSERT_EQ(f.state.new_decisions.size(), 1u);
  const uint64_t index = f.state.index;
  RunSchedulingPass(&f.state);
  EXPECT_EQ(f.state.new_decisions.size(), 1u);
  EXPECT_EQ(f.state.index, index);
  EXPECT_EQ(t.status.err, "insufficient resources on 1 node");
}

TEST(SchedulerTest, SameInputSamePlacements) {
  auto run = [] {
    SchedulerFixture f;
    for (int i = 0; i < 7; ++i) f.AddNode("node-" + std::to_string(i), 2);
    f.NodeNamed("node-3").spec.labels["zone"] = "east";
    Service& a = f.AddService("a", testing::Reserving(0.5));
    Service& b = f.AddService("b");
    f.AddRunning(b, 1, f.NodeNamed("node-2"));
    f.AddPending(a, 11);
    f.AddPending(b, 6, 2);
    RunSchedulingPass(&f.state);
    std::map<std::string, std::string> out = f.Placements(a);
    for (auto& [k, v] : f.Placements(b)) out[k] = v;
    std::vector<std::string> ids;
    for (auto& d : f.state.new_decisions) ids.push_back(d.id);
    return std::make_pair(out, ids);
  };
  auto first = run();
  auto second = run();
  EXPECT_EQ(first, second);
  for (auto& [task, node] : first.first) EXPECT_FALSE(node.empty()) << task;
}

// --- placement preferences ---

TEST(SchedulerTest, SpreadPreferenceBalancesBranches) {
  SchedulerFixture f;
  f.AddNode("e1").spec.labels["zone"] = "east";
  f.AddNode("e2").spec.labels["zone"] = "east";
  f.AddNode("w1").spec.labels["zone"] = "west";
  TaskSpec spec;
  spec.placement.preferences = {"node.labels.zone"};
  Service& s = f.AddService("web", spec);
  f.AddPending(s, 4);
  RunSchedulingPass(&f.state);
  EXPECT_EQ(f.Spread(s), (Spread{{"e1", 1}, {"e2", 1}, {"w1", 2}}));
}

TEST(SchedulerTest, NodesWithoutTheLabelFormTheirOwnBranch) {
  SchedulerFixture f;
  f.AddNode("e1").spec.labels["zone"] = "east";
  f.AddNode("e2").spec.labels["zone"] = "east";
  f.AddNode("plain1");
  f.AddNode("plain2");
  TaskSpec spec;
  spec.placement.preferences = {"NODE.LABELS.zone"};  // prefix case-insensitive
  Service& s = f.AddService("web", spec);
  f.AddPending(s, 2);
  RunSchedulingPass(&f.state);
  Spread spread = f.Spread(s);
  EXPECT_EQ(spread["e1"] + spread["e2"], 1);
  EXPECT_EQ(spread["plain1"] + spread["plain2"], 1);
}

TEST(SchedulerTest, ExistingImbalanceIsPouredIntoTheEmptiestBranch) {
  SchedulerFixture f;
  Node& a = f.AddNode("a1");
  a.spec.labels["rack"] = "a";
  f.AddNode("b1").spec.labels["rack"] = "b";
  f.AddNode("c1").spec.labels["rack"] = "c";
  TaskSpec spec;
  spec.placement.preferences = {"node.labels.rack"};
  Service& s = f.AddService("web", spec);
  for (int i = 1; i <= 10; ++i) f.AddRunning(s, i, a);
  f.AddPending(s, 3, 11);
  RunSchedulingPass(&f.state);
  // Target (10+3)/3 = 4 per branch: rack b is asked for 5 and takes all three.
  EXPECT_EQ(f.Spread(s), (Spread{{"a1", 10}, {"b1", 3}}));
}

TEST(SchedulerTest, FullBranchDropsOut) {
  SchedulerFixture f;
  f.AddNode("e1", 1).spec.labels["zone"] = "east";
  f.AddNode("w1", 8).spec.labels["zone"] = "west";
  TaskSpec spec = testing::Reserving(1);
  spec.placement.preferences = {"node.labels.zone"};
  Service& s = f.AddService("web", spec);
  auto t = f.AddPending(s, 4);
  RunSchedulingPass(&f.state);
  EXPECT_EQ(f.Spread(s), (Spread{{"e1", 1}, {"w1", 3}}));
  for (Task* task : t) EXPECT_EQ(task->status.state, TaskState::kAssigned);
}

TEST(SchedulerTest, OtherDescriptorsAreIgnored) {
  SchedulerFixture f;
  f.AddNode("a");
  f.AddNode("b");
  TaskSpec spec;
  spec.placement.preferences = {"node.hostname"};
  Service& s = f.AddService("web", spec);
  f.AddPending(s, 4);
  RunSchedulingPass(&f.state);
  EXPECT_EQ(f.Spread(s), (Spread{{"a", 2}, {"b", 2}}));
}

// --- scale ---

TEST(SchedulerTest, ThirtyThousandTasksOnAThousandNodes) {
  SchedulerFixture f;
  for (int i = 0; i < 1000; ++i) f.AddNode("node-" + std::to_string(10000 + i), 64, 256 * kGiB);
  TaskSpec spec = testing::Reserving(0.1, 64 * kMiB);
  spec.resources.limits.nano_cpus = 2 * kCpu;
  Service& s = f.AddService("big", spec);
  auto tasks = f.AddPending(s, 30000);
  RunSchedulingPass(&f.state);
  std::map<std::string, int> count;
  for (Task* t : tasks) {
    ASSERT_EQ(t->status.state, TaskState::kAssigned);
    ++count[t->node_id];
  }
  EXPECT_EQ(count.size(), 1000u);
  for (auto& [node, n] : count) EXPECT_EQ(n, 30) << node;
  ASSERT_EQ(f.state.new_decisions.size(), 1u);
  EXPECT_EQ(f.state.new_decisions[0].placements.size(), 30000u);
  EXPECT_EQ(f.state.new_decisions[0].nodes.size(), 1000u);
}

}  // namespace
}  // namespace swarmsim
