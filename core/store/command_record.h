// One entry of the command log: what a user ran, and every input it read, so that
// replaying the log from an empty cluster rebuilds the same cluster.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/model/time.h"

namespace swarmsim {

struct CommandRecord {
  uint64_t seq = 0;  // assigned by the store (AppendCommand), strictly increasing
  Time time = 0;     // virtual time the command ran at
  std::vector<std::string> argv;
  std::map<std::string, std::string> files;  // path as given -> content read
  std::map<std::string, std::string> env;    // environment variables the inputs referred to
};

}  // namespace swarmsim
