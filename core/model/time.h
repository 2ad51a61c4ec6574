// Virtual time: nanoseconds since the Unix epoch, on the cluster's own clock.
// Nothing in core reads the wall clock; "now" always comes from sim::Clock or the caller.
#pragma once

#include <cstdint>

namespace swarmsim {

using Time = int64_t;      // virtual instant, ns since 1970-01-01T00:00:00Z
using Duration = int64_t;  // ns

constexpr Duration kMillisecond = 1'000'000;
constexpr Duration kSecond = 1'000 * kMillisecond;
constexpr Duration kMinute = 60 * kSecond;
constexpr Duration kHour = 60 * kMinute;

}  // namespace swarmsim
