// Statement: one prepared SQLite statement, owned and cached by its Database.
//
// Obtained from Database::Prepare, which hands it back reset with no bindings, so a
// statement prepared once before a loop is reused for every row. Binding indexes are
// 1-based, column indexes 0-based (SQLite's own conventions). Bind copies text, so
// temporaries are safe to bind; BindRef does not.
//
// Not thread-safe; lives as long as its Database.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

struct sqlite3_stmt;

namespace swarmsim {

class Database;

class Statement {
 public:
  Statement(Database* db, sqlite3_stmt* stmt, bool writes);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Bindings never fail on their own: a misuse is reported by the next Step/Run.
  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, uint64_t value);  // stored bit for bit as a signed 64-bit integer
  Statement& Bind(int index, int value) { return Bind(index, static_cast<int64_t>(value)); }
  Statement& Bind(int index, bool value) { return Bind(index, static_cast<int64_t>(value)); }
  Statement& Bind(int index, double value);
  Statement& Bind(int index, std::string_view value);
  Statement& Bind(int index, const std::string& value) { return Bind(index, std::string_view(value)); }
  Statement& Bind(int index, const char* value) { return Bind(index, std::string_view(value)); }
  // Binds without copying, for rows written by the thousand.
  // REQUIRES: `value` stays alive and unchanged until the next Step/Run/Reset.
  Statement& BindRef(int index, std::string_view value);
  Statement& BindNull(int index);
  Statement& BindBlob(int index, std::string_view bytes);  // copied, like Bind

  // Advances one row. Result true: a row is ready to read; false: done.
  // Errors: IOError/Corruption with SQLite's text; IOError for an injected write
  // failure (Database::TEST_FailAfterWrites). A write statement counts as one write.
  Result<bool> Step();

  // Runs a statement that returns no rows to completion, then resets it.
  Status Run();

  // Clears bindings and rewinds; Database::Prepare does this for you.
  void Reset();

  // REQUIRES: the last Step returned true.
  int64_t Int(int column) const;
  uint64_t Uint(int column) const { return static_cast<uint64_t>(Int(column)); }
  double Real(int column) const;
  bool IsNull(int column) const;
  std::string Text(int column) const;
  std::string_view TextView(int column) const;  // valid until the next Step/Reset
  std::string Blob(int column) const;

 private:
  Database* db_;
  sqlite3_stmt* stmt_;
  bool writes_;
  int bind_error_ = 0;
};

}  // namespace swarmsim
