#include "ui/view/task_history.h"

#include <gtest/gtest.h>

#include "ui_fixture.h"

namespace swarmsim::ui {
namespace {

using SlotHistoryTest = ClusterFixture;

TEST_F(SlotHistoryTest, SameSlotNewestFirst) {
  ThreeNodesWithWeb();
  Run("service update --image nginx:1.27 web");
  Run("time advance 30s");
  Run("service update --image nginx:1.28 web");
  Run("time advance 30s");
  ClusterState s = Load();
  const Task* current = nullptr;
  for (const auto& [id, t] : s.tasks) {
    if (t.slot == 1 && t.status.state == TaskState::kRunning) current = &t;
  }
  ASSERT_NE(current, nullptr);
  std::vector<const Task*> h = SlotHistory(s, *current);
  ASSERT_EQ(h.size(), 3u);
  EXPECT_EQ(h[0], current);
  for (const Task* t : h) EXPECT_EQ(t->slot, 1u);
  EXPECT_EQ(h[1]->spec->container.image, "nginx:1.27");
  EXPECT_EQ(h[2]->spec->container.image, "nginx:1.25");
  EXPECT_GE(h[0]->created_at, h[1]->created_at);
}

TEST_F(SlotHistoryTest, NewestTaskIsTheLastCreated) {
  EXPECT_EQ(NewestTask(ClusterState{}), nullptr);
  ThreeNodesWithWeb();
  Run("time advance 5s");
  Run("service scale web=3");
  ClusterState s = Load();
  const Task* newest = NewestTask(s);
  ASSERT_NE(newest, nullptr);
  EXPECT_EQ(newest->slot, 3u);
  for (const auto& [id, t] : s.tasks) EXPECT_LE(t.created_at, newest->created_at);
}

}  // namespace
}  // namespace swarmsim::ui
