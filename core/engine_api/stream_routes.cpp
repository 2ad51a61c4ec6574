// The two streams: GET /events and GET /services/ID/logs. Each answers with what
// the log holds now; the server follows by asking again with `after-seq`.
#include <algorithm>
#include <limits>
#include <optional>
#include <set>

#include "core/control/swarm.h"
#include "core/control/tasks.h"
#include "core/engine_api/routes.h"
#include "core/format/time_format.h"
#include "core/model/json.h"
#include "core/store/state_store.h"

namespace swarmsim {

namespace {

// docker's since/until: unix seconds, optionally with a fraction ("1767603600.5").
Result<Time> ParseUnixTime(const std::string& text) {
  if (text.empty() || text.find_first_not_of("0123456789.") != std::string::npos) {
    return Status::InvalidArgument("invalid timestamp \"" + text + "\": expected unix seconds");
  }
  size_t dot = text.find('.');
  Time secs = std::strtoll(text.substr(0, dot).c_str(), nullptr, 10);
  Time nanos = 0;
  if (dot != std::string::npos) {
    std::string frac = text.substr(dot + 1, 9);
    frac.append(9 - frac.size(), '0');
    nanos = std::strtoll(frac.c_str(), nullptr, 10);
  }
  return secs * kSecond + nanos;
}

// The event as this engine's daemon reports it, or nothing. Swarm objects'
// events come as they are; a task's life shows as its container's events, on the
// engine of the task's node only (container events are local); the simulator's own
// bookkeeping (task desire and create, scheduling, image pulls elsewhere) is not
// a docker event.
std::optional<Event> AsDaemonEvent(const RouteContext& rc, const Event& e) {
  static const std::set<std::string> kSwarmTypes = {"service", "node", "config", "secret", "network"};
  if (kSwarmTypes.count(e.type)) return e;
  auto node = e.attributes.find("node");
  const bool here = node != e.attributes.end() && node->second == rc.node_id;
  if (e.type == "volume" && here) {
    Event v = e;
    v.attributes.erase("node");
    return v;
  }
  if (e.type != "task" || e.action != "state" || !here) return std::nullopt;
  auto state = e.attributes.find("state");
  if (state == e.attributes.end()) return std::nullopt;
  Event c;
  c.seq = e.seq;
  c.time = e.time;
  c.type = "container";
  c.actor_id = ContainerId(e.actor_id);
  if (state->second == "running") {
    c.action = "start";
  } else if (state->second == "complete" || state->second == "failed" || state->second == "shutdown") {
    c.action = "die";
  } else {
    return std::nullopt;
  }
  if (auto task = rc.state()->tasks.find(e.actor_id); task != rc.state()->tasks.end()) {
    const Task& t = task->second;
    c.attributes["image"] = t.spec->container.image;
    c.attributes["name"] = TaskName(t) + "." + t.id;
    c.attributes["com.docker.swarm.service.id"] = t.service_id;
    c.attributes["com.docker.swarm.task.id"] = t.id;
    if (c.action == "die") c.attributes["exitCode"] = std::to_string(t.exit_code);
  }
  if (auto svc = e.attributes.find("service"); svc != e.attributes.end()) {
    c.attributes["com.docker.swarm.service.name"] = svc->second;
  }
  return c;
}

// The client's since/until are wall-clock instants (`--until 0s` is "now" on the
// client's clock); the log is in virtual time. Shift them by the distance between
// the two clocks at this request (the session anchored the cluster to the wall
// clock when it caught up), so relative forms mean the same as in swarmsim's own
// `events`. A cluster never anchored (tests) is not shifted.
Time ToVirtual(const ClusterState& s, Time wall) {
  if (s.clock.wall_anchor == 0) return wall;
  return wall - (s.clock.wall_anchor - s.clock.now);
}

// The daemon's event scope: what one engine saw by itself (its containers and
// volumes, a local network) is "local", what came from the swarm is "swarm".
// A local network's ID is 64 hex digits, a swarm object's 25 characters.
std::string EventScope(const Event& e) {
  if (e.type == "container" || e.type == "volume") return "local";
  if (e.type == "network") {
    auto driver = e.attributes.find("type");
    if (driver != e.attributes.end()) return driver->second == "overlay" ? "swarm" : "local";
    return e.actor_id.size() == 64 ? "local" : "swarm";
  }
  return "swarm";
}

// docker's filters.Args.FuzzyMatch: no values for `key`, or one equal to or a prefix of `source`.
bool FuzzyMatch(const EngineFilters& f, const std::string& key, const std::string& source) {
  auto it = f.find(key);
  return it == f.end() || it->second.empty() || MatchAnyPrefix(source, it->second);
}

bool ExactMatch(const EngineFilters& f, const std::string& key, const std::string& source) {
  auto it = f.find(key);
  return it == f.end() || it->second.empty() ||
         std::find(it->second.begin(), it->second.end(), source) != it->second.end();
}

// Whether the daemon's event filter keeps `e` (moby's daemon/events Filter.Include):
// each key must hold. An object key (container=web) is matched against every
// event's actor ID and "name" attribute by prefix, whatever the event's type, so it
// also keeps a service whose name starts the same, as the daemon does; labels
// must all match.
bool IncludeEvent(const EngineFilters& f, const Event& e, const std::string& scope) {
  if (!ExactMatch(f, "event", e.action) || !ExactMatch(f, "type", e.type) || !ExactMatch(f, "scope", scope)) {
    return false;
  }
  auto name = e.attributes.find("name");
  const std::string no_name;
  for (const char* key : {"container", "volume", "network", "service", "node", "secret", "config"}) {
    if (!FuzzyMatch(f, key, e.actor_id) && !FuzzyMatch(f, key, name == e.attributes.end() ? no_name : name->second)) {
      return false;
    }
  }
  auto labels = f.find("label");
  return labels == f.end() || MatchLabels(e.attributes.ToMap(), labels->second);
}

uint64_t AfterSeq(const RouteContext& rc) { return std::strtoull(rc.Query("after-seq").c_str(), nullptr, 10); }

// Docker's log timestamps: RFC 3339 with all nine fraction digits.
std::string FixedNanoTime(Time t) {
  std::string s = FormatRFC3339Nano(t - t % kSecond);
  std::string frac = std::to_string(t % kSecond);
  frac.insert(0, 9 - frac.size(), '0');
  return s.substr(0, s.size() - 1) + "." + frac + "Z";
}

void AppendFrame(std::string* out, bool stderr_stream, const std::string& payload) {
  const uint32_t n = static_cast<uint32_t>(payload.size());
  out->push_back(stderr_stream ? 2 : 1);
  out->append(3, '\0');
  out->push_back(static_cast<char>((n >> 24) & 0xff));
  out->push_back(static_cast<char>((n >> 16) & 0xff));
  out->push_back(static_cast<char>((n >> 8) & 0xff));
  out->push_back(static_cast<char>(n & 0xff));
  *out += payload;
}

}  // namespace

EngineResponse HandleEvents(RouteContext& rc) {
  if (rc.seg().size() != 1) return RouteNotFound(rc);
  if (rc.method() != "GET") return EngineError(405, "method " + rc.method() + " not allowed on this path");
  Status swarm = RequireSwarm(*rc.state());
  if (!swarm.ok()) return EngineError(swarm);
  if (!rc.ctx->db) return EngineError(500, "the event log is not available");
  auto filters = Filters(rc, {"config", "container", "event", "label", "network", "node", "scope", "secret",
                              "service", "type", "volume"});
  if (!filters.ok()) return EngineError(filters.status());
  const Time now = rc.state()->clock.now;
  Time since = now, until = std::numeric_limits<Time>::max();
  if (!rc.Query("since").empty()) {
    auto t = ParseUnixTime(rc.Query("since"));
    if (!t.ok()) return EngineError(t.status());
    since = t.value() == 0 ? 0 : ToVirtual(*rc.state(), t.value());
  } else if (!rc.Query("after-seq").empty()) {
    since = 0;
  }
  if (!rc.Query("until").empty()) {
    auto t = ParseUnixTime(rc.Query("until"));
    if (!t.ok()) return EngineError(t.status());
    until = ToVirtual(*rc.state(), t.value());
  }
  const uint64_t after = AfterSeq(rc);
  auto events = ReadEvents(rc.ctx->db, since, std::min(until, now), after);
  if (!events.ok()) return EngineError(events.status());
  std::string body;
  uint64_t last = after;
  for (const Event& raw : events.value()) {
    last = std::max(last, raw.seq);
    std::optional<Event> daemon = AsDaemonEvent(rc, raw);
    if (!daemon) continue;
    const Event& e = *daemon;
    const std::string scope = EventScope(e);
    if (!IncludeEvent(filters.value(), e, scope)) continue;
    nlohmann::json j = ToJson(e);
    j["scope"] = scope;
    body += j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  }
  EngineResponse r;
  r.body = std::move(body);
  r.headers[kLastSeqHeader] = std::to_string(last);
  // Whether the stream is complete: until is in the past.
  r.headers[kStreamDoneHeader] = until <= now ? "true" : "false";
  return r;
}

EngineResponse HandleServiceLogs(RouteContext& rc, const Service& service) {
  if (!rc.ctx->db) return EngineError(500, "the log store is not available");
  if (!rc.QueryFlag("stdout") && !rc.QueryFlag("stderr")) {
    return EngineError(400, "Bad parameters: you must choose at least one stream");
  }
  ClusterState* state = rc.state();
  std::set<std::string> task_ids;
  for (const auto& [id, t] : state->tasks) {
    if (t.service_id == service.id) task_ids.insert(id);
  }
  auto stored = ReadLogs(rc.ctx->db, task_ids);
  if (!stored.ok()) return EngineError(stored.status());
  std::vector<LogLine> lines = std::move(stored.value());
  const uint64_t after = AfterSeq(rc);
  Time since = 0;
  if (!rc.Query("since").empty() && rc.Query("since") != "0") {
    auto t = ParseUnixTime(rc.Query("since"));
    if (!t.ok()) return EngineError(t.status());
    since = ToVirtual(*state, t.value());
  }
  uint64_t last = after;
  for (const auto& l : lines) last = std::max(last, l.seq);
  std::vector<LogLine> kept;
  for (const auto& l : lines) {
    if (l.seq > after && l.time >= since) kept.push_back(l);
  }
  const std::string tail = rc.Query("tail");
  if (after == 0 && !tail.empty() && tail != "all" && tail.find_first_not_of("0123456789") == std::string::npos) {
    size_t keep = std::stoul(tail);
    std::map<std::string, size_t> seen;
    std::vector<LogLine> tailed;
    for (auto it = kept.rbegin(); it != kept.rend(); ++it) {
      if (seen[it->task_id]++ < keep) tailed.push_back(*it);
    }
    kept.assign(tailed.rbegin(), tailed.rend());
  }
  std::string body;
  for (const auto& l : kept) {
    bool err = l.stream == "stderr";
    if ((err && !rc.QueryFlag("stderr")) || (!err && !rc.QueryFlag("stdout"))) continue;
    const Task& t = state->tasks.at(l.task_id);
    std::string line;
    if (rc.QueryFlag("timestamps")) line += FixedNanoTime(l.time) + " ";
    if (rc.QueryFlag("details")) {
      line += "com.docker.swarm.node.id=" + t.node_id + ",com.docker.swarm.service.id=" + t.service_id +
              ",com.docker.swarm.task.id=" + t.id + " ";
    }
    line += l.text + "\n";
    AppendFrame(&body, err, line);
  }
  EngineResponse r;
  r.content_type = "application/vnd.docker.multiplexed-stream";
  r.body = std::move(body);
  r.headers[kLastSeqHeader] = std::to_string(last);
  r.headers[kStreamDoneHeader] = rc.QueryFlag("follow") ? "false" : "true";
  return r;
}

}  // namespace swarmsim
