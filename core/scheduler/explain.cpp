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

namespace {

// The first enabled filter `n` failed, or nullptr when it passed them all.
const FilterVerdict* FirstFailure(const NodeVerdict& n) {
  for (const auto& f : n.filters) {
    if (f.enabled && !f.passed) return &f;
  }
  return nullptr;
}

// "passes every filter", then "fails <FILTER>" per failing filter in pipeline
// order, with how many nodes each: what a 100,000-row table would say.
std::string RenderVerdictCounts(const Decision& d) {
  std::vector<std::string> order;  // filter names in pipeline order
  if (!d.nodes.empty()) {
    for (const auto& f : d.nodes.front().filters) order.push_back(f.filter);
  }
  size_t eligible = 0;
  std::vector<size_t> failed(order.size(), 0);
  for (const auto& n : d.nodes) {
    const FilterVerdict* f = FirstFailure(n);
    if (!f) {
      ++eligible;
      continue;
    }
    auto at = std::find(order.begin(), order.end(), f->filter);
    if (at == order.end()) {
      order.push_back(f->filter);
      failed.push_back(0);
      at = order.end() - 1;
    }
    ++failed[static_cast<size_t>(at - order.begin())];
  }
  std::vector<std::vector<std::string>> rows{{"VERDICT", "NODES"}};
  rows.push_back({"passes every filter", std::to_string(eligible)});
  for (size_t i = 0; i < order.size(); ++i) {
    if (failed[i] != 0) rows.push_back({"fails " + Header(order[i]), std::to_string(failed[i])});
  }
  return RenderTable(rows);
}

}  // namespace

std::string RenderDecisionTable(const Decision& d, const std::string& task_id, const ExplainOptions& options) {
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

  if (options.summary) {
    out += RenderVerdictCounts(d);
    out += "\n";
  }

  bool show_failures = false;
  for (const auto& n : d.nodes) show_failures |= n.recent_failures > 0;

  // Which rows the table shows: every node, one node, or (summary) the chosen one.
  auto shown = [&](const NodeVerdict& n) {
    if (options.summary) return &n == chosen;
    return options.node_id.empty() || n.node_id == options.node_id;
  };
  bool any_shown = false;
  for (const auto& n : d.nodes) any_shown |= shown(n);
  if (!options.summary || any_shown) {
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
      if (!shown(n)) continue;
      std::vector<std::string> row{n.hostname + (&n == chosen ? " *" : "")};
      for (const auto& f : n.filters) row.push_back(!f.enabled ? "-" : f.passed ? "ok" : f.reason);
      if (show_failures) row.push_back(std::to_string(n.recent_failures));
      row.push_back(std::to_string(n.service_tasks));
      row.push_back(std::to_string(n.total_tasks));
      rows.push_back(std::move(row));
    }
    out += RenderTable(rows);
    if (d.nodes.empty()) out += "(no nodes)\n";
    else if (!any_shown) out += "(the node was not considered in this decision)\n";
    out += "\n";
  }

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
