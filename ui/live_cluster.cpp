#include "ui/live_cluster.h"

#include <limits>

#include "core/command/session.h"
#include "core/sim/clock.h"
#include "core/store/statement.h"
#include "core/store/state_store.h"

namespace swarmsim::ui {

namespace {

Status OpenIfNeeded(LiveCluster* live) {
  if (live->db) return Status::OK();
  auto opened = Database::Open(live->path);
  if (!opened.ok()) return opened.status();
  live->db = std::move(opened).value();
  // The window must never wait long for a terminal's command: skip a frame instead.
  return live->db->Exec("PRAGMA busy_timeout=" + std::to_string(kRefreshBusyTimeoutMs));
}

Status RefreshInTransaction(LiveCluster* live, Time wall_now, ClusterState* state, std::vector<Event>* events) {
  Database* db = live->db.get();
  SWARMSIM_RETURN_IF_ERROR(db->Begin());
  TransactionGuard guard(db);
  SWARMSIM_RETURN_IF_ERROR(LoadState(db, state));
  SyncClock(state, wall_now);
  SWARMSIM_RETURN_IF_ERROR(SaveState(db, state));
  // The first refresh shows only the last few minutes of history.
  Time since = live->last_event_seq == 0 ? state->clock.now - 10 * kMinute : 0;
  auto read = ReadEvents(db, since, std::numeric_limits<Time>::max(), live->last_event_seq);
  if (!read.ok()) return read.status();
  *events = std::move(read).value();
  return guard.Commit();
}

Result<int64_t> DataVersion(Database* db) {
  auto prepared = db->Prepare("PRAGMA data_version");
  if (!prepared.ok()) return prepared.status();
  Statement* s = prepared.value();
  auto row = s->Step();
  int64_t v = row.ok() && row.value() ? s->Int(0) : -1;
  s->Reset();
  if (!row.ok()) return row.status();
  return v;
}

// Whether the state held is still what a full read would give: no other
// connection committed since it was read, and advancing the clock to `wall_now`
// would change nothing (paused, or nothing due by then).
bool Unchanged(LiveCluster* live, Time wall_now, int64_t version) {
  if (!live->loaded || version < 0 || version != live->data_version) return false;
  ClusterState& s = live->state;
  if (!s.swarm_active || s.clock.paused) return true;
  std::optional<Time> due = NextDueTime(&s);
  return !due || *due > LiveNow(s.clock, wall_now);
}

}  // namespace

Status Refresh(LiveCluster* live, Time wall_now) {
  Status st = OpenIfNeeded(live);
  int64_t version = -1;
  if (st.ok()) {
    auto v = DataVersion(live->db.get());
    if (v.ok()) version = v.value();
  }
  if (st.ok() && Unchanged(live, wall_now, version)) {
    live->last_error = Status::OK();
    return Status::OK();
  }
  ClusterState state;
  std::vector<Event> events;
  if (st.ok()) st = RefreshInTransaction(live, wall_now, &state, &events);
  live->last_error = st;
  if (!st.ok()) {
    // A damaged or replaced file: start over with a fresh handle next time.
    if (st.code() != Status::Code::kIOError) live->db.reset();
    return st;
  }
  live->state = std::move(state);
  live->loaded = true;
  live->data_version = version;
  ++live->reads;
  for (Event& e : events) {
    live->last_event_seq = std::max(live->last_event_seq, e.seq);
    live->recent_events.push_back(std::move(e));
  }
  while (live->recent_events.size() > kMaxRecentEvents) live->recent_events.pop_front();
  return Status::OK();
}

Result<Decision> LoadDecision(LiveCluster* live, const std::string& id) {
  if (auto it = live->decisions.find(id); it != live->decisions.end()) return it->second;
  SWARMSIM_RETURN_IF_ERROR(OpenIfNeeded(live));
  auto read = ReadDecision(live->db.get(), id);
  if (!read.ok()) return read.status();
  live->decisions[id] = read.value();
  return read;
}

Status LoadRewind(LiveCluster* live) {
  SWARMSIM_RETURN_IF_ERROR(OpenIfNeeded(live));
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
