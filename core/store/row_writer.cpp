#include "core/store/row_writer.h"

#include <algorithm>

namespace swarmsim {

Status RowWriter::StartBatch() {
  if (added_ >= total_) return Status::Unknown("RowWriter: more rows than announced");
  int rows = static_cast<int>(std::min<size_t>(kBatchRows, total_ - added_));
  if (stmt_ && rows == batch_rows_) return Status::OK();  // same shape: reuse (Run reset it)
  batch_rows_ = rows;
  std::string sql = head_;
  for (int r = 0; r < batch_rows_; ++r) {
    sql += r ? ",(" : "(";
    for (int c = 0; c < columns_; ++c) sql += c ? ",?" : "?";
    sql += ")";
  }
  auto stmt = db_->Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  stmt_ = stmt.value();
  return Status::OK();
}

Status RowWriter::Flush() {
  row_in_batch_ = 0;
  return stmt_->Run();
}

Status RowWriter::Finish() {
  if (added_ != total_ || row_in_batch_ != 0) return Status::Unknown("RowWriter: fewer rows than announced");
  return Status::OK();
}

}  // namespace swarmsim
