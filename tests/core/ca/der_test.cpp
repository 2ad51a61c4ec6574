#include "core/ca/der.h"

#include <gtest/gtest.h>

#include "core/format/hex.h"

namespace swarmsim {
namespace {

TEST(DerTest, LengthsShortAndLong) {
  EXPECT_EQ(HexEncode(DerOctetString("ab")), "04026162");
  std::string e = DerOctetString(std::string(200, 'x'));
  EXPECT_EQ(HexEncode(e.substr(0, 3)), "0481c8");
  EXPECT_EQ(e.size(), 203u);
  e = DerOctetString(std::string(300, 'x'));
  EXPECT_EQ(HexEncode(e.substr(0, 4)), "0482012c");
}

TEST(DerTest, IntegersAreMinimalAndPositive) {
  EXPECT_EQ(HexEncode(DerSmallInteger(0)), "020100");
  EXPECT_EQ(HexEncode(DerSmallInteger(2)), "020102");
  EXPECT_EQ(HexEncode(DerSmallInteger(128)), "02020080");
  EXPECT_EQ(HexEncode(DerSmallInteger(256)), "02020100");
  EXPECT_EQ(HexEncode(DerUnsignedInteger(std::string("\x00\x00\x7f", 3))), "02017f");
  EXPECT_EQ(HexEncode(DerUnsignedInteger(std::string("\xff", 1))), "020200ff");
}

TEST(DerTest, ObjectIdentifiers) {
  EXPECT_EQ(HexEncode(DerOid("1.2.840.10045.2.1")), "06072a8648ce3d0201");
  EXPECT_EQ(HexEncode(DerOid("1.2.840.10045.3.1.7")), "06082a8648ce3d030107");
  EXPECT_EQ(HexEncode(DerOid("2.5.4.3")), "0603550403");
}

TEST(DerTest, SimpleTypes) {
  EXPECT_EQ(HexEncode(DerBoolean(true)), "0101ff");
  EXPECT_EQ(HexEncode(DerBoolean(false)), "010100");
  EXPECT_EQ(HexEncode(DerBitString("\x04")), "03020004");
  EXPECT_EQ(HexEncode(DerPrintableString("ca")), "13026361");
  EXPECT_EQ(HexEncode(DerSequence(DerSet(""))), "30023100");
  EXPECT_EQ(HexEncode(DerExplicit(3, DerBoolean(true))), "a3030101ff");
}

TEST(DerTest, TimesSwitchToGeneralizedTimeIn2050) {
  Time t = 1767603300 * kSecond + 123;  // 2026-01-05T08:55:00Z, a fraction dropped
  EXPECT_EQ(DerTime(t), std::string("\x17\x0d") + "260105085500Z");
  Time y2050 = 2524608000 * kSecond;  // 2050-01-01T00:00:00Z
  EXPECT_EQ(DerTime(y2050), std::string("\x18\x0f") + "20500101000000Z");
  EXPECT_EQ(DerTime(y2050 - kSecond), std::string("\x17\x0d") + "491231235959Z");
}

}  // namespace
}  // namespace swarmsim
