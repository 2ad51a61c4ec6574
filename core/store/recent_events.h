// Where the newest few stored events begin, found without reading the rest: the
// window keeps only its last few hundred events, and a read after a large change
// (100,000 tasks created: 300,000 events in a few dozen rows) used to expand every
// one of them to keep 400.
#pragma once

#include <cstddef>
#include <cstdint>

#include "core/model/time.h"
#include "core/status.h"
#include "core/store/database.h"

namespace swarmsim {

// The `after_seq` with which ReadEvents(db, since, <no end>, after) returns the
// newest `n` of the events that ReadEvents(db, since, <no end>, after_seq) would
// (all of them when there are at most `n`): the seq just before the n-th newest.
// Reads only the seq, count and time of the newest rows. REQUIRES: n > 0.
Result<uint64_t> RecentEventsStart(Database* db, Time since, uint64_t after_seq, size_t n);

}  // namespace swarmsim
