#include "core/command/output.h"

#include <gtest/gtest.h>

namespace swarmsim {
namespace {

TEST(NaturalLess, NumbersInHostnamesCompareAsNumbers) {
  EXPECT_TRUE(NaturalLess("node2", "node10"));
  EXPECT_FALSE(NaturalLess("node10", "node2"));
  EXPECT_TRUE(NaturalLess("node1", "node1a"));
  EXPECT_TRUE(NaturalLess("a", "b"));
  EXPECT_FALSE(NaturalLess("node3", "node3"));
  EXPECT_TRUE(NaturalLess("node01", "node1"));  // tie by value: plain order
}

TEST(Capitalize, FirstLetterUpRestDown) {
  EXPECT_EQ(Capitalize("RUNNING"), "Running");
  EXPECT_EQ(Capitalize("ready"), "Ready");
}

}  // namespace
}  // namespace swarmsim
