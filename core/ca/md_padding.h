// The message padding and word order SHA-1 and SHA-256 share (FIPS 180-4 5.1.1):
// a 1 bit, zeros, then the message length in bits as 64 big-endian bits, to a
// multiple of 64 bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace swarmsim {

std::string PadMerkleDamgard(std::string_view data);

uint32_t LoadBigEndian32(const unsigned char* p);

// `count` words as 4 big-endian bytes each.
std::string StoreBigEndian32(const uint32_t* words, size_t count);

}  // namespace swarmsim
