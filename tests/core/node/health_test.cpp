// Docker's health monitor timing and which health check a task runs.
#include "core/node/health.h"

#include <gtest/gtest.h>

#include <memory>

namespace swarmsim {
namespace {

Task TaskOf(const std::string& image, std::optional<HealthConfig> health = std::nullopt) {
  Task t;
  auto spec = std::make_shared<TaskSpec>();
  spec->container.image = image;
  spec->container.healthcheck = health;
  t.spec = spec;
  return t;
}

HealthConfig Check(Duration interval, uint64_t retries, Duration start_period = 0) {
  HealthConfig h;
  h.test = {"CMD", "true"};
  h.interval = interval;
  h.retries = retries;
  h.start_period = start_period;
  return h;
}

TEST(HealthTest, FirstPassingProbeAfterOneInterval) {
  EXPECT_EQ(HealthVerdictAfter(Check(5 * kSecond, 3), true), 5 * kSecond);
  EXPECT_EQ(HealthVerdictAfter(HealthConfig{{"CMD", "true"}}, true), kDefaultHealthInterval);
}

TEST(HealthTest, UnhealthyAfterRetriesCountedFailures) {
  EXPECT_EQ(HealthVerdictAfter(Check(5 * kSecond, 3), false), 15 * kSecond);
  EXPECT_EQ(HealthVerdictAfter(HealthConfig{{"CMD", "true"}}, false), 3 * kDefaultHealthInterval);
  // Failures inside the start period do not count: probes at 5 and 10 s are free,
  // the ones at 15, 20, 25 s count (a probe at exactly start_period counts).
  EXPECT_EQ(HealthVerdictAfter(Check(5 * kSecond, 3, 12 * kSecond), false), 25 * kSecond);
  EXPECT_EQ(HealthVerdictAfter(Check(5 * kSecond, 3, 10 * kSecond), false), 20 * kSecond);
}

TEST(HealthTest, ServiceCheckOverridesTheImageAndNoneDisables) {
  ClusterState s;
  Task image_only = TaskOf("swarmsim/greeter:1.0");
  auto h = TaskHealthcheck(&s, image_only);
  ASSERT_TRUE(h.has_value());
  EXPECT_EQ(h->interval, 5 * kSecond);
  Task mine = TaskOf("swarmsim/greeter:1.0", Check(2 * kSecond, 1));
  h = TaskHealthcheck(&s, mine);
  ASSERT_TRUE(h.has_value());
  EXPECT_EQ(h->interval, 2 * kSecond);
  EXPECT_EQ(h->retries, 1u);
  Task off = TaskOf("swarmsim/greeter:1.0", HealthConfig{{"NONE"}});
  EXPECT_FALSE(TaskHealthcheck(&s, off).has_value());
  Task plain = TaskOf("nginx:latest");
  EXPECT_FALSE(TaskHealthcheck(&s, plain).has_value());
}

TEST(HealthTest, TimelineOfHealthyUnhealthyAndCrashingContainers) {
  ClusterState s;
  Task plain = TaskOf("nginx:latest");
  ContainerTimeline c = PlanContainer(&s, &plain);
  EXPECT_EQ(c.running_after, 0);
  EXPECT_FALSE(c.exit_after.has_value());

  Task sick = TaskOf("swarmsim/greeter:2.1");
  c = PlanContainer(&s, &sick);
  EXPECT_FALSE(c.running_after.has_value());
  EXPECT_EQ(c.unhealthy_after, 15 * kSecond);

  Task crash = TaskOf("swarmsim/greeter:2.0");
  c = PlanContainer(&s, &crash);
  EXPECT_EQ(c.running_after, 5 * kSecond);
  EXPECT_EQ(c.exit_after, 8 * kSecond);
  EXPECT_EQ(TimeRunningBeforeExit(&s, &crash), 3 * kSecond);
}

}  // namespace
}  // namespace swarmsim
