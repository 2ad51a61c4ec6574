#include "core/network/ipam.h"

#include <gtest/gtest.h>

namespace swarmsim {
namespace {

TEST(IpamTest, ParsesAndFormatsAddressesAsGoDoes) {
  uint32_t a = 0;
  ASSERT_TRUE(ParseIpv4("10.0.1.7", &a));
  EXPECT_EQ(FormatIpv4(a), "10.0.1.7");
  EXPECT_FALSE(ParseIpv4("10.0.1", &a));
  EXPECT_FALSE(ParseIpv4("10.0.1.256", &a));
  EXPECT_FALSE(ParseIpv4("10.0.01.1", &a));  // Go refuses leading zeros
  EXPECT_FALSE(ParseIpv4("10.0.1.1 ", &a));
}

TEST(IpamTest, PrefixesRefuseHostBitsAndNonsense) {
  auto p = ParseIpv4Prefix("10.0.9.0/24");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(FormatPrefix(p.value()), "10.0.9.0/24");
  EXPECT_EQ(ParseIpv4Prefix("10.0.9.1/24").status().message(), "invalid subnet 10.0.9.1/24");
  EXPECT_EQ(ParseIpv4Prefix("bogus").status().message(), "invalid CIDR address: bogus");
  EXPECT_FALSE(ParseIpv4Prefix("10.0.0.0/33").ok());
}

TEST(IpamTest, DefaultSubnetsAreTheNextFreeSlash24Of10Slash8) {
  std::vector<Ipv4Prefix> taken;
  auto first = NextDefaultSubnet(taken);
  ASSERT_TRUE(first);
  EXPECT_EQ(FormatPrefix(*first), "10.0.0.0/24");  // the ingress network's
  taken.push_back(*first);
  taken.push_back(ParseIpv4Prefix("10.0.1.0/24").value());
  taken.push_back(ParseIpv4Prefix("10.0.2.0/23").value());  // a user subnet covering two /24s
  EXPECT_EQ(FormatPrefix(*NextDefaultSubnet(taken)), "10.0.4.0/24");
}

TEST(IpamTest, LowestFreeAddressSkipsNetworkGatewayBroadcastAndUsed) {
  auto p = ParseIpv4Prefix("10.0.1.0/30").value();  // .0 network, .1 gateway, .2 host, .3 broadcast
  uint32_t gw = DefaultGateway(p);
  EXPECT_EQ(FormatIpv4(gw), "10.0.1.1");
  std::set<uint32_t> used;
  auto a = LowestFreeAddress(p, gw, used);
  ASSERT_TRUE(a);
  EXPECT_EQ(FormatIpv4(*a), "10.0.1.2");
  used.insert(*a);
  EXPECT_FALSE(LowestFreeAddress(p, gw, used));  // full
  used.clear();
  auto big = ParseIpv4Prefix("10.0.2.0/24").value();
  used.insert(big.base + 3);
  EXPECT_EQ(FormatIpv4(*LowestFreeAddress(big, DefaultGateway(big), used)), "10.0.2.2");
  // A hint skips what is below it; a freed address below it is found without one.
  EXPECT_EQ(FormatIpv4(*LowestFreeAddress(big, DefaultGateway(big), used, big.base + 3)), "10.0.2.4");
}

}  // namespace
}  // namespace swarmsim
