#include "core/compose/stack_spec.h"

#include <gtest/gtest.h>

namespace swarmsim {
namespace {

TEST(StackSpecTest, StackNameMustHaveMoreThanQuotesAndSpaces) {
  EXPECT_TRUE(CheckStackName("todo").ok());
  EXPECT_TRUE(CheckStackName("it's").ok());  // quotes inside are fine
  EXPECT_EQ(CheckStackName("").message(), "invalid stack name: \"\"");
  EXPECT_EQ(CheckStackName("'   '").message(), "invalid stack name: \"'   '\"");
  EXPECT_EQ(CheckStackName(" \t").message(), "invalid stack name: \" \\t\"");
}

TEST(StackSpecTest, ScopedName) { EXPECT_EQ(ScopedName("todo", "todo-web"), "todo_todo-web"); }

}  // namespace
}  // namespace swarmsim
