#include "ui/view/state_cache.h"

#include <gtest/gtest.h>

#include "ui/view/task_history.h"

namespace swarmsim::ui {
namespace {

Task MakeTask(const std::string& id, uint64_t slot, Time created) {
  Task t;
  t.id = id;
  t.service_id = "s1";
  t.service_name = "web";
  t.slot = slot;
  t.created_at = created;
  return t;
}

ClusterState TwoSlots() {
  ClusterState s;
  for (Task t : {MakeTask("a", 1, 10), MakeTask("b", 1, 20), MakeTask("c", 2, 15)}) s.tasks[t.id] = t;
  return s;
}

TEST(StateCache, NewestTaskIsKeptForItsSerial) {
  ClusterState s = TwoSlots();
  StateCache cache;
  ASSERT_EQ(CachedNewestTask(s, 1, &cache)->id, "b");
  s.tasks["d"] = MakeTask("d", 2, 30);
  EXPECT_EQ(CachedNewestTask(s, 1, &cache)->id, "b");  // same serial: same answer
  EXPECT_EQ(CachedNewestTask(s, 2, &cache)->id, "d");  // a new state: computed again
  s.tasks["e"] = MakeTask("e", 2, 40);
  EXPECT_EQ(CachedNewestTask(s, 0, &cache)->id, "e");  // serial 0: never kept
  EXPECT_EQ(CachedNewestTask(ClusterState{}, 3, &cache), nullptr);
}

TEST(StateCache, SlotHistoryMatchesTheUncachedOne) {
  ClusterState s = TwoSlots();
  StateCache cache;
  const Task& b = s.tasks.at("b");
  EXPECT_EQ(CachedSlotHistory(s, b, 1, &cache), SlotHistory(s, b));
  EXPECT_EQ(CachedSlotHistory(s, b, 1, &cache).size(), 2u);
  const Task& c = s.tasks.at("c");
  EXPECT_EQ(CachedSlotHistory(s, c, 1, &cache), SlotHistory(s, c));  // another task, same serial
  // A task gone from a state under the same serial drops out instead of dangling.
  s.tasks.erase("a");
  EXPECT_EQ(CachedSlotHistory(s, s.tasks.at("b"), 2, &cache).size(), 1u);
}

TEST(StateCache, DecisionIsReadOncePerTask) {
  StateCache cache;
  int reads = 0;
  auto read = [&](const std::string& id) -> Result<Decision> {
    ++reads;
    if (id == "missing") return Status::NotFound("decision ID not found");
    Decision d;
    d.id = id;
    d.service_name = "web";
    d.nodes = {NodeVerdict{"n1", "node1", {{"Ready", true, true, ""}}}};
    d.placements = {{"t1", 1, "n1", 1, 1}};
    return d;
  };
  auto grid = CachedDecisionGrid("d1", "t1", 1, read, &cache);
  ASSERT_TRUE(grid.ok());
  EXPECT_TRUE(grid.value()->rows[0].chosen);
  EXPECT_TRUE(CachedDecisionGrid("d1", "t1", 2, read, &cache).ok());
  EXPECT_EQ(reads, 1);  // decisions never change: a new serial reads nothing
  EXPECT_FALSE(CachedDecisionGrid("d1", "t2", 2, read, &cache).value()->rows[0].chosen);
  EXPECT_EQ(reads, 2);
  EXPECT_FALSE(CachedDecisionGrid("missing", "t1", 2, read, &cache).ok());
  EXPECT_FALSE(CachedDecisionGrid("missing", "t1", 2, read, &cache).ok());
  EXPECT_EQ(reads, 3);  // a failed read is kept for its serial
  EXPECT_FALSE(CachedDecisionGrid("missing", "t1", 3, read, &cache).ok());
  EXPECT_EQ(reads, 4);
  (void)CachedDecisionGrid("d1", "t1", 0, read, &cache);
  (void)CachedDecisionGrid("d1", "t1", 0, read, &cache);
  EXPECT_EQ(reads, 6);  // serial 0: nothing kept
}

TEST(StateCache, ADecisionsRowOpensItsFirstTaskOncePerSerial) {
  ClusterState s = TwoSlots();
  for (auto& [id, t] : s.tasks) t.decision_id = "d1";
  Event e;
  e.type = "decision";
  e.actor_id = "d1";
  StateCache cache;
  ASSERT_TRUE(CachedEventPick(s, e, 1, &cache).has_value());
  EXPECT_EQ(CachedEventPick(s, e, 1, &cache)->id, "a");  // slot 1, then ID
  s.tasks.erase("a");
  EXPECT_EQ(CachedEventPick(s, e, 1, &cache)->id, "a");  // same serial: kept
  EXPECT_EQ(CachedEventPick(s, e, 2, &cache)->id, "b");
  EXPECT_EQ(CachedEventPick(s, e, 0, &cache), EventPick(s, e));
  Event other;
  other.type = "decision";
  other.actor_id = "d2";
  EXPECT_FALSE(CachedEventPick(s, other, 2, &cache).has_value());
}

}  // namespace
}  // namespace swarmsim::ui
