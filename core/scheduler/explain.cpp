#include "core/scheduler/explain.h"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "core/format/table.h"
#include "core/format/time_format.h"
#include "core/scheduler/scheduler.h"

namespace swarmsim {

namespace {

// Filter names as column headers, in pipeline order.
std::string Header(const std::string& filter) {
  if (filter == "HostPort") return "HOSTPORT";
  if (filter == "MaxReplicas") return "MAXREPLICAS";
  std::string out = filter;
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::string Field(const char* label, const std::string& value) {
  std::string out = label;
  out.append(11 - out.size(), ' ');
  return out + value + "\n";
}

std::string Plural(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::string FormatDecisionTime(Time t) {
  // "2026-03-01T10:15:42.5Z" -> "2026-03-01 10:15:42 UTC" (whole seconds).
  std::string iso = FormatRFC3339Nano(t - ((t % kSecond) + kSecond) % kSecond);
  iso[10] = ' ';
  return iso.substr(0, 19) + " UTC";
}

std::string RenderDecisionTable(const Decision& d, const std::string& task_id) {
  const TaskPlacement* mine = nullptr;
  size_t placed = 0;
  for (const auto& p : d.placements) {
    if (p.task_id == task_id) mine = &p;
    if (!p.node_id.empty()) ++placed;
  }
  const NodeVerdict* chosen = nullptr;
  if (mine && !mine->node_id.empty()) {
    for (const auto& n : d.nodes) {
      if (n.node_id == mine->node_id) chosen = &n;
    }
  }

  std::string out;
  if (!mine) {
    out += Field("Task:", task_id + "  (not in this decision)");
  } else {
    // Docker names replicated tasks <service>.<slot>, global ones <service>.<node ID>.
    std::string suffix = mine->slot != 0 ? std::to_string(mine->slot) : mine->node_id;
    out += Field("Task:", task_id + (suffix.empty() ? "" : "  (" + d.service_name + "." + suffix + ")"));
  }
  out += Field("Service:", d.service_name + "  (spec version " + std::to_string(d.spec_version) + ")");
  out += Field("Decided:", FormatDecisionTime(d.time) + "  (decision " + d.id + ", " +
                               Plural(d.placements.size(), "task", "tasks") + ", " + std::to_string(placed) +
                               " placed)");
  out += "\n";

  bool show_failures = false;
  for (const auto& n : d.nodes) show_failures |= n.recent_failures > 0;

  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> header{"HOSTNAME"};
  if (!d.nodes.empty()) {
    for (const auto& f : d.nodes.front().filters) header.push_back(Header(f.filter));
  } else {
    for (const char* f : {"READY", "RESOURCES", "PLUGIN", "CONSTRAINT", "PLATFORM", "HOSTPORT", "MAXREPLICAS"}) {
      header.push_back(f);
    }
  }
  if (show_failures) header.push_back("RECENT FAILURES");
  header.push_back("SERVICE TASKS");
  header.push_back("TOTAL TASKS");
  rows.push_back(std::move(header));
  for (const auto& n : d.nodes) {
    std::vector<std::string> row{n.hostname + (&n == chosen ? " *" : "")};
    for (const auto& f : n.filters) row.push_back(!f.enabled ? "-" : f.passed ? "ok" : f.reason);
    if (show_failures) row.push_back(std::to_string(n.recent_failures));
    row.push_back(std::to_string(n.service_tasks));
    row.push_back(std::to_string(n.total_tasks));
    rows.push_back(std::move(row));
  }
  out += RenderTable(rows);
  if (d.nodes.empty()) out += "(no nodes)\n";
  out += "\n";

  if (chosen) {
    out += Field("Chosen:", chosen->hostname + " *  (had " +
                                Plural(static_cast<size_t>(mine->service_tasks_before), "task", "tasks") +
                                " of this service, " + std::to_string(mine->total_tasks_before) +
                                " in total, when chosen)");
    out += Field("Result:", std::string(mine->slot == 0 ? kPreassignedMessage : kAssignedMessage) + " " +
                                chosen->hostname);
  } else if (mine) {
    out += Field("Result:", d.error.empty() ? std::string("not placed") : d.error);
  } else {
    out += Field("Result:", d.error.empty() ? std::string("all tasks placed") : d.error);
  }
  return out;
}

}  // namespace swarmsim
