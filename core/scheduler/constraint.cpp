#include "core/scheduler/constraint.h"

#include <arpa/inet.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace swarmsim {

namespace {

constexpr std::string_view kNodeLabelPrefix = "node.labels.";
constexpr std::string_view kEngineLabelPrefix = "engine.labels.";

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && IsSpace(s[b])) ++b;
  while (e > b && IsSpace(s[e - 1])) --e;
  return std::string(s.substr(b, e - b));
}

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool EqualFold(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

// Swarm's key pattern: a letter or '_', then at least one of [a-z0-9-_.].
bool ValidKey(const std::string& k) {
  if (k.size() < 2 || !(IsAlpha(k[0]) || k[0] == '_')) return false;
  for (size_t i = 1; i < k.size(); ++i) {
    char c = k[i];
    if (!(IsAlpha(c) || IsDigit(c) || c == '-' || c == '_' || c == '.')) return false;
  }
  return true;
}

// Swarm's value pattern: letters, digits, whitespace and :-_.*()?+[]\^$|/ — no
// operators, so a value can never hide a second comparison.
bool ValidValue(const std::string& v) {
  if (v.empty()) return false;
  static constexpr std::string_view kExtra = ":-_.*()?+[]\\^$|/";
  for (char c : v) {
    if (IsAlpha(c) || IsDigit(c) || IsSpace(c)) continue;
    if (kExtra.find(c) == std::string_view::npos) return false;
  }
  return true;
}

bool HasPrefixFold(std::string_view key, std::string_view prefix) {
  return key.size() > prefix.size() && EqualFold(key.substr(0, prefix.size()), prefix);
}

// An address in 16-byte form (IPv4 as ::ffff:a.b.c.d), like Go's net.IP.
struct Ip {
  std::array<uint8_t, 16> bytes{};
  bool is4() const {
    for (int i = 0; i < 10; ++i) if (bytes[i] != 0) return false;
    return bytes[10] == 0xff && bytes[11] == 0xff;
  }
};

bool ParseIp(const std::string& s, Ip* out) {
  if (s.find(':') == std::string::npos) {
    uint8_t v4[4];
    if (inet_pton(AF_INET, s.c_str(), v4) != 1) return false;
    out->bytes = {};
    out->bytes[10] = out->bytes[11] = 0xff;
    std::memcpy(out->bytes.data() + 12, v4, 4);
    return true;
  }
  return inet_pton(AF_INET6, s.c_str(), out->bytes.data()) == 1;
}

struct Cidr {
  Ip network;
  int bits = 0;  // prefix length over the 16-byte form
};

bool ParseCidr(const std::string& s, Cidr* out) {
  size_t slash = s.find('/');
  if (slash == std::string::npos) return false;
  std::string addr = s.substr(0, slash), len = s.substr(slash + 1);
  if (len.empty() || len.size() > 3) return false;
  int n = 0;
  for (char c : len) {
    if (!IsDigit(c)) return false;
    n = n * 10 + (c - '0');
  }
  bool written_as_v4 = addr.find(':') == std::string::npos;
  if (!ParseIp(addr, &out->network)) return false;
  if (n > (written_as_v4 ? 32 : 128)) return false;
  out->bits = written_as_v4 ? 96 + n : n;
  for (int i = 0; i < 16; ++i) {  // mask the network address, as Go does
    int keep = out->bits - 8 * i;
    uint8_t mask = keep >= 8 ? 0xff : keep <= 0 ? 0 : static_cast<uint8_t>(0xff << (8 - keep));
    out->network.bytes[i] &= mask;
  }
  return true;
}

bool CidrContains(const Cidr& net, const Ip& ip) {
  // Go never lets an IPv4 address fall in an IPv6 network or the reverse.
  if (net.network.is4() != ip.is4()) return false;
  for (int i = 0; i < 16; ++i) {
    int keep = net.bits - 8 * i;
    if (keep <= 0) break;
    uint8_t mask = keep >= 8 ? 0xff : static_cast<uint8_t>(0xff << (8 - keep));
    if ((ip.bytes[i] & mask) != net.network.bytes[i]) return false;
  }
  return true;
}

bool Compare(const Constraint& c, const std::string& actual) {
  bool equal = EqualFold(c.value, actual);
  return c.op == Constraint::Op::kEqual ? equal : !equal;
}

const std::string* FindLabel(const std::map<std::string, std::string>& labels, const std::string& name) {
  auto it = labels.find(name);  // label names are case-sensitive
  return it == labels.end() ? nullptr : &it->second;
}

// What a constraint key refers to on a node.
enum class KeyKind { kId, kHostname, kIp, kRole, kOs, kArch, kNodeLabel, kEngineLabel, kUnknown };

KeyKind Classify(const std::string& key) {
  if (EqualFold(key, "node.id")) return KeyKind::kId;
  if (EqualFold(key, "node.hostname")) return KeyKind::kHostname;
  if (EqualFold(key, "node.ip")) return KeyKind::kIp;
  if (EqualFold(key, "node.role")) return KeyKind::kRole;
  if (EqualFold(key, "node.platform.os")) return KeyKind::kOs;
  if (EqualFold(key, "node.platform.arch")) return KeyKind::kArch;
  if (HasPrefixFold(key, kNodeLabelPrefix)) return KeyKind::kNodeLabel;
  if (HasPrefixFold(key, kEngineLabelPrefix)) return KeyKind::kEngineLabel;
  return KeyKind::kUnknown;
}

bool MatchIp(const Constraint& c, const Node& node) {
  Ip node_ip;
  bool have_ip = ParseIp(node.status.addr, &node_ip);
  bool want_equal = c.op == Constraint::Op::kEqual;
  Ip ip;
  if (ParseIp(c.value, &ip)) {
    bool same = have_ip && ip.bytes == node_ip.bytes;
    return same == want_equal;
  }
  Cidr net;
  if (ParseCidr(c.value, &net)) {
    bool within = have_ip && CidrContains(net, node_ip);
    return within == want_equal;
  }
  return false;  // a malformed address never matches, whatever the operator
}

}  // namespace

Result<std::vector<Constraint>> ParseConstraints(const std::vector<std::string>& exprs) {
  static constexpr std::string_view kOps[] = {"==", "!="};
  std::vector<Constraint> out;
  out.reserve(exprs.size());
  for (const auto& e : exprs) {
    bool found = false;
    for (int i = 0; i < 2; ++i) {
      size_t at = e.find(kOps[i]);
      if (at == std::string::npos) continue;
      Constraint c;
      c.key = Trim(std::string_view(e).substr(0, at));
      if (!ValidKey(c.key)) return Status::Unknown("key '" + c.key + "' is invalid");
      c.value = Trim(std::string_view(e).substr(at + 2));
      if (!ValidValue(c.value)) return Status::Unknown("value '" + c.value + "' is invalid");
      c.op = i == 0 ? Constraint::Op::kEqual : Constraint::Op::kNotEqual;
      out.push_back(std::move(c));
      found = true;
      break;
    }
    if (!found) return Status::Unknown("constraint expected one operator from ==, !=");
  }
  return out;
}

std::string ToString(const Constraint& c) {
  return c.key + (c.op == Constraint::Op::kEqual ? " == " : " != ") + c.value;
}

bool ConstraintMatches(const Constraint& c, const Node& node) {
  switch (Classify(c.key)) {
    case KeyKind::kId: return Compare(c, node.id);
    case KeyKind::kHostname: return Compare(c, node.description.hostname);
    case KeyKind::kIp: return MatchIp(c, node);
    case KeyKind::kRole: return Compare(c, ToString(node.spec.role));
    case KeyKind::kOs: return Compare(c, node.description.platform.os);
    case KeyKind::kArch: return Compare(c, node.description.platform.architecture);
    case KeyKind::kNodeLabel: {
      const std::string* v = FindLabel(node.spec.labels, c.key.substr(kNodeLabelPrefix.size()));
      return Compare(c, v ? *v : std::string());
    }
    case KeyKind::kEngineLabel: {
      const std::string* v = FindLabel(node.description.engine_labels, c.key.substr(kEngineLabelPrefix.size()));
      return Compare(c, v ? *v : std::string());
    }
    case KeyKind::kUnknown: return false;
  }
  return false;
}

bool NodeMatches(const std::vector<Constraint>& cs, const Node& node) {
  for (const auto& c : cs) {
    if (!ConstraintMatches(c, node)) return false;
  }
  return true;
}

bool NodeSatisfiesConstraints(const Node& node, const std::vector<std::string>& exprs) {
  auto parsed = ParseConstraints(exprs);
  if (!parsed.ok()) return true;
  return NodeMatches(*parsed, node);
}

std::string ExplainConstraintFailure(const Constraint& c, const Node& node) {
  if (ConstraintMatches(c, node)) return "";
  std::string why;
  auto shown = [](const std::string& v) { return v.empty() ? std::string("empty") : v; };
  switch (Classify(c.key)) {
    case KeyKind::kId: why = "node ID is " + node.id; break;
    case KeyKind::kHostname: why = "hostname is " + shown(node.description.hostname); break;
    case KeyKind::kIp: {
      Ip ip;
      Cidr net;
      if (!ParseIp(c.value, &ip) && !ParseCidr(c.value, &net)) {
        why = "'" + c.value + "' is not an IP address or CIDR (never matches)";
      } else if (node.status.addr.empty()) {
        why = "node has no address";
      } else if (ParseCidr(c.value, &net)) {
        why = "address " + node.status.addr +
              (c.op == Constraint::Op::kEqual ? " is outside " : " is inside ") + c.value;
      } else {
        why = "address is " + node.status.addr;
      }
      break;
    }
    case KeyKind::kRole: why = std::string("node is a ") + ToString(node.spec.role); break;
    case KeyKind::kOs: why = "os is " + shown(node.description.platform.os); break;
    case KeyKind::kArch: why = "architecture is " + shown(node.description.platform.architecture); break;
    case KeyKind::kNodeLabel: {
      std::string name = c.key.substr(kNodeLabelPrefix.size());
      const std::string* v = FindLabel(node.spec.labels, name);
      why = v ? "label " + name + " is " + shown(*v) : "node has no label " + name;
      break;
    }
    case KeyKind::kEngineLabel: {
      std::string name = c.key.substr(kEngineLabelPrefix.size());
      const std::string* v = FindLabel(node.description.engine_labels, name);
      why = v ? "engine label " + name + " is " + shown(*v) : "engine has no label " + name;
      break;
    }
    case KeyKind::kUnknown: why = "unknown key " + c.key + " (never matches)"; break;
  }
  return ToString(c) + ": " + why;
}

std::string ExplainConstraintFailures(const std::vector<Constraint>& cs, const Node& node) {
  std::string out;
  for (const auto& c : cs) {
    std::string why = ExplainConstraintFailure(c, node);
    if (why.empty()) continue;
    if (!out.empty()) out += "; ";
    out += why;
  }
  return out;
}

}  // namespace swarmsim
