// Durations in words, as docker prints ages (go-units HumanDuration).
#pragma once

#include <string>

#include "core/model/time.h"

namespace swarmsim {

// "Less than a second", "1 second", "5 seconds", "About a minute", "3 minutes",
// "About an hour", "5 hours", "2 days", "3 weeks", "4 months", "2 years".
std::string HumanDuration(Duration d);

// The CURRENT STATE cell of a task table: "Running 5 seconds ago",
// "Running less than a second ago", "Pending about a minute ago" (docker lower-cases
// the first letter of the words after the state).
std::string TaskStateAge(const std::string& state_word, Duration since);

}  // namespace swarmsim
