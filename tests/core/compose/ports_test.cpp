#include "core/compose/ports.h"

#include <gtest/gtest.h>

namespace swarmsim::compose {
namespace {

TEST(PortsTest, ParsesShortSpecs) {
  auto m = ParsePortSpec("8080:80");
  ASSERT_TRUE(m.ok());
  ASSERT_EQ(m->size(), 1u);
  EXPECT_EQ((*m)[0].container_port, 80u);
  EXPECT_EQ((*m)[0].host_port, "8080");
  EXPECT_EQ((*m)[0].proto, "tcp");
  m = ParsePortSpec("0.0.0.0:53:53/UDP");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ((*m)[0].host_ip, "0.0.0.0");
  EXPECT_EQ((*m)[0].proto, "udp");
}

TEST(PortsTest, RejectsWithNatsMessages) {
  EXPECT_EQ(ParsePortSpec("80:http").status().message(), "invalid containerPort: http");
  EXPECT_EQ(ParsePortSpec("x:80").status().message(), "invalid hostPort: x");
  EXPECT_EQ(ParsePortSpec("80/xyz").status().message(), "invalid proto: xyz");
  EXPECT_EQ(ParsePortSpec("1.2.3:80:80").status().message(), "invalid IP address: 1.2.3");
  EXPECT_EQ(ParsePortSpec("90:80-81").status().message(),
            "invalid ranges specified for container and host Ports: 80-81 and 90");
  EXPECT_FALSE(ParsePortSpec("70000").ok());
}

TEST(PortsTest, ExpandsRangesSortedByKey) {
  auto p = ExpandPortSpec("5000-5001:5000-5001");
  ASSERT_TRUE(p.ok());
  ASSERT_EQ(p->size(), 2u);
  EXPECT_EQ((*p)[0].target, 5000u);
  EXPECT_EQ((*p)[1].published, 5001u);
  // A single target with a host range publishes each host port.
  p = ExpandPortSpec("8000-8002:80");
  ASSERT_TRUE(p.ok());
  ASSERT_EQ(p->size(), 3u);
  EXPECT_EQ((*p)[2].published, 8002u);
  EXPECT_EQ((*p)[2].target, 80u);
  // No host port: published 0.
  p = ExpandPortSpec("80");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ((*p)[0].published, 0u);
  // Keys sort as strings: "10000/tcp" before "9999/tcp".
  p = ExpandPortSpec("9999-10000:9999-10000");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ((*p)[0].target, 10000u);
}

}  // namespace
}  // namespace swarmsim::compose
