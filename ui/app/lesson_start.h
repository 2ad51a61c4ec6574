// A window opened on a lesson at a step (the desktop's --lesson NAME --step N,
// the browser's #lesson=NAME&step=N): shared by both platforms.
#pragma once

#include <string>

#include "core/command/session.h"
#include "ui/panels/panels.h"

namespace swarmsim::ui {

// Builds the lesson's cluster on `options` (a fresh database) and runs steps 1..N
// as `swarmsim lesson run` does, then opens the lesson panel on step N as if its
// button had just run it (its checks and changes appear on the first frame), with
// the step's commands in the console. N = 0 builds the cluster only.
// Returns false, having said which step on stderr, when a command or check failed.
bool RunLessonTo(const SessionOptions& options, const std::string& name, int steps, UiState* ui);

}  // namespace swarmsim::ui
