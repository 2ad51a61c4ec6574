// replay --verify: rebuild the cluster from its command log and compare.
#include "core/cluster/canonical.h"
#include "core/command/registry.h"
#include "core/command/replay.h"
#include "core/store/state_store.h"

namespace swarmsim {

namespace {

Status Replay(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  if (!args.Has("verify")) return Status::InvalidArgument("replay needs --verify");
  if (!ctx->db) return Status::FailedPrecondition("replay needs the cluster database");
  auto records = ReadCommands(ctx->db);
  if (!records.ok()) return records.status();
  auto rebuilt = ReplayCommands(records.value(), ctx->state->clock.now);
  if (!rebuilt.ok()) return rebuilt.status();
  std::string want = CanonicalState(*ctx->state);
  std::string got = CanonicalState(rebuilt.value());
  if (want != got) {
    // Name the first differing line so the mismatch can be found.
    size_t i = 0;
    while (i < want.size() && i < got.size() && want[i] == got[i]) ++i;
    size_t line_start = want.rfind('\n', i);
    line_start = line_start == std::string::npos ? 0 : line_start + 1;
    size_t line_end = want.find('\n', i);
    return Status::Corruption("replay differs from the stored cluster at: " +
                              want.substr(line_start, line_end - line_start));
  }
  out->out += "replayed " + std::to_string(records->size()) + " commands: the rebuilt cluster equals the stored one\n";
  return Status::OK();
}

}  // namespace

void RegisterReplayCommands(std::vector<CommandDef>* defs) {
  defs->push_back({.path = {"replay"},
                   .usage = "replay --verify",
                   .description = "Rebuild the cluster from its command log and compare it with the stored one",
                   .flags = {FlagSpec::Bool("verify", 0, "Compare the rebuilt cluster with the stored one")},
                   .max_args = 0,
                   .read_only = true,
                   .run = Replay});
}

}  // namespace swarmsim
