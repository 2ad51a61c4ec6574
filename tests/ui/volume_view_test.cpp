#include "ui/view/volume_view.h"

#include <gtest/gtest.h>

#include <memory>

namespace swarmsim::ui {
namespace {

void AddNode(ClusterState* s, const std::string& id, const std::string& host) {
  Node n;
  n.id = id;
  n.description.hostname = host;
  s->nodes[id] = n;
}

void AddVolume(ClusterState* s, const std::string& node, const std::string& name,
               std::map<std::string, std::string> files, bool anonymous = false) {
  Volume v;
  v.node_id = node;
  v.name = name;
  v.anonymous = anonymous;
  v.files = std::move(files);
  s->volumes[{node, name}] = v;
}

// Two nodes ran the database at different times: each holds its own copy.
ClusterState TwoDiverged() {
  ClusterState s;
  AddNode(&s, "n-b", "node2");
  AddNode(&s, "n-a", "node10");
  AddVolume(&s, "n-a", "todo_data", {{"todo.db", "buy milk\nwalk dog\n"}, {"PG_VERSION", "16"}});
  AddVolume(&s, "n-b", "todo_data", {{"todo.db", "buy milk\n"}, {"PG_VERSION", "16"}, {"only-here", "x"}});
  AddVolume(&s, "n-b", "cache", {});
  Task t;
  t.id = "t1";
  t.service_name = "todo_db";
  t.slot = 1;
  t.node_id = "n-b";
  t.status.state = TaskState::kRunning;
  auto spec = std::make_shared<TaskSpec>();
  Mount m;
  m.source = "todo_data";
  m.target = "/var/lib/postgresql/data";
  spec->container.mounts.push_back(m);
  t.spec = spec;
  s.tasks["t1"] = t;
  return s;
}

TEST(VolumeView, LinesUpEveryCopyFileByFileAndMarksDivergence) {
  VolumeView v = BuildVolumeView(TwoDiverged(), "todo_data");
  ASSERT_EQ(v.copies.size(), 2u);
  EXPECT_EQ(v.copies[0].hostname, "node2");  // natural order: node2 before node10
  EXPECT_EQ(v.copies[1].hostname, "node10");
  EXPECT_EQ(v.copies[0].files, 3u);
  EXPECT_EQ(v.copies[0].bytes, 9 + 2 + 1);
  EXPECT_EQ(v.copies[1].bytes, 18 + 2);
  EXPECT_EQ(v.copies[0].mounted_by, std::vector<std::string>{"todo_db.1"});
  EXPECT_TRUE(v.copies[1].mounted_by.empty());
  EXPECT_TRUE(v.diverged);
  ASSERT_EQ(v.files.size(), 3u);
  EXPECT_EQ(v.files[0].path, "PG_VERSION");
  EXPECT_FALSE(v.files[0].differs);
  EXPECT_EQ(v.files[1].path, "only-here");
  EXPECT_TRUE(v.files[1].differs);
  EXPECT_EQ(v.files[1].content[0], std::optional<std::string>("x"));
  EXPECT_EQ(v.files[1].content[1], std::nullopt);
  EXPECT_EQ(v.files[2].path, "todo.db");
  EXPECT_TRUE(v.files[2].differs);
  EXPECT_EQ(*v.files[2].content[1], "buy milk\nwalk dog\n");
}

TEST(VolumeView, IdenticalCopiesDoNotDiverge) {
  ClusterState s;
  AddNode(&s, "a", "node1");
  AddNode(&s, "b", "node2");
  AddVolume(&s, "a", "v", {{"f", "1"}});
  AddVolume(&s, "b", "v", {{"f", "1"}});
  VolumeView v = BuildVolumeView(s, "v");
  EXPECT_EQ(v.copies.size(), 2u);
  EXPECT_FALSE(v.diverged);
  EXPECT_TRUE(BuildVolumeView(s, "missing").copies.empty());
}

TEST(VolumeView, NodeFootListsNamedThenAnonymousVolumesWithTheirSize) {
  ClusterState s = TwoDiverged();
  AddVolume(&s, "n-b", std::string(64, 'f'), {{"a", "12345"}}, true);
  std::vector<NodeVolume> vols = NodeVolumes(s, "n-b");
  ASSERT_EQ(vols.size(), 3u);
  EXPECT_EQ(vols[0].name, "cache");
  EXPECT_EQ(vols[0].bytes, 0);
  EXPECT_EQ(vols[1].name, "todo_data");
  EXPECT_EQ(vols[1].bytes, 12);
  EXPECT_TRUE(vols[2].anonymous);
  EXPECT_EQ(vols[2].bytes, 5);
  EXPECT_EQ(VolumeLabel(vols[2].name, true), "ffffffffffff…");
  EXPECT_EQ(NodeVolumes(s, "n-a").size(), 1u);
  EXPECT_TRUE(NodeVolumes(s, "nope").empty());
}

}  // namespace
}  // namespace swarmsim::ui
