// time pause | resume | step | advance DURATION | speed X | status.
#include <cstdio>

#include "core/command/output.h"
#include "core/command/registry.h"
#include "core/format/go_duration.h"
#include "core/format/time_format.h"
#include "core/sim/clock.h"

namespace swarmsim {

namespace {

std::string Speed(double v) { return FormatG(v) + "x"; }

std::string Describe(const Event& e) {
  std::string s = e.type + " " + e.action + " " + e.actor_id;
  for (const auto& [k, v] : e.attributes) {
    if (!v.empty()) s += " " + k + "=" + v;
  }
  return s;
}

Status TimeStatus(CommandContext* ctx, const ParsedArgs&, CommandOutput* out) {
  ClusterState* st = ctx->state;
  out->out += "Virtual time:  " + FormatRFC3339Nano(st->clock.now) + "\n";
  out->out += "Clock:         " + std::string(st->clock.paused ? "paused" : "live") + " (speed " +
              Speed(st->clock.speed) + ")\n";
  auto next = NextDueTime(st);
  if (next) {
    out->out += "Next event:    in " + FormatGoDuration(*next - st->clock.now) + "\n";
  } else {
    out->out += "Next event:    none (the cluster is idle)\n";
  }
  return Status::OK();
}

Status TimePause(CommandContext* ctx, const ParsedArgs&, CommandOutput* out) {
  ctx->state->clock.paused = true;
  out->out += "Clock paused at " + FormatRFC3339Nano(ctx->state->clock.now) + "\n";
  return Status::OK();
}

Status TimeResume(CommandContext* ctx, const ParsedArgs&, CommandOutput* out) {
  ctx->state->clock.paused = false;
  out->out += "Clock running at " + Speed(ctx->state->clock.speed) + " from " +
              FormatRFC3339Nano(ctx->state->clock.now) + "\n";
  return Status::OK();
}

Status TimeSpeed(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  const std::string& v = args.positional()[0];
  char* end = nullptr;
  double speed = std::strtod(v.c_str(), &end);
  if (v.empty() || *end != '\0' || !(speed > 0) || speed > 1000) {
    return Status::InvalidArgument("invalid speed \"" + v + "\": must be a number above 0 and at most 1000");
  }
  ctx->state->clock.speed = speed;
  out->out += "Clock speed set to " + Speed(speed) + "\n";
  return Status::OK();
}

Status TimeAdvance(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  auto d = ParseGoDuration(args.positional()[0]);
  if (!d.ok()) return d.status();
  if (d.value() < 0) return Status::InvalidArgument("time cannot go backwards: " + args.positional()[0]);
  AdvanceTo(ctx->state, ctx->state->clock.now + d.value());
  out->out += "Advanced to " + FormatRFC3339Nano(ctx->state->clock.now) + "\n";
  return Status::OK();
}

Status TimeStep(CommandContext* ctx, const ParsedArgs&, CommandOutput* out) {
  size_t before = ctx->state->new_events.size();
  Time from = ctx->state->clock.now;
  auto at = StepToNextEvent(ctx->state);
  if (!at) {
    out->out += "Nothing is due: the cluster is idle at " + FormatRFC3339Nano(from) + "\n";
    return Status::OK();
  }
  out->out += "Stepped " + FormatGoDuration(*at - from) + " to " + FormatRFC3339Nano(*at) + "\n";
  for (size_t i = before; i < ctx->state->new_events.size(); ++i) {
    out->out += "  " + Describe(ctx->state->new_events[i]) + "\n";
  }
  return Status::OK();
}

}  // namespace

void RegisterTimeCommands(std::vector<CommandDef>* defs) {
  defs->push_back({.path = {"time", "status"},
                   .usage = "time status",
                   .description = "Show the virtual time, whether the clock runs, and its speed",
                   .max_args = 0,
                   .read_only = true,
                   .run = TimeStatus});
  defs->push_back({.path = {"time", "pause"},
                   .usage = "time pause",
                   .description = "Stop the virtual clock: the cluster moves only when told (step, advance)",
                   .max_args = 0,
                   .run = TimePause});
  defs->push_back({.path = {"time", "resume"},
                   .usage = "time resume",
                   .description = "Let the virtual clock run with the wall clock again",
                   .max_args = 0,
                   .run = TimeResume});
  defs->push_back({.path = {"time", "speed"},
                   .usage = "time speed FACTOR",
                   .description = "Run the virtual clock FACTOR times as fast as the wall clock (0.5, 2, 10)",
                   .min_args = 1,
                   .max_args = 1,
                   .run = TimeSpeed});
  defs->push_back({.path = {"time", "advance"},
                   .usage = "time advance DURATION",
                   .description = "Move the virtual clock forward by DURATION (30s, 2m), running what falls due",
                   .min_args = 1,
                   .max_args = 1,
                   .run = TimeAdvance});
  defs->push_back({.path = {"time", "step"},
                   .usage = "time step",
                   .description = "Move the virtual clock to the next event and say what it was",
                   .max_args = 0,
                   .run = TimeStep});
}

}  // namespace swarmsim
