#include "core/format/hex.h"

#include <gtest/gtest.h>

namespace swarmsim {
namespace {

TEST(HexTest, EncodesEveryByteAsTwoLowercaseDigits) {
  EXPECT_EQ(HexEncode(""), "");
  EXPECT_EQ(HexEncode(std::string("\x00\x0f\xa0\xff", 4)), "000fa0ff");
  EXPECT_EQ(HexEncode("swarm"), "737761726d");
}

}  // namespace
}  // namespace swarmsim
