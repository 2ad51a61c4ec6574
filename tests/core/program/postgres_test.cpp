#include "core/program/postgres.h"

#include <gtest/gtest.h>

#include "core/container/filesystem.h"
#include "core/container/volumes.h"
#include "tests/core/container/task_fixture.h"

namespace swarmsim {
namespace {

class PostgresTest : public ::testing::Test, public TaskFixture {};

TEST_F(PostgresTest, DataLivesInTheLayerUnlessAVolumeIsMountedThere) {
  Node& n = AddNode("node1");
  TaskSpec plain;
  plain.container.image = "diamol/postgres:11.5";
  const Task& a = AddTask(AddService("db_plain", plain), n);
  PrepareTaskVolumes(&s, a);
  StartPostgres(&s, a);
  EXPECT_EQ(ReadTaskFile(s, a, "/var/lib/postgresql/data/PG_VERSION").value(), "11\n");
  EXPECT_TRUE(s.layers.at(a.id).count("/var/lib/postgresql/data/PG_VERSION"));

  TaskSpec with_volume = plain;
  with_volume.container.env.push_back("PGDATA=/var/lib/postgresql/data/pgdata");
  Mount m;
  m.source = "todo_todo-db-data";
  m.target = "/var/lib/postgresql/data";
  with_volume.container.mounts.push_back(m);
  const Task& b = AddTask(AddService("db_volume", with_volume), n);
  PrepareTaskVolumes(&s, b);
  EXPECT_EQ(PostgresDataDir(s, b), "/var/lib/postgresql/data/pgdata");
  StartPostgres(&s, b);
  ASSERT_TRUE(InsertTodoRow(&s, b, "kept").ok());
  const Volume& v = s.volumes.at({n.id, "todo_todo-db-data"});
  EXPECT_EQ(v.files.at("pgdata/PG_VERSION"), "11\n");
  EXPECT_EQ(v.files.at("pgdata/base/todo/todo_items"), "kept\n");
}

TEST_F(PostgresTest, ASecondStartFindsTheExistingDataDirectory) {
  Node& n = AddNode("node1");
  TaskSpec spec;
  spec.container.image = "diamol/postgres:11.6";
  Mount m;
  m.source = "data";
  m.target = "/var/lib/postgresql/data";
  spec.container.mounts.push_back(m);
  Service& svc = AddService("db", spec);
  const Task& first = AddTask(svc, n);
  PrepareTaskVolumes(&s, first);
  StartPostgres(&s, first);
  ASSERT_TRUE(InsertTodoRow(&s, first, "row").ok());
  const Task& second = AddTask(svc, n, 1);
  PrepareTaskVolumes(&s, second);
  s.new_logs.clear();
  StartPostgres(&s, second);
  EXPECT_EQ(ReadTodoRows(s, second), std::vector<std::string>{"row"});
  EXPECT_NE(s.new_logs.front().text.find("was shut down"), std::string::npos);
}

}  // namespace
}  // namespace swarmsim
