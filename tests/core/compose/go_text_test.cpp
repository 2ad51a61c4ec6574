#include "core/compose/go_text.h"

#include <gtest/gtest.h>

namespace swarmsim::compose {
namespace {

TEST(GoTextTest, QuoteEscapesLikeStrconv) {
  EXPECT_EQ(GoQuote("web"), "\"web\"");
  EXPECT_EQ(GoQuote("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(GoQuote("line\nnext\ttab"), "\"line\\nnext\\ttab\"");
  EXPECT_EQ(GoQuote(std::string("\x01", 1)), "\"\\x01\"");
  EXPECT_EQ(GoQuote("ünï"), "\"ünï\"");
}

TEST(GoTextTest, FormatFloatUsesShortestDigitsAndGoExponents) {
  EXPECT_EQ(GoFormatFloat(0.5), "0.5");
  EXPECT_EQ(GoFormatFloat(0.1), "0.1");
  EXPECT_EQ(GoFormatFloat(100000), "100000");
  EXPECT_EQ(GoFormatFloat(1e6), "1e+06");
  EXPECT_EQ(GoFormatFloat(1.5e-7), "1.5e-07");
  EXPECT_EQ(GoFormatFloat(0.0001), "0.0001");
  EXPECT_EQ(GoFormatFloat(0.00001), "1e-05");
  EXPECT_EQ(GoFormatFloat(-2.25), "-2.25");
  EXPECT_EQ(GoFormatFloat(0), "0");
}

TEST(GoTextTest, Float32KeepsTheShortestFloat32Text) {
  // 0.1 as float32 is 0.100000001490116...; Go prints float32 with 32-bit precision.
  EXPECT_EQ(GoFormatFloat(static_cast<float>(0.1), 32), "0.1");
  EXPECT_NE(GoFormatFloat(static_cast<float>(0.1), 64), "0.1");
}

}  // namespace
}  // namespace swarmsim::compose
