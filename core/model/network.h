// A swarm-scoped network (overlay), as stack deploy creates them.
#pragma once

#include <map>
#include <string>

#include "core/model/time.h"

namespace swarmsim {

struct Network {
  std::string id;
  uint64_t version = 0;
  Time created_at = 0;
  Time updated_at = 0;
  std::string name;
  std::string driver = "overlay";
  std::string scope = "swarm";
  bool ingress = false;
  bool attachable = false;
  std::map<std::string, std::string> labels;
};

}  // namespace swarmsim
