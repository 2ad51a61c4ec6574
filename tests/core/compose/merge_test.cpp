#include "core/compose/merge.h"

#include <gtest/gtest.h>

namespace swarmsim::compose {
namespace {

ComposeService Service(const std::string& name) {
  ComposeService s;
  s.name = name;
  return s;
}

TEST(MergeTest, AddsServicesAndSortsThem) {
  ComposeProject base;
  base.services = {Service("web")};
  ComposeProject over;
  over.services = {Service("api")};
  MergeProjects(&base, std::move(over));
  ASSERT_EQ(base.services.size(), 2u);
  EXPECT_EQ(base.services[0].name, "api");
}

TEST(MergeTest, ScalarsOverrideOnlyWhenSet) {
  ComposeProject base;
  base.services = {Service("web")};
  base.services[0].image = "nginx:1";
  base.services[0].user = "root";
  base.services[0].read_only = true;
  ComposeProject over;
  over.services = {Service("web")};
  over.services[0].image = "nginx:2";
  MergeProjects(&base, std::move(over));
  EXPECT_EQ(base.services[0].image, "nginx:2");
  EXPECT_EQ(base.services[0].user, "root");    // empty override keeps the base
  EXPECT_TRUE(base.services[0].read_only);     // false never clears true
}

TEST(MergeTest, ListsAppendButCommandIsReplaced) {
  ComposeProject base;
  base.services = {Service("web")};
  base.services[0].dns = {"8.8.8.8"};
  base.services[0].command = {"run", "a"};
  base.services[0].deploy.placement.constraints = {"node.role == worker"};
  ComposeProject over;
  over.services = {Service("web")};
  over.services[0].dns = {"1.1.1.1"};
  over.services[0].command = {"run", "b"};
  over.services[0].deploy.placement.constraints = {"node.labels.zone == a"};
  MergeProjects(&base, std::move(over));
  EXPECT_EQ(base.services[0].dns, (std::vector<std::string>{"8.8.8.8", "1.1.1.1"}));
  EXPECT_EQ(base.services[0].command, (std::vector<std::string>{"run", "b"}));
  EXPECT_EQ(base.services[0].deploy.placement.constraints.size(), 2u);
}

TEST(MergeTest, PortsMergeByPublishedPort) {
  ComposeProject base;
  base.services = {Service("web")};
  base.services[0].ports = {{"ingress", 80, 8080, "tcp"}, {"ingress", 443, 8443, "tcp"}};
  ComposeProject over;
  over.services = {Service("web")};
  over.services[0].ports = {{"ingress", 8080, 8080, "tcp"}, {"ingress", 9000, 9000, "tcp"}};
  MergeProjects(&base, std::move(over));
  ASSERT_EQ(base.services[0].ports.size(), 3u);
  EXPECT_EQ(base.services[0].ports[0].target, 8080u);
  EXPECT_EQ(base.services[0].ports[1].published, 8443u);
  EXPECT_EQ(base.services[0].ports[2].published, 9000u);
}

TEST(MergeTest, EnvironmentKeepsBaseForEmptyOverride) {
  ComposeProject base;
  base.services = {Service("web")};
  base.services[0].environment = {{"A", "1"}, {"B", "2"}, {"C", std::nullopt}};
  ComposeProject over;
  over.services = {Service("web")};
  over.services[0].environment = {{"A", "x"}, {"B", ""}, {"C", "3"}, {"D", std::nullopt}};
  MergeProjects(&base, std::move(over));
  auto& env = base.services[0].environment;
  EXPECT_EQ(*env.at("A"), "x");
  EXPECT_EQ(*env.at("B"), "2");
  EXPECT_EQ(*env.at("C"), "3");
  EXPECT_FALSE(env.at("D").has_value());
}

TEST(MergeTest, TopLevelObjectsAreReplacedWhole) {
  ComposeProject base;
  base.networks["front"].driver = "overlay";
  ComposeProject over;
  over.networks["front"].attachable = true;
  MergeProjects(&base, std::move(over));
  EXPECT_TRUE(base.networks.at("front").attachable);
  EXPECT_EQ(base.networks.at("front").driver, "");
}

}  // namespace
}  // namespace swarmsim::compose
