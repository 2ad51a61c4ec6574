#include "core/control/networks.h"

#include <gtest/gtest.h>

#include "core/control/services.h"
#include "core/control/swarm.h"

namespace swarmsim {
namespace {

class NetworksTest : public ::testing::Test {
 protected:
  NetworksTest() {
    s.clock.now = 1'767'603'600LL * kSecond;
    InitOptions init;
    init.seed = 3;
    EXPECT_TRUE(InitSwarm(&s, init).ok());
  }
  ClusterState s;
};

TEST_F(NetworksTest, CreateResolveAndRefuseDuplicates) {
  NetworkOptions o;
  o.name = "backend";
  o.labels = {{"tier", "db"}};
  auto id = CreateNetwork(&s, o);
  ASSERT_TRUE(id.ok()) << id.status().message();
  EXPECT_EQ(s.networks.at(id.value()).driver, "overlay");
  EXPECT_EQ(ResolveNetwork(&s, "backend").value()->id, id.value());
  EXPECT_EQ(ResolveNetwork(&s, id.value().substr(0, 6)).value()->name, "backend");
  auto dup = CreateNetwork(&s, o);
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.status().code(), Status::Code::kAlreadyExists);
  auto missing = ResolveNetwork(&s, "nosuch");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().message(), "Error response from daemon: network nosuch not found");
}

TEST_F(NetworksTest, RemoveIsRefusedWhileAServiceUsesItAndForIngress) {
  NetworkOptions o;
  o.name = "backend";
  std::string id = CreateNetwork(&s, o).value();
  ServiceSpec spec;
  spec.name = "api";
  spec.task_template.container.image = "nginx";
  spec.task_template.networks.push_back({id, {}});
  std::string svc = CreateService(&s, spec).value();
  Status in_use = RemoveNetwork(&s, id);
  EXPECT_FALSE(in_use.ok());
  EXPECT_NE(in_use.message().find("network backend is in use by service " + svc), std::string::npos);
  ASSERT_TRUE(RemoveService(&s, svc).ok());
  // The network's own ID may be passed (it is erased during the call).
  ASSERT_TRUE(RemoveNetwork(&s, s.networks.at(id).id).ok());
  EXPECT_EQ(s.networks.count(id), 0u);
  EXPECT_EQ(s.removed_networks.count(id), 1u);
  EXPECT_FALSE(RemoveNetwork(&s, ResolveNetwork(&s, "ingress").value()->id).ok());
}

}  // namespace
}  // namespace swarmsim
