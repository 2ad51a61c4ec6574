#include "core/command/registry.h"

#include "core/command/api_command.h"

namespace swarmsim {

namespace {

bool WordMatches(const CommandDef& def, size_t i, const std::string& word) {
  if (def.path[i] == word) return true;
  if (i + 1 != def.path.size()) return false;
  for (const auto& a : def.aliases) {
    if (a == word) return true;
  }
  return false;
}

}  // namespace

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
    RegisterLessonCommands(&d);
    RegisterNetworkCommands(&d);
    RegisterContainerCommands(&d);
    RegisterApiCommands(&d);
    RegisterServeCommands(&d);
    return d;
  }();
  return defs;
}

const std::vector<CommandGroup>& AllCommandGroups() {
  // docker's words for docker's groups.
  static const std::vector<CommandGroup> groups = {
      {.name = "config", .description = "Manage Swarm configs", .swarm = true},
      {.name = "container", .description = "Manage containers"},
      {.name = "image", .description = "Manage images"},
      {.name = "network", .description = "Manage networks"},
      {.name = "lesson", .description = "Walk through a lesson: its commands, what to watch, and checks"},
      {.name = "node", .description = "Manage Swarm nodes", .swarm = true},
      {.name = "secret", .description = "Manage Swarm secrets", .swarm = true},
      {.name = "service", .description = "Manage Swarm services", .swarm = true},
      {.name = "stack", .description = "Manage Swarm stacks", .swarm = true},
      {.name = "swarm", .description = "Manage Swarm", .swarm = true},
      {.name = "time", .description = "Pause, step, advance or speed up the cluster's virtual clock"},
      {.name = "volume", .description = "Manage volumes"},
  };
  return groups;
}

const CommandDef* FindCommand(const std::vector<std::string>& path) {
  for (const auto& def : AllCommands()) {
    if (def.path.size() != path.size()) continue;
    bool match = true;
    for (size_t i = 0; i < path.size() && match; ++i) match = WordMatches(def, i, path[i]);
    if (match) return &def;
  }
  return nullptr;
}

}  // namespace swarmsim
