#include "core/format/human_duration.h"

#include <gtest/gtest.h>

namespace swarmsim {
namespace {

TEST(HumanDuration, MatchesGoUnits) {
  EXPECT_EQ(HumanDuration(0), "Less than a second");
  EXPECT_EQ(HumanDuration(400 * kMillisecond), "Less than a second");
  EXPECT_EQ(HumanDuration(kSecond), "1 second");
  EXPECT_EQ(HumanDuration(5 * kSecond), "5 seconds");
  EXPECT_EQ(HumanDuration(59 * kSecond), "59 seconds");
  EXPECT_EQ(HumanDuration(60 * kSecond), "About a minute");
  EXPECT_EQ(HumanDuration(119 * kSecond), "About a minute");
  EXPECT_EQ(HumanDuration(2 * kMinute), "2 minutes");
  EXPECT_EQ(HumanDuration(59 * kMinute), "59 minutes");
  EXPECT_EQ(HumanDuration(kHour), "About an hour");
  EXPECT_EQ(HumanDuration(5 * kHour), "5 hours");
  EXPECT_EQ(HumanDuration(47 * kHour), "47 hours");
  EXPECT_EQ(HumanDuration(3 * 24 * kHour), "3 days");
  EXPECT_EQ(HumanDuration(20 * 24 * kHour), "2 weeks");
  EXPECT_EQ(HumanDuration(90 * 24 * kHour), "3 months");
  EXPECT_EQ(HumanDuration(800 * 24 * kHour), "2 years");
}

TEST(HumanDuration, ThresholdsAtTheEdges) {
  EXPECT_EQ(HumanDuration(999 * kMillisecond), "Less than a second");
  EXPECT_EQ(HumanDuration(-5 * kSecond), "Less than a second");  // clock skew reads as now
  EXPECT_EQ(HumanDuration(1999 * kMillisecond), "1 second");
  EXPECT_EQ(HumanDuration(89 * kMinute), "About an hour");  // hours round: 1.48 -> 1
  EXPECT_EQ(HumanDuration(90 * kMinute), "2 hours");        // 1.5 -> 2
  EXPECT_EQ(HumanDuration(47 * kHour + 29 * kMinute), "47 hours");
  EXPECT_EQ(HumanDuration(47 * kHour + 30 * kMinute), "2 days");  // 47.5 rounds to 48
  EXPECT_EQ(HumanDuration(13 * 24 * kHour), "13 days");
  EXPECT_EQ(HumanDuration(14 * 24 * kHour), "2 weeks");
  EXPECT_EQ(HumanDuration(59 * 24 * kHour), "8 weeks");
  EXPECT_EQ(HumanDuration(60 * 24 * kHour), "2 months");
  EXPECT_EQ(HumanDuration(729 * 24 * kHour), "24 months");
  EXPECT_EQ(HumanDuration(730 * 24 * kHour), "2 years");
}

TEST(HumanDuration, TaskStateAgeLowerCasesTheWords) {
  EXPECT_EQ(TaskStateAge("Running", 5 * kSecond), "Running 5 seconds ago");
  EXPECT_EQ(TaskStateAge("Running", 0), "Running less than a second ago");
  EXPECT_EQ(TaskStateAge("Pending", 70 * kSecond), "Pending about a minute ago");
  EXPECT_EQ(TaskStateAge("Shutdown", 3 * kHour), "Shutdown 3 hours ago");
  EXPECT_EQ(TaskStateAge("Failed", kHour), "Failed about an hour ago");
}

}  // namespace
}  // namespace swarmsim
