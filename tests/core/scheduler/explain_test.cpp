#include "core/scheduler/explain.h"

#include <gtest/gtest.h>

#include "core/scheduler/scheduler.h"
#include "tests/core/scheduler/fixture.h"

namespace swarmsim {
namespace {

using testing::kMiB;
using testing::SchedulerFixture;

FilterVerdict Off(const char* name) { return {name, false, true, ""}; }
FilterVerdict Ok(const char* name) { return {name, true, true, ""}; }
FilterVerdict No(const char* name, const char* why) { return {name, true, false, why}; }

NodeVerdict Row(const char* id, const char* host, FilterVerdict ready, FilterVerdict constraint, int64_t service,
                int64_t total) {
  NodeVerdict v;
  v.node_id = id;
  v.hostname = host;
  v.filters = {ready, Off("Resources"), Ok("Plugin"), constraint, Off("Platform"), Off("HostPort"),
               Off("MaxReplicas")};
  v.service_tasks = service;
  v.total_tasks = total;
  return v;
}

Decision DbDecision() {
  Decision d;
  d.id = "dec1";
  d.time = 1'772'360'142LL * kSecond + 999'000'000;  // fractions are not shown
  d.service_id = "svc1";
  d.service_name = "todo_todo-db";
  d.spec_version = 3;
  d.nodes = {Row("id-m", "manager-1", Ok("Ready"), No("Constraint", "node.role == worker: node is a manager"), 0, 1),
             Row("id-w1", "worker-1", No("Ready", "node is drained"), Ok("Constraint"), 0, 0),
             Row("id-w2", "worker-2", Ok("Ready"), Ok("Constraint"), 1, 2)};
  d.placements = {{"task1", 1, "id-w2", 1, 2}, {"task2", 2, "", 0, 0}};
  d.error = "no suitable node (1 node not available for new tasks)";
  return d;
}

TEST(RenderDecisionTableTest, PlacedTask) {
  EXPECT_EQ(RenderDecisionTable(DbDecision(), "task1"),
            "Task:      task1  (todo_todo-db.1)\n"
            "Service:   todo_todo-db  (spec version 3)\n"
            "Decided:   2026-03-01 10:15:42 UTC  (decision dec1, 2 tasks, 1 placed)\n"
            "\n"
            "HOSTNAME     READY             RESOURCES   PLUGIN    CONSTRAINT                               "
            "PLATFORM   HOSTPORT   MAXREPLICAS   SERVICE TASKS   TOTAL TASKS\n"
            "manager-1    ok                -           ok        node.role == worker: node is a manager   "
            "-          -          -             0               1\n"
            "worker-1     node is drained   -           ok        ok                                       "
            "-          -          -             0               0\n"
            "worker-2 *   ok                -           ok        ok                                       "
            "-          -          -             1               2\n"
            "\n"
            "Chosen:    worker-2 *  (had 1 task of this service, 2 in total, when chosen)\n"
            "Result:    scheduler assigned task to node worker-2\n");
}

TEST(RenderDecisionTableTest, PendingTaskShowsSwarmsError) {
  std::string out = RenderDecisionTable(DbDecision(), "task2");
  EXPECT_NE(out.find("Task:      task2  (todo_todo-db.2)\n"), std::string::npos) << out;
  EXPECT_EQ(out.find(" *"), std::string::npos) << out;  // nothing chosen
  EXPECT_EQ(out.find("Chosen:"), std::string::npos) << out;
  EXPECT_TRUE(out.ends_with("\nResult:    no suitable node (1 node not available for new tasks)\n")) << out;
}

TEST(RenderDecisionTableTest, UnknownTaskAndRecentFailures) {
  Decision d = DbDecision();
  d.nodes[2].recent_failures = 5;
  std::string out = RenderDecisionTable(d, "other");
  EXPECT_NE(out.find("Task:      other  (not in this decision)\n"), std::string::npos) << out;
  EXPECT_NE(out.find("MAXREPLICAS   RECENT FAILURES   SERVICE TASKS   TOTAL TASKS\n"), std::string::npos) << out;
  EXPECT_NE(out.find("-             5                 1               2\n"), std::string::npos) << out;
  EXPECT_EQ(out.find(" *"), std::string::npos) << out;
}

TEST(RenderDecisionTableTest, NoNodes) {
  Decision d;
  d.id = "dec2";
  d.service_name = "web";
  d.spec_version = 1;
  d.placements = {{"t1", 1, "", 0, 0}};
  d.error = "no suitable node";
  std::string out = RenderDecisionTable(d, "t1");
  EXPECT_NE(out.find("Decided:   1970-01-01 00:00:00 UTC  (decision dec2, 1 task, 0 placed)\n"), std::string::npos)
      << out;
  EXPECT_NE(out.find("HOSTNAME   READY     RESOURCES   PLUGIN    CONSTRAINT   PLATFORM   HOSTPORT   MAXREPLICAS   "
                     "SERVICE TASKS   TOTAL TASKS\n(no nodes)\n"),
            std::string::npos)
      << out;
  EXPECT_TRUE(out.ends_with("Result:    no suitable node\n")) << out;
}

TEST(RenderDecisionTableTest, FromARealPass) {
  SchedulerFixture f;
  f.AddNode("worker-1", 1);
  f.AddNode("worker-2", 4).spec.labels["storage"] = "raid";
  TaskSpec spec = testing::Reserving(1.5, 512 * kMiB);
  spec.placement.constraints = {"node.labels.storage == raid"};
  Service& db = f.AddService("todo_todo-db", spec);
  auto t = f.AddPending(db, 1);
  Node& agent_node = f.NodeNamed("worker-1");
  Task& global = f.AddTask(f.AddService("agent"), 0, TaskState::kPending, agent_node.id);
  RunSchedulingPass(&f.state);
  ASSERT_EQ(f.state.new_decisions.size(), 2u);

  std::string out = RenderDecisionTable(f.state.new_decisions[1], t[0]->id);
  EXPECT_NE(out.find("worker-1     ok        needs 1.5 CPUs, 1 free   -         "
                     "node.labels.storage == raid: node has no label storage   -"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("\nworker-2 *   ok "), std::string::npos) << out;
  EXPECT_TRUE(out.ends_with("Result:    scheduler assigned task to node worker-2\n")) << out;

  std::string g = RenderDecisionTable(f.state.new_decisions[0], global.id);
  EXPECT_NE(g.find("(agent." + agent_node.id + ")"), std::string::npos) << g;
  EXPECT_TRUE(g.ends_with("Result:    scheduler confirmed task can run on preassigned node worker-1\n")) << g;
}

TEST(FormatDecisionTimeTest, Utc) {
  EXPECT_EQ(FormatDecisionTime(0), "1970-01-01 00:00:00 UTC");
  EXPECT_EQ(FormatDecisionTime(1'772'360'142LL * kSecond), "2026-03-01 10:15:42 UTC");
  EXPECT_EQ(FormatDecisionTime(951'782'400LL * kSecond), "2000-02-29 00:00:00 UTC");
}

// --summary: nodes counted by verdict (first failing filter, in pipeline order),
// then only the chosen node's row.
TEST(RenderDecisionTableTest, SummaryCountsNodesPerVerdict) {
  Decision d = DbDecision();
  d.nodes.push_back(Row("id-w3", "worker-3", Ok("Ready"), No("Constraint", "node.role == worker"), 0, 0));
  d.nodes.push_back(Row("id-w4", "worker-4", Ok("Ready"), Ok("Constraint"), 0, 0));
  ExplainOptions summary;
  summary.summary = true;
  EXPECT_EQ(RenderDecisionTable(d, "task1", summary),
            "Task:      task1  (todo_todo-db.1)\n"
            "Service:   todo_todo-db  (spec version 3)\n"
            "Decided:   2026-03-01 10:15:42 UTC  (decision dec1, 2 tasks, 1 placed)\n"
            "\n"
            "VERDICT               NODES\n"
            "passes every filter   2\n"
            "fails READY           1\n"
            "fails CONSTRAINT      2\n"
            "\n"
            "HOSTNAME     READY     RESOURCES   PLUGIN    CONSTRAINT   PLATFORM   HOSTPORT   MAXREPLICAS   "
            "SERVICE TASKS   TOTAL TASKS\n"
            "worker-2 *   ok        -           ok        ok           -          -          -             "
            "1               2\n"
            "\n"
            "Chosen:    worker-2 *  (had 1 task of this service, 2 in total, when chosen)\n"
            "Result:    scheduler assigned task to node worker-2\n");
  // A task that was not placed: the counts, no row.
  std::string unplaced = RenderDecisionTable(d, "task2", summary);
  EXPECT_NE(unplaced.find("fails CONSTRAINT      2\n\nResult:    no suitable node"), std::string::npos) << unplaced;
  EXPECT_EQ(unplaced.find("HOSTNAME"), std::string::npos);
}

// --node: the same table with that node's row alone (the mark still shows).
TEST(RenderDecisionTableTest, OneNodesRow) {
  ExplainOptions one;
  one.node_id = "id-w1";
  std::string text = RenderDecisionTable(DbDecision(), "task1", one);
  EXPECT_NE(text.find("\nworker-1 "), std::string::npos);
  EXPECT_EQ(text.find("manager-1"), std::string::npos);
  EXPECT_EQ(text.find("\nworker-2 "), std::string::npos);
  EXPECT_NE(text.find("Chosen:    worker-2 *"), std::string::npos);
  one.node_id = "id-w2";
  EXPECT_NE(RenderDecisionTable(DbDecision(), "task1", one).find("\nworker-2 *   ok"), std::string::npos);
  one.node_id = "id-gone";
  EXPECT_NE(RenderDecisionTable(DbDecision(), "task1", one).find("(the node was not considered in this decision)\n"),
            std::string::npos);
}

}  // namespace
}  // namespace swarmsim
