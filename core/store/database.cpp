#include "core/store/database.h"

#include <sqlite3.h>

#include <filesystem>
#include <system_error>
#include <utility>

namespace swarmsim {

namespace {

// Schema 4. One row per object; the Engine API JSON beside the columns the
// simulation needs to find, sort or resume without parsing it.
//
//   meta(key, value)             swarm_active, cluster_id, self_node_id, clock_now,
//                                clock_paused, clock_speed, clock_wall_anchor, index,
//                                id_seed, name_counter, schema_version
//   nodes(id, version, json, images)  json without the constant Engine.Plugins list;
//                                images: JSON array of references
//   services(id, version, name, spec_version, wake_at, update_gate, update_failures, json)
//   networks(id, version, updated_at, name, json)    json: docker's NetworkResource
//   task_specs(id, hash, json)   one row per distinct {"Spec": TaskSpec, "Endpoint":
//                                EndpointSpec} text, so 30,000 tasks of one service
//                                share one row; hash = FNV-1a 64 of json
//   tasks(...)                   plain columns, no per-task JSON; spec_id -> task_specs;
//                                states as the Engine API's words
//   events(seq, time, type, action, actor_id, attributes)   attributes: JSON object
//   decisions(id, time, service_id, json)
//   commands(seq, time, argv, inputs)   argv: JSON array; inputs: {"files":{},"env":{}}
// Added in schema 2 (a schema-1 file gains them on open):
//   configs(id, kind, version, name, json, data)   kind 'config' | 'secret'; json without
//                                Spec.Data; data: the raw bytes (BLOB)
//   volumes(node_id, name, version, created_at, driver, labels, options, anonymous,
//           owner_task, target, files)   plain columns (500 volumes load without parsing
//                                inspect JSON); labels, options: JSON objects; files:
//                                {path: text | {"base64": ...}}
//   layers(task_id, files)       a task's writable layer, files as in volumes.sim
//   logs(seq, time, task_id, stream, text)         container output, append-only
//   tasks gain exit_after (-1: none), exit_code (how the program said its process ends)
//   meta also holds mesh_next (JSON {port: next}) and images (JSON catalogue overrides)
// Added in schema 3:
//   tasks gain networks ("NETWORK_ID ADDR;..." the allocator's addresses; '' for none)
// Added in schema 4:
//   events gain count and run: a row holds `count` like events, seq to seq + count - 1
//                                (core/store/event_runs.h); run: '' for a single event,
//                                else each event's actor and differing attributes, and
//                                then actor_id is '' and attributes are the shared ones
//
// Unsigned 64-bit values (versions, id_seed) are stored bit for bit as SQLite's
// signed integers. Times are integer nanoseconds of virtual time. Only tasks and
// meta are WITHOUT ROWID tables: their rows are small; JSON rows are not.
// A command file that is not UTF-8 is kept as {"base64": "..."} in inputs.files.
constexpr const char* kSchema = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value) WITHOUT ROWID;
CREATE TABLE nodes(
  id TEXT PRIMARY KEY, version INTEGER NOT NULL, json TEXT NOT NULL, images TEXT NOT NULL,
  agent_down INTEGER NOT NULL, down_at INTEGER NOT NULL
);
CREATE TABLE services(
  id TEXT PRIMARY KEY, version INTEGER NOT NULL, name TEXT NOT NULL, spec_version INTEGER NOT NULL,
  wake_at INTEGER NOT NULL, update_gate INTEGER NOT NULL, update_failures INTEGER NOT NULL,
  json TEXT NOT NULL
);
CREATE TABLE networks(
  id TEXT PRIMARY KEY, version INTEGER NOT NULL, updated_at INTEGER NOT NULL, name TEXT NOT NULL,
  json TEXT NOT NULL
);
CREATE TABLE task_specs(id INTEGER PRIMARY KEY, hash INTEGER NOT NULL, json TEXT NOT NULL);
CREATE INDEX task_specs_by_hash ON task_specs(hash);
CREATE TABLE tasks(
  id TEXT PRIMARY KEY, version INTEGER NOT NULL, created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL, service_id TEXT NOT NULL, service_name TEXT NOT NULL,
  slot INTEGER NOT NULL, node_id TEXT NOT NULL, spec_id INTEGER NOT NULL,
  spec_version INTEGER NOT NULL, desired_state TEXT NOT NULL, state TEXT NOT NULL,
  timestamp INTEGER NOT NULL, message TEXT NOT NULL, err TEXT NOT NULL, due_at INTEGER NOT NULL,
  promote_at INTEGER NOT NULL, decision_id TEXT NOT NULL, exit_after INTEGER NOT NULL DEFAULT -1,
  exit_code INTEGER NOT NULL DEFAULT 0, networks TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE TABLE events(
  seq INTEGER PRIMARY KEY, time INTEGER NOT NULL, type TEXT NOT NULL, action TEXT NOT NULL,
  actor_id TEXT NOT NULL, attributes TEXT NOT NULL, count INTEGER NOT NULL DEFAULT 1,
  run TEXT NOT NULL DEFAULT ''
);
CREATE INDEX events_by_time ON events(time);
CREATE TABLE decisions(
  id TEXT PRIMARY KEY, time INTEGER NOT NULL, service_id TEXT NOT NULL, json TEXT NOT NULL
);
CREATE TABLE commands(seq INTEGER PRIMARY KEY, time INTEGER NOT NULL, argv TEXT NOT NULL, inputs TEXT NOT NULL);
)sql";

// What schema 2 added to schema 1: two task columns (in kSchema for new files) ...
constexpr const char* kSchema2 = R"sql(
ALTER TABLE tasks ADD COLUMN exit_after INTEGER NOT NULL DEFAULT -1;
ALTER TABLE tasks ADD COLUMN exit_code INTEGER NOT NULL DEFAULT 0;
)sql";

// ... and these tables.
constexpr const char* kSchema2Tables = R"sql(
CREATE TABLE configs(
  id TEXT PRIMARY KEY, kind TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL, json TEXT NOT NULL,
  data BLOB NOT NULL
);
CREATE TABLE volumes(
  node_id TEXT NOT NULL, name TEXT NOT NULL, version INTEGER NOT NULL, created_at INTEGER NOT NULL,
  driver TEXT NOT NULL, labels TEXT NOT NULL, options TEXT NOT NULL, anonymous INTEGER NOT NULL,
  owner_task TEXT NOT NULL, target TEXT NOT NULL, files TEXT NOT NULL,
  PRIMARY KEY(node_id, name)
);
CREATE TABLE layers(task_id TEXT PRIMARY KEY, files TEXT NOT NULL);
CREATE TABLE logs(
  seq INTEGER PRIMARY KEY, time INTEGER NOT NULL, task_id TEXT NOT NULL, stream TEXT NOT NULL, text TEXT NOT NULL
);
CREATE INDEX logs_by_task ON logs(task_id, seq);
)sql";

// What schema 3 added: the task's network addresses (in kSchema for new files).
constexpr const char* kSchema3 = R"sql(
ALTER TABLE tasks ADD COLUMN networks TEXT NOT NULL DEFAULT '';
)sql";

// What schema 4 added: runs of like events in one row (in kSchema for new files).
constexpr const char* kSchema4 = R"sql(
ALTER TABLE events ADD COLUMN count INTEGER NOT NULL DEFAULT 1;
ALTER TABLE events ADD COLUMN run TEXT NOT NULL DEFAULT '';
)sql";

bool IsDamage(int rc) {
  int primary = rc & 0xff;
  return primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT;
}

}  // namespace

Result<std::unique_ptr<Database>> Database::Open(const std::string& path) {
  if (path.empty()) return Status::InvalidArgument("cluster database path is empty");
  std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(parent, ec);
    if (ec) {
      return Status::IOError("cluster database " + path + ": cannot create directory " + parent.string() + ": " +
                             ec.message());
    }
  }
  sqlite3* handle = nullptr;
  // One connection is only ever used by one thread at a time (a command, the
  // window's refresh), so SQLite need not lock it on every call: with the lock,
  // sqlite3_column_* calls were 16 % of loading 100,000 tasks.
  int rc = sqlite3_open_v2(path.c_str(), &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                           nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = handle ? sqlite3_errmsg(handle) : sqlite3_errstr(rc);
    sqlite3_close_v2(handle);
    return Status::IOError("cluster database " + path + ": " + msg);
  }
  std::unique_ptr<Database> db(new Database(path, handle));
  sqlite3_extended_result_codes(handle, 1);
  sqlite3_busy_timeout(handle, 5000);
  // The first statement reads the header: this is where a damaged file shows.
  SWARMSIM_RETURN_IF_ERROR(db->Exec("PRAGMA journal_mode=WAL"));
  SWARMSIM_RETURN_IF_ERROR(db->Exec("PRAGMA synchronous=NORMAL"));
  // A 30,000-task command writes ~15 MB: keep it in memory until the commit.
  SWARMSIM_RETURN_IF_ERROR(db->Exec("PRAGMA cache_size=-65536"));
  SWARMSIM_RETURN_IF_ERROR(db->EnsureSchema());
  return db;
}

Database::~Database() {
  statements_.clear();  // finalize before closing
  sqlite3_close_v2(db_);
}

Status Database::EnsureSchema() {
  SWARMSIM_RETURN_IF_ERROR(Begin());
  TransactionGuard guard(this);
  auto tables = Prepare("SELECT name FROM sqlite_master WHERE type = 'table'");
  if (!tables.ok()) return tables.status();
  bool has_meta = false, has_other = false;
  for (;;) {
    auto row = tables.value()->Step();
    if (!row.ok()) return row.status();
    if (!row.value()) break;
    (tables.value()->TextView(0) == "meta" ? has_meta : has_other) = true;
  }
  tables.value()->Reset();
  if (!has_meta) {
    if (has_other) return Status::Corruption("cluster database " + path_ + " is not a swarmsim cluster database");
    SWARMSIM_RETURN_IF_ERROR(Exec(kSchema));
    SWARMSIM_RETURN_IF_ERROR(Exec(kSchema2Tables));
    auto put = Prepare("INSERT INTO meta(key, value) VALUES('schema_version', ?1)");
    if (!put.ok()) return put.status();
    SWARMSIM_RETURN_IF_ERROR(put.value()->Bind(1, kSchemaVersion).Run());
    return guard.Commit();
  }
  auto get = Prepare("SELECT value FROM meta WHERE key = 'schema_version'");
  if (!get.ok()) return get.status();
  auto row = get.value()->Step();
  if (!row.ok()) return row.status();
  if (!row.value()) return Status::Corruption("cluster database " + path_ + " is damaged: no schema version");
  int64_t version = get.value()->Int(0);
  get.value()->Reset();
  if (version > kSchemaVersion) {
    return Status::FailedPrecondition("cluster database " + path_ + " was written by a newer swarmsim (schema " +
                                      std::to_string(version) + ", this build reads " +
                                      std::to_string(kSchemaVersion) + ")");
  }
  if (version < 2) {
    SWARMSIM_RETURN_IF_ERROR(Exec(kSchema2));
    SWARMSIM_RETURN_IF_ERROR(Exec(kSchema2Tables));
  }
  if (version < 3) SWARMSIM_RETURN_IF_ERROR(Exec(kSchema3));
  if (version < 4) SWARMSIM_RETURN_IF_ERROR(Exec(kSchema4));
  if (version < kSchemaVersion) {
    auto put = Prepare("UPDATE meta SET value = ?1 WHERE key = 'schema_version'");
    if (!put.ok()) return put.status();
    SWARMSIM_RETURN_IF_ERROR(put.value()->Bind(1, kSchemaVersion).Run());
  }
  return guard.Commit();
}

bool Database::in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }

Status Database::Begin() {
  if (in_transaction()) return Status::FailedPrecondition("cluster database " + path_ + ": transaction already open");
  return Exec("BEGIN IMMEDIATE");
}

Status Database::Commit() {
  if (!in_transaction()) return Status::FailedPrecondition("cluster database " + path_ + ": no open transaction");
  return Exec("COMMIT");
}

void Database::Rollback() {
  if (!in_transaction()) return;
  // Statements still mid-step would keep the read transaction alive.
  for (auto& [sql, stmt] : statements_) stmt->Reset();
  sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

Result<Statement*> Database::Prepare(const std::string& sql) {
  auto it = statements_.find(sql);
  if (it != statements_.end()) {
    it->second->Reset();
    return it->second.get();
  }
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size() + 1), SQLITE_PREPARE_PERSISTENT, &stmt,
                              nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(stmt);
    return Error(rc);
  }
  bool writes = sqlite3_stmt_readonly(stmt) == 0;
  auto owned = std::make_unique<Statement>(this, stmt, writes);
  Statement* out = owned.get();
  statements_.emplace(sql, std::move(owned));
  return out;
}

Status Database::Exec(const std::string& sql) {
  int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return Error(rc);
  return Status::OK();
}

bool Database::ConsumeWrite() {
  if (writes_left_ < 0) return true;
  if (writes_left_ == 0) return false;
  --writes_left_;
  return true;
}

Status Database::Error(int rc) const {
  // The connection's message is the detailed one when it belongs to this failure.
  std::string msg = (sqlite3_errcode(db_) & 0xff) == (rc & 0xff) ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
  if (IsDamage(rc)) return Status::Corruption("cluster database " + path_ + " is damaged: " + msg);
  return Status::IOError("cluster database " + path_ + ": " + msg);
}

}  // namespace swarmsim
