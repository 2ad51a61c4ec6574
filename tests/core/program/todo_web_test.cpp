#include "core/program/todo_web.h"

#include <gtest/gtest.h>

#include "core/container/filesystem.h"
#include "core/container/volumes.h"
#include "tests/core/container/task_fixture.h"

namespace swarmsim {
namespace {

constexpr const char* kPostgresConfig = R"({"Database": {"Provider": "Postgres"}})";
constexpr const char* kSecret = R"({"ConnectionStrings": {"ToDoDb": "Server=todo-db;Database=todo;Password=pw;"}})";

class TodoWebTest : public ::testing::Test, public TaskFixture {
 protected:
  void SetUp() override {
    node = &AddNode("node1");
    net = &AddNetwork("todo_app-net");
  }

  TaskSpec WebSpec(bool with_config, bool with_secret, bool on_network) {
    TaskSpec spec;
    spec.container.image = "diamol/ch06-todo-list:latest";
    if (with_config) {
      Config& c = AddBlob(BlobKind::kConfig, "todo-list-config", kPostgresConfig);
      spec.container.configs.push_back({"/app/config/config.json", "0", "0", 0444, c.id, c.name});
    }
    if (with_secret) {
      Config& c = AddBlob(BlobKind::kSecret, "todo-list-secret", kSecret);
      spec.container.secrets.push_back({"/app/config/secrets.json", "0", "0", 0444, c.id, c.name});
    }
    if (on_network) spec.networks.push_back({net->id, {}});
    return spec;
  }

  const Task& AddDb(bool on_network) {
    TaskSpec spec;
    spec.container.image = "diamol/postgres:11.5";
    if (on_network) spec.networks.push_back({net->id, {"todo-db"}});
    const Task& db = AddTask(AddService("todo_todo-db", spec), *node);
    PrepareTaskVolumes(&s, db);
    return db;
  }

  std::vector<std::string> Logs(const Task& t) {
    std::vector<std::string> out;
    for (const auto& l : s.new_logs) {
      if (l.task_id == t.id) out.push_back(l.text);
    }
    return out;
  }

  Node* node = nullptr;
  Network* net = nullptr;
};

TEST(ConnectionStringTest, KeysAreCaseInsensitive) {
  std::string cs = "Server=todo-db; database=todo;User Id=postgres;";
  EXPECT_EQ(ConnectionStringValue(cs, "server"), "todo-db");
  EXPECT_EQ(ConnectionStringValue(cs, "Database"), "todo");
  EXPECT_EQ(ConnectionStringValue(cs, "User Id"), "postgres");
  EXPECT_EQ(ConnectionStringValue(cs, "Password"), "");
}

TEST_F(TodoWebTest, WithoutConfigItKeepsItsListInSqliteUnderData) {
  const Task& web = AddTask(AddService("todo_todo-web", WebSpec(false, false, false)), *node);
  PrepareTaskVolumes(&s, web);
  ProgramStart start = StartTodoWeb(&s, web);
  EXPECT_FALSE(start.exit_after);
  HttpRequest post{"POST", "/", "item=buy+milk"};
  EXPECT_EQ(ServeTodoWeb(&s, web, post).status, 201);
  EXPECT_EQ(ServeTodoWeb(&s, web, HttpRequest{}).body, "buy milk\n");
  EXPECT_EQ(ReadTaskFile(s, web, kTodoSqlitePath).value(), "buy milk\n");
}

TEST_F(TodoWebTest, PostgresWithoutAConnectionStringCrashesAndSaysWhy) {
  const Task& web = AddTask(AddService("todo_todo-web", WebSpec(true, false, true)), *node);
  ProgramStart start = StartTodoWeb(&s, web);
  ASSERT_TRUE(start.exit_after);
  EXPECT_NE(start.exit_code, 0);
  auto logs = Logs(web);
  ASSERT_FALSE(logs.empty());
  EXPECT_NE(logs[0].find("ConnectionStrings:ToDoDb is not set"), std::string::npos);
}

TEST_F(TodoWebTest, TheDatabaseResolvesOnlyAcrossASharedNetwork) {
  AddDb(/*on_network=*/false);
  const Task& web = AddTask(AddService("todo_todo-web", WebSpec(true, true, true)), *node);
  ProgramStart start = StartTodoWeb(&s, web);
  ASSERT_TRUE(start.exit_after);
  EXPECT_NE(Logs(web)[0].find("cannot resolve database server \"todo-db\""), std::string::npos);
}

TEST_F(TodoWebTest, RowsGoToThePostgresTaskAndNeverLogThePassword) {
  const Task& db = AddDb(true);
  const Task& web = AddTask(AddService("todo_todo-web", WebSpec(true, true, true)), *node);
  EXPECT_FALSE(StartTodoWeb(&s, web).exit_after);
  for (const auto& l : s.new_logs) EXPECT_EQ(l.text.find("pw"), std::string::npos) << l.text;
  EXPECT_EQ(ServeTodoWeb(&s, web, HttpRequest{"POST", "/", "item=eggs"}).status, 201);
  EXPECT_EQ(ServeTodoWeb(&s, web, HttpRequest{}).body, "eggs\n");
  EXPECT_EQ(ReadTaskFile(s, db, "/var/lib/postgresql/data/base/todo/todo_items").value(), "eggs\n");
}

TEST_F(TodoWebTest, NoRunningDatabaseMeansErrorsNotCrashesOnceStarted) {
  const Task& db = AddDb(true);
  const Task& web = AddTask(AddService("todo_todo-web", WebSpec(true, true, true)), *node);
  s.tasks.at(db.id).status.state = TaskState::kFailed;
  HttpResponse r = ServeTodoWeb(&s, web, HttpRequest{});
  EXPECT_EQ(r.status, 500);
  EXPECT_NE(r.body.find("no task of todo_todo-db is running"), std::string::npos);
}

}  // namespace
}  // namespace swarmsim
