#include "core/program/program.h"

#include <gtest/gtest.h>

#include "tests/core/container/task_fixture.h"

namespace swarmsim {
namespace {

class ProgramTest : public ::testing::Test, public TaskFixture {};

TEST_F(ProgramTest, CatalogueKnobsEndTheProcessOnCue) {
  Node& n = AddNode("node1");
  ImageEntry broken;
  broken.reference = "example/counter:5-broken";
  broken.exit_after = 3 * kSecond;
  broken.exit_code = 1;
  s.images[broken.reference] = broken;
  TaskSpec spec;
  spec.container.image = broken.reference;
  const Task& t = AddTask(AddService("counter", spec), n);
  ProgramStart start = StartProgram(&s, t);
  ASSERT_TRUE(start.exit_after);
  EXPECT_EQ(*start.exit_after, 3 * kSecond);
  EXPECT_EQ(start.exit_code, 1);
}

TEST_F(ProgramTest, GenericImagesRunUntilStoppedAndAnswer404) {
  Node& n = AddNode("node1");
  TaskSpec spec;
  spec.container.image = "me/thing:1";
  const Task& t = AddTask(AddService("thing", spec), n);
  EXPECT_FALSE(StartProgram(&s, t).exit_after);
  EXPECT_EQ(ServeHttp(&s, t, HttpRequest{}).status, 404);
  EXPECT_STREQ(ReasonPhrase(404), "Not Found");
}

TEST_F(ProgramTest, LogLinesCarryTheTaskAndTheVirtualTime) {
  Node& n = AddNode("node1");
  const Task& t = AddTask(AddService("svc", TaskSpec{}), n);
  WriteLog(&s, t, "hello", "stderr");
  ASSERT_EQ(s.new_logs.size(), 1u);
  EXPECT_EQ(s.new_logs[0].task_id, t.id);
  EXPECT_EQ(s.new_logs[0].time, s.clock.now);
  EXPECT_EQ(s.new_logs[0].stream, "stderr");
}

}  // namespace
}  // namespace swarmsim
