#include "core/ca/u256.h"

#include <gtest/gtest.h>

namespace swarmsim {
namespace {

const char kP256Prime[] = "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff";

U256 Small(uint32_t v) {
  U256 r;
  r.limb[0] = v;
  return r;
}

TEST(U256Test, BytesAndHexRoundTrip) {
  std::string hex = "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20";
  U256 a = U256FromHex(hex);
  EXPECT_EQ(a.limb[0], 0x1d1e1f20u);
  EXPECT_EQ(a.limb[7], 0x01020304u);
  EXPECT_EQ(U256ToHex(a), hex);
  EXPECT_EQ(U256FromBytes(U256ToBytes(a)), a);
  EXPECT_EQ(U256FromBytes(std::string("\x01\x00", 2)), Small(256));  // shorter input: zero-extended
}

TEST(U256Test, AddAndSubCarryAcrossLimbs) {
  U256 max = U256FromHex(std::string(64, 'f'));
  U256 r;
  EXPECT_EQ(Add(max, Small(1), &r), 1u);
  EXPECT_TRUE(IsZero(r));
  EXPECT_EQ(Sub(U256{}, Small(1), &r), 1u);
  EXPECT_EQ(r, max);
  EXPECT_EQ(Sub(U256FromHex("100000000"), Small(1), &r), 0u);
  EXPECT_EQ(r, U256FromHex("ffffffff"));
  EXPECT_LT(Compare(Small(1), Small(2)), 0);
  EXPECT_TRUE(Bit(U256FromHex("100000000"), 32));
  EXPECT_FALSE(Bit(U256FromHex("100000000"), 31));
}

TEST(U256Test, MontgomeryMultiplicationMatchesSchoolArithmetic) {
  ModRing f(U256FromHex(kP256Prime));
  U256 a = f.ToMont(Small(123456789));
  U256 b = f.ToMont(Small(987654321));
  // 123456789 * 987654321 = 121932631112635269
  EXPECT_EQ(f.FromMont(f.Mul(a, b)), U256FromHex("1b13114fbff5385"));
  EXPECT_EQ(f.FromMont(f.one()), Small(1));
  EXPECT_EQ(f.FromMont(f.ToMont(U256FromHex("abcdef"))), U256FromHex("abcdef"));
  // (p - 1)^2 = 1 mod p: products that wrap past the modulus reduce fully.
  U256 minus_one;
  Sub(U256FromHex(kP256Prime), Small(1), &minus_one);
  U256 m = f.ToMont(minus_one);
  EXPECT_EQ(f.FromMont(f.Mul(m, m)), Small(1));
}

TEST(U256Test, AddSubReduceAndInverseModP) {
  U256 p = U256FromHex(kP256Prime);
  ModRing f(p);
  U256 minus_one;
  Sub(p, Small(1), &minus_one);
  EXPECT_TRUE(IsZero(f.Add(minus_one, Small(1))));
  EXPECT_EQ(f.Sub(Small(0), Small(1)), minus_one);
  EXPECT_EQ(f.Reduce(p), U256{});
  EXPECT_EQ(f.Reduce(Small(5)), Small(5));
  for (uint32_t v : {2u, 3u, 0xdeadbeefu}) {
    U256 a = f.ToMont(Small(v));
    EXPECT_EQ(f.FromMont(f.Mul(a, f.Inverse(a))), Small(1)) << v;
  }
  // 2^-1 mod p = (p + 1) / 2.
  EXPECT_EQ(f.FromMont(f.Inverse(f.ToMont(Small(2)))),
            U256FromHex("7fffffff80000000800000000000000000000000800000000000000000000000"));
}

}  // namespace
}  // namespace swarmsim
