// Reading lesson files and cluster presets (YAML, through yaml-cpp).
//
// Every error is one line naming the file and the line: "FILE:LINE: what is
// wrong", e.g. "scenarios/x/lesson.yml:12: step 'v3': missing field 'explain'".
// Checked here: required fields (both languages of every text), unknown keys,
// duplicate step IDs, references to steps that do not come earlier, answers that
// name no choice, and commands that are not swarmsim's (every command must start
// with "swarmsim"). Whether a command exists is checked when it runs.
#pragma once

#include <string>

#include "core/lesson/lesson.h"
#include "core/status.h"

namespace swarmsim::lesson {

// Parses a lesson; `name` becomes Lesson::name, `file` is used in messages.
// A preset named in `cluster.preset` is left unresolved (see ResolvePreset).
Result<Lesson> ParseLesson(const std::string& text, const std::string& file, const std::string& name);

// Parses a preset file (description and nodes).
Result<Cluster> ParsePreset(const std::string& text, const std::string& file);

}  // namespace swarmsim::lesson
