#include "core/scheduler/constraint.h"

#include <gtest/gtest.h>

namespace swarmsim {
namespace {

Node Worker() {
  Node n;
  n.id = "node1id";
  n.description.hostname = "worker-1";
  n.description.platform.os = "linux";
  n.description.platform.architecture = "x86_64";
  n.status.addr = "10.0.0.3";
  return n;
}

bool Matches(const std::string& expr, const Node& n) {
  auto parsed = ParseConstraints({expr});
  EXPECT_TRUE(parsed.ok()) << expr << ": " << parsed.status().message();
  return parsed.ok() && NodeMatches(*parsed, n);
}

std::string ParseError(const std::string& expr) {
  auto parsed = ParseConstraints({expr});
  EXPECT_FALSE(parsed.ok()) << expr;
  return parsed.ok() ? "" : parsed.status().message();
}

TEST(ParseConstraintsTest, SplitsAtOperatorAndTrims) {
  auto parsed = ParseConstraints({"node.role == manager", "node.labels.zone!=east", " engine.labels.x==y "});
  ASSERT_TRUE(parsed.ok());
  ASSERT_EQ(parsed->size(), 3u);
  EXPECT_EQ((*parsed)[0], (Constraint{"node.role", Constraint::Op::kEqual, "manager"}));
  EXPECT_EQ((*parsed)[1], (Constraint{"node.labels.zone", Constraint::Op::kNotEqual, "east"}));
  EXPECT_EQ((*parsed)[2], (Constraint{"engine.labels.x", Constraint::Op::kEqual, "y"}));
  EXPECT_EQ(ToString((*parsed)[1]), "node.labels.zone != east");
}

TEST(ParseConstraintsTest, SwarmErrors) {
  EXPECT_EQ(ParseError("node.role=manager"), "constraint expected one operator from ==, !=");
  EXPECT_EQ(ParseError("node.role>manager"), "constraint expected one operator from ==, !=");
  EXPECT_EQ(ParseError("node role==manager"), "key 'node role' is invalid");
  EXPECT_EQ(ParseError("==manager"), "key '' is invalid");
  EXPECT_EQ(ParseError("x==manager"), "key 'x' is invalid");  // at least two characters
  EXPECT_EQ(ParseError("1abc==manager"), "key '1abc' is invalid");
  EXPECT_EQ(ParseError("node.role=="), "value '' is invalid");
  EXPECT_EQ(ParseError("node.role==a<b"), "value 'a<b' is invalid");
  // "==" is looked for first, so the rest of the text becomes the value.
  EXPECT_EQ(ParseError("ab==b!=c"), "value 'b!=c' is invalid");
  EXPECT_EQ(ParseError("ab!=b==c"), "key 'ab!=b' is invalid");
  EXPECT_EQ(ParseConstraints({"node.role==manager", "bad"}).status().code(), Status::Code::kUnknown);
}

TEST(ParseConstraintsTest, ValueMayHoldSpecialCharactersLiterally) {
  Node n = Worker();
  n.spec.labels["path"] = "/data/*";
  EXPECT_TRUE(Matches("node.labels.path == /data/*", n));
  EXPECT_FALSE(Matches("node.labels.path == /data/x", n));  // no wildcards
  EXPECT_TRUE(ParseConstraints({"node.labels.a == (x|y)+?[1]^$\\ z"}).ok());
}

TEST(NodeMatchesTest, BuiltInKeysCaseInsensitiveValues) {
  Node n = Worker();
  EXPECT_TRUE(Matches("node.id==node1id", n));
  EXPECT_TRUE(Matches("node.hostname==WORKER-1", n));
  EXPECT_TRUE(Matches("NODE.HOSTNAME==worker-1", n));
  EXPECT_FALSE(Matches("node.hostname!=worker-1", n));
  EXPECT_TRUE(Matches("node.role==worker", n));
  EXPECT_FALSE(Matches("node.role==manager", n));
  n.spec.role = NodeRole::kManager;
  EXPECT_TRUE(Matches("node.role==Manager", n));
  EXPECT_TRUE(Matches("node.platform.os==Linux", n));
  EXPECT_TRUE(Matches("node.platform.arch==x86_64", n));
  EXPECT_FALSE(Matches("node.platform.arch==amd64", n));  // no normalisation in constraints
}

TEST(NodeMatchesTest, LabelsMissingIsEmpty) {
  Node n = Worker();
  EXPECT_FALSE(Matches("node.labels.storage == raid", n));
  EXPECT_TRUE(Matches("node.labels.storage != raid", n));
  n.spec.labels["storage"] = "RAID";
  EXPECT_TRUE(Matches("node.labels.storage == raid", n));
  EXPECT_FALSE(Matches("node.labels.Storage == raid", n));  // label names are case-sensitive
  EXPECT_TRUE(Matches("NODE.LABELS.storage == raid", n));   // the prefix is not
  n.description.engine_labels["disk"] = "ssd";
  EXPECT_TRUE(Matches("engine.labels.disk == ssd", n));
  EXPECT_FALSE(Matches("node.labels.disk == ssd", n));  // engine and node labels are apart
  EXPECT_TRUE(Matches("engine.labels.gpu != yes", n));
}

TEST(NodeMatchesTest, UnknownKeysNeverMatch) {
  Node n = Worker();
  n.spec.labels["storage"] = "raid";
  EXPECT_FALSE(Matches("node.label.storage == raid", n));
  EXPECT_FALSE(Matches("node.label.storage != raid", n));
  // A bare prefix names no label: unknown as well.
  EXPECT_FALSE(Matches("node.labels. == raid", n));
  EXPECT_FALSE(Matches("node.labels. != raid", n));
}

TEST(NodeMatchesTest, IpAndCidr) {
  Node n = Worker();
  EXPECT_TRUE(Matches("node.ip == 10.0.0.3", n));
  EXPECT_FALSE(Matches("node.ip != 10.0.0.3", n));
  EXPECT_TRUE(Matches("node.ip == 10.0.0.0/24", n));
  EXPECT_TRUE(Matches("node.ip == 10.0.0.0/8", n));
  EXPECT_FALSE(Matches("node.ip == 10.0.1.0/24", n));
  EXPECT_TRUE(Matches("node.ip != 192.168.0.0/16", n));
  EXPECT_TRUE(Matches("node.ip == ::ffff:10.0.0.3", n));  // the same address, IPv6-mapped
  EXPECT_FALSE(Matches("node.ip == ::/0", n));            // IPv4 never falls in an IPv6 net
  // Malformed addresses never match, whatever the operator.
  EXPECT_FALSE(Matches("node.ip == 10.0.0", n));
  EXPECT_FALSE(Matches("node.ip != 10.0.0", n));
  EXPECT_FALSE(Matches("node.ip != 10.0.0.0/33", n));
  n.status.addr = "2001:db8::2";
  EXPECT_TRUE(Matches("node.ip == 2001:db8::2", n));
  EXPECT_TRUE(Matches("node.ip == 2001:db8::/32", n));
  EXPECT_FALSE(Matches("node.ip == 10.0.0.0/8", n));
  n.status.addr = "";
  EXPECT_FALSE(Matches("node.ip == 10.0.0.0/8", n));
  EXPECT_TRUE(Matches("node.ip != 10.0.0.0/8", n));
}

TEST(NodeMatchesTest, AllConstraintsMustHold) {
  Node n = Worker();
  n.spec.labels["zone"] = "east";
  auto parsed = ParseConstraints({"node.role==worker", "node.labels.zone==east"});
  ASSERT_TRUE(parsed.ok());
  EXPECT_TRUE(NodeMatches(*parsed, n));
  n.spec.labels["zone"] = "west";
  EXPECT_FALSE(NodeMatches(*parsed, n));
  EXPECT_TRUE(NodeMatches({}, n));
}

TEST(NodeSatisfiesConstraintsTest, UnparsableMatchesEverything) {
  Node n = Worker();
  EXPECT_TRUE(NodeSatisfiesConstraints(n, {"node.role=manager"}));
  EXPECT_FALSE(NodeSatisfiesConstraints(n, {"node.role==manager"}));
  EXPECT_TRUE(NodeSatisfiesConstraints(n, {}));
}

std::string Why(const std::string& expr, const Node& n) {
  auto parsed = ParseConstraints({expr});
  EXPECT_TRUE(parsed.ok());
  return ExplainConstraintFailure(parsed->front(), n);
}

TEST(ExplainConstraintTest, PlainWords) {
  Node n = Worker();
  EXPECT_EQ(Why("node.labels.storage == raid", n), "node.labels.storage == raid: node has no label storage");
  EXPECT_EQ(Why("node.role == manager", n), "node.role == manager: node is a worker");
  EXPECT_EQ(Why("node.role == worker", n), "");
  EXPECT_EQ(Why("node.hostname==web", n), "node.hostname == web: hostname is worker-1");
  EXPECT_EQ(Why("node.id==abc", n), "node.id == abc: node ID is node1id");
  EXPECT_EQ(Why("node.platform.os==windows", n), "node.platform.os == windows: os is linux");
  EXPECT_EQ(Why("node.platform.arch==arm64", n), "node.platform.arch == arm64: architecture is x86_64");
  EXPECT_EQ(Why("node.label.storage==raid", n),
            "node.label.storage == raid: unknown key node.label.storage (never matches)");
  EXPECT_EQ(Why("node.ip==10.1.0.0/16", n), "node.ip == 10.1.0.0/16: address 10.0.0.3 is outside 10.1.0.0/16");
  EXPECT_EQ(Why("node.ip!=10.0.0.0/16", n), "node.ip != 10.0.0.0/16: address 10.0.0.3 is inside 10.0.0.0/16");
  EXPECT_EQ(Why("node.ip==10.0.0.9", n), "node.ip == 10.0.0.9: address is 10.0.0.3");
  EXPECT_EQ(Why("node.ip==nope", n), "node.ip == nope: 'nope' is not an IP address or CIDR (never matches)");
  EXPECT_EQ(Why("engine.labels.disk==ssd", n), "engine.labels.disk == ssd: engine has no label disk");
  n.spec.labels["storage"] = "ssd";
  EXPECT_EQ(Why("node.labels.storage == raid", n), "node.labels.storage == raid: label storage is ssd");
  EXPECT_EQ(Why("node.labels.storage != SSD", n), "node.labels.storage != SSD: label storage is ssd");
}

TEST(ExplainConstraintTest, JoinsOnlyFailures) {
  Node n = Worker();
  auto parsed = ParseConstraints({"node.role==worker", "node.labels.a==1", "node.role==manager"});
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(ExplainConstraintFailures(*parsed, n),
            "node.labels.a == 1: node has no label a; node.role == manager: node is a worker");
}

}  // namespace
}  // namespace swarmsim
