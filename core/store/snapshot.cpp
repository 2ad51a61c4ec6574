#include "core/store/snapshot.h"

#include <sqlite3.h>

#include <filesystem>
#include <memory>
#include <set>
#include <vector>

namespace swarmsim {

namespace {

struct CloseDb {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using DbHandle = std::unique_ptr<sqlite3, CloseDb>;

struct FinalizeStmt {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using StmtHandle = std::unique_ptr<sqlite3_stmt, FinalizeStmt>;

StmtHandle Prepare(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) return StmtHandle(nullptr);
  return StmtHandle(s);
}

std::string Quote(const std::string& name) {
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// Ordinary tables of `db` (not SQLite's own), in name order.
std::vector<std::string> Tables(sqlite3* db) {
  std::vector<std::string> out;
  auto s = Prepare(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
  while (s && sqlite3_step(s.get()) == SQLITE_ROW) {
    out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s.get(), 0)));
  }
  return out;
}

std::set<std::string> Columns(sqlite3* db, const std::string& table) {
  std::set<std::string> out;
  auto s = Prepare(db, "SELECT name FROM pragma_table_info(?1)");
  if (!s) return out;
  sqlite3_bind_text(s.get(), 1, table.c_str(), -1, SQLITE_TRANSIENT);
  while (sqlite3_step(s.get()) == SQLITE_ROW) {
    out.emplace(reinterpret_cast<const char*>(sqlite3_column_text(s.get(), 0)));
  }
  return out;
}

Status SqlError(const std::string& what, sqlite3* db) {
  return Status::IOError(what + ": " + sqlite3_errmsg(db));
}

// Replaces the rows of every table of `to` with those of the same table in
// `from` (columns both have); tables `from` lacks are left empty.
Status CopyRows(sqlite3* from, sqlite3* to, const std::string& what) {
  std::vector<std::string> from_tables = Tables(from);
  std::set<std::string> have(from_tables.begin(), from_tables.end());
  for (const std::string& table : Tables(to)) {
    if (sqlite3_exec(to, ("DELETE FROM " + Quote(table)).c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
      return SqlError(what, to);
    }
    if (!have.count(table)) continue;
    std::set<std::string> from_cols = Columns(from, table);
    std::vector<std::string> cols;
    for (const std::string& c : Columns(to, table)) {
      if (from_cols.count(c)) cols.push_back(c);
    }
    if (cols.empty()) continue;
    std::string list, marks;
    for (size_t i = 0; i < cols.size(); ++i) {
      list += (i ? ", " : "") + Quote(cols[i]);
      marks += (i ? ", ?" : "?") + std::to_string(i + 1);
    }
    auto read = Prepare(from, "SELECT " + list + " FROM " + Quote(table));
    auto write = Prepare(to, "INSERT INTO " + Quote(table) + "(" + list + ") VALUES(" + marks + ")");
    if (!read) return SqlError(what, from);
    if (!write) return SqlError(what, to);
    int rc;
    while ((rc = sqlite3_step(read.get())) == SQLITE_ROW) {
      sqlite3_reset(write.get());
      for (size_t i = 0; i < cols.size(); ++i) {
        sqlite3_bind_value(write.get(), static_cast<int>(i + 1), sqlite3_column_value(read.get(), static_cast<int>(i)));
      }
      if (sqlite3_step(write.get()) != SQLITE_DONE) return SqlError(what, to);
    }
    if (rc != SQLITE_DONE) return SqlError(what, from);
  }
  return Status::OK();
}

}  // namespace

Status SaveSnapshot(Database* db, const std::string& path) {
  std::error_code ec;
  if (std::filesystem::equivalent(path, db->path(), ec)) {
    return Status::InvalidArgument("save " + path + ": that is the cluster database itself");
  }
  std::filesystem::remove(path, ec);  // a stale file of another kind would defeat the copy
  const std::string what = "save " + path;
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  DbHandle dest(raw);
  if (rc != SQLITE_OK) return Status::IOError(what + ": " + sqlite3_errstr(rc));
  // (SQLite's backup API cannot read a connection inside its own write
  // transaction, so the snapshot is built table by table.)
  if (sqlite3_exec(dest.get(), "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK) return SqlError(what, dest.get());
  auto schema = Prepare(db->handle(), "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
                                      "ORDER BY type = 'index', name");
  if (!schema) return SqlError(what, db->handle());
  while (sqlite3_step(schema.get()) == SQLITE_ROW) {
    const char* sql = reinterpret_cast<const char*>(sqlite3_column_text(schema.get(), 0));
    if (sqlite3_exec(dest.get(), sql, nullptr, nullptr, nullptr) != SQLITE_OK) return SqlError(what, dest.get());
  }
  SWARMSIM_RETURN_IF_ERROR(CopyRows(db->handle(), dest.get(), what));
  if (sqlite3_exec(dest.get(), "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) return SqlError(what, dest.get());
  return Status::OK();
}

Status LoadSnapshot(Database* db, const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Status::NotFound("open " + path + ": no such file or directory");
  }
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
  DbHandle src(raw);
  const Status not_ours = Status::InvalidArgument("load " + path + ": not a swarmsim cluster file");
  if (rc != SQLITE_OK) return not_ours;
  auto version = Prepare(src.get(), "SELECT value FROM meta WHERE key = 'schema_version'");
  if (!version || sqlite3_step(version.get()) != SQLITE_ROW) return not_ours;
  int64_t schema = sqlite3_column_int64(version.get(), 0);
  if (schema < 1) return not_ours;
  if (schema > Database::kSchemaVersion) {
    return Status::FailedPrecondition("load " + path + ": written by a newer swarmsim (schema " +
                                      std::to_string(schema) + ", this build reads " +
                                      std::to_string(Database::kSchemaVersion) + ")");
  }
  sqlite3* dst = db->handle();
  SWARMSIM_RETURN_IF_ERROR(CopyRows(src.get(), dst, "load " + path));
  // The open database keeps its own schema version.
  auto put = Prepare(dst, "INSERT OR REPLACE INTO meta(key, value) VALUES('schema_version', ?1)");
  if (!put) return SqlError("load " + path, dst);
  sqlite3_bind_int64(put.get(), 1, Database::kSchemaVersion);
  if (sqlite3_step(put.get()) != SQLITE_DONE) return SqlError("load " + path, dst);
  return Status::OK();
}

}  // namespace swarmsim
