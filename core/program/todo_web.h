// The to-do list web app (diamol/ch06-todo-list). It reads
// /app/config/config.json, then /app/config/secrets.json (both optional, the
// second overriding the first). Database:Provider "Postgres" makes it use
// ConnectionStrings:ToDoDb ("Server=todo-db;Database=todo;..."), a server it
// must reach by service name over a shared network; otherwise it keeps its list
// in a SQLite file under /data, the image's anonymous volume — one list per task.
#pragma once

#include <string>

#include "core/cluster/state.h"
#include "core/program/program.h"

namespace swarmsim {

struct TodoSettings {
  std::string provider = "Sqlite";  // or "Postgres"
  std::string connection_string;    // ConnectionStrings:ToDoDb
  std::string error;                // a configuration file that does not parse
};

TodoSettings ReadTodoSettings(const ClusterState& state, const Task& task);

// The value of `key` in a connection string ("Server" in "Server=db;Database=x"),
// keys compared case-insensitively; "" when absent.
std::string ConnectionStringValue(const std::string& connection_string, const std::string& key);

ProgramStart StartTodoWeb(ClusterState* state, const Task& task);
HttpResponse ServeTodoWeb(ClusterState* state, const Task& task, const HttpRequest& request);

// The SQLite file the app uses when no database server is configured.
inline constexpr const char* kTodoSqlitePath = "/data/todo-list.db";

}  // namespace swarmsim
