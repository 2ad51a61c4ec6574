// PlanProcess: the catalogue's failure knobs, with a cluster's own entries first.
#include "core/node/process.h"

#include <gtest/gtest.h>

#include <memory>

namespace swarmsim {
namespace {

Task TaskOf(const std::string& image) {
  Task t;
  auto spec = std::make_shared<TaskSpec>();
  spec->container.image = image;
  t.spec = spec;
  return t;
}

TEST(PlanProcessTest, UnknownImagesRunUntilStopped) {
  ClusterState s;
  Task t = TaskOf("nginx:1.25");
  ProcessPlan p = PlanProcess(&s, &t);
  EXPECT_FALSE(p.exit_after.has_value());
  EXPECT_EQ(p.exit_code, 0);
  EXPECT_TRUE(p.healthy);
}

TEST(PlanProcessTest, BuiltInBrokenImagesExitOrStayUnhealthy) {
  ClusterState s;
  Task crash = TaskOf("swarmsim/greeter:2.0");
  ProcessPlan p = PlanProcess(&s, &crash);
  ASSERT_TRUE(p.exit_after.has_value());
  EXPECT_EQ(*p.exit_after, 8 * kSecond);
  EXPECT_EQ(p.exit_code, 1);
  Task sick = TaskOf("swarmsim/greeter:2.1");
  EXPECT_FALSE(PlanProcess(&s, &sick).healthy);
  EXPECT_FALSE(PlanProcess(&s, &sick).exit_after.has_value());
}

TEST(PlanProcessTest, ClusterEntriesOverrideTheBuiltInOnes) {
  ClusterState s;
  ImageEntry e;
  e.reference = "swarmsim/greeter:1.0";
  e.exit_after = 3 * kSecond;
  e.exit_code = 137;
  s.images[e.reference] = e;
  Task t = TaskOf("swarmsim/greeter:1.0");
  ProcessPlan p = PlanProcess(&s, &t);
  ASSERT_TRUE(p.exit_after.has_value());
  EXPECT_EQ(*p.exit_after, 3 * kSecond);
  EXPECT_EQ(p.exit_code, 137);
}

}  // namespace
}  // namespace swarmsim
