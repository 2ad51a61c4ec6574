// Helpers for the store tests and benchmark: scratch database paths, a
// logical dump of a database file, sample clusters, and an exact comparison of
// two clusters (every object's Engine API JSON plus its simulation fields).
#pragma once

#include <sqlite3.h>

#include <filesystem>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "core/ca/root_ca.h"
#include "core/cluster/state.h"
#include "core/model/json.h"
#include "tests/core/model/json_samples.h"

namespace swarmsim::testing {

// A fresh directory for one test (removed first if a previous run left it).
inline std::string ScratchDir(const std::string& name) {
  std::filesystem::path dir = std::filesystem::temp_directory_path() / "swarmsim-store-tests" / name;
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  std::filesystem::create_directories(dir, ec);
  return dir.string();
}

// Every row of every table, in a fixed order, read through a separate read-only
// connection: the file's logical content as another process would see it.
inline std::string DumpDatabase(const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return "<cannot open>";
  }
  std::string out;
  sqlite3_stmt* tables = nullptr;
  sqlite3_prepare_v2(db, "SELECT name, sql FROM sqlite_master ORDER BY type, name", -1, &tables, nullptr);
  while (sqlite3_step(tables) == SQLITE_ROW) {
    std::string name = reinterpret_cast<const char*>(sqlite3_column_text(tables, 0));
    const unsigned char* sql = sqlite3_column_text(tables, 1);
    out += "== " + name + ": " + (sql ? reinterpret_cast<const char*>(sql) : "") + "\n";
    if (name.rfind("sqlite_", 0) == 0 || !sql || std::string(reinterpret_cast<const char*>(sql)).rfind("CREATE TABLE", 0) != 0) {
      continue;
    }
    sqlite3_stmt* rows = nullptr;
    sqlite3_prepare_v2(db, ("SELECT * FROM " + name + " ORDER BY 1").c_str(), -1, &rows, nullptr);
    while (sqlite3_step(rows) == SQLITE_ROW) {
      for (int c = 0; c < sqlite3_column_count(rows); ++c) {
        switch (sqlite3_column_type(rows, c)) {
          case SQLITE_INTEGER: out += "i" + std::to_string(sqlite3_column_int64(rows, c)); break;
          case SQLITE_FLOAT: out += "f" + std::to_string(sqlite3_column_double(rows, c)); break;
          case SQLITE_NULL: out += "null"; break;
          default: out += "t" + std::string(reinterpret_cast<const char*>(sqlite3_column_text(rows, c))); break;
        }
        out += "|";
      }
      out += "\n";
    }
    sqlite3_finalize(rows);
  }
  sqlite3_finalize(tables);
  sqlite3_close(db);
  return out;
}

// Runs one SQL statement on `path` through its own connection (test setup).
inline bool RawExec(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  bool ok = sqlite3_open(path.c_str(), &db) == SQLITE_OK &&
            sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
  sqlite3_close(db);
  return ok;
}

// The whole cluster as one JSON value: meta, every object's Engine API JSON and
// its simulation-only fields. Two clusters are the same iff these are equal.
inline nlohmann::json ClusterJson(const ClusterState& s) {
  nlohmann::json j;
  j["meta"] = {{"swarm_active", s.swarm_active},     {"cluster_id", s.cluster_id},
               {"self_node_id", s.self_node_id},     {"now", s.clock.now},
               {"paused", s.clock.paused},           {"speed", s.clock.speed},
               {"wall_anchor", s.clock.wall_anchor}, {"index", s.index},
               {"id_seed", s.id_seed},               {"name_counter", s.name_counter},
               {"tls_info", ToJson(s.swarm.tls_info)}};
  j["nodes"] = nlohmann::json::object();
  for (const auto& [id, n] : s.nodes) {
    j["nodes"][id] = {{"api", ToJson(n, s.swarm.tls_info)}, {"version", n.version}, {"images", n.images}};
  }
  j["services"] = nlohmann::json::object();
  for (const auto& [id, v] : s.services) {
    j["services"][id] = {{"api", ToJson(v)},          {"version", v.version},
                         {"spec_version", v.spec_version}, {"wake_at", v.wake_at},
                         {"update_gate", v.update_gate},   {"update_failures", v.update_failures}};
  }
  j["networks"] = nlohmann::json::object();
  for (const auto& [id, n] : s.networks) {
    j["networks"][id] = {{"api", ToJson(n)}, {"version", n.version}, {"updated_at", n.updated_at}};
  }
  j["tasks"] = nlohmann::json::object();
  for (const auto& [id, t] : s.tasks) {
    j["tasks"][id] = {{"api", ToJson(t)},
                      {"endpoint", t.endpoint ? ToJson(*t.endpoint) : nlohmann::json()},
                      {"service_name", t.service_name},
                      {"spec_version", t.spec_version},
                      {"due_at", t.due_at},
                      {"promote_at", t.promote_at},
                      {"decision_id", t.decision_id}};
  }
  return j;
}

// A cluster with `nodes` nodes and one service of `tasks` tasks sharing one spec,
// every object new (version > loaded_index = 0), one decision and one event per
// task. IDs are fixed-width so they sort like their numbers.
inline ClusterState SampleCluster(int nodes, int tasks) {
  ClusterState s;
  s.swarm_active = true;
  s.cluster_id = "clusterid000000000000000a";
  s.clock.now = kSampleTime;
  s.clock.paused = true;
  s.clock.speed = 2.5;
  s.clock.wall_anchor = kSampleTime - 7;
  s.id_seed = 0xfedcba9876543210ULL;  // above INT64_MAX: stored bit for bit
  s.name_counter = static_cast<uint64_t>(nodes) + 1;
  s.swarm.tls_info = TlsInfoOf(CreateRootCa(s.cluster_id, s.swarm.created_at));  // as init makes it
  auto pad = [](const char* prefix, int i) {
    std::string n = std::to_string(i);
    return std::string(prefix) + std::string(12 - n.size(), '0') + n;
  };
  for (int i = 0; i < nodes; ++i) {
    Node n = FullNode();
    n.id = pad("node", i);
    n.description.hostname = pad("host", i);
    n.manager_status.reset();
    if (i == 0) {
      n.manager_status = FullNode().manager_status;
      s.self_node_id = n.id;
    }
    n.version = ++s.index;
    s.nodes.emplace(n.id, std::move(n));
  }
  Service svc = FullService();
  svc.version = ++s.index;
  s.services.emplace(svc.id, svc);
  Network net = FullNetwork();
  net.version = ++s.index;
  s.networks.emplace(net.id, net);

  auto spec = std::make_shared<const TaskSpec>(svc.spec.task_template);
  auto endpoint = std::make_shared<const EndpointSpec>(svc.spec.endpoint);
  Decision d = FullDecision();
  d.service_id = svc.id;
  d.nodes.clear();
  d.placements.clear();
  for (const auto& [id, n] : s.nodes) {
    NodeVerdict v;
    v.node_id = id;
    v.hostname = n.description.hostname;
    for (const char* f : {"Ready", "Resources", "Plugin", "Constraint", "Platform", "HostPort", "MaxReplicas"}) {
      v.filters.push_back({f, true, true, ""});
    }
    d.nodes.push_back(std::move(v));
  }
  for (int i = 0; i < tasks; ++i) {
    Task t = FullTask();
    t.id = pad("task", i);
    t.slot = static_cast<uint64_t>(i) + 1;
    t.node_id = nodes > 0 ? pad("node", i % nodes) : "";
    t.spec = spec;
    t.endpoint = endpoint;
    t.spec_version = svc.spec_version;
    t.desired_state = TaskState::kRunning;
    t.status.state = TaskState::kAssigned;
    t.status.err.clear();
    t.due_at = i % 2 ? kSampleTime + i : 0;
    t.decision_id = d.id;
    t.version = ++s.index;
    d.placements.push_back({t.id, t.slot, t.node_id, i / (nodes > 0 ? nodes : 1), i / (nodes > 0 ? nodes : 1)});
    Event e;
    e.time = kSampleTime;
    e.type = "task";
    e.action = "create";
    e.actor_id = t.id;
    e.attributes = {{"service", svc.spec.name}, {"slot", std::to_string(t.slot)}, {"node", t.node_id}};
    s.new_events.push_back(std::move(e));
    s.tasks.emplace(t.id, std::move(t));
  }
  s.new_decisions.push_back(std::move(d));
  return s;
}

}  // namespace swarmsim::testing
