#include "core/container/volumes.h"

#include <gtest/gtest.h>

#include "tests/core/container/task_fixture.h"

namespace swarmsim {
namespace {

class VolumesTest : public ::testing::Test, public TaskFixture {};

TEST_F(VolumesTest, ImageDeclaredPathsBecomeAnonymousMounts) {
  Node& n = AddNode("node1");
  TaskSpec spec;
  spec.container.image = "diamol/ch06-todo-list:latest";  // declares /data
  const Task& t = AddTask(AddService("todo_web", spec), n);
  auto mounts = TaskVolumeMounts(s, t);
  ASSERT_EQ(mounts.size(), 1u);
  EXPECT_EQ(mounts[0].target, "/data");
  EXPECT_TRUE(mounts[0].source.empty());
}

TEST_F(VolumesTest, AMountOverTheDeclaredPathReplacesTheAnonymousVolume) {
  Node& n = AddNode("node1");
  TaskSpec spec;
  spec.container.image = "diamol/ch06-todo-list:latest";
  Mount m;
  m.source = "todo_data";
  m.target = "/data";
  spec.container.mounts.push_back(m);
  const Task& t = AddTask(AddService("todo_web", spec), n);
  auto mounts = TaskVolumeMounts(s, t);
  ASSERT_EQ(mounts.size(), 1u);
  EXPECT_EQ(mounts[0].source, "todo_data");
}

TEST_F(VolumesTest, PreparingCreatesOnceAndRemovingTheTaskDropsAnonymousOnes) {
  Node& n = AddNode("node1");
  TaskSpec spec;
  spec.container.image = "diamol/ch06-todo-list:latest";
  Mount m;
  m.source = "todo_named";
  m.target = "/named";
  m.volume_labels["com.docker.stack.namespace"] = "todo";
  spec.container.mounts.push_back(m);
  const Task& t = AddTask(AddService("todo_web", spec), n);
  std::string id = t.id;
  PrepareTaskVolumes(&s, t);
  ASSERT_EQ(s.volumes.size(), 2u);
  // A second preparation finds every volume mounted: no write, no event, no new name.
  uint64_t index = s.index;
  size_t events = s.new_events.size();
  uint64_t seed = s.id_seed;
  PrepareTaskVolumes(&s, t);
  EXPECT_EQ(s.volumes.size(), 2u);
  EXPECT_EQ(s.index, index);
  EXPECT_EQ(s.new_events.size(), events);
  EXPECT_EQ(s.id_seed, seed);
  const Volume& named = s.volumes.at({n.id, "todo_named"});
  EXPECT_FALSE(named.anonymous);
  EXPECT_EQ(named.labels.at("com.docker.stack.namespace"), "todo");
  auto users = VolumeUsers(s);
  EXPECT_EQ(users.at({n.id, "todo_named"}), std::vector<std::string>{id});
  RemoveTask(&s, id);
  ASSERT_EQ(s.volumes.size(), 1u);  // the named volume stays on the node
  EXPECT_TRUE(s.volumes.count({n.id, "todo_named"}));
  EXPECT_EQ(s.removed_volumes.size(), 1u);
  EXPECT_TRUE(VolumeUsers(s).empty());
}

}  // namespace
}  // namespace swarmsim
