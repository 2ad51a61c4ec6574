// Resource amounts as the Engine API spells them: NanoCPUs and MemoryBytes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace swarmsim {

// A user-defined resource a node advertises and a task reserves (swarm's
// GenericResource): a named one is one item of a kind ("GPU" = "UUID1"), a discrete
// one a count of a kind ("SSD" = 3).
struct GenericResource {
  std::string kind;
  std::string named_value;  // NamedResourceSpec.Value, when named
  int64_t discrete_value = 0;  // DiscreteResourceSpec.Value, when discrete
  bool named = false;
  bool operator==(const GenericResource&) const = default;
};

struct Resources {
  int64_t nano_cpus = 0;     // 1 CPU = 1e9
  int64_t memory_bytes = 0;
  int64_t pids = 0;          // limits only (0 = unlimited)
  std::vector<GenericResource> generic = {};  // reservations and node capacity only
  bool empty() const { return nano_cpus == 0 && memory_bytes == 0 && pids == 0 && generic.empty(); }
  bool operator==(const Resources&) const = default;
};

// Limits are only applied to the container; the scheduler looks at reservations alone.
struct ResourceRequirements {
  Resources limits;
  Resources reservations;
  bool operator==(const ResourceRequirements&) const = default;
};

}  // namespace swarmsim
