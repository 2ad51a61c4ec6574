#include "core/format/time_format.h"

#include <cstdint>

#include <gtest/gtest.h>

namespace swarmsim {
namespace {

TEST(TimeFormat, RFC3339NanoTrimsTrailingZeros) {
  auto t = ParseRFC3339("2026-11-26T17:10:16.478803Z");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(FormatRFC3339Nano(t.value()), "2026-11-26T17:10:16.478803Z");
  EXPECT_EQ(FormatRFC3339Nano(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(FormatRFC3339Nano(1'500'000'000), "1970-01-01T00:00:01.5Z");
  EXPECT_EQ(FormatRFC3339Nano(1), "1970-01-01T00:00:00.000000001Z");
}

TEST(TimeFormat, RFC3339NanoRoundTrips) {
  // Every field's width and carry: a spread of instants over the whole range (1811-2255).
  for (Time t = -5'000'000'000'000'000'000LL; t < 9'000'000'000'000'000'000LL; t += 123'456'789'012'345'677LL) {
    auto back = ParseRFC3339(FormatRFC3339Nano(t));
    ASSERT_TRUE(back.ok()) << FormatRFC3339Nano(t);
    EXPECT_EQ(back.value(), t) << FormatRFC3339Nano(t);
  }
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
  EXPECT_FALSE(ParseRFC3339("2026-02-29T00:00:00Z").ok());
  EXPECT_FALSE(ParseRFC3339("2026-04-31T00:00:00Z").ok());
  EXPECT_FALSE(ParseRFC3339("2026-01-01T24:00:00Z").ok());
  EXPECT_FALSE(ParseRFC3339("2026-01-01T00:00:60Z").ok());
  EXPECT_FALSE(ParseRFC3339("2026-01-01T00:00:00+25:00").ok());
  EXPECT_FALSE(ParseRFC3339("2026-01-01T00:00:00.Z").ok());
  EXPECT_FALSE(ParseRFC3339("2026-01-01T00:00:00Zjunk").ok());
  EXPECT_EQ(ParseRFC3339("yesterday").status().message(), "invalid RFC 3339 time \"yesterday\"");
  EXPECT_TRUE(ParseRFC3339("2000-02-29T00:00:00Z").ok());
  EXPECT_FALSE(ParseRFC3339("1900-02-29T00:00:00Z").ok());
}

TEST(TimeFormat, PrettyIsGoStringLowerCased) {
  auto t = ParseRFC3339("2026-11-26T17:10:16.478803Z");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(FormatPrettyTime(t.value()), "2026-11-26 17:10:16.478803 +0000 utc");
  EXPECT_EQ(FormatGoTime(t.value()), "2026-11-26 17:10:16.478803 +0000 UTC");
}

TEST(TimeFormat, BeforeTheEpochAndFarAhead) {
  EXPECT_EQ(FormatRFC3339Nano(-1), "1969-12-31T23:59:59.999999999Z");
  EXPECT_EQ(FormatPrettyTime(-kSecond), "1969-12-31 23:59:59 +0000 utc");
  auto t = ParseRFC3339("1969-07-20T20:17:40Z");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t.value(), -14182940 * kSecond);
  auto far = ParseRFC3339("2262-04-11T23:47:16.854775807Z");  // the last instant an int64 holds
  ASSERT_TRUE(far.ok());
  EXPECT_EQ(far.value(), INT64_MAX);
  EXPECT_EQ(FormatRFC3339Nano(INT64_MAX), "2262-04-11T23:47:16.854775807Z");
}

TEST(TimeFormat, NegativeOffsetsAndLowerCaseMarkers) {
  auto a = ParseRFC3339("2026-01-01T00:30:00-01:30");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(FormatRFC3339Nano(a.value()), "2026-01-01T02:00:00Z");
  EXPECT_EQ(FormatPrettyTime(a.value() + 120 * kMillisecond), "2026-01-01 02:00:00.12 +0000 utc");
}

TEST(TimeFormat, LeapYearsRoundTrip) {
  auto t = ParseRFC3339("2024-02-29T23:59:59.999999999Z");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(FormatRFC3339Nano(t.value()), "2024-02-29T23:59:59.999999999Z");
}

}  // namespace
}  // namespace swarmsim
