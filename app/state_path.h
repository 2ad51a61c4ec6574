// Where the cluster database lives: --state PATH, else $SWARMSIM_STATE, else
// ~/.local/state/swarmsim/cluster.db (XDG_STATE_HOME honoured).
#pragma once

#include <map>
#include <string>

namespace swarmsim {

std::string ResolveStatePath(const std::string& flag, const std::map<std::string, std::string>& env);

// A lesson's own database, lessons/NAME.db beside the usual one (so a lesson
// never touches the user's cluster); `lesson run` and the window's --lesson use it.
std::string LessonStatePath(const std::string& lesson, const std::map<std::string, std::string>& env);

// Removes the database file at `path` with its -wal, -shm and -journal files.
void RemoveDatabaseFiles(const std::string& path);

// The process environment as a map (the CLI and the window read their settings
// from it, and compose files interpolate it).
std::map<std::string, std::string> ProcessEnvironment();

}  // namespace swarmsim
