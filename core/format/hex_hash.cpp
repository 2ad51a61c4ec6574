#include "core/format/hex_hash.h"

#include <cstdint>
#include <cstdio>

namespace swarmsim {

std::string HexHash256(std::string_view text) {
  std::string out;
  for (uint64_t round = 0; round < 4; ++round) {
    uint64_t h = 1469598103934665603ULL ^ (round * 0x9e3779b97f4a7c15ULL);
    for (unsigned char c : text) {
      h ^= c;
      h *= 1099511628211ULL;
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    out += buf;
  }
  return out;
}

}  // namespace swarmsim
