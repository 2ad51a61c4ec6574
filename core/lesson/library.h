// Where lessons live: NAME/lesson.yml, with cluster presets in presets/NAME.yml,
// among the scenario files (core/lesson/scenario_files.h: built into the binary,
// optionally overlaid by a folder).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/lesson/lesson.h"
#include "core/lesson/scenario_files.h"
#include "core/status.h"

namespace swarmsim::lesson {

// The names of the lessons among `files`, sorted. IOError when the overlay
// folder cannot be read.
Result<std::vector<std::string>> ListLessons(const ScenarioFiles& files);

// Reads and checks NAME/lesson.yml and resolves its preset.
// NotFound "unknown lesson: NAME (see swarmsim lesson list)" when there is none;
// InvalidArgument "FILE:LINE: ..." for a bad lesson or preset file, or a
// command swarmsim does not have (CheckCommandsExist).
Result<Lesson> LoadLesson(const ScenarioFiles& files, const std::string& name);

// Reads presets/NAME.yml. NotFound "unknown cluster preset 'NAME' (presets: ...)"
// when there is none; InvalidArgument "FILE:LINE: ..." for a bad preset file.
Result<Cluster> LoadPreset(const ScenarioFiles& files, const std::string& name);

// The names of the presets (presets/NAME.yml), sorted.
std::vector<std::string> ListPresets(const ScenarioFiles& files);

// The swarmsim commands (argv without "swarmsim") that build `cluster` on an
// empty state: swarm init on the first node, node add for the others, then
// `time pause` so the lesson decides when virtual time moves.
std::vector<std::vector<std::string>> SetupCommands(const Cluster& cluster);

}  // namespace swarmsim::lesson
