#include "ui/view/mounted_files.h"

#include <gtest/gtest.h>

#include <memory>

namespace swarmsim::ui {
namespace {

// A task on node n1 with a config, a secret and a volume mounted.
struct Fixture {
  ClusterState state;
  Task task;
  Fixture() {
    Node n;
    n.id = "n1";
    n.description.hostname = "node1";
    state.nodes["n1"] = n;
    Config c;
    c.id = "c1";
    c.name = "todo-config";
    c.data = "{\"Db\": \"postgres\"}";
    state.configs["c1"] = c;
    Config s;
    s.id = "s1";
    s.name = "db-password";
    s.data = "hunter2";
    state.secrets["s1"] = s;
    Volume v;
    v.node_id = "n1";
    v.name = "todo_data";
    v.files = {{"todo.db", "buy milk\n"}};
    state.volumes[{"n1", "todo_data"}] = v;

    auto spec = std::make_shared<TaskSpec>();
    spec->container.image = "diamol/ch06-todo-list";
    FileReference cr;
    cr.id = "c1";
    cr.name = "todo-config";
    cr.file_name = "/app/config/config.json";
    spec->container.configs.push_back(cr);
    FileReference sr;
    sr.id = "s1";
    sr.name = "db-password";
    spec->container.secrets.push_back(sr);
    Mount m;
    m.source = "todo_data";
    m.target = "/data";
    spec->container.mounts.push_back(m);
    task.id = "t1";
    task.service_name = "todo_web";
    task.slot = 1;
    task.node_id = "n1";
    task.status.state = TaskState::kRunning;
    task.spec = spec;
    state.tasks["t1"] = task;
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
