#include "core/format/go_duration.h"

#include <gtest/gtest.h>

namespace swarmsim {
namespace {

TEST(GoDuration, Parses) {
  EXPECT_EQ(ParseGoDuration("300ms").value(), 300 * kMillisecond);
  EXPECT_EQ(ParseGoDuration("1m30s").value(), 90 * kSecond);
  EXPECT_EQ(ParseGoDuration("1.5h").value(), 90 * kMinute);
  EXPECT_EQ(ParseGoDuration("-1s").value(), -kSecond);
  EXPECT_EQ(ParseGoDuration("0").value(), 0);
  EXPECT_EQ(ParseGoDuration("2h45m").value(), 2 * kHour + 45 * kMinute);
}

TEST(GoDuration, ErrorsUseGosWords) {
  EXPECT_EQ(ParseGoDuration("10").status().message(), "time: missing unit in duration \"10\"");
  EXPECT_EQ(ParseGoDuration("10x").status().message(), "time: unknown unit \"x\" in duration \"10x\"");
  EXPECT_EQ(ParseGoDuration("abc").status().message(), "time: invalid duration \"abc\"");
  EXPECT_EQ(ParseGoDuration("").status().message(), "time: invalid duration \"\"");
}

TEST(GoDuration, FormatsLikeGo) {
  EXPECT_EQ(FormatGoDuration(0), "0s");
  EXPECT_EQ(FormatGoDuration(5 * kSecond), "5s");
  EXPECT_EQ(FormatGoDuration(90 * kSecond), "1m30s");
  EXPECT_EQ(FormatGoDuration(kHour), "1h0m0s");
  EXPECT_EQ(FormatGoDuration(500 * kMillisecond), "500ms");
  EXPECT_EQ(FormatGoDuration(1500 * kMillisecond), "1.5s");
  EXPECT_EQ(FormatGoDuration(-2 * kSecond), "-2s");
  EXPECT_EQ(FormatGoDuration(1500), "1.5\xc2\xb5s");
}

}  // namespace
}  // namespace swarmsim
