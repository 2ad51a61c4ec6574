// `swarmsim lesson list | show NAME | run NAME [--lang ko|en] [--auto] [--from STEP]
// | export NAME [--lang ko|en] -o FILE.html` (the page of a whole unattended run):
// the terminal face of core/lesson. Prints, reads Enter between steps (unless
// --auto or stdin is not a terminal), and returns the process exit code: 0 when
// every step's checks held, 1 on a failed check, a bad lesson file or bad usage.
//
// State: a lesson runs on its own database, LESSONS/NAME.db beside the usual
// cluster database (so it never touches the class's own cluster); it is made
// afresh when the run starts at the first step and kept for --from. --state PATH
// runs it on PATH instead (which must hold no swarm unless --from is given).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/model/time.h"

namespace swarmsim {

struct LessonCliOptions {
  std::string state_flag;  // --state given before `lesson`, or empty
  std::map<std::string, std::string> env;
  Time wall_now = 0;
  uint64_t seed = 0;
  bool interactive = false;  // stdin and stdout are terminals
};

// REQUIRES: args[0] == "lesson".
int RunLessonCli(const LessonCliOptions& options, const std::vector<std::string>& args);

}  // namespace swarmsim
