// Database: the cluster's SQLite file (see state_store.h for what it holds).
//
// One command is one transaction: Begin (BEGIN IMMEDIATE takes the write lock
// first, so two processes never interleave and "now" is read under the lock),
// load, execute, save, Commit; on any error Rollback and the file is exactly as
// before. TransactionGuard is the backstop that rolls back on every early return.
//
// The file is opened in WAL mode with synchronous=NORMAL and a 5 s busy timeout.
// Not thread-safe: one Database per thread (core has no threads).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "core/status.h"
#include "core/store/statement.h"

struct sqlite3;

namespace swarmsim {

class Database {
 public:
  // The schema this build writes and reads (stored as meta.schema_version).
  static constexpr int64_t kSchemaVersion = 4;

  // Opens (creating parent directories and the file when missing) the database at
  // `path` and makes sure its schema exists. Errors, each one line:
  //   InvalidArgument  path is empty
  //   IOError          "cluster database P: cannot create directory D: <reason>",
  //                    or SQLite could not open/lock the file
  //   Corruption       "cluster database P is damaged: file is not a database"
  //                    (SQLite's text), or an SQLite file that is not ours
  //   FailedPrecondition "cluster database P was written by a newer swarmsim
  //                    (schema 5, this build reads 1)"
  // The caller owns the result; statements it prepares die with it.
  static Result<std::unique_ptr<Database>> Open(const std::string& path);

  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  const std::string& path() const { return path_; }
  // The SQLite handle, for whole-file operations (core/store/snapshot.cpp).
  sqlite3* handle() const { return db_; }
  bool in_transaction() const;

  // BEGIN IMMEDIATE: waits up to the busy timeout for the write lock.
  // FailedPrecondition if a transaction is already open; IOError when locked out.
  Status Begin();
  // On error the transaction stays open: call Rollback.
  Status Commit();
  // Discards the open transaction, if any. Never fails.
  void Rollback();

  // Returns the cached statement for `sql` (prepared on first use), reset with no
  // bindings. The pointer stays valid for the Database's lifetime. Errors: IOError
  // with SQLite's text (bad SQL).
  Result<Statement*> Prepare(const std::string& sql);

  // Runs one or more statements that return nothing (schema, pragmas).
  Status Exec(const std::string& sql);

  // Test hook (style rule 12): the first `n` writes succeed, every later one fails
  // with IOError. A negative `n` turns it off. A write is one Step of a statement
  // that modifies the database.
  void TEST_FailAfterWrites(int64_t n) { writes_left_ = n; }

 private:
  friend class Statement;
  Database(std::string path, sqlite3* handle) : path_(std::move(path)), db_(handle) {}

  Status EnsureSchema();
  // Called by Statement before each write; false means "fail this one".
  bool ConsumeWrite();
  Status Error(int rc) const;  // SQLite's message, worded for the user

  // Constant after construction.
  const std::string path_;
  sqlite3* const db_;

  std::map<std::string, std::unique_ptr<Statement>> statements_;
  int64_t writes_left_ = -1;
};

// Rolls the transaction back when it goes out of scope, unless Commit succeeded.
//   SWARMSIM_RETURN_IF_ERROR(db->Begin());
//   TransactionGuard guard(db);
//   ... every early return rolls back ...
//   return guard.Commit();
class TransactionGuard {
 public:
  explicit TransactionGuard(Database* db) : db_(db) {}
  ~TransactionGuard() {
    if (db_) db_->Rollback();
  }
  TransactionGuard(const TransactionGuard&) = delete;
  TransactionGuard& operator=(const TransactionGuard&) = delete;

  // On error the guard still rolls back when destroyed.
  Status Commit() {
    if (!db_) return Status::FailedPrecondition("transaction already committed");
    Status st = db_->Commit();
    if (st.ok()) db_ = nullptr;
    return st;
  }

 private:
  Database* db_;
};

}  // namespace swarmsim
