#include "core/command/service_view.h"

#include <algorithm>
#include <cstdio>

#include "core/command/output.h"
#include "core/control/services.h"
#include "core/format/go_duration.h"
#include "core/format/human_duration.h"
#include "core/format/size.h"
#include "core/model/json.h"
#include "core/orchestrator/restart.h"
#include "core/orchestrator/updater.h"
#include "core/store/state_store.h"

namespace swarmsim {

namespace {

std::string GoList(const std::vector<std::string>& items) {
  std::string s = "[";
  for (size_t i = 0; i < items.size(); ++i) s += (i ? " " : "") + items[i];
  return s + "]";
}

std::string ImageWithoutDigest(const std::string& image) {
  auto at = image.find('@');
  return at == std::string::npos ? image : image.substr(0, at);
}

// Swarm's defaults, as the CLI asks the daemon to insert them for inspect.
UpdateConfig WithDefaults(const std::optional<UpdateConfig>& c) {
  UpdateConfig u = c.value_or(UpdateConfig{});
  if (u.monitor == 0) u.monitor = kDefaultUpdateMonitor;
  return u;
}

void AppendUpdateConfig(std::string* s, const char* title, const char* order_label, const UpdateConfig& u) {
  *s += std::string("\n") + title + ":\n Parallelism:\t" + std::to_string(u.parallelism);
  if (u.delay > 0) *s += "\n Delay:\t\t" + FormatGoDuration(u.delay);
  *s += "\n On failure:\t" + u.failure_action;
  if (u.monitor > 0) *s += "\n Monitoring Period: " + FormatGoDuration(u.monitor);
  *s += "\n Max failure ratio: " + FormatG(u.max_failure_ratio);
  *s += std::string("\n ") + order_label + u.order;
}

// The daemon's `mode` filter words.
const char* ModeFilterWord(ServiceMode mode) {
  switch (mode) {
    case ServiceMode::kReplicated: return "replicated";
    case ServiceMode::kGlobal: return "global";
    case ServiceMode::kReplicatedJob: return "replicated-job";
    case ServiceMode::kGlobalJob: return "global-job";
  }
  return "";
}

// The MODE column: "replicated job" and "global job" for jobs.
const char* ModeColumn(ServiceMode mode) {
  switch (mode) {
    case ServiceMode::kReplicated: return "replicated";
    case ServiceMode::kGlobal: return "global";
    case ServiceMode::kReplicatedJob: return "replicated job";
    case ServiceMode::kGlobalJob: return "global job";
  }
  return "";
}

bool MatchesFilters(const Service& s, const std::vector<std::pair<std::string, std::string>>& filters) {
  std::map<std::string, bool> by_key;
  for (const auto& [k, v] : filters) {
    bool m = false;
    if (k == "name") m = s.spec.name.rfind(v, 0) == 0;
    else if (k == "id") m = s.id.rfind(v, 0) == 0;
    else if (k == "mode") m = v == ModeFilterWord(s.spec.mode);
    else if (k == "label") {
      auto eq = v.find('=');
      auto it = s.spec.labels.find(v.substr(0, eq));
      m = it != s.spec.labels.end() && (eq == std::string::npos || it->second == v.substr(eq + 1));
    }
    by_key[k] = by_key[k] || m;
  }
  for (const auto& [k, ok] : by_key) if (!ok) return false;
  return true;
}

}  // namespace

std::string IngressPorts(const Service& service) {
  struct Port { uint32_t pub, target; std::string proto; };
  std::vector<Port> ports;
  for (const auto& p : service.spec.endpoint.ports) {
    if (p.publish_mode == "ingress") ports.push_back({p.published_port, p.target_port, p.protocol});
  }
  std::stable_sort(ports.begin(), ports.end(), [](const Port& a, const Port& b) {
    if (a.proto != b.proto) return a.proto < b.proto;
    return a.pub < b.pub;
  });
  std::vector<std::string> out;
  for (size_t i = 0; i < ports.size();) {
    // Consecutive published and target ports of one protocol merge into a range.
    size_t j = i;
    while (j + 1 < ports.size() && ports[j + 1].proto == ports[i].proto && ports[j + 1].pub == ports[j].pub + 1 &&
           ports[j + 1].target == ports[j].target + 1) {
      ++j;
    }
    std::string pub = std::to_string(ports[i].pub), target = std::to_string(ports[i].target);
    if (j > i) {
      pub += "-" + std::to_string(ports[j].pub);
      target += "-" + std::to_string(ports[j].target);
    }
    out.push_back("*:" + pub + "->" + target + "/" + ports[i].proto);
    i = j + 1;
  }
  std::string s;
  for (size_t i = 0; i < out.size(); ++i) s += (i ? ", " : "") + out[i];
  return s;
}

Status PrintServiceList(const CommandContext& ctx, std::vector<const Service*> services, const std::string& format,
                        bool quiet, const std::vector<std::string>& filters, CommandOutput* out) {
  std::vector<std::pair<std::string, std::string>> parsed;
  for (const auto& f : filters) {
    auto eq = f.find('=');
    if (eq == std::string::npos) return Status::InvalidArgument("bad format of filter (expected name=value)");
    std::string key = f.substr(0, eq);
    if (key != "name" && key != "id" && key != "label" && key != "mode") {
      return Status::Daemon(Status::Code::kInvalidArgument, "invalid filter '" + key + "'");
    }
    parsed.push_back({key, f.substr(eq + 1)});
  }
  std::stable_sort(services.begin(), services.end(),
                   [](const Service* a, const Service* b) { return NaturalLess(a->spec.name, b->spec.name); });
  std::vector<nlohmann::json> rows;
  std::map<std::string, ReplicaCount> counts;
  if (ctx.tasks_loaded) {
    counts = CountAllReplicas(*ctx.state);
  } else {
    auto tallies = TallyTasks(ctx.db);
    if (!tallies.ok()) return tallies.status();
    counts = CountAllReplicas(*ctx.state, tallies.value());
  }
  for (const Service* s : services) {
    if (!MatchesFilters(*s, parsed)) continue;
    ReplicaCount c = counts[s->id];
    std::string replicas = std::to_string(c.running) + "/" + std::to_string(c.desired);
    // Jobs show their progress instead of the per-node maximum.
    if (s->spec.mode == ServiceMode::kReplicatedJob) {
      replicas += " (" + std::to_string(c.completed) + "/" + std::to_string(s->spec.replicas) + " completed)";
    } else if (s->spec.mode == ServiceMode::kGlobalJob) {
      replicas += " (" + std::to_string(c.completed) + "/" + std::to_string(c.desired + c.completed) + " completed)";
    } else if (s->spec.mode == ServiceMode::kReplicated && s->spec.task_template.placement.max_replicas > 0) {
      replicas += " (max " + std::to_string(s->spec.task_template.placement.max_replicas) + " per node)";
    }
    rows.push_back({{"ID", ShortId(s->id)},
                    {"Name", s->spec.name},
                    {"Mode", ModeColumn(s->spec.mode)},
                    {"Replicas", replicas},
                    {"Image", ImageWithoutDigest(s->spec.task_template.container.image)},
                    {"Ports", IngressPorts(*s)}});
  }
  ListFormat list;
  list.table = "table {{.ID}}\t{{.Name}}\t{{.Mode}}\t{{.Replicas}}\t{{.Image}}\t{{.Ports}}";
  list.headers = {{"ID", "ID"},       {"Name", "NAME"},   {"Mode", "MODE"},
                  {"Replicas", "REPLICAS"}, {"Image", "IMAGE"}, {"Ports", "PORTS"}};
  list.context_type = "*service.serviceContext";
  return PrintList(rows, list, format, quiet, out);
}

std::string PrettyService(const ClusterState& state, const Service& service) {
  const ServiceSpec& spec = service.spec;
  const TaskSpec& tt = spec.task_template;
  std::string s = "\nID:\t\t" + service.id + "\nName:\t\t" + spec.name;
  if (!spec.labels.empty()) {
    s += "\nLabels:";
    for (const auto& [k, v] : spec.labels) s += "\n " + k + (v.empty() ? "" : "=" + v);
  }
  s += "\nService Mode:";
  // docker's template names only the two service modes: a job's line stays empty.
  if (spec.mode == ServiceMode::kGlobal) {
    s += "\tGlobal";
  } else if (spec.mode == ServiceMode::kReplicated) {
    s += "\tReplicated";
    if (spec.replicas > 0) s += "\n Replicas:\t" + std::to_string(spec.replicas);
  }
  if (service.update_status && !service.update_status->state.empty()) {
    const auto& u = *service.update_status;
    s += "\nUpdateStatus:\n State:\t\t" + u.state;
    if (u.started_at) s += "\n Started:\t" + HumanDuration(state.clock.now - u.started_at) + " ago";
    if (u.state == "completed" && u.completed_at) {
      s += "\n Completed:\t" + HumanDuration(state.clock.now - u.completed_at) + " ago";
    }
    s += "\n Message:\t" + u.message;
  }
  s += "\nPlacement:";
  if (!tt.placement.constraints.empty()) s += "\n Constraints:\t" + GoList(tt.placement.constraints);
  if (!tt.placement.preferences.empty()) {
    std::vector<std::string> prefs;
    for (const auto& p : tt.placement.preferences) prefs.push_back("spread=" + p);
    s += "\n Preferences:   " + GoList(prefs);
  }
  if (tt.placement.max_replicas) s += "\n Max Replicas Per Node:   " + std::to_string(tt.placement.max_replicas);
  AppendUpdateConfig(&s, "UpdateConfig", "Update order:      ", WithDefaults(spec.update_config));
  AppendUpdateConfig(&s, "RollbackConfig", "Rollback order:    ", WithDefaults(spec.rollback_config));
  s += "\nContainerSpec:\n Image:\t\t" + tt.container.image;
  if (!tt.container.args.empty()) {
    s += "\n Args:\t\t";
    for (const auto& a : tt.container.args) s += a + " ";
  }
  if (!tt.container.env.empty()) {
    s += "\n Env:\t\t";
    for (const auto& e : tt.container.env) s += e + " ";
  }
  if (!tt.container.dir.empty()) s += "\n Dir:\t\t" + tt.container.dir;
  if (tt.container.init) s += std::string("\n Init:\t\t") + (*tt.container.init ? "true" : "false");
  if (!tt.container.user.empty()) s += "\n User: " + tt.container.user;
  auto joined = [](const std::vector<std::string>& v) {
    std::string out;
    for (size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + v[i];
    return out;
  };
  if (!tt.container.capability_add.empty() || !tt.container.capability_drop.empty()) {
    s += "\nCapabilities:";
    if (!tt.container.capability_add.empty()) s += "\n Add: " + joined(tt.container.capability_add);
    if (!tt.container.capability_drop.empty()) s += "\n Drop: " + joined(tt.container.capability_drop);
  }
  if (!tt.container.sysctls.empty()) {
    s += "\nSysCtls:";
    for (const auto& [k, v] : tt.container.sysctls) s += "\n " + k + (v.empty() ? "" : ": " + v);
  }
  if (!tt.container.ulimits.empty()) {
    std::map<std::string, std::string> by_name;  // the template ranges over a map: by name
    for (const auto& u : tt.container.ulimits) by_name[u.name] = std::to_string(u.soft) + ":" + std::to_string(u.hard);
    s += "\nUlimits:";
    for (const auto& [k, v] : by_name) s += "\n " + k + ": " + v;
  }
  if (!tt.container.mounts.empty()) s += "\nMounts:";
  for (const auto& m : tt.container.mounts) {
    s += "\n Target:\t" + m.target + "\n  Source:\t" + m.source + "\n  ReadOnly:\t" + (m.read_only ? "true" : "false") +
         "\n  Type:\t\t" + m.type;
  }
  if (!tt.container.configs.empty()) {
    s += "\nConfigs:";
    for (const auto& c : tt.container.configs) s += "\n Target:\t" + c.file_name + "\n  Source:\t" + c.name;
  }
  if (!tt.container.secrets.empty()) {
    s += "\nSecrets:";
    for (const auto& c : tt.container.secrets) s += "\n Target:\t" + c.file_name + "\n  Source:\t" + c.name;
  }
  if (tt.log_driver) {
    s += "\nLog Driver:";
    if (!tt.log_driver->name.empty()) s += "\n Name:\t\t" + tt.log_driver->name;
    if (!tt.log_driver->options.empty()) {
      s += "\n LogOpts:";
      for (const auto& [k, v] : tt.log_driver->options) s += "\n  " + k + (v.empty() ? "" : ":       " + v);
    }
    s += "\n";  // docker's template leaves a blank line after the block
  }
  s += "\nResources:";
  const auto& res = tt.resources;
  if (res.reservations.nano_cpus > 0 || res.reservations.memory_bytes > 0) {
    s += "\n Reservations:";
    if (res.reservations.nano_cpus > 0) s += "\n  CPU:\t\t" + FormatG(res.reservations.nano_cpus / 1e9);
    if (res.reservations.memory_bytes) s += "\n  Memory:\t" + BytesSize(static_cast<double>(res.reservations.memory_bytes));
  }
  if (res.limits.nano_cpus > 0 || res.limits.memory_bytes > 0 || res.limits.pids > 0) {
    s += "\n Limits:";
    if (res.limits.nano_cpus > 0) s += "\n  CPU:\t\t" + FormatG(res.limits.nano_cpus / 1e9);
    if (res.limits.memory_bytes) s += "\n  Memory:\t" + BytesSize(static_cast<double>(res.limits.memory_bytes));
  }
  // docker's template puts PIDs after the Limits block, indented as if inside it.
  if (res.limits.pids > 0) s += "\n  PIDs:\t\t" + std::to_string(res.limits.pids);
  if (!tt.networks.empty()) {
    s += "\nNetworks:";
    for (const auto& n : tt.networks) {
      auto it = state.networks.find(n.target);
      s += " " + (it != state.networks.end() ? it->second.name : n.target);
    }
    s += " ";
  }
  s += "\nEndpoint Mode:\t" + spec.endpoint.mode;
  if (!spec.endpoint.ports.empty()) {
    s += "\nPorts:";
    for (const auto& p : spec.endpoint.ports) {
      s += "\n PublishedPort = " + std::to_string(p.published_port) + "\n  Protocol = " + p.protocol +
           "\n  TargetPort = " + std::to_string(p.target_port) + "\n  PublishMode = " + p.publish_mode;
    }
    s += " ";
  }
  return s + "\n";
}

nlohmann::json ServiceJson(const ClusterState& state, const Service& service) {
  (void)state;
  // docker service inspect asks the daemon to insert swarm's defaults.
  Service shown = service;
  auto& tt = shown.spec.task_template;
  if (!tt.restart_policy) {
    RestartPolicy rp;
    rp.delay = kDefaultRestartDelay;
    rp.max_attempts = 0;
    tt.restart_policy = rp;
  }
  shown.spec.update_config = WithDefaults(shown.spec.update_config);
  shown.spec.rollback_config = WithDefaults(shown.spec.rollback_config);
  return ToJson(shown);
}

std::string GeneratedServiceName(ClusterState* state) {
  static const char* kAdjectives[] = {"brave", "calm", "eager", "fancy", "gentle", "happy", "jolly", "keen",
                                      "lucid", "merry", "nifty", "quirky", "sharp", "tender", "vivid", "witty"};
  static const char* kNames[] = {"curie", "darwin", "euler", "fermi", "gauss", "hopper", "kepler", "lovelace",
                                 "meitner", "newton", "noether", "pascal", "ritchie", "turing", "volta", "wu"};
  for (;;) {
    std::string id = NewId(state);
    std::string name = std::string(kAdjectives[(id[0] + id[1]) % 16]) + "_" + kNames[(id[2] + id[3]) % 16];
    bool taken = false;
    for (const auto& [sid, s] : state->services) taken |= s.spec.name == name;
    if (!taken) return name;
  }
}

}  // namespace swarmsim
