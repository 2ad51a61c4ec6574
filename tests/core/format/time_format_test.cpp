#include "core/format/time_format.h"

#include <gtest/gtest.h>

namespace swarmsim {
namespace {

TEST(TimeFormat, RFC3339NanoTrimsTrailingZeros) {
  auto t = ParseRFC3339("2026-11-26T17:10:16.478803Z");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(FormatRFC3339Nano(t.value()), "2026-11-26T17:10:16.478803Z");
  EXPECT_EQ(FormatRFC3339Nano(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(FormatRFC3339Nano(1'500'000'000), "1970-01-01T00:00:01.5Z");
}

TEST(TimeFormat, ParsesOffsets) {
  auto a = ParseRFC3339("2026-01-05T18:00:00+09:00");
  auto b = ParseRFC3339("2026-01-05T09:00:00Z");
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(a.value(), b.value());
}

TEST(TimeFormat, RejectsGarbage) {
  EXPECT_FALSE(ParseRFC3339("yesterday").ok());
  EXPECT_FALSE(ParseRFC3339("2026-13-01T00:00:00Z").ok());
  EXPECT_FALSE(ParseRFC3339("2026-01-01T00:00:00").ok());
}

TEST(TimeFormat, PrettyIsGoStringLowerCased) {
  auto t = ParseRFC3339("2026-11-26T17:10:16.478803Z");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(FormatPrettyTime(t.value()), "2026-11-26 17:10:16.478803 +0000 utc");
}

TEST(TimeFormat, LeapYearsRoundTrip) {
  auto t = ParseRFC3339("2024-02-29T23:59:59.999999999Z");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(FormatRFC3339Nano(t.value()), "2024-02-29T23:59:59.999999999Z");
}

}  // namespace
}  // namespace swarmsim
