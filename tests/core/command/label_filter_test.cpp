#include "core/command/label_filter.h"

#include <gtest/gtest.h>

namespace swarmsim {
namespace {

TEST(LabelFilter, KeyAloneOrKeyAndValue) {
  std::map<std::string, std::string> labels{{"zone", "east"}, {"ssd", ""}};
  EXPECT_TRUE(LabelMatches(labels, "zone"));
  EXPECT_TRUE(LabelMatches(labels, "zone=east"));
  EXPECT_FALSE(LabelMatches(labels, "zone=west"));
  EXPECT_TRUE(LabelMatches(labels, "ssd="));
  EXPECT_FALSE(LabelMatches(labels, "ssd=yes"));
  EXPECT_FALSE(LabelMatches(labels, "disk"));
}

}  // namespace
}  // namespace swarmsim
