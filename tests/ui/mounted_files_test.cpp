#include "ui/view/mounted_files.h"

#include <gtest/gtest.h>

#include "task_with_mounts.h"

namespace swarmsim::ui {
namespace {

// A task on node n1 with a config, a secret and a volume mounted.
struct Fixture {
  ClusterState state;
  Task task;
  Fixture() {
    AddTaskWithMounts(&state);
    task = state.tasks.at("t1");
  }
};

TEST(MountedFiles, ListsConfigSecretAndVolumeFilesWithWhereTheyLive) {
  Fixture f;
  std::vector<MountedFile> files = TaskMountedFiles(f.state, f.task, false);
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(files[0].path, "/app/config/config.json");
  EXPECT_EQ(files[0].source, FileSource::kConfig);
  EXPECT_EQ(*files[0].content, "{\"Db\": \"postgres\"}");
  EXPECT_TRUE(files[0].read_only);
  EXPECT_EQ(files[1].path, "/data/todo.db");
  EXPECT_EQ(files[1].source, FileSource::kVolume);
  EXPECT_EQ(files[1].mount, "todo_data");
  EXPECT_EQ(*files[1].content, "buy milk\n");
  EXPECT_NE(files[1].where.find("node1"), std::string::npos) << files[1].where;
  EXPECT_EQ(files[2].path, "/run/secrets/db-password");
  EXPECT_EQ(files[2].source, FileSource::kSecret);
  EXPECT_EQ(files[2].size, 7u);
  // Without the toggle the secret's bytes are not in the view at all.
  EXPECT_FALSE(files[2].content.has_value());
}

TEST(MountedFiles, TheToggleShowsTheSecretAsTheContainerSeesIt) {
  Fixture f;
  std::vector<MountedFile> files = TaskMountedFiles(f.state, f.task, true);
  ASSERT_EQ(files.size(), 3u);
  ASSERT_TRUE(files[2].content.has_value());
  EXPECT_EQ(*files[2].content, "hunter2");
}

TEST(MountedFiles, NoMountsNoFiles) {
  Fixture f;
  Task bare = f.task;
  bare.spec = std::make_shared<TaskSpec>();
  EXPECT_TRUE(TaskMountedFiles(f.state, bare, true).empty());
}

}  // namespace
}  // namespace swarmsim::ui
