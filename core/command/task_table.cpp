#include "core/command/task_table.h"

#include <algorithm>
#include <iterator>

#include "core/command/output.h"
#include "core/format/human_duration.h"

namespace swarmsim {

namespace {

std::string StripDigest(const std::string& image) {
  auto at = image.find('@');
  return at == std::string::npos ? image : image.substr(0, at);
}

// Docker quotes the error and cuts it to 30 display columns (29 + "…").
std::string ErrorCell(const std::string& err, bool no_trunc) {
  if (err.empty()) return "";
  if (no_trunc) return "\"" + err + "\"";
  // Count display columns over UTF-8 code points.
  size_t cols = 0, i = 0, cut = std::string::npos;
  while (i < err.size()) {
    unsigned char c = static_cast<unsigned char>(err[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    if (cols == 29) cut = i;
    ++cols;
    i += len;
  }
  if (cols <= 30) return "\"" + err + "\"";
  return "\"" + err.substr(0, cut) + "…\"";
}

struct Filter {
  std::string key, value;
};

Result<std::vector<Filter>> ParseFilters(const std::vector<std::string>& raw) {
  std::vector<Filter> out;
  for (const auto& f : raw) {
    auto eq = f.find('=');
    if (eq == std::string::npos) {
      return Status::InvalidArgument("bad format of filter (expected name=value)");
    }
    Filter flt{f.substr(0, eq), f.substr(eq + 1)};
    if (flt.key != "desired-state" && flt.key != "id" && flt.key != "name" && flt.key != "node" &&
        flt.key != "label") {
      return Status::InvalidArgument("invalid filter '" + flt.key + "'");
    }
    if (flt.key == "desired-state" && flt.value != "running" && flt.value != "shutdown" &&
        flt.value != "accepted" && flt.value != "ready" && flt.value != "remove") {
      return Status::Daemon(Status::Code::kInvalidArgument,
                            "Invalid task desired state '" + flt.value + "'");
    }
    out.push_back(flt);
  }
  return out;
}

bool Matches(const ClusterState& state, const Task& t, const std::vector<Filter>& filters) {
  // Values of one key are ORed; different keys are ANDed.
  std::map<std::string, bool> by_key;
  for (const auto& f : filters) {
    bool m = false;
    if (f.key == "desired-state") {
      m = f.value == "running" ? (t.desired_state == TaskState::kRunning || t.desired_state == TaskState::kReady)
          : f.value == "shutdown" ? t.desired_state >= TaskState::kShutdown
                                  : ToString(t.desired_state) == f.value;
    } else if (f.key == "id") {
      m = t.id.rfind(f.value, 0) == 0;
    } else if (f.key == "name") {
      m = TaskName(state, t).rfind(f.value, 0) == 0;
    } else if (f.key == "node") {
      auto n = state.nodes.find(t.node_id);
      m = t.node_id == f.value || (n != state.nodes.end() && n->second.description.hostname == f.value);
    } else if (f.key == "label") {
      m = false;
    }
    by_key[f.key] = by_key[f.key] || m;
  }
  for (const auto& [k, v] : by_key) if (!v) return false;
  return true;
}

}  // namespace

std::vector<FlagSpec> TaskListFlags(const std::string& format_help) {
  return {FlagSpec::Bool("no-trunc", 0, "Do not truncate output"),
          FlagSpec::Bool("quiet", 'q', "Only display task IDs"),
          FlagSpec::Value("format", 0, "string", format_help),
          FlagSpec::Value("filter", 'f', "filter", "Filter output based on conditions provided"),
          FlagSpec::Bool("no-resolve", 0, "Do not map IDs to Names")};
}

TaskTableOptions TaskTableOptionsFrom(const ParsedArgs& args) {
  TaskTableOptions opts;
  opts.no_trunc = args.Has("no-trunc");
  opts.quiet = args.Has("quiet");
  opts.format = args.Get("format");
  opts.filters = args.GetAll("filter");
  opts.no_resolve = args.Has("no-resolve");
  return opts;
}

std::string TaskName(const ClusterState& /*state*/, const Task& task) {
  std::string service = task.service_name.empty() ? task.service_id : task.service_name;
  // As the CLI names tasks: by slot, or by node when the slot is 0 (global
  // services, and a replicated job's first slot, which swarm numbers from 0).
  return service + "." + (task.slot != 0 ? std::to_string(task.slot) : task.node_id);
}

Status PrintTaskTable(const ClusterState& state, std::vector<const Task*> tasks, const TaskTableOptions& options,
                      CommandOutput* out) {
  auto filters = ParseFilters(options.filters);
  if (!filters.ok()) return filters.status();
  std::vector<const Task*> kept;
  for (const Task* t : tasks) if (Matches(state, *t, filters.value())) kept.push_back(t);
  // By name (natural), then newest first.
  std::vector<std::pair<std::string, const Task*>> named;
  for (const Task* t : kept) {
    std::string name = TaskName(state, *t);
    // --no-resolve names tasks after the service ID.
    if (options.no_resolve) name = t->service_id + name.substr(name.rfind('.'));
    named.push_back({name, t});
  }
  std::stable_sort(named.begin(), named.end(), [](const auto& a, const auto& b) {
    if (a.first != b.first) return NaturalLess(a.first, b.first);
    if (a.second->created_at != b.second->created_at) return a.second->created_at > b.second->created_at;
    return a.second->id > b.second->id;
  });
  bool table = options.format.empty() || options.format.rfind("table", 0) == 0;
  // One row's fields, in kFields order (the default table's columns).
  static const char* const kFields[] = {"ID",           "Name",         "Image", "Node",
                                        "DesiredState", "CurrentState", "Error", "Ports"};
  std::vector<std::vector<std::string>> cells;
  cells.reserve(named.size());
  std::string previous;
  for (const auto& [name, t] : named) {
    std::string node = t->node_id;
    if (auto n = state.nodes.find(t->node_id); n != state.nodes.end() && !options.no_resolve) {
      node = n->second.description.hostname;
    }
    std::string image = t->spec ? t->spec->container.image : "";
    std::string shown_name = name;
    if (table && name == previous) shown_name = " \\_ " + name;
    previous = name;
    Duration age = state.clock.now - t->status.timestamp;
    std::vector<std::string>& row = cells.emplace_back();
    row.reserve(std::size(kFields));
    row.push_back(options.no_trunc ? t->id : ShortId(t->id));
    row.push_back(std::move(shown_name));
    row.push_back(options.no_trunc ? std::move(image) : StripDigest(image));
    row.push_back(std::move(node));
    row.push_back(Capitalize(ToString(t->desired_state)));
    row.push_back(TaskStateAge(Capitalize(ToString(t->status.state)), age));
    row.push_back(ErrorCell(t->status.err, options.no_trunc));
    row.push_back("");
  }
  ListFormat list;
  list.table =
      "table {{.ID}}\t{{.Name}}\t{{.Image}}\t{{.Node}}\t{{.DesiredState}}\t{{.CurrentState}}\t{{.Error}}\t{{.Ports}}";
  list.headers = {{"ID", "ID"},
                  {"Name", "NAME"},
                  {"Image", "IMAGE"},
                  {"Node", "NODE"},
                  {"DesiredState", "DESIRED STATE"},
                  {"CurrentState", "CURRENT STATE"},
                  {"Error", "ERROR"},
                  {"Ports", "PORTS"}};
  list.context_type = "*task.taskContext";
  // The default table prints the fields themselves, line by line (100,000 rows
  // are a whole JSON object each otherwise).
  if (ResolveListFormat(options.format, options.quiet, list) == list.table &&
      PrintTableCells(list, &cells, options.may_stream, out)) {
    return Status::OK();
  }
  std::vector<nlohmann::json> rows;
  rows.reserve(cells.size());
  for (auto& row : cells) {
    nlohmann::json& obj = rows.emplace_back(nlohmann::json::object());
    for (size_t i = 0; i < row.size(); ++i) obj[kFields[i]] = std::move(row[i]);
  }
  return PrintList(rows, list, options.format, options.quiet, out);
}

}  // namespace swarmsim
