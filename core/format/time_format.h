// Instants as the Engine API and the docker CLI write them. Pure arithmetic on
// the civil calendar: no time zone database, no TZ variable.
#pragma once

#include <string>

#include "core/model/time.h"
#include "core/status.h"

namespace swarmsim {

// Go's time.RFC3339Nano in UTC: "2026-11-26T17:10:16.478803Z" (fraction's trailing
// zeros trimmed; no fraction when it is zero).
std::string FormatRFC3339Nano(Time t);

// Parses "2026-11-26T17:10:16.478803Z" or with an offset ("+09:00").
// Errors: InvalidArgument naming the text.
Result<Time> ParseRFC3339(const std::string& text);

// Go's time.Time.String() for UTC, as a template prints a time field of a typed
// struct (`inspect --format '{{.CreatedAt}}'`): "2026-11-26 17:10:16.478803 +0000 UTC".
std::string FormatGoTime(Time t);

// Go's time.Time.String() for UTC, lower-cased the way the docker CLI prints it in
// `inspect --pretty`: "2026-11-26 17:10:16.478803 +0000 utc".
std::string FormatPrettyTime(Time t);

}  // namespace swarmsim
