// Where lessons live: SCENARIOS/NAME/lesson.yml, with cluster presets in
// SCENARIOS/presets/NAME.yml. The CLI and the window find SCENARIOS from
// $SWARMSIM_SCENARIOS or the source tree the binary was built from.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/lesson/lesson.h"
#include "core/status.h"

namespace swarmsim::lesson {

// The scenarios directory: $SWARMSIM_SCENARIOS when set, else the source
// tree's scenarios/ (compiled in, so build/bin/swarmsim finds it from anywhere).
std::string DefaultScenariosDir(const std::map<std::string, std::string>& env);

// The names of the lessons under `scenarios_dir`, sorted. IOError when the
// directory cannot be read.
Result<std::vector<std::string>> ListLessons(const std::string& scenarios_dir);

// Reads and checks SCENARIOS/NAME/lesson.yml and resolves its preset.
// NotFound "unknown lesson: NAME (see swarmsim lesson list)" when there is none;
// InvalidArgument "FILE:LINE: ..." for a bad lesson or preset file, or a
// command swarmsim does not have (CheckCommandsExist).
Result<Lesson> LoadLesson(const std::string& scenarios_dir, const std::string& name);

// The names of the presets under SCENARIOS/presets, sorted.
std::vector<std::string> ListPresets(const std::string& scenarios_dir);

// The swarmsim commands (argv without "swarmsim") that build `cluster` on an
// empty state: swarm init on the first node, node add for the others, then
// `time pause` so the lesson decides when virtual time moves.
std::vector<std::vector<std::string>> SetupCommands(const Cluster& cluster);

}  // namespace swarmsim::lesson
