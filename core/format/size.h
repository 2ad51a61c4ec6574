// Sizes as the docker CLI reads and prints them (go-units).
#pragma once

#include <cstdint>
#include <string>

#include "core/status.h"

namespace swarmsim {

// go-units RAMInBytes: binary multiples, "100M" = 100 MiB, "1.5g", "512k", "100MiB",
// "1024", "100mb", "1.5 GiB". Errors (InvalidArgument), as go-units words them:
// "invalid size: '<text>'" (no digits, or negative), "invalid suffix: '<suffix>'",
// `strconv.ParseFloat: parsing "<number>": invalid syntax`.
Result<int64_t> ParseRAMInBytes(const std::string& text);

// go-units FromHumanSize: decimal multiples, "40MB" = 40,000,000, "1.5 GB", "512k",
// "100MiB" (also decimal, as go-units reads it). Errors as ParseRAMInBytes.
Result<int64_t> ParseHumanSize(const std::string& text);

// go-units BytesSize: binary with 4 significant digits: "100MiB", "1.5GiB", "0B".
std::string BytesSize(double bytes);

// go-units HumanSize: decimal: "38.8MB", "1kB", "0B".
std::string HumanSize(double bytes);

}  // namespace swarmsim
