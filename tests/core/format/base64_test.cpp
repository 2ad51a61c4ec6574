#include "core/format/base64.h"

#include <gtest/gtest.h>

namespace swarmsim {
namespace {

TEST(Base64Test, EncodesLikeGoStdEncoding) {
  EXPECT_EQ(Base64Encode(""), "");
  EXPECT_EQ(Base64Encode("f"), "Zg==");
  EXPECT_EQ(Base64Encode("fo"), "Zm8=");
  EXPECT_EQ(Base64Encode("foo"), "Zm9v");
  EXPECT_EQ(Base64Encode(std::string("\xff\x00", 2)), "/wA=");
}

TEST(Base64Test, DecodesWhatItEncodesAndRefusesTheRest) {
  std::string out;
  ASSERT_TRUE(Base64Decode("Zm9vYmFy", &out));
  EXPECT_EQ(out, "foobar");
  out.clear();
  ASSERT_TRUE(Base64Decode("/wA=", &out));
  EXPECT_EQ(out, std::string("\xff\x00", 2));
  EXPECT_FALSE(Base64Decode("abc", &out));
  EXPECT_FALSE(Base64Decode("ab!=", &out));
}

}  // namespace
}  // namespace swarmsim
