// The scenarios/ folder compiled into the binary (cmake/embed_scenarios.cmake):
// every lesson, preset, stack, config and secret file, by its path under
// scenarios/, sorted by path. Read it through ScenarioFiles.
#pragma once

#include <cstddef>

namespace swarmsim::lesson {

struct BuiltinScenarioFile {
  const char* path;  // relative to scenarios/, e.g. "todo-list/v1.yml"
  const char* text;
};

extern const BuiltinScenarioFile kBuiltinScenarioFiles[];
extern const size_t kBuiltinScenarioFileCount;

}  // namespace swarmsim::lesson
