#include "server/listen_address.h"

#include <gtest/gtest.h>

namespace swarmsim {
namespace {

TEST(ListenAddressTest, UnixAndLoopbackTcp) {
  auto u = ParseListenAddress("unix:///tmp/x/docker.sock");
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(u->kind, ListenAddress::Kind::kUnix);
  EXPECT_EQ(u->path, "/tmp/x/docker.sock");
  auto t = ParseListenAddress("tcp://127.0.0.1:2375");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->kind, ListenAddress::Kind::kTcp);
  EXPECT_EQ(t->host, "127.0.0.1");
  EXPECT_EQ(t->port, 2375);
  EXPECT_TRUE(ParseListenAddress("tcp://[::1]:2375").ok());
  EXPECT_TRUE(ParseListenAddress("localhost:0").ok());
}

TEST(ListenAddressTest, AnythingButLoopbackIsRefused) {
  for (const char* a : {"tcp://0.0.0.0:2375", "tcp://192.168.1.5:2375", "tcp://[::]:2375", "tcp://example.com:80",
                        "tcp://127.0.0.1.evil.com:80"}) {
    auto r = ParseListenAddress(a);
    ASSERT_FALSE(r.ok()) << a;
    EXPECT_NE(r.status().message().find("loopback only"), std::string::npos) << r.status().message();
  }
}

TEST(ListenAddressTest, MalformedAddresses) {
  EXPECT_FALSE(ParseListenAddress("unix://").ok());
  EXPECT_FALSE(ParseListenAddress("http://127.0.0.1:80").ok());
  EXPECT_FALSE(ParseListenAddress("tcp://127.0.0.1").ok());
  EXPECT_FALSE(ParseListenAddress("tcp://127.0.0.1:99999").ok());
}

TEST(ListenAddressTest, DefaultSocketSitsBesideTheDatabase) {
  EXPECT_EQ(DefaultSocketPath("/home/a/.local/state/swarmsim/cluster.db", ""), "/home/a/.local/state/swarmsim/docker.sock");
  EXPECT_EQ(DefaultSocketPath("/tmp/c.db", "node2"), "/tmp/docker-node2.sock");
  EXPECT_EQ(DefaultSocketPath("c.db", ""), "./docker.sock");
}

}  // namespace
}  // namespace swarmsim
