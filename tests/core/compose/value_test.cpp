#include "core/compose/value.h"

#include <gtest/gtest.h>

namespace swarmsim::compose {
namespace {

TEST(ValueTest, SetReplacesAndFindReturnsNullWhenAbsent) {
  Value m = Value::Map();
  m.Set("a", Value::Int(1));
  m.Set("b", Value::String("x"));
  m.Set("a", Value::Int(2));
  ASSERT_EQ(m.map.size(), 2u);
  ASSERT_NE(m.Find("a"), nullptr);
  EXPECT_EQ(m.Find("a")->i, 2);
  EXPECT_EQ(m.map[0].first, "a");  // replacing keeps the position
  EXPECT_EQ(m.Find("c"), nullptr);
}

TEST(ValueTest, GoSprintPrintsScalarsLikeFmt) {
  EXPECT_EQ(GoSprint(Value::Null()), "<nil>");
  EXPECT_EQ(GoSprint(Value::Bool(true)), "true");
  EXPECT_EQ(GoSprint(Value::Int(-42)), "-42");
  EXPECT_EQ(GoSprint(Value::Uint(18446744073709551615ULL)), "18446744073709551615");
  EXPECT_EQ(GoSprint(Value::Float(1.5)), "1.5");
  EXPECT_EQ(GoSprint(Value::Float(1e6)), "1e+06");
  EXPECT_EQ(GoSprint(Value::Float(123456)), "123456");
  EXPECT_EQ(GoSprint(Value::String("text")), "text");
}

TEST(ValueTest, GoSprintPrintsCollectionsLikeFmt) {
  Value list = Value::List();
  list.list = {Value::Int(1), Value::String("a")};
  EXPECT_EQ(GoSprint(list), "[1 a]");
  Value m = Value::Map();
  m.Set("z", Value::Int(1));
  m.Set("a", Value::Bool(false));
  EXPECT_EQ(GoSprint(m), "map[a:false z:1]");  // fmt sorts map keys
}

}  // namespace
}  // namespace swarmsim::compose
