#include "core/command/replay.h"

#include "core/command/command.h"
#include "core/sim/clock.h"

namespace swarmsim {

Status ReplayCommand(ClusterState* state, const CommandRecord& r) {
  if (state->swarm_active) {
    if (r.time > state->clock.now) AdvanceTo(state, r.time);
  } else {
    state->clock.now = r.time;
  }
  CommandContext ctx;
  ctx.state = state;
  ctx.env = r.env;
  ctx.read_file = [&r](const std::string& path) -> Result<std::string> {
    auto it = r.files.find(path);
    if (it == r.files.end()) return Status::IOError("open " + path + ": not recorded in the command log");
    return it->second;
  };
  // The seed is in the log implicitly: swarm init derives it from its time.
  if (auto it = r.env.find("SWARMSIM_SEED"); it != r.env.end()) {
    ctx.seed = std::strtoull(it->second.c_str(), nullptr, 10);
  }
  CommandOutput out = RunCommand(&ctx, r.argv);
  if (out.exit_code != 0) {
    std::string cmd;
    for (const auto& a : r.argv) cmd += (cmd.empty() ? "" : " ") + a;
    return Status::Corruption("replaying command " + std::to_string(r.seq) + " (" + cmd + ") failed: " + out.err);
  }
  state->new_events.clear();
  state->new_decisions.clear();
  return Status::OK();
}

Result<ClusterState> ReplayCommands(const std::vector<CommandRecord>& records, Time until) {
  ClusterState state;
  for (const auto& r : records) SWARMSIM_RETURN_IF_ERROR(ReplayCommand(&state, r));
  if (state.swarm_active && until > state.clock.now) AdvanceTo(&state, until);
  return state;
}

}  // namespace swarmsim
