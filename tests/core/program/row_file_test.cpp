#include "core/program/row_file.h"

#include <gtest/gtest.h>

#include "tests/core/container/task_fixture.h"

namespace swarmsim {
namespace {

class RowFileTest : public ::testing::Test, public TaskFixture {};

TEST_F(RowFileTest, AppendsAndReadsRowsInTheTaskFileSystem) {
  Node& n = AddNode("node1");
  const Task& t = AddTask(AddService("db", TaskSpec{}), n);
  EXPECT_TRUE(ReadRows(s, t, "/db/rows").empty());
  ASSERT_TRUE(AppendRow(&s, t, "/db/rows", "one").ok());
  ASSERT_TRUE(AppendRow(&s, t, "/db/rows", "two words").ok());
  EXPECT_EQ(ReadRows(s, t, "/db/rows"), (std::vector<std::string>{"one", "two words"}));
  EXPECT_EQ(s.layers.at(t.id).at("/db/rows"), "one\ntwo words\n");
}

}  // namespace
}  // namespace swarmsim
