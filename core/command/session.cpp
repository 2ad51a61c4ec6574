#include "core/command/session.h"

#include <algorithm>
#include <optional>
#include <set>
#include <vector>

#include "core/sim/clock.h"
#include "core/store/database.h"
#include "core/store/state_store.h"

namespace swarmsim {

namespace {

CommandOutput Fail(const Status& st) {
  CommandOutput out;
  out.err = st.message() + "\n";
  out.exit_code = 1;
  return out;
}

bool IsNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// The environment variables a set of files refers to ($NAME or ${NAME...}).
std::map<std::string, std::string> ReferencedEnv(const std::map<std::string, std::string>& files,
                                                 const std::map<std::string, std::string>& env) {
  std::set<std::string> names;
  for (const auto& [path, text] : files) {
    for (size_t i = 0; i + 1 < text.size(); ++i) {
      if (text[i] != '$') continue;
      size_t j = i + 1 + (text[i + 1] == '{');
      size_t k = j;
      while (k < text.size() && IsNameChar(text[k])) ++k;
      if (k > j) names.insert(text.substr(j, k - j));
    }
  }
  std::map<std::string, std::string> out;
  for (const auto& n : names) {
    if (auto it = env.find(n); it != env.end()) out[n] = it->second;
  }
  return out;
}

// The cluster as the command needs it. A read-only command that can do without the
// tasks gets none when catching the clock up would move nothing (paused, or nothing
// due by then): at 100,000 tasks loading them is most of such a command's time.
Status LoadForCommand(Database* db, const std::vector<std::string>& args, Time wall_now, ClusterState* state,
                      bool* tasks_loaded) {
  *tasks_loaded = true;
  if (!CanSkipTasks(args)) return LoadState(db, state);
  std::optional<Time> due;
  SWARMSIM_RETURN_IF_ERROR(LoadStateWithoutTasks(db, state, &due));
  std::optional<Time> other = NextDueTime(state);  // services and nodes
  if (other && (!due || *other < *due)) due = other;
  Time target = LiveNow(state->clock, wall_now);
  bool time_moves_something = target > state->clock.now && due && *due <= target;
  if (!state->swarm_active || time_moves_something) return LoadState(db, state);
  *tasks_loaded = false;
  return Status::OK();
}

// Holds clusters left for the process's exit (SessionOptions::keep_state_until_exit).
// Reachable from a static, so leak checkers do not count them.
void KeepUntilExit(ClusterState* state) {
  static std::vector<ClusterState>* kept = new std::vector<ClusterState>();
  kept->push_back(std::move(*state));
}

// Where SaveState leaves the written events and decisions when the cluster is
// kept until exit (the same reasoning: the process ends right after).
SavedLists* SpentListsKeptUntilExit(const SessionOptions& options) {
  if (!options.keep_state_until_exit) return nullptr;
  static std::vector<SavedLists>* kept = new std::vector<SavedLists>();
  return &kept->emplace_back();
}

// Hands the cluster to KeepUntilExit when it goes out of scope, if asked to.
class KeepAtExit {
 public:
  KeepAtExit(const SessionOptions& options, ClusterState* state)
      : state_(options.keep_state_until_exit ? state : nullptr) {}
  ~KeepAtExit() {
    if (state_) KeepUntilExit(state_);
  }
  KeepAtExit(const KeepAtExit&) = delete;
  KeepAtExit& operator=(const KeepAtExit&) = delete;

 private:
  ClusterState* state_;
};

}  // namespace

namespace {

void Sync(ClusterState* state, Time wall_now, bool idle) {
  if (state->swarm_active) {
    Time target = LiveNow(state->clock, wall_now);
    if (target > state->clock.now) {
      if (idle) {
        state->clock.now = target;  // AdvanceTo with nothing due only moves the clock
      } else {
        AdvanceTo(state, target);
      }
    }
  } else {
    state->clock.now = wall_now;  // before `swarm init` the cluster clock is the wall clock
  }
  state->clock.wall_anchor = wall_now;
}

}  // namespace

void SyncClock(ClusterState* state, Time wall_now) { Sync(state, wall_now, false); }

void SyncIdleClock(ClusterState* state, Time wall_now) { Sync(state, wall_now, true); }

bool ChangedSinceLoad(const ClusterState& state, const ClockState& loaded_clock) {
  return state.index != state.loaded_index || !state.new_events.empty() || !state.new_decisions.empty() ||
         !state.new_logs.empty() || !state.changed_layers.empty() || state.mesh_changed || state.images_changed ||
         state.clock.paused != loaded_clock.paused || state.clock.speed != loaded_clock.speed ||
         (state.clock.paused && state.clock.now != loaded_clock.now);
}

CommandOutput RunSessionCommand(const SessionOptions& options, const std::vector<std::string>& args) {
  // One transaction per object where docker makes one API call per object.
  auto parts = PerObjectCommands(args);
  if (!parts.empty()) {
    CommandOutput all;
    for (const auto& part : parts) {
      CommandOutput one = RunSessionCommand(options, part);
      all.out += one.out;
      all.err += one.err;
      if (one.exit_code != 0) all.exit_code = 1;
    }
    return all;
  }
  auto opened = Database::Open(options.database_path);
  if (!opened.ok()) return Fail(opened.status());
  Database* db = opened.value().get();
  Status begun = db->Begin();
  if (!begun.ok()) return Fail(begun);
  ClusterState state;
  bool tasks_loaded = true;
  KeepAtExit keep(options, &state);
  Status loaded = LoadForCommand(db, args, options.wall_now, &state, &tasks_loaded);
  if (!loaded.ok()) {
    db->Rollback();
    return Fail(loaded);
  }
  const ClockState loaded_clock = state.clock;
  if (tasks_loaded) {
    SyncClock(&state, options.wall_now);
  } else {
    // Nothing falls due by then (LoadForCommand): SyncClock would only move the
    // clock, and its reconcile must not see a cluster without tasks.
    state.clock.now = std::max(state.clock.now, LiveNow(state.clock, options.wall_now));
    state.clock.wall_anchor = options.wall_now;
  }

  CommandRecord record;
  record.time = state.clock.now;
  record.argv = args;
  CommandContext ctx;
  ctx.state = &state;
  ctx.db = db;
  ctx.env = options.env;
  ctx.seed = options.seed;
  ctx.tasks_loaded = tasks_loaded;
  ctx.may_stream = options.may_stream;
  ctx.read_file = [&](const std::string& path) -> Result<std::string> {
    if (!options.read_file) return Status::IOError("open " + path + ": no such file or directory");
    auto content = options.read_file(path);
    if (content.ok()) record.files[path] = content.value();
    return content;
  };
  CommandOutput out = RunCommand(&ctx, args);
  if (out.exit_code != 0) {
    db->Rollback();
    return out;
  }
  // Nothing changed (a read-only command on a cluster with nothing due): leave the
  // file untouched. The clock needs no saving either: from the old anchor the next
  // call computes the same virtual time.
  // A state without its tasks is never saved; it changed nothing but the clock,
  // which the next command computes again from the stored anchor.
  if ((!ChangedSinceLoad(state, loaded_clock) || !tasks_loaded) && IsReadOnlyCommand(args)) {
    db->Rollback();
    return out;
  }
  Status st;
  if (!IsReadOnlyCommand(args) && !ctx.replaced_database) {
    record.env = ReferencedEnv(record.files, options.env);
    if (options.seed != 0) record.env["SWARMSIM_SEED"] = std::to_string(options.seed);
    // Relative compose paths resolve against the working directory.
    if (!record.files.empty() && options.env.count("PWD")) record.env["PWD"] = options.env.at("PWD");
    for (const auto& name : ctx.env_used) {
      if (auto it = options.env.find(name); it != options.env.end()) record.env[name] = it->second;
    }
    st = AppendCommand(db, &record);
  }
  if (st.ok()) st = SaveState(db, &state, SpentListsKeptUntilExit(options));
  if (st.ok()) st = db->Commit();
  if (!st.ok()) {
    db->Rollback();
    return Fail(st);
  }
  return out;
}

}  // namespace swarmsim
