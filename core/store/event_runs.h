// Event runs: how the store keeps many like events in one row.
//
// A `service create --replicas 100000` records 300,000 events, a time advance as
// many: the same type and action at the same instant, with the same attribute
// keys, differing only in the task and a value or two (the slot, the node). One
// row per event was most of the write. A run of such consecutive events is stored
// as one row instead: the first event's seq, the shared time/type/action, the
// attributes every event of the run has alike, the number of events, and a text
// with each event's actor and the attributes that differ. Reading expands the row
// back into exactly the events that went in (state_store_test compares them).
//
// The run text is JSON: [[KEY...], [ACTOR, VALUE...], ...]: the differing keys in
// key order, then one array per event, its actor first.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/event.h"

namespace swarmsim {

// At most this many events in one row, so a reader asking for events after some
// seq finds every row that holds one among seqs > after - kMaxEventRun.
inline constexpr size_t kMaxEventRun = 4096;

// Consecutive events [begin, end) of one row; `varying` are the attribute keys
// whose values differ within the run (key order). A run of one event is stored
// as a plain row.
struct EventRun {
  size_t begin = 0;
  size_t end = 0;
  std::vector<std::string> varying;
};

// Splits `events` into runs: maximal stretches (at most kMaxEventRun long) of the
// same time, type and action whose attributes have the same keys.
std::vector<EventRun> SplitEventRuns(const std::vector<Event>& events);

// The attributes every event of `run` shares (the first event's, less `varying`).
EventAttributes SharedAttributes(const std::vector<Event>& events, const EventRun& run);

// The run text of `run` (see above). REQUIRES: run.end - run.begin >= 2.
std::string EventRunText(const std::vector<Event>& events, const EventRun& run);

// Appends the `count` events of a stored run to *out: `head` carries the first
// seq, the time, type, action and shared attributes; `text` is EventRunText's.
// Events with seq <= after_seq are skipped. False (nothing appended) when the text
// is not a run of `count` events.
bool ExpandEventRun(const Event& head, std::string_view text, size_t count, uint64_t after_seq,
                    std::vector<Event>* out);

}  // namespace swarmsim
