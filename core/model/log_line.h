// One line a container wrote, as `service logs` shows it.
#pragma once

#include <string>

#include "core/model/time.h"

namespace swarmsim {

struct LogLine {
  uint64_t seq = 0;     // assigned by the store, strictly increasing
  Time time = 0;
  std::string task_id;
  std::string stream = "stdout";  // or "stderr"
  std::string text;               // without the newline
};

}  // namespace swarmsim
