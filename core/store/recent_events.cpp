#include "core/store/recent_events.h"

#include <algorithm>
#include <cstdint>

#include "core/store/statement.h"

namespace swarmsim {

Result<uint64_t> RecentEventsStart(Database* db, Time since, uint64_t after_seq, size_t n) {
  // Newest row first, by the primary key (the unary + keeps SQLite off the time
  // index, which would visit every row since `since` and sort them). A row holds
  // `count` events numbered from `seq`, all at one time.
  auto prepared = db->Prepare(
      "SELECT seq, count FROM events WHERE +time >= ?1 AND seq + count - 1 > ?2 ORDER BY seq DESC");
  if (!prepared.ok()) return prepared.status();
  Statement* stmt = prepared.value();
  const int64_t after = static_cast<int64_t>(std::min<uint64_t>(after_seq, INT64_MAX));
  stmt->Bind(1, since).Bind(2, after);
  uint64_t start = after_seq;
  uint64_t have = 0;  // events counted so far, newest first
  for (;;) {
    auto row = stmt->Step();
    if (!row.ok()) {
      stmt->Reset();
      return row.status();
    }
    if (!row.value()) break;
    uint64_t last = stmt->Uint(0) + stmt->Uint(1) - 1;
    uint64_t in_row = std::min(stmt->Uint(1), last - after_seq);  // those after after_seq
    if (have + in_row >= n) {
      start = last - (n - have);  // the seq before the n-th newest
      break;
    }
    have += in_row;
  }
  stmt->Reset();
  return std::max(start, after_seq);
}

}  // namespace swarmsim
