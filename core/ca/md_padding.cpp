#include "core/ca/md_padding.h"

namespace swarmsim {

std::string PadMerkleDamgard(std::string_view data) {
  std::string out(data);
  out.push_back(static_cast<char>(0x80));
  while (out.size() % 64 != 56) out.push_back('\0');
  uint64_t bits = static_cast<uint64_t>(data.size()) * 8;
  for (int i = 7; i >= 0; --i) out.push_back(static_cast<char>((bits >> (8 * i)) & 0xff));
  return out;
}

uint32_t LoadBigEndian32(const unsigned char* p) {
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | uint32_t{p[3]};
}

std::string StoreBigEndian32(const uint32_t* words, size_t count) {
  std::string out;
  for (size_t i = 0; i < count; ++i) {
    for (int s = 24; s >= 0; s -= 8) out.push_back(static_cast<char>((words[i] >> s) & 0xff));
  }
  return out;
}

}  // namespace swarmsim
