// Durations as Go writes and reads them ("1m30s"): compose files, --update-delay,
// `time advance`.
#pragma once

#include <string>

#include "core/model/time.h"
#include "core/status.h"

namespace swarmsim {

// Go's time.ParseDuration: "300ms", "1.5h", "1m30s", "-1s", "0". Errors with Go's
// text: `time: invalid duration "x"`, `time: missing unit in duration "10"`,
// `time: unknown unit "x" in duration "10x"`.
Result<Duration> ParseGoDuration(const std::string& text);

// Go's Duration.String(): "1m30s", "5s", "500ms", "1h0m0s", "0s", "1.5s".
std::string FormatGoDuration(Duration d);

}  // namespace swarmsim
