// Whether every command a lesson names is one swarmsim has: checked when a
// lesson is loaded, so a typo ("swarmsim stak ls") is reported with the file and
// line before a class starts, not halfway through.
#pragma once

#include "core/lesson/lesson.h"
#include "core/status.h"

namespace swarmsim::lesson {

// InvalidArgument "FILE:LINE: step 'ID': unknown command: LINE (swarmsim's
// error)" for the first command (in steps, requires or checks) that names no
// swarmsim command. Runs nothing: only the command table is consulted.
Status CheckCommandsExist(const Lesson& lesson);

}  // namespace swarmsim::lesson
