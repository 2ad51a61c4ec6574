// How long a virtual node agent takes for each step of a task's life.
//
// Real engines take milliseconds to seconds; the values are chosen so that a class
// watching `service ps` on a live clock sees Preparing, then Running, and so that
// stepping a paused clock shows each state once.
#pragma once

#include <cstdint>
#include <string>

#include "core/model/time.h"

namespace swarmsim {

constexpr Duration kAcceptDelay = 100 * kMillisecond;      // ASSIGNED -> ACCEPTED
constexpr Duration kPrepareStartDelay = 100 * kMillisecond;  // ACCEPTED -> PREPARING
constexpr Duration kCreateContainerTime = 400 * kMillisecond;  // part of PREPARING
constexpr Duration kStartDelay = 100 * kMillisecond;       // READY -> STARTING
constexpr Duration kStartupTime = 500 * kMillisecond;      // STARTING -> RUNNING
constexpr Duration kStopTime = 1 * kSecond;                // desired SHUTDOWN -> SHUTDOWN (running)
constexpr Duration kAbortTime = 100 * kMillisecond;        // desired SHUTDOWN -> SHUTDOWN (not started)

// A node pulls images at this rate (bytes per second of virtual time).
constexpr int64_t kPullBytesPerSecond = 50LL * 1000 * 1000;

// Image size used when an image is not in the catalogue.
constexpr int64_t kDefaultImageBytes = 100LL * 1000 * 1000;

}  // namespace swarmsim
