#include "core/container/filesystem.h"

#include <gtest/gtest.h>

#include "core/container/volumes.h"
#include "tests/core/container/task_fixture.h"

namespace swarmsim {
namespace {

class FilesystemTest : public ::testing::Test, public TaskFixture {
 protected:
  // A task with a config (default target), a secret at an absolute target and a
  // named volume, prepared on node1.
  const Task& Prepared() {
    Node& n = AddNode("node1");
    Config& cfg = AddBlob(BlobKind::kConfig, "app-config", "{\"a\":1}");
    Config& sec = AddBlob(BlobKind::kSecret, "app-secret", "hunter2");
    TaskSpec spec;
    spec.container.image = "alpine:latest";
    spec.container.configs.push_back({"", "0", "0", 0444, cfg.id, "app-config"});
    spec.container.configs.back().file_name = "";
    spec.container.secrets.push_back({"/app/secrets.json", "0", "0", 0444, sec.id, "app-secret"});
    Mount m;
    m.source = "stack_data";
    m.target = "/var/data/";
    spec.container.mounts.push_back(m);
    const Task& t = AddTask(AddService("stack_app", spec), n);
    PrepareTaskVolumes(&s, t);
    return t;
  }
};

TEST(CleanPathTest, Normalises) {
  EXPECT_EQ(CleanPath("/a/./b//c/"), "/a/b/c");
  EXPECT_EQ(CleanPath("/a/../b"), "/b");
  EXPECT_EQ(CleanPath("/"), "/");
  EXPECT_EQ(CleanPath("relative/x"), "");
}

TEST_F(FilesystemTest, ConfigsAtSlashNameSecretsAtTheirTarget) {
  const Task& t = Prepared();
  EXPECT_EQ(ReadTaskFile(s, t, "/app-config").value(), "{\"a\":1}");
  EXPECT_EQ(ReadTaskFile(s, t, "/app/secrets.json").value(), "hunter2");
  EXPECT_EQ(ReadTaskFile(s, t, "/nope").status().message(), "cat: /nope: No such file or directory");
  EXPECT_EQ(ReadTaskFile(s, t, "/app").status().message(), "cat: /app: Is a directory");
}

TEST_F(FilesystemTest, SecretWithoutTargetGoesUnderRunSecrets) {
  Node& n = AddNode("node1");
  Config& sec = AddBlob(BlobKind::kSecret, "db-pass", "pw");
  TaskSpec spec;
  spec.container.image = "alpine:latest";
  spec.container.secrets.push_back({"", "0", "0", 0444, sec.id, "db-pass"});
  const Task& t = AddTask(AddService("svc", spec), n);
  EXPECT_EQ(ReadTaskFile(s, t, "/run/secrets/db-pass").value(), "pw");
  EXPECT_EQ(ListTaskPath(s, t, "/run/secrets").value(), std::vector<std::string>{"db-pass"});
}

TEST_F(FilesystemTest, WritesLandInTheVolumeOrTheLayer) {
  const Task& t = Prepared();
  ASSERT_TRUE(WriteTaskFile(&s, t, "/var/data/db/rows", "x\n").ok());
  ASSERT_TRUE(WriteTaskFile(&s, t, "/tmp/scratch", "y").ok());
  const Volume& v = s.volumes.at({t.node_id, "stack_data"});
  EXPECT_EQ(v.files.at("db/rows"), "x\n");
  EXPECT_EQ(s.layers.at(t.id).at("/tmp/scratch"), "y");
  EXPECT_TRUE(s.changed_layers.count(t.id));
  EXPECT_EQ(ReadTaskFile(s, t, "/var/data/db/rows").value(), "x\n");
  EXPECT_EQ(DescribeFileLocation(s, t, "/var/data/db/rows"), "volume stack_data on node1");
  EXPECT_EQ(DescribeFileLocation(s, t, "/tmp/scratch"), "container layer of stack_app.1 on node1");
  EXPECT_EQ(DescribeFileLocation(s, t, "/app/secrets.json"), "secret app-secret");
}

TEST_F(FilesystemTest, ConfigsAndSecretsAreReadOnly) {
  const Task& t = Prepared();
  Status st = WriteTaskFile(&s, t, "/app/secrets.json", "leak");
  EXPECT_EQ(st.code(), Status::Code::kFailedPrecondition);
  EXPECT_EQ(st.message(), "/app/secrets.json: Read-only file system");
  EXPECT_EQ(ReadTaskFile(s, t, "/app/secrets.json").value(), "hunter2");
}

TEST_F(FilesystemTest, ReadOnlyRootRefusesWritesButNotVolumesOrTmpfs) {
  Node& n = AddNode("node1");
  TaskSpec spec;
  spec.container.image = "alpine:latest";
  spec.container.read_only = true;  // --read-only
  Mount data;
  data.source = "data";
  data.target = "/data";
  Mount run;
  run.type = "tmpfs";
  run.target = "/run";
  spec.container.mounts = {data, run};
  const Task& t = AddTask(AddService("box", spec), n);
  PrepareTaskVolumes(&s, t);
  Status st = WriteTaskFile(&s, t, "/tmp/x", "y");
  EXPECT_EQ(st.code(), Status::Code::kFailedPrecondition);
  EXPECT_EQ(st.message(), "/tmp/x: Read-only file system");
  EXPECT_TRUE(WriteTaskFile(&s, t, "/run/app.pid", "1").ok());
  EXPECT_TRUE(WriteTaskFile(&s, t, "/data/rows", "x").ok());
  EXPECT_EQ(s.volumes.at({n.id, "data"}).files.at("rows"), "x");
}

TEST_F(FilesystemTest, AVolumeHidesTheLayerBeneathIt) {
  const Task& t = Prepared();
  s.layers[t.id]["/var/data/old"] = "shadowed";
  EXPECT_FALSE(ReadTaskFile(s, t, "/var/data/old").ok());
  auto root = ListTaskPath(s, t, "/").value();
  EXPECT_EQ(root, (std::vector<std::string>{"app", "app-config", "var"}));
  EXPECT_TRUE(ListTaskPath(s, t, "/var/data").value().empty());
  EXPECT_EQ(ListTaskPath(s, t, "/missing").status().message(),
            "ls: cannot access '/missing': No such file or directory");
}

TEST_F(FilesystemTest, ANodeSeesOnlyItsOwnCopyOfANamedVolume) {
  const Task& t = Prepared();
  ASSERT_TRUE(WriteTaskFile(&s, t, "/var/data/rows", "from node1").ok());
  Node& other = AddNode("node2");
  const Task& t2 = AddTask(s.services.at(t.service_id), other, 2);
  PrepareTaskVolumes(&s, t2);
  EXPECT_FALSE(ReadTaskFile(s, t2, "/var/data/rows").ok());
  EXPECT_EQ(ReadTaskFile(s, t, "/var/data/rows").value(), "from node1");
}

TEST_F(FilesystemTest, MountEventsNameTheObjectNeverTheData) {
  const Task& t = Prepared();
  s.new_events.clear();
  RecordFileMounts(&s, t);
  ASSERT_EQ(s.new_events.size(), 2u);
  EXPECT_EQ(s.new_events[0].type, "config");
  EXPECT_EQ(s.new_events[0].action, "mount");
  EXPECT_EQ(s.new_events[0].attributes.at("target"), "/app-config");
  EXPECT_EQ(s.new_events[1].type, "secret");
  for (const auto& e : s.new_events) {
    for (const auto& [k, v] : e.attributes) EXPECT_EQ(v.find("hunter2"), std::string::npos);
  }
}

}  // namespace
}  // namespace swarmsim
