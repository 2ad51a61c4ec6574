// 64 hex digits derived from a text, for identifiers the Engine API shows as
// hashes (image digests, container IDs): stable across runs, not cryptographic.
#pragma once

#include <string>
#include <string_view>

namespace swarmsim {

// Four FNV-1a 64 passes over `text`, each with its own seed, as 64 lowercase hex digits.
std::string HexHash256(std::string_view text);

}  // namespace swarmsim
