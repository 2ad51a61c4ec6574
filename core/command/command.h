// The swarmsim command language: argv in, docker's words out. The CLI, the window's
// console, lessons and tests all run commands through here.
//
// A command reads and changes only the ClusterState it is given; the caller owns
// the transaction (commit on exit_code 0, roll back otherwise) and the clock sync.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/cluster/state.h"
#include "core/status.h"

namespace swarmsim {

class Database;

struct CommandContext {
  ClusterState* state = nullptr;
  Database* db = nullptr;  // event log and decisions; may be null (replay)
  // Reads a file a command names (compose files). The CLI reads the disk and
  // records the content; replay serves the recorded content.
  std::function<Result<std::string>(const std::string& path)> read_file;
  std::map<std::string, std::string> env;  // for compose interpolation
  // Variables a command read from `env` beyond a compose file's ${...} (bare names
  // in env files, PWD): the command log keeps them for replay.
  std::set<std::string> env_used = {};
  uint64_t seed = 0;                       // for `swarm init` (0: from the clock)
  // Set by `load`: the database's rows (its command log included) came from a
  // file, so the session must not append this command to the log.
  bool replaced_database = false;
};

// The services docker would wait for to converge after `service create|update|
// scale|rollback` without --detach, named as given. The CLI waits and shows the
// progress (app/service_wait); other callers (the window, lessons, the Engine API)
// return at once, as with -d.
struct ConvergeWait {
  std::vector<std::string> services;  // empty: nothing to wait for
  bool quiet = false;                 // -q: wait without showing progress
  bool name_errors = false;           // scale: each failed wait's error begins "SERVICE: "
};

struct CommandOutput {
  std::string out;
  std::string err;
  int exit_code = 0;
  // `events` without --until: the caller keeps following, asking again for the
  // events after `follow_after_seq` (the session layer holds no lock in between).
  bool follow = false;
  uint64_t follow_after_seq = 0;
  // Client-side warnings docker prints on stderr as it goes (compose loading):
  // RunCommand puts them before `err`, and they stand even when the command fails.
  std::string warnings = {};
  // What docker would now wait for: see ConvergeWait.
  ConvergeWait converge = {};
};

// Runs one command (argv without the program name), e.g. {"service", "ls"}.
CommandOutput RunCommand(CommandContext* ctx, const std::vector<std::string>& args);

// What docker answers without asking the daemon: help (--help, -h, `help TOPIC`,
// no arguments, a group alone) and unknown commands. nullopt when `args` name a
// command to run. Reads no cluster.
std::optional<CommandOutput> AnswerWithoutCluster(const std::vector<std::string>& args);

// For a command docker runs as one API call per object (`config rm A B`, `service
// rm`, `node rm`, `volume rm`, `network rm`, `stack rm`, `secret rm`): one argv per
// object, each the same command for that object alone. Empty when `args` is not
// such a command, names fewer than two objects, or does not parse (it then fails
// as a whole, changing nothing).
std::vector<std::vector<std::string>> PerObjectCommands(const std::vector<std::string>& args);

// True when the command only reads (ls, ps, inspect, explain, config, status): the
// caller need not record it in the command log.
bool IsReadOnlyCommand(const std::vector<std::string>& args);

}  // namespace swarmsim
