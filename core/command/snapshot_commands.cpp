// save FILE | load FILE: hand a whole cluster on (core/store/snapshot.h).
#include "core/command/registry.h"
#include "core/format/time_format.h"
#include "core/store/snapshot.h"
#include "core/store/state_store.h"

namespace swarmsim {

namespace {

Status NeedsDatabase(CommandContext* ctx) {
  if (!ctx->db) return Status::FailedPrecondition("save and load need a cluster database");
  return Status::OK();
}

Status Save(CommandContext* ctx, const ParsedArgs& args, CommandOutput*) {
  SWARMSIM_RETURN_IF_ERROR(NeedsDatabase(ctx));
  // Write what this command's clock catch-up changed first, so the file is "now".
  SWARMSIM_RETURN_IF_ERROR(SaveState(ctx->db, ctx->state));
  return SaveSnapshot(ctx->db, args.positional()[0]);
}

Status Load(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  SWARMSIM_RETURN_IF_ERROR(NeedsDatabase(ctx));
  const std::string& path = args.positional()[0];
  SWARMSIM_RETURN_IF_ERROR(LoadSnapshot(ctx->db, path));
  // The file's command log replaces ours, so this command is not appended to it.
  ctx->replaced_database = true;
  Time anchor = ctx->state->clock.wall_anchor;
  ClusterState loaded;
  SWARMSIM_RETURN_IF_ERROR(LoadState(ctx->db, &loaded));
  *ctx->state = std::move(loaded);
  // A live clock runs on from the moment of loading, not from when the file was saved.
  ctx->state->clock.wall_anchor = anchor;
  out->out += "Cluster loaded: virtual time " + FormatRFC3339Nano(ctx->state->clock.now) + ", clock " +
              (ctx->state->clock.paused ? "paused" : "live") + "\n";
  return Status::OK();
}

}  // namespace

void RegisterSnapshotCommands(std::vector<CommandDef>* defs) {
  defs->push_back({.path = {"save"},
                   .usage = "save FILE",
                   .description = "Save the whole cluster (objects, events, command log) to a file",
                   .min_args = 1,
                   .max_args = 1,
                   .read_only = true,
                   .run = Save});
  defs->push_back({.path = {"load"},
                   .usage = "load FILE",
                   .description = "Replace the cluster with one saved by 'swarmsim save'",
                   .min_args = 1,
                   .max_args = 1,
                   .run = Load});
}

}  // namespace swarmsim
