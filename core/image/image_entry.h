// What the simulator knows about one image: how big it is (pull time), what it
// declares (volumes, environment), how it behaves once started, and the knobs
// that make it fail on cue. Entries come from the built-in catalogue
// (scenarios/images.yml, compiled in) and from `image load` in one cluster.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/model/service.h"  // HealthConfig
#include "core/model/time.h"

namespace swarmsim {

struct ImageEntry {
  std::string reference;   // normalised "name:tag"
  int64_t size_bytes = 0;  // compressed size: drives the pull time
  // The simulated program: "generic" (runs until stopped), "todo-web", "postgres".
  std::string behaviour = "generic";
  std::vector<std::string> volumes;           // VOLUME paths: anonymous volumes per task
  std::map<std::string, std::string> env;     // ENV defaults
  std::optional<Duration> exit_after;         // the process exits this long after starting
  int exit_code = 0;                          // ... with this code
  std::optional<HealthConfig> healthcheck;    // HEALTHCHECK of the image
  std::optional<bool> healthy;                // health checks pass (default true)
  std::string description;                    // one line for `image ls`
  bool operator==(const ImageEntry&) const = default;
};

}  // namespace swarmsim
