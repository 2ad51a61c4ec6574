#include "core/command/loaded_cluster.h"

#include "core/command/session.h"
#include "core/sim/clock.h"
#include "core/store/state_store.h"
#include "core/store/statement.h"

namespace swarmsim {

namespace {

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
bool Unchanged(LoadedCluster* cluster, Time wall_now, int64_t version) {
  if (!cluster->loaded || version < 0 || version != cluster->data_version) return false;
  ClusterState& s = cluster->state;
  if (!s.swarm_active || s.clock.paused) return true;
  std::optional<Time> due = NextDueTime(&s);
  return !due || *due > LiveNow(s.clock, wall_now);
}

Status ReadInTransaction(LoadedCluster* cluster, Time wall_now, ClusterState* state,
                         const std::function<Status(Database*, const ClusterState&)>& in_transaction) {
  Database* db = cluster->db.get();
  SWARMSIM_RETURN_IF_ERROR(db->Begin());
  TransactionGuard guard(db);
  SWARMSIM_RETURN_IF_ERROR(LoadState(db, state));
  const ClockState loaded_clock = state->clock;
  SyncClock(state, wall_now);
  // Save only what the sync did (tasks that fell due): a write would tell every
  // other reader to read the whole cluster again.
  if (ChangedSinceLoad(*state, loaded_clock)) SWARMSIM_RETURN_IF_ERROR(SaveState(db, state));
  if (in_transaction) SWARMSIM_RETURN_IF_ERROR(in_transaction(db, *state));
  return guard.Commit();
}

// Nobody else has written since the last read, but work falls due: the state held
// is what a read would give, so it is caught up in memory and only what that
// changed is saved (a whole read is a second at 100,000 tasks).
Status CatchUpInTransaction(LoadedCluster* cluster, Time wall_now,
                            const std::function<Status(Database*, const ClusterState&)>& in_transaction) {
  Database* db = cluster->db.get();
  SWARMSIM_RETURN_IF_ERROR(db->Begin());
  TransactionGuard guard(db);
  ClusterState* state = &cluster->state;
  const ClockState before = state->clock;
  SyncClock(state, wall_now);
  bool changed = ChangedSinceLoad(*state, before);
  if (changed) SWARMSIM_RETURN_IF_ERROR(SaveState(db, state));
  if (in_transaction) SWARMSIM_RETURN_IF_ERROR(in_transaction(db, *state));
  SWARMSIM_RETURN_IF_ERROR(guard.Commit());
  if (changed) ++cluster->updates;
  return Status::OK();
}

}  // namespace

Status OpenLoadedCluster(LoadedCluster* cluster) {
  if (cluster->db) return Status::OK();
  auto opened = Database::Open(cluster->path);
  if (!opened.ok()) return opened.status();
  cluster->db = std::move(opened).value();
  if (cluster->busy_timeout_ms < 0) return Status::OK();
  return cluster->db->Exec("PRAGMA busy_timeout=" + std::to_string(cluster->busy_timeout_ms));
}

Status RefreshLoadedCluster(LoadedCluster* cluster, Time wall_now,
                            const std::function<Status(Database*, const ClusterState&)>& in_transaction) {
  SWARMSIM_RETURN_IF_ERROR(OpenLoadedCluster(cluster));
  int64_t version = -1;
  if (auto v = DataVersion(cluster->db.get()); v.ok()) version = v.value();
  if (Unchanged(cluster, wall_now, version)) {
    // Nothing is due by then and the state was reconciled when read: only the clock moves.
    SyncIdleClock(&cluster->state, wall_now);
    return Status::OK();
  }
  if (cluster->loaded && version >= 0 && version == cluster->data_version) {
    Status st = CatchUpInTransaction(cluster, wall_now, in_transaction);
    if (st.ok()) return Status::OK();
    // The state held ran ahead of the file: read it whole next time.
    cluster->loaded = false;
    if (st.code() != Status::Code::kIOError) cluster->db.reset();
    return st;
  }
  ClusterState state;
  Status st = ReadInTransaction(cluster, wall_now, &state, in_transaction);
  if (!st.ok()) {
    // A damaged or replaced file: start over with a fresh handle next time.
    if (st.code() != Status::Code::kIOError) cluster->db.reset();
    return st;
  }
  cluster->state = std::move(state);
  cluster->loaded = true;
  cluster->data_version = version;
  ++cluster->reads;
  ++cluster->updates;
  return Status::OK();
}

}  // namespace swarmsim
