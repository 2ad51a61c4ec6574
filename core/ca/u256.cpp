#include "core/ca/u256.h"

#include "core/format/hex.h"

namespace swarmsim {


U256 U256FromBytes(std::string_view bytes) {
  U256 r;
  for (size_t i = 0; i < bytes.size() && i < 32; ++i) {
    size_t pos = bytes.size() - 1 - i;  // i-th least significant byte
    r.limb[i / 4] |= uint32_t{static_cast<unsigned char>(bytes[pos])} << (8 * (i % 4));
  }
  return r;
}

U256 U256FromHex(std::string_view hex) {
  U256 r;
  for (size_t i = 0; i < hex.size() && i < 64; ++i) {
    size_t pos = hex.size() - 1 - i;
    r.limb[i / 8] |= static_cast<uint32_t>(HexDigitValue(hex[pos])) << (4 * (i % 8));
  }
  return r;
}

std::string U256ToBytes(const U256& a) {
  std::string out(32, '\0');
  for (int i = 0; i < 32; ++i) out[31 - i] = static_cast<char>((a.limb[i / 4] >> (8 * (i % 4))) & 0xff);
  return out;
}

std::string U256ToHex(const U256& a) { return HexEncode(U256ToBytes(a)); }

int Compare(const U256& a, const U256& b) {
  for (int i = 7; i >= 0; --i) {
    if (a.limb[i] != b.limb[i]) return a.limb[i] < b.limb[i] ? -1 : 1;
  }
  return 0;
}

bool IsZero(const U256& a) {
  uint32_t any = 0;
  for (uint32_t l : a.limb) any |= l;
  return any == 0;
}

bool Bit(const U256& a, int i) { return (a.limb[i / 32] >> (i % 32)) & 1; }

uint32_t Add(const U256& a, const U256& b, U256* r) {
  uint64_t carry = 0;
  for (int i = 0; i < 8; ++i) {
    carry += uint64_t{a.limb[i]} + b.limb[i];
    r->limb[i] = static_cast<uint32_t>(carry);
    carry >>= 32;
  }
  return static_cast<uint32_t>(carry);
}

uint32_t Sub(const U256& a, const U256& b, U256* r) {
  uint64_t borrow = 0;
  for (int i = 0; i < 8; ++i) {
    uint64_t d = uint64_t{a.limb[i]} - b.limb[i] - borrow;
    r->limb[i] = static_cast<uint32_t>(d);
    borrow = (d >> 32) & 1;
  }
  return static_cast<uint32_t>(borrow);
}

ModRing::ModRing(const U256& m) : m_(m) {
  // Newton's iteration doubles the correct low bits of m0^-1 each step (1 -> 32).
  uint32_t inv = 1;
  for (int i = 0; i < 5; ++i) inv *= 2 - m.limb[0] * inv;
  m0inv_ = 0u - inv;
  ::swarmsim::Sub(U256{}, m, &one_);  // 2^256 - m < m, so it is 2^256 mod m
  r2_ = one_;
  for (int i = 0; i < 256; ++i) r2_ = Add(r2_, r2_);  // doubling 256 times: 2^512 mod m
}

U256 ModRing::Reduce(const U256& a) const {
  U256 r;
  if (::swarmsim::Sub(a, m_, &r) != 0) return a;
  return r;
}

U256 ModRing::Mul(const U256& a, const U256& b) const {
  // Coarsely Integrated Operand Scanning (Koc, Acar, Kaliski 1996).
  uint32_t t[10] = {};
  for (int i = 0; i < 8; ++i) {
    uint64_t c = 0;
    for (int j = 0; j < 8; ++j) {
      c += uint64_t{t[j]} + uint64_t{a.limb[j]} * b.limb[i];
      t[j] = static_cast<uint32_t>(c);
      c >>= 32;
    }
    c += t[8];
    t[8] = static_cast<uint32_t>(c);
    t[9] = static_cast<uint32_t>(c >> 32);
    uint32_t q = t[0] * m0inv_;
    c = (uint64_t{t[0]} + uint64_t{q} * m_.limb[0]) >> 32;
    for (int j = 1; j < 8; ++j) {
      c += uint64_t{t[j]} + uint64_t{q} * m_.limb[j];
      t[j - 1] = static_cast<uint32_t>(c);
      c >>= 32;
    }
    c += t[8];
    t[7] = static_cast<uint32_t>(c);
    t[8] = t[9] + static_cast<uint32_t>(c >> 32);
  }
  U256 r;
  for (int i = 0; i < 8; ++i) r.limb[i] = t[i];
  // The result is below 2m: one subtraction when it overflowed 2^256 or reached m.
  U256 s;
  uint32_t borrow = ::swarmsim::Sub(r, m_, &s);
  return (t[8] != 0 || borrow == 0) ? s : r;
}

U256 ModRing::ToMont(const U256& a) const { return Mul(a, r2_); }

U256 ModRing::FromMont(const U256& a) const {
  U256 one;
  one.limb[0] = 1;
  return Mul(a, one);
}

U256 ModRing::Add(const U256& a, const U256& b) const {
  U256 r, s;
  uint32_t carry = ::swarmsim::Add(a, b, &r);
  uint32_t borrow = ::swarmsim::Sub(r, m_, &s);
  return (carry != 0 || borrow == 0) ? s : r;
}

U256 ModRing::Sub(const U256& a, const U256& b) const {
  U256 r;
  if (::swarmsim::Sub(a, b, &r) != 0) ::swarmsim::Add(r, m_, &r);
  return r;
}

U256 ModRing::Inverse(const U256& a) const {
  U256 two;
  two.limb[0] = 2;
  U256 e;
  ::swarmsim::Sub(m_, two, &e);
  U256 r = one_;
  for (int i = 255; i >= 0; --i) {
    r = Mul(r, r);
    if (Bit(e, i)) r = Mul(r, a);
  }
  return r;
}

}  // namespace swarmsim
