// Shared by the ui tests: a hand-built cluster with one running task, t1
// ("todo_web.1" on node1, ID n1), that mounts a config, a secret and a volume.
#pragma once

#include <memory>

#include "core/cluster/state.h"

namespace swarmsim::ui {

// Adds node n1, config c1 "todo-config" (`{"Db": "postgres"}` at
// /app/config/config.json), secret s1 "db-password" ("hunter2"), volume
// "todo_data" on n1 (todo.db: "buy milk\n", mounted at /data) and the task t1.
inline void AddTaskWithMounts(ClusterState* state) {
  Node n;
  n.id = "n1";
  n.description.hostname = "node1";
  state->nodes["n1"] = n;
  Config c;
  c.id = "c1";
  c.name = "todo-config";
  c.data = "{\"Db\": \"postgres\"}";
  state->configs["c1"] = c;
  Config s;
  s.id = "s1";
  s.name = "db-password";
  s.data = "hunter2";
  state->secrets["s1"] = s;
  Volume v;
  v.node_id = "n1";
  v.name = "todo_data";
  v.files = {{"todo.db", "buy milk\n"}};
  state->volumes[{"n1", "todo_data"}] = v;

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
  Task t;
  t.id = "t1";
  t.service_name = "todo_web";
  t.slot = 1;
  t.node_id = "n1";
  t.status.state = TaskState::kRunning;
  t.spec = spec;
  state->tasks["t1"] = t;
}

}  // namespace swarmsim::ui
