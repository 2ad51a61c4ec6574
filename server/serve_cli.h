// `swarmsim serve [-H unix:///PATH | -H tcp://127.0.0.1:PORT]... [--node NAME]`:
// flags in, the engine server run until SIGINT/SIGTERM.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "core/command/session.h"

namespace swarmsim {

// `args` starts with "serve". `session` carries the database path, seed and
// environment; `fixed_wall` (from SWARMSIM_WALL_CLOCK, 0: none) pins the wall clock.
int RunServeCli(const std::vector<std::string>& args, const SessionOptions& session, Time fixed_wall,
                std::ostream& out, std::ostream& err);

}  // namespace swarmsim
