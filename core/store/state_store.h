// ClusterState in and out of the cluster database, plus the logs beside it
// (events, scheduling decisions, commands). The tables are described in
// database.cpp.
//
// A command runs as one transaction:
//   SWARMSIM_RETURN_IF_ERROR(db->Begin());
//   TransactionGuard guard(db);
//   ClusterState state;
//   SWARMSIM_RETURN_IF_ERROR(LoadState(db, &state));
//   ... advance time, execute ...
//   SWARMSIM_RETURN_IF_ERROR(AppendCommand(db, &record));
//   SWARMSIM_RETURN_IF_ERROR(SaveState(db, &state));
//   return guard.Commit();
//
// Errors from every function: IOError/Corruption with SQLite's text (see
// database.h), Corruption when a stored row does not parse
// ("cluster database P is damaged: ...").
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/cluster/state.h"
#include "core/model/decision.h"
#include "core/model/event.h"
#include "core/model/task_tally.h"
#include "core/status.h"
#include "core/store/command_record.h"
#include "core/store/database.h"

namespace swarmsim {

// Replaces *state with the stored cluster: meta, nodes, services, networks, tasks.
// Tasks made from the same stored spec share one TaskSpec/EndpointSpec (and the
// service's spec_cache points at its current one). Sets loaded_index = index,
// rebuilds `due` from every task's due_at and service's wake_at that is not 0, and
// leaves the pending lists empty. A fresh database loads an empty, inactive
// cluster. REQUIRES: inside Begin() (so "now" is read under the write lock).
Status LoadState(Database* db, ClusterState* state);

// LoadState without the tasks (state->tasks empty, none of their due instants), for
// a read-only command that reads tasks through TallyTasks or not at all. Sets
// *next_task_due to the earliest instant a stored task is due (nullopt: none), so
// the caller can tell whether catching the clock up would move any task.
// REQUIRES: inside Begin(). The state must not be saved.
Status LoadStateWithoutTasks(Database* db, ClusterState* state, std::optional<Time>* next_task_due);

// The stored tasks counted by the fields replica counts read (model/task.h), one
// entry per distinct combination, in no particular order.
Result<std::vector<TaskTally>> TallyTasks(Database* db);

// The event, decision and log lists of one save, once written.
struct SavedLists {
  std::vector<Event> events;
  std::vector<Decision> decisions;
  std::vector<LogLine> logs;
};

// Writes what changed since LoadState (ClusterState's invariant): meta; every
// object whose version > loaded_index; deletes the removed_* IDs; appends
// new_events (the store numbers them with increasing seq) and new_decisions. On
// success clears the pending lists and sets loaded_index = index; on error *state
// is unchanged and the caller must roll back. REQUIRES: inside Begin().
// With `spent`, the written events, decisions and logs are moved into *spent
// (replacing what it held) instead of being freed: a process that exits after the
// command need not free 300,000 events and a decision over 100,000 tasks.
Status SaveState(Database* db, ClusterState* state, SavedLists* spent = nullptr);

// Appends `record` to the command log and sets record->seq. REQUIRES: inside Begin().
Status AppendCommand(Database* db, CommandRecord* record);

// The whole command log, in order.
Result<std::vector<CommandRecord>> ReadCommands(Database* db);

// Stored events with since <= time <= until and seq > after_seq, in seq order.
Result<std::vector<Event>> ReadEvents(Database* db, Time since, Time until, uint64_t after_seq = 0);

// The log lines of the given tasks, in the order they were written.
Result<std::vector<LogLine>> ReadLogs(Database* db, const std::set<std::string>& task_ids);

// One stored decision. NotFound("decision ID not found") when there is none.
Result<Decision> ReadDecision(Database* db, const std::string& id);

}  // namespace swarmsim
