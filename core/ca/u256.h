// 256-bit unsigned integers and arithmetic modulo an odd 256-bit modulus (the
// P-256 field prime and group order), the only big numbers the root CA needs.
//
// Multiplication is Montgomery's (CIOS over 32-bit limbs: no 128-bit type, so the
// browser build compiles it as is). Nothing here is constant-time: the simulator's
// CA key derives from the public cluster ID and protects nothing.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace swarmsim {

struct U256 {
  uint32_t limb[8] = {};  // least significant first
};

// REQUIRES: bytes.size() <= 32 (big-endian; shorter is zero-extended).
U256 U256FromBytes(std::string_view bytes);
// REQUIRES: hex has at most 64 hex digits.
U256 U256FromHex(std::string_view hex);
std::string U256ToBytes(const U256& a);  // 32 big-endian bytes
std::string U256ToHex(const U256& a);    // 64 lowercase hex digits

int Compare(const U256& a, const U256& b);  // -1, 0, 1
bool IsZero(const U256& a);
bool Bit(const U256& a, int i);  // REQUIRES: 0 <= i < 256
inline bool operator==(const U256& a, const U256& b) { return Compare(a, b) == 0; }

// *r = a + b mod 2^256; returns the carry out.
uint32_t Add(const U256& a, const U256& b, U256* r);
// *r = a - b mod 2^256; returns the borrow out.
uint32_t Sub(const U256& a, const U256& b, U256* r);

// Arithmetic modulo m. Values in and out of Mul/Inverse are in Montgomery form
// (a * 2^256 mod m); Add/Sub work in either form. REQUIRES: m odd, m > 2^255.
class ModRing {
 public:
  explicit ModRing(const U256& m);

  const U256& modulus() const { return m_; }
  const U256& one() const { return one_; }  // 1 in Montgomery form

  // a mod m for any a < 2^256 (one subtraction suffices since m > 2^255).
  U256 Reduce(const U256& a) const;
  U256 ToMont(const U256& a) const;    // REQUIRES: a < m
  U256 FromMont(const U256& a) const;
  U256 Mul(const U256& a, const U256& b) const;
  U256 Add(const U256& a, const U256& b) const;
  U256 Sub(const U256& a, const U256& b) const;
  // a^(m-2), the inverse when m is prime. REQUIRES: a != 0.
  U256 Inverse(const U256& a) const;

 private:
  U256 m_;
  uint32_t m0inv_;  // -m^-1 mod 2^32
  U256 one_;        // 2^256 mod m
  U256 r2_;         // 2^512 mod m
};

}  // namespace swarmsim
