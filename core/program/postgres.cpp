#include "core/program/postgres.h"

#include "core/container/filesystem.h"
#include "core/image/catalog.h"
#include "core/program/row_file.h"

namespace swarmsim {

std::string PostgresDataDir(const ClusterState& state, const Task& task) {
  for (const auto& kv : task.spec->container.env) {
    if (kv.rfind("PGDATA=", 0) == 0) return CleanPath(kv.substr(7));
  }
  ImageEntry image = LookupImage(state.images, task.spec->container.image);
  auto it = image.env.find("PGDATA");
  return CleanPath(it != image.env.end() ? it->second : "/var/lib/postgresql/data");
}

std::string TodoTablePath(const ClusterState& state, const Task& task) {
  return PostgresDataDir(state, task) + "/base/todo/todo_items";
}

ProgramStart StartPostgres(ClusterState* state, const Task& task) {
  std::string pgdata = PostgresDataDir(*state, task);
  if (pgdata.empty()) pgdata = "/var/lib/postgresql/data";
  auto version = ReadTaskFile(*state, task, pgdata + "/PG_VERSION");
  if (!version.ok()) {
    WriteLog(state, task, "The files belonging to this database system will be owned by user \"postgres\".");
    WriteLog(state, task, "fixing permissions on existing directory " + pgdata + " ... ok");
    (void)WriteTaskFile(state, task, pgdata + "/PG_VERSION", "11\n");
    (void)WriteTaskFile(state, task, pgdata + "/base/todo/todo_items", "");
    WriteLog(state, task, "Success. You can now start the database server.");
  } else {
    WriteLog(state, task, "LOG:  database system was shut down; data directory " + pgdata + " found");
  }
  WriteLog(state, task, "LOG:  listening on IPv4 address \"0.0.0.0\", port 5432");
  WriteLog(state, task, "LOG:  database system is ready to accept connections");
  return {};
}

std::vector<std::string> ReadTodoRows(const ClusterState& state, const Task& task) {
  return ReadRows(state, task, TodoTablePath(state, task));
}

Status InsertTodoRow(ClusterState* state, const Task& task, const std::string& item) {
  return AppendRow(state, task, TodoTablePath(*state, task), item);
}

}  // namespace swarmsim
