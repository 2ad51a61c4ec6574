// RowWriter: inserts many rows through multi-row INSERT statements.
//
// One SQLite statement per row costs more than the row itself; ten rows per
// statement halve the time of a 30,000-task save. The caller says how many rows
// will come, so the last, shorter batch gets its own (cached) statement.
//
//   RowWriter w(db, "INSERT INTO t(a, b) VALUES", 2, rows.size());
//   for (const auto& r : rows) {
//     SWARMSIM_RETURN_IF_ERROR(w.Add([&](Statement* s, int p) { s->Bind(p + 1, r.a).BindRef(p + 2, r.b); }));
//   }
//   SWARMSIM_RETURN_IF_ERROR(w.Finish());
//
// Values bound with BindRef must stay alive until Finish (or the batch's flush).
#pragma once

#include <string>

#include "core/status.h"
#include "core/store/database.h"

namespace swarmsim {

class RowWriter {
 public:
  static constexpr int kBatchRows = 16;

  // `head` is the statement up to and including VALUES.
  RowWriter(Database* db, std::string head, int columns, size_t total_rows)
      : db_(db), head_(std::move(head)), columns_(columns), total_(total_rows) {}

  // Calls bind(statement, offset): the row's i-th value (1-based) is parameter offset + i.
  // REQUIRES: fewer than total_rows calls so far.
  template <typename BindFn>
  Status Add(BindFn&& bind) {
    if (row_in_batch_ == 0) SWARMSIM_RETURN_IF_ERROR(StartBatch());
    bind(stmt_, row_in_batch_ * columns_);
    ++added_;
    if (++row_in_batch_ == batch_rows_) return Flush();
    return Status::OK();
  }

  // REQUIRES: exactly total_rows rows were added. (Nothing is pending then; this
  // checks the count.)
  Status Finish();

 private:
  Status StartBatch();
  Status Flush();

  Database* db_;
  std::string head_;
  int columns_;
  size_t total_;
  size_t added_ = 0;
  int row_in_batch_ = 0;
  int batch_rows_ = 0;
  Statement* stmt_ = nullptr;
};

}  // namespace swarmsim
