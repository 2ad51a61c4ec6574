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
  defs->push_back({{"time", "status"}, {}, "time status", {}, 0, 0, true, TimeStatus});
  defs->push_back({{"time", "pause"}, {}, "time pause", {}, 0, 0, false, TimePause});
  defs->push_back({{"time", "resume"}, {}, "time resume", {}, 0, 0, false, TimeResume});
  defs->push_back({{"time", "speed"}, {}, "time speed FACTOR", {}, 1, 1, false, TimeSpeed});
  defs->push_back({{"time", "advance"}, {}, "time advance DURATION", {}, 1, 1, false, TimeAdvance});
  defs->push_back({{"time", "step"}, {}, "time step", {}, 0, 0, false, TimeStep});
}

}  // namespace swarmsim
