// The files lessons are made of (lesson.yml, cluster presets, and the stacks,
// configs and secrets their commands name), found the same way wherever swarmsim
// runs: the scenarios/ folder compiled into the binary, optionally overlaid by a
// folder on disk (`--scenarios DIR`, $SWARMSIM_SCENARIOS) whose files win. The
// CLI's `lesson run`, the window and the browser build all read lessons and run
// their commands through this one mechanism.
//
// Paths are relative to the scenarios root, as lessons write them:
// "todo-list/lesson.yml", "presets/single-node.yml", "todo-list/v1.yml".
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/status.h"

namespace swarmsim::lesson {

// Where the built-in files appear to live: the working directory (PWD) a
// lesson's commands run in, so compose's relative paths (`file: ./configs/x`)
// resolve to paths under it that ScenarioFiles recognises.
constexpr const char* kBuiltinScenariosRoot = "/scenarios";

class ScenarioFiles {
 public:
  // The built-in files only.
  ScenarioFiles() = default;
  // `dir` over the built-in files.
  explicit ScenarioFiles(const std::string& dir);

  // A folder when $SWARMSIM_SCENARIOS names one, else the built-in files.
  static ScenarioFiles FromEnvironment(const std::map<std::string, std::string>& env);

  // The folder made absolute, or kBuiltinScenariosRoot when there is none.
  std::string root() const;
  // The folder as given ("" when built in only).
  const std::string& dir() const { return dir_; }

  // The file at `path` (relative): the folder's, else the built-in one.
  // IOError "open PATH: no such file or directory" when neither has it.
  Result<std::string> Read(const std::string& path) const;
  bool Exists(const std::string& path) const;

  // The names directly under the relative folder `path` ("" for the root),
  // folders and files alike, from both sources, sorted, without repeats.
  // IOError when the overlay folder itself cannot be read.
  Result<std::vector<std::string>> List(const std::string& path) const;

  // How messages name the file at `path`: under the folder (as given) when it
  // has it, else "scenarios/PATH" (where the built-in copy came from).
  std::string DisplayPath(const std::string& path) const;

 private:
  std::string dir_;       // as given
  std::string absolute_;  // dir_ made absolute
};

using FileReader = std::function<Result<std::string>(const std::string& path)>;

// Reads the files a lesson's commands name: a relative path, or an absolute one
// under files.root(), is a scenario file; any other absolute path is read from
// disk. Run the commands with env PWD = files.root() (LessonEnvironment).
FileReader LessonFileReader(const ScenarioFiles& files);

// `env` with PWD set to files.root().
std::map<std::string, std::string> LessonEnvironment(const ScenarioFiles& files,
                                                     std::map<std::string, std::string> env);

// Reads files for commands typed by hand (the CLI, the window's console): the
// file on disk (relative to the process's working directory), else the scenario
// file of the same relative name (for an absolute path: its part under `pwd`,
// the PWD compose resolves against, or under files.root()), so
// `stack deploy -c todo-list/v1.yml todo` as a lesson shows it works from any
// folder. "-" goes to `read_stdin` (may be null: an error).
FileReader TypedFileReader(const ScenarioFiles& files, const std::string& pwd, FileReader read_stdin);

}  // namespace swarmsim::lesson
