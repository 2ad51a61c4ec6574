#include "core/network/ipam.h"

namespace swarmsim {

bool Ipv4Prefix::Overlaps(const Ipv4Prefix& o) const {
  int shorter = bits < o.bits ? bits : o.bits;
  uint32_t m = shorter == 0 ? 0 : ~uint32_t{0} << (32 - shorter);
  return (base & m) == (o.base & m);
}

bool ParseIpv4(const std::string& text, uint32_t* out) {
  uint32_t addr = 0;
  size_t i = 0;
  for (int part = 0; part < 4; ++part) {
    if (part > 0) {
      if (i >= text.size() || text[i] != '.') return false;
      ++i;
    }
    size_t start = i;
    uint32_t v = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9' && i - start < 4) v = v * 10 + (text[i++] - '0');
    size_t len = i - start;
    // Go rejects leading zeros ("010") and values over 255.
    if (len == 0 || len > 3 || v > 255 || (len > 1 && text[start] == '0')) return false;
    addr = addr << 8 | v;
  }
  if (i != text.size()) return false;
  *out = addr;
  return true;
}

std::string FormatIpv4(uint32_t addr) {
  return std::to_string(addr >> 24) + "." + std::to_string(addr >> 16 & 255) + "." + std::to_string(addr >> 8 & 255) +
         "." + std::to_string(addr & 255);
}

Result<Ipv4Prefix> ParseIpv4Prefix(const std::string& text) {
  auto slash = text.find('/');
  Ipv4Prefix p;
  uint32_t addr = 0;
  std::string bits = slash == std::string::npos ? "" : text.substr(slash + 1);
  if (slash == std::string::npos || !ParseIpv4(text.substr(0, slash), &addr) || bits.empty() || bits.size() > 2 ||
      bits.find_first_not_of("0123456789") != std::string::npos || std::stoi(bits) > 32) {
    return Status::InvalidArgument("invalid CIDR address: " + text);
  }
  p.bits = std::stoi(bits);
  p.base = addr & p.mask();
  if (p.base != addr) return Status::InvalidArgument("invalid subnet " + text);
  return p;
}

std::string FormatPrefix(const Ipv4Prefix& p) { return FormatIpv4(p.base) + "/" + std::to_string(p.bits); }

std::optional<Ipv4Prefix> NextDefaultSubnet(const std::vector<Ipv4Prefix>& taken) {
  for (uint32_t i = 0; i < (1u << 16); ++i) {
    Ipv4Prefix candidate{(10u << 24) | (i << 8), 24};
    bool free = true;
    for (const auto& t : taken) free = free && !candidate.Overlaps(t);
    if (free) return candidate;
  }
  return std::nullopt;
}

uint32_t DefaultGateway(const Ipv4Prefix& p) { return p.bits >= 31 ? p.base : p.base + 1; }

std::optional<uint32_t> LowestFreeAddress(const Ipv4Prefix& p, uint32_t gateway, const std::set<uint32_t>& used,
                                          uint32_t from) {
  uint64_t size = uint64_t{1} << (32 - p.bits);
  if (size < 4) return std::nullopt;  // no host addresses besides network and broadcast
  uint64_t first = from > p.base ? from - p.base : 1;
  for (uint64_t off = first; off + 1 < size; ++off) {
    uint32_t a = p.base + static_cast<uint32_t>(off);
    if (a != gateway && !used.count(a)) return a;
  }
  return std::nullopt;
}

}  // namespace swarmsim
