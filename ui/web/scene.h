// What a link into a class opens (the page's URL fragment, read by page.js and
// handed to main as flags): a lesson run up to a step (ui/app/lesson_start.h, as
// the desktop's --lesson --step), a preset cluster, a small stack deployed on load.
// Every command goes through core/command/session, as if the student had typed it.
#pragma once

#include <string>
#include <vector>

#include "core/command/session.h"
#include "core/lesson/scenario_files.h"
#include "core/status.h"

namespace swarmsim::ui {

struct Scene {
  std::string lesson;  // #lesson=todo-list
  int step = 0;        // #step=3: steps 1 to 3 run, the panel open on step 3
  std::string preset;  // #preset=one-manager-two-workers
  std::string stack;   // #stack=YAML: deployed as the stack named stack_name
  std::string stack_name = "stack";
  bool empty() const { return lesson.empty() && preset.empty() && stack.empty(); }
};

// The preset a page without a scene (and Reset) starts from.
constexpr const char* kDefaultPreset = "one-manager-two-workers";

// Builds a scene without a lesson on the empty database `options.database_path`:
// the preset's nodes (kDefaultPreset when none is named) with the clock running,
// then the stack (written to `stack_file` first, so `stack deploy -c` reads it as
// the console would). Returns the first failing command's error line.
Status BuildScene(const SessionOptions& options, const lesson::ScenarioFiles& files, const Scene& scene,
                  const std::string& stack_file);

}  // namespace swarmsim::ui
