// How command groups describe their commands to the dispatcher.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/command/command.h"
#include "core/command/flags.h"

namespace swarmsim {

struct CommandDef {
  std::vector<std::string> path;     // {"node", "ls"}
  std::vector<std::string> aliases;  // other names for the last word: {"list"}
  std::string usage;                 // "node ls [OPTIONS]"
  std::vector<FlagSpec> flags;
  int min_args = 0;
  int max_args = -1;  // -1: unlimited
  bool read_only = false;
  std::function<Status(CommandContext*, const ParsedArgs&, CommandOutput*)> run;
  // Everything after the command's words is positional, flags included (docker
  // exec passes "ls -l" through to the container).
  bool raw_args = false;
  // docker's command makes one API call per object (`config rm A B`): each object
  // is a command of its own (its own transaction and command-log entry); what
  // failed is reported per object and the others stand. Set after push_back.
  bool per_object = false;
};

void RegisterSwarmCommands(std::vector<CommandDef>* defs);
void RegisterNodeCommands(std::vector<CommandDef>* defs);
void RegisterServiceCommands(std::vector<CommandDef>* defs);
void RegisterStackCommands(std::vector<CommandDef>* defs);
void RegisterTimeCommands(std::vector<CommandDef>* defs);
void RegisterExplainCommands(std::vector<CommandDef>* defs);
void RegisterReplayCommands(std::vector<CommandDef>* defs);
void RegisterEventsCommands(std::vector<CommandDef>* defs);
void RegisterVolumeCommands(std::vector<CommandDef>* defs);
void RegisterExecCommands(std::vector<CommandDef>* defs);
void RegisterCurlCommands(std::vector<CommandDef>* defs);
void RegisterLogsCommands(std::vector<CommandDef>* defs);
void RegisterImageCommands(std::vector<CommandDef>* defs);
void RegisterSnapshotCommands(std::vector<CommandDef>* defs);
void RegisterConfigCommands(std::vector<CommandDef>* defs);  // config and secret
void RegisterNetworkCommands(std::vector<CommandDef>* defs);
void RegisterContainerCommands(std::vector<CommandDef>* defs);  // ps, container, inspect, info, volume create

}  // namespace swarmsim
