#include "core/format/go_duration.h"

#include <cstdint>
#include <limits>

#include <gtest/gtest.h>

namespace swarmsim {
namespace {

TEST(GoDuration, Parses) {
  EXPECT_EQ(ParseGoDuration("300ms").value(), 300 * kMillisecond);
  EXPECT_EQ(ParseGoDuration("1m30s").value(), 90 * kSecond);
  EXPECT_EQ(ParseGoDuration("1.5h").value(), 90 * kMinute);
  EXPECT_EQ(ParseGoDuration("-1s").value(), -kSecond);
  EXPECT_EQ(ParseGoDuration("+5s").value(), 5 * kSecond);
  EXPECT_EQ(ParseGoDuration("0").value(), 0);
  EXPECT_EQ(ParseGoDuration("-0").value(), 0);
  EXPECT_EQ(ParseGoDuration("2h45m").value(), 2 * kHour + 45 * kMinute);
  EXPECT_EQ(ParseGoDuration(".5s").value(), 500 * kMillisecond);
  EXPECT_EQ(ParseGoDuration("1.s").value(), kSecond);
  EXPECT_EQ(ParseGoDuration("10us").value(), 10'000);
  EXPECT_EQ(ParseGoDuration("10\xc2\xb5s").value(), 10'000);
  EXPECT_EQ(ParseGoDuration("10\xce\xbcs").value(), 10'000);
  EXPECT_EQ(ParseGoDuration("7ns").value(), 7);
}

TEST(GoDuration, FractionsTruncateLikeGo) {
  EXPECT_EQ(ParseGoDuration("0.9999999999s").value(), 999'999'999);
  EXPECT_EQ(ParseGoDuration("1.0000000001s").value(), kSecond);
  EXPECT_EQ(ParseGoDuration("0.3333333333s").value(), 333'333'333);
}

TEST(GoDuration, LimitsAreExact) {
  EXPECT_EQ(ParseGoDuration("9223372036854775807ns").value(), std::numeric_limits<int64_t>::max());
  EXPECT_EQ(ParseGoDuration("-9223372036854775808ns").value(), std::numeric_limits<int64_t>::min());
  EXPECT_EQ(ParseGoDuration("9223372036854775808ns").status().message(),
            "time: invalid duration \"9223372036854775808ns\"");
  EXPECT_FALSE(ParseGoDuration("3000000h").ok());
}

TEST(GoDuration, ErrorsUseGosWords) {
  EXPECT_EQ(ParseGoDuration("10").status().message(), "time: missing unit in duration \"10\"");
  EXPECT_EQ(ParseGoDuration("1m30").status().message(), "time: missing unit in duration \"1m30\"");
  EXPECT_EQ(ParseGoDuration("10x").status().message(), "time: unknown unit \"x\" in duration \"10x\"");
  EXPECT_EQ(ParseGoDuration("5sec").status().message(), "time: unknown unit \"sec\" in duration \"5sec\"");
  EXPECT_EQ(ParseGoDuration("abc").status().message(), "time: invalid duration \"abc\"");
  EXPECT_EQ(ParseGoDuration("").status().message(), "time: invalid duration \"\"");
  EXPECT_EQ(ParseGoDuration("-").status().message(), "time: invalid duration \"-\"");
  EXPECT_EQ(ParseGoDuration(".s").status().message(), "time: invalid duration \".s\"");
  EXPECT_EQ(ParseGoDuration("1s ").status().message(), "time: unknown unit \"s \" in duration \"1s \"");
  EXPECT_EQ(ParseGoDuration("\"1\"").status().message(), "time: invalid duration \"\\\"1\\\"\"");
  EXPECT_EQ(ParseGoDuration("3\xc3\xa9").status().message(),
            "time: unknown unit \"\\xc3\\xa9\" in duration \"3\\xc3\\xa9\"");
}

TEST(GoDuration, FormatsLikeGo) {
  EXPECT_EQ(FormatGoDuration(0), "0s");
  EXPECT_EQ(FormatGoDuration(5 * kSecond), "5s");
  EXPECT_EQ(FormatGoDuration(90 * kSecond), "1m30s");
  EXPECT_EQ(FormatGoDuration(kHour), "1h0m0s");
  EXPECT_EQ(FormatGoDuration(26 * kHour + 3 * kMinute + 500 * kMillisecond), "26h3m0.5s");
  EXPECT_EQ(FormatGoDuration(500 * kMillisecond), "500ms");
  EXPECT_EQ(FormatGoDuration(1500 * kMillisecond), "1.5s");
  EXPECT_EQ(FormatGoDuration(-2 * kSecond), "-2s");
  EXPECT_EQ(FormatGoDuration(1500), "1.5\xc2\xb5s");
  EXPECT_EQ(FormatGoDuration(999), "999ns");
  EXPECT_EQ(FormatGoDuration(1'250'000), "1.25ms");
  EXPECT_EQ(FormatGoDuration(std::numeric_limits<int64_t>::min()), "-2562047h47m16.854775808s");
  EXPECT_EQ(FormatGoDuration(std::numeric_limits<int64_t>::max()), "2562047h47m16.854775807s");
}

TEST(GoDuration, FormatThenParseRoundTrips) {
  for (Duration d : {Duration{1}, Duration{1500}, 3 * kMillisecond, 61 * kSecond, 49 * kHour + 7}) {
    EXPECT_EQ(ParseGoDuration(FormatGoDuration(d)).value(), d) << d;
  }
}

}  // namespace
}  // namespace swarmsim
