// IPv4 address management for swarm networks, as swarm's default IPAM hands it
// out: a network without `--subnet` gets the next free /24 of the default pool
// 10.0.0.0/8 (the ingress network takes 10.0.0.0/24), the first host address is
// the gateway, and services and tasks take the lowest free host address after it.
//
// Swarm allocates serially (the address after the last one handed out); the
// simulator takes the lowest free one, so that an allocation depends only on the
// objects that exist and a cluster rebuilt from its command log gets the same
// addresses.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/status.h"

namespace swarmsim {

struct Ipv4Prefix {
  uint32_t base = 0;  // network address (host bits zero)
  int bits = 0;       // prefix length, 0..32
  uint32_t mask() const { return bits == 0 ? 0 : ~uint32_t{0} << (32 - bits); }
  bool Contains(uint32_t addr) const { return (addr & mask()) == base; }
  bool Overlaps(const Ipv4Prefix& o) const;
};

// "10.0.1.7" -> address. False when not a dotted-quad IPv4 address.
bool ParseIpv4(const std::string& text, uint32_t* out);
std::string FormatIpv4(uint32_t addr);

// "10.0.1.0/24" -> prefix. Errors: not a CIDR; host bits set (as Go's
// net.ParseCIDR accepts them but swarm's IPAM refuses: "invalid subnet").
Result<Ipv4Prefix> ParseIpv4Prefix(const std::string& text);
std::string FormatPrefix(const Ipv4Prefix& p);  // "10.0.1.0/24"

// The first /24 of 10.0.0.0/8 that overlaps none of `taken`; nullopt when the
// pool is exhausted.
std::optional<Ipv4Prefix> NextDefaultSubnet(const std::vector<Ipv4Prefix>& taken);

// The gateway docker gives a subnet without --gateway: its first host address.
uint32_t DefaultGateway(const Ipv4Prefix& p);

// The lowest host address of `p` that is neither the network nor the broadcast
// address, nor `gateway`, nor in `used`; nullopt when none is left. `from` skips
// the addresses below it (a caller handing out many addresses in one pass passes
// the last one it got, as everything below it is taken).
std::optional<uint32_t> LowestFreeAddress(const Ipv4Prefix& p, uint32_t gateway, const std::set<uint32_t>& used,
                                          uint32_t from = 0);

}  // namespace swarmsim
