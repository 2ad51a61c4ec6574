// How command groups describe their commands to the dispatcher and to --help.
//
// Every member has a default member initializer, so a table entry may name only
// the members it sets (designated initializers) and -Wextra stays quiet: keep it
// so when adding members.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/command/command.h"
#include "core/command/flags.h"

namespace swarmsim {

struct CommandDef {
  std::vector<std::string> path = {};     // {"node", "ls"}
  std::vector<std::string> aliases = {};  // other names for the last word: {"list"}
  std::string usage = {};                 // "node ls [OPTIONS]", without the program name
  // One line, shown in --help and in the group's command list. For docker's
  // commands, docker's own words.
  std::string description = {};
  std::vector<FlagSpec> flags = {};
  int min_args = 0;
  int max_args = -1;  // -1: unlimited
  bool read_only = false;
  std::function<Status(CommandContext*, const ParsedArgs&, CommandOutput*)> run = {};
  // Everything after the command's words is positional, flags included (docker
  // exec passes "ls -l" through to the container).
  bool raw_args = false;
  // Run by the command-line front end itself (app/), which talks to the
  // terminal; the table still gives its help and flags. `run` is not set.
  bool front_end_only = false;
  // docker's command makes one API call per object (`config rm A B`): each object
  // is a command of its own (its own transaction and command-log entry); what
  // failed is reported per object and the others stand.
  bool per_object = false;
  // A read-only command that reads no task from the state when
  // CommandContext::tasks_loaded is false (it asks the store instead): the session
  // then may skip loading the tasks.
  bool can_skip_tasks = false;
};

// A first word that holds commands ("service"), as docker's management commands.
struct CommandGroup {
  std::string name = {};
  std::string description = {};
  // Listed under "Swarm Commands" in the top-level help, as docker lists them.
  bool swarm = false;
};

// Every command and every group, registered once (the order of registration;
// help sorts by name as cobra does).
const std::vector<CommandDef>& AllCommands();
const std::vector<CommandGroup>& AllCommandGroups();

// The command named by `path` exactly (aliases count for the last word), or null.
const CommandDef* FindCommand(const std::vector<std::string>& path);

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
void RegisterLessonCommands(std::vector<CommandDef>* defs);  // front-end only
void RegisterNetworkCommands(std::vector<CommandDef>* defs);
void RegisterContainerCommands(std::vector<CommandDef>* defs);  // ps, container, inspect, info, volume create

}  // namespace swarmsim
