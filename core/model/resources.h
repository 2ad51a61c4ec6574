// Resource amounts as the Engine API spells them: NanoCPUs and MemoryBytes.
#pragma once

#include <cstdint>

namespace swarmsim {

struct Resources {
  int64_t nano_cpus = 0;     // 1 CPU = 1e9
  int64_t memory_bytes = 0;
  bool empty() const { return nano_cpus == 0 && memory_bytes == 0; }
  bool operator==(const Resources&) const = default;
};

// Limits are only applied to the container; the scheduler looks at reservations alone.
struct ResourceRequirements {
  Resources limits;
  Resources reservations;
  bool operator==(const ResourceRequirements&) const = default;
};

}  // namespace swarmsim
