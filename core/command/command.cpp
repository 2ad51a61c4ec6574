#include "core/command/command.h"

#include <algorithm>

#include "core/command/registry.h"
#include "core/orchestrator/reconcile.h"

namespace swarmsim {

namespace {

const std::vector<CommandDef>& AllCommands() {
  static const std::vector<CommandDef> defs = [] {
    std::vector<CommandDef> d;
    RegisterSwarmCommands(&d);
    RegisterNodeCommands(&d);
    RegisterServiceCommands(&d);
    RegisterStackCommands(&d);
    RegisterTimeCommands(&d);
    RegisterExplainCommands(&d);
    RegisterReplayCommands(&d);
    RegisterEventsCommands(&d);
    RegisterVolumeCommands(&d);
    RegisterExecCommands(&d);
    RegisterCurlCommands(&d);
    RegisterLogsCommands(&d);
    RegisterImageCommands(&d);
    RegisterSnapshotCommands(&d);
    RegisterConfigCommands(&d);
    RegisterNetworkCommands(&d);
    RegisterContainerCommands(&d);
    return d;
  }();
  return defs;
}

bool WordMatches(const CommandDef& def, size_t i, const std::string& word) {
  if (def.path[i] == word) return true;
  if (i + 1 != def.path.size()) return false;
  for (const auto& a : def.aliases) if (a == word) return true;
  return false;
}

// Finds the command whose path is the longest prefix of `args`.
const CommandDef* Lookup(const std::vector<std::string>& args, size_t* consumed) {
  const CommandDef* best = nullptr;
  for (const auto& def : AllCommands()) {
    if (def.path.size() > args.size()) continue;
    bool match = true;
    for (size_t i = 0; i < def.path.size() && match; ++i) match = WordMatches(def, i, args[i]);
    if (match && (!best || def.path.size() > best->path.size())) best = &def;
  }
  if (best) *consumed = best->path.size();
  return best;
}

std::string Join(const std::vector<std::string>& v, const std::string& sep) {
  std::string s;
  for (size_t i = 0; i < v.size(); ++i) s += (i ? sep : "") + v[i];
  return s;
}

std::string GroupHelp(const std::string& group) {
  std::string out;
  for (const auto& def : AllCommands()) {
    if (!group.empty() && def.path[0] != group) continue;
    out += "  swarmsim " + def.usage + "\n";
  }
  return out;
}

}  // namespace

std::vector<std::vector<std::string>> PerObjectCommands(const std::vector<std::string>& args) {
  size_t consumed = 0;
  const CommandDef* def = Lookup(args, &consumed);
  if (!def || !def->per_object) return {};
  std::vector<std::string> rest(args.begin() + consumed, args.end());
  for (const auto& r : rest) {
    if (r == "--help" || r == "-h") return {};
  }
  auto parsed = ParseFlags(def->flags, rest);
  if (!parsed.ok() || parsed->positional().size() < 2) return {};
  // The flags in one canonical spelling, then the object after "--" (a name may
  // start with a dash).
  std::vector<std::string> common(args.begin(), args.begin() + consumed);
  for (const auto& [name, values] : parsed->values_) {
    for (const auto& v : values) common.push_back("--" + name + "=" + v);
  }
  std::vector<std::vector<std::string>> out;
  for (const auto& object : parsed->positional()) {
    std::vector<std::string> one = common;
    one.push_back("--");
    one.push_back(object);
    out.push_back(std::move(one));
  }
  return out;
}

bool IsReadOnlyCommand(const std::vector<std::string>& args) {
  size_t consumed = 0;
  const CommandDef* def = Lookup(args, &consumed);
  if (!def) return false;
  // A dry run only reads, whatever the command.
  return def->read_only || std::find(args.begin(), args.end(), "--dry-run") != args.end();
}

CommandOutput RunCommand(CommandContext* ctx, const std::vector<std::string>& args) {
  CommandOutput out;
  if (args.empty() || args[0] == "help" || args[0] == "--help") {
    out.out = "Usage:  swarmsim COMMAND\n\nA Docker Swarm cluster simulated in one process.\n\nCommands:\n" +
              GroupHelp("");
    return out;
  }
  size_t consumed = 0;
  const CommandDef* def = Lookup(args, &consumed);
  if (!def) {
    bool group_known = false;
    for (const auto& d : AllCommands()) group_known |= d.path[0] == args[0];
    if (group_known && args.size() >= 2 && args[1][0] != '-') {
      out.err = "swarmsim: '" + args[1] + "' is not a swarmsim " + args[0] + " command.\n";
    } else if (group_known) {
      out.out = "Usage:  swarmsim " + args[0] + " COMMAND\n\nCommands:\n" + GroupHelp(args[0]);
      return out;
    } else {
      out.err = "swarmsim: '" + args[0] + "' is not a swarmsim command.\n";
    }
    out.exit_code = 1;
    return out;
  }
  std::vector<std::string> rest(args.begin() + consumed, args.end());
  for (const auto& r : rest) {
    if (r == "--help" || r == "-h") {
      out.out = "Usage:  swarmsim " + def->usage + "\n";
      return out;
    }
  }
  Result<ParsedArgs> parsed = ParsedArgs();
  if (def->raw_args) {
    parsed.value().positional_ = rest;
  } else {
    parsed = ParseFlags(def->flags, rest);
  }
  std::string cmd = "swarmsim " + Join(def->path, " ");
  if (!parsed.ok()) {
    out.err = parsed.status().message() + "\n";
    out.exit_code = 1;
    return out;
  }
  int n = static_cast<int>(parsed->positional().size());
  std::string arg_error;
  auto plural = [](int k) { return std::to_string(k) + (k == 1 ? " argument" : " arguments"); };
  if (def->min_args == def->max_args && n != def->min_args) {
    arg_error = def->min_args == 0 ? "accepts no arguments" : "requires " + plural(def->min_args);
  } else if (n < def->min_args) {
    arg_error = "requires at least " + plural(def->min_args);
  } else if (def->max_args >= 0 && n > def->max_args) {
    arg_error = "requires at most " + plural(def->max_args);
  }
  if (!arg_error.empty()) {
    out.err = "swarmsim: '" + cmd + "' " + arg_error + "\n";
    out.exit_code = 1;
    return out;
  }
  Status st = def->run(ctx, *parsed, &out);
  // What a command changed takes effect at once: orchestrators, scheduler and
  // agents react in the same instant (and the same transaction).
  if (st.ok() && !IsReadOnlyCommand(args)) Reconcile(ctx->state);
  if (!st.ok()) {
    // A failed command changes nothing, so nothing it printed stands: one error line.
    out.out.clear();
    out.err = st.message() + "\n";
    out.exit_code = 1;
  }
  return out;
}

}  // namespace swarmsim
