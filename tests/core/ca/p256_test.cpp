#include "core/ca/p256.h"

#include <gtest/gtest.h>

namespace swarmsim {
namespace {

P256Point Point(const char* x, const char* y) { return {U256FromHex(x), U256FromHex(y), false}; }

void ExpectPoint(const P256Point& got, const P256Point& want) {
  EXPECT_FALSE(got.infinity);
  EXPECT_EQ(U256ToHex(got.x), U256ToHex(want.x));
  EXPECT_EQ(U256ToHex(got.y), U256ToHex(want.y));
}

const P256Point kTwoG = Point("7cf27b188d034f7e8a52380304b51ac3c08969e277f21b35a60b48fc47669978",
                              "07775510db8ed040293d9ac69f7430dbba7dade63ce982299e04b79d227873d1");

TEST(P256Test, GeneratorIsOnTheCurveAndOffCurvePointsAreNot) {
  EXPECT_TRUE(P256OnCurve(P256Generator()));
  P256Point bad = P256Generator();
  bad.y.limb[0] ^= 1;
  EXPECT_FALSE(P256OnCurve(bad));
}

// Multiples from NIST's point multiplication vectors (k = 2, k = 112233445566778899)
// and n - 1 = -G, checked against Python's cryptography (OpenSSL).
TEST(P256Test, ScalarMultiplicationVectors) {
  U256 two;
  two.limb[0] = 2;
  ExpectPoint(P256Multiply(two, P256Generator()), kTwoG);
  ExpectPoint(P256Multiply(U256FromHex("18ebbb95eed0e13"), P256Generator()),
              Point("339150844ec15234807fe862a86be77977dbfb3ae3d96f4c22795513aeaab82f",
                    "b1c14ddfdc8ec1b2583f51e85a5eb3a155840f2034730e9b5ada38b674336a21"));
  U256 n_minus_one;
  U256 one;
  one.limb[0] = 1;
  Sub(P256Order(), one, &n_minus_one);
  ExpectPoint(P256Multiply(n_minus_one, P256Generator()),
              Point("6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296",
                    "b01cbd1c01e58065711814b583f061e9d431cca994cea1313449bf97c840ae0a"));
  EXPECT_TRUE(P256Multiply(P256Order(), P256Generator()).infinity);
  EXPECT_TRUE(P256Multiply(U256{}, P256Generator()).infinity);
}

TEST(P256Test, AdditionHandlesDoublingInverseAndInfinity) {
  P256Point g = P256Generator();
  ExpectPoint(P256Add(g, g), kTwoG);
  U256 three;
  three.limb[0] = 3;
  ExpectPoint(P256Add(kTwoG, g), P256Multiply(three, g));
  P256Point minus_g = g;
  Sub(U256FromHex("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff"), g.y, &minus_g.y);
  EXPECT_TRUE(P256Add(g, minus_g).infinity);
  P256Point inf;
  inf.infinity = true;
  ExpectPoint(P256Add(inf, g), g);
  ExpectPoint(P256Add(g, inf), g);
}

TEST(P256Test, EncodeDecodeUncompressed) {
  std::string bytes = P256Encode(kTwoG);
  ASSERT_EQ(bytes.size(), 65u);
  EXPECT_EQ(bytes[0], '\x04');
  P256Point back;
  ASSERT_TRUE(P256Decode(bytes, &back));
  ExpectPoint(back, kTwoG);
  bytes[64] ^= 1;
  EXPECT_FALSE(P256Decode(bytes, &back));
  EXPECT_FALSE(P256Decode(bytes.substr(1), &back));
}

}  // namespace
}  // namespace swarmsim
