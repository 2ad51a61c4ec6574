// One entry of the cluster's event log: something that happened at a virtual time.
// Shaped after docker's events (Type, Action, Actor{ID, Attributes}).
#pragma once

#include <string>

#include "core/model/event_attributes.h"
#include "core/model/time.h"

namespace swarmsim {

struct Event {
  uint64_t seq = 0;     // assigned by the store, strictly increasing
  Time time = 0;
  std::string type;     // node | service | task | network | decision | time
  std::string action;   // create | update | remove | state | assign | pending ...
  std::string actor_id;
  EventAttributes attributes;
};

}  // namespace swarmsim
