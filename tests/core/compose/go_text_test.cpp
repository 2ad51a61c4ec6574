#include "core/compose/go_text.h"

#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <random>

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

// GoFormatFloat finds its digits with printf/strtod (the browser build has no
// floating std::to_chars); the digits must be exactly the shortest round-trip ones
// std::to_chars gives, for doubles and floats of every magnitude.
TEST(GoTextTest, DigitsMatchShortestToChars) {
  auto reference_digits = [](auto v) {
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
    std::string sci(buf, r.ptr);
    std::string digits;
    for (char c : sci.substr(0, sci.find('e'))) {
      if (c >= '0' && c <= '9') digits.push_back(c);
    }
    return digits;
  };
  auto digits_of = [](const std::string& text) {
    std::string digits;
    for (char c : text.substr(0, text.find('e'))) {
      if (c >= '0' && c <= '9') digits.push_back(c);
    }
    digits.erase(0, digits.find_first_not_of('0'));
    digits.erase(digits.find_last_not_of('0') + 1);
    return digits;
  };
  auto trimmed = [](std::string digits) {
    digits.erase(digits.find_last_not_of('0') + 1);
    return digits;
  };
  std::mt19937_64 rng(7);
  for (int i = 0; i < 200000; ++i) {
    uint64_t bits = rng();
    double d;
    std::memcpy(&d, &bits, sizeof d);
    if (std::isfinite(d) && d != 0) {
      ASSERT_EQ(digits_of(GoFormatFloat(d)), trimmed(reference_digits(d))) << bits;
    }
    uint32_t bits32 = static_cast<uint32_t>(bits >> 32);
    float f;
    std::memcpy(&f, &bits32, sizeof f);
    if (std::isfinite(f) && f != 0) {
      ASSERT_EQ(digits_of(GoFormatFloat(f, 32)), trimmed(reference_digits(f))) << bits32;
    }
  }
  for (double d : {0.3, 1.0 / 3, 2.0 / 3, 123456789.0, 5e-324, 1.7976931348623157e308, 9007199254740993.0}) {
    EXPECT_EQ(digits_of(GoFormatFloat(d)), trimmed(reference_digits(d))) << d;
  }
}

}  // namespace
}  // namespace swarmsim::compose
