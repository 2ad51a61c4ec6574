// events [--since T] [--until T] [--filter k=v] [--format T]: the cluster's event
// log in docker's events style. Without --until it follows new events (the caller
// polls; see CommandOutput::follow).
#include <algorithm>
#include <cstdio>

#include "core/command/output.h"
#include "core/command/registry.h"
#include "core/control/swarm.h"
#include "core/format/go_duration.h"
#include "core/format/go_template.h"
#include "core/format/time_format.h"
#include "core/store/state_store.h"

namespace swarmsim {

namespace {

// docker's --since/--until: "0", "now", a Go duration before now ("10m"), unix
// seconds ("1767603600" or "1767603600.5"), or an RFC 3339 time.
Result<Time> ParseEventTime(const std::string& text, Time now, const char* flag) {
  if (text == "now") return now;
  if (!text.empty() && text.find_first_not_of("0123456789.") == std::string::npos) {
    double secs = std::strtod(text.c_str(), nullptr);
    return static_cast<Time>(secs * 1e9);
  }
  if (auto d = ParseGoDuration(text); d.ok()) return now - d.value();
  if (auto t = ParseRFC3339(text); t.ok()) return t.value();
  return Status::InvalidArgument(std::string("invalid value for --") + flag + ": \"" + text +
                                 "\" is not a time, a duration or \"now\"");
}

// "2026-01-05T09:00:00.100000000Z": docker prints nanoseconds, always nine digits.
std::string FixedNanoTime(Time t) {
  std::string iso = FormatRFC3339Nano(t);  // fraction trimmed, "Z" at the end
  std::string base = iso.substr(0, 19);
  char frac[16];
  std::snprintf(frac, sizeof frac, ".%09lld", static_cast<long long>(((t % kSecond) + kSecond) % kSecond));
  return base + frac + "Z";
}

nlohmann::json EventJson(const Event& e) {
  nlohmann::json attrs = nlohmann::json::object();
  for (const auto& [k, v] : e.attributes) attrs[k] = v;
  return {{"Type", e.type},
          {"Action", e.action},
          {"Actor", {{"ID", e.actor_id}, {"Attributes", attrs}}},
          {"scope", "swarm"},
          {"time", e.time / kSecond},
          {"timeNano", e.time}};
}

std::string EventLine(const Event& e) {
  std::string s = FixedNanoTime(e.time) + " " + e.type + " " + e.action + " " + e.actor_id;
  std::string attrs;
  for (const auto& [k, v] : e.attributes) {
    if (v.empty()) continue;
    attrs += (attrs.empty() ? "" : ", ") + k + "=" + v;
  }
  if (!attrs.empty()) s += " (" + attrs + ")";
  return s;
}

Status Events(CommandContext* ctx, const ParsedArgs& args, CommandOutput* out) {
  SWARMSIM_RETURN_IF_ERROR(RequireSwarm(*ctx->state));
  if (!ctx->db) return Status::FailedPrecondition("the event log is not available");
  Time now = ctx->state->clock.now;
  Time since = 0, until = now;
  if (args.Has("since")) {
    auto t = ParseEventTime(args.Get("since"), now, "since");
    if (!t.ok()) return t.status();
    since = t.value();
  } else if (!args.Has("after-seq")) {
    since = now;  // like docker: only what happens from now on
  }
  if (args.Has("until")) {
    auto t = ParseEventTime(args.Get("until"), now, "until");
    if (!t.ok()) return t.status();
    until = t.value();
  }
  if (until < since) return Status::InvalidArgument("--until is before --since");
  std::map<std::string, std::vector<std::string>> filters;
  for (const auto& f : args.GetAll("filter")) {
    auto eq = f.find('=');
    if (eq == std::string::npos) return Status::InvalidArgument("bad format of filter (expected name=value)");
    std::string key = f.substr(0, eq);
    if (key != "type" && key != "event" && key != "id" && key != "service" && key != "node") {
      return Status::Daemon(Status::Code::kInvalidArgument, "invalid filter '" + key + "'");
    }
    filters[key].push_back(f.substr(eq + 1));
  }
  std::optional<GoTemplate> tmpl;
  if (args.Has("format")) {
    std::string f = args.Get("format") == "json" ? "{{json .}}" : args.Get("format");
    auto parsed = GoTemplate::Parse(f);
    if (!parsed.ok()) return Status::InvalidArgument("template parsing error: " + parsed.status().message());
    tmpl = parsed.value();
  }
  uint64_t after = 0;
  if (args.Has("after-seq")) after = std::strtoull(args.Get("after-seq").c_str(), nullptr, 10);
  auto events = ReadEvents(ctx->db, since, until, after);
  if (!events.ok()) return events.status();
  uint64_t last = after;
  for (const Event& e : events.value()) {
    last = std::max(last, e.seq);
    bool keep = true;
    for (const auto& [key, values] : filters) {
      bool any = false;
      for (const auto& v : values) {
        if (key == "type") any |= e.type == v;
        if (key == "event") any |= e.action == v;
        if (key == "id") any |= e.actor_id.rfind(v, 0) == 0;
        if (key == "service") any |= e.attributes.count("service") && e.attributes.at("service") == v;
        if (key == "node") any |= e.attributes.count("node") && e.attributes.at("node") == v;
      }
      keep &= any;
    }
    if (!keep) continue;
    if (tmpl) {
      TemplateOptions options;
      options.struct_type = "events.Message";
      auto text = tmpl->Execute(EventJson(e), options);
      if (!text.ok()) return text.status();
      out->out += text.value() + "\n";
    } else {
      out->out += EventLine(e) + "\n";
    }
  }
  if (!args.Has("until")) {
    out->follow = true;
    out->follow_after_seq = last;
  }
  return Status::OK();
}

}  // namespace

void RegisterEventsCommands(std::vector<CommandDef>* defs) {
  defs->push_back({.path = {"events"},
                   .usage = "events [OPTIONS]",
                   .description = "Get real time events from the server",
                   .flags = {FlagSpec::Value("since", 0, "string", "Show all events created since timestamp"),
                             FlagSpec::Value("until", 0, "string", "Stream events until this timestamp"),
                             FlagSpec::Value("filter", 'f', "filter", "Filter output based on conditions provided"),
                             FlagSpec::Value("format", 0, "string", kInspectFormatHelp),
                             // The CLI's follow loop asks for what came after the last event it printed.
                             FlagSpec::Value("after-seq", 0, "uint", "Only events after this sequence number").Hidden()},
                   .max_args = 0,
                   .read_only = true,
                   .run = Events});
}

}  // namespace swarmsim
