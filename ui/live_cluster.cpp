#include "ui/live_cluster.h"

#include <limits>

#include "core/store/recent_events.h"
#include "core/store/state_store.h"

namespace swarmsim::ui {

Status Refresh(LiveCluster* live, Time wall_now) {
  std::vector<Event> events;
  Status st = RefreshLoadedCluster(live, wall_now, [&](Database* db, const ClusterState& state) -> Status {
    // The first refresh shows only the last few minutes of history.
    Time since = live->last_event_seq == 0 ? state.clock.now - 10 * kMinute : 0;
    // Only the newest kMaxRecentEvents are kept, so only those are read.
    auto start = RecentEventsStart(db, since, live->last_event_seq, kMaxRecentEvents);
    if (!start.ok()) return start.status();
    auto read = ReadEvents(db, since, std::numeric_limits<Time>::max(), start.value());
    if (!read.ok()) return read.status();
    events = std::move(read).value();
    return Status::OK();
  });
  live->last_error = st;
  if (!st.ok()) return st;
  for (Event& e : events) {
    live->last_event_seq = std::max(live->last_event_seq, e.seq);
    live->recent_events.push_back(std::move(e));
  }
  while (live->recent_events.size() > kMaxRecentEvents) live->recent_events.pop_front();
  return Status::OK();
}

Result<Decision> LoadDecision(LiveCluster* live, const std::string& id) {
  if (auto it = live->decisions.find(id); it != live->decisions.end()) return it->second;
  SWARMSIM_RETURN_IF_ERROR(OpenLoadedCluster(live));
  auto read = ReadDecision(live->db.get(), id);
  if (!read.ok()) return read.status();
  live->decisions[id] = read.value();
  return read;
}

Status LoadRewind(LiveCluster* live) {
  SWARMSIM_RETURN_IF_ERROR(OpenLoadedCluster(live));
  auto log = ReadCommands(live->db.get());
  if (!log.ok()) return log.status();
  // Unchanged log: keep the replayed states (dragging again costs nothing).
  if (live->rewind_loaded && log.value().size() == live->rewind.records.size()) return Status::OK();
  live->rewind = MakeRewind(std::move(log).value());
  live->rewind_loaded = true;
  return Status::OK();
}

Result<const ClusterState*> RewoundState(LiveCluster* live, Time t) {
  if (!live->rewind_loaded) SWARMSIM_RETURN_IF_ERROR(LoadRewind(live));
  return RewindTo(&live->rewind, t);
}

}  // namespace swarmsim::ui
