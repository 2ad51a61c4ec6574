#include "core/store/json_text.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/model/json.h"
#include "tests/core/model/json_samples.h"

namespace swarmsim {
namespace {

using nlohmann::json;

TEST(JsonTextTest, DecisionTextIsExactlyToJson) {
  Decision d = testing::FullDecision();
  d.nodes[0].hostname = "quote\" backslash\\ tab\t newline\n bell\x07 é";
  std::string text = DecisionJsonText(d);
  EXPECT_EQ(text, ToJson(d).dump());
  EXPECT_EQ(json::parse(text), ToJson(d));

  Decision bare;  // no error, no nodes, no placements
  EXPECT_EQ(DecisionJsonText(bare), ToJson(bare).dump());
}

// The stored row is ToJson(node) without the engine's plugins or the swarm's TLS info, byte for byte.
std::string NodeRowViaTree(const Node& n) {
  json j = ToJson(n, TlsInfo{});
  j["Description"]["Engine"].erase("Plugins");
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

// NodeRowJsonText(n) is exactly the tree's text, and (unless it holds escapes)
// reads back as FromJson reads it.
std::string NodeRowViaTreeAndBack(const Node& n) {
  std::string text = NodeRowJsonText(n);
  Node fast, slow;
  fast.description.platform.architecture = "stale";  // every field is set by the reader
  fast.manager_status = ManagerStatus{};
  if (!ParseNodeRowJsonText(text, &fast)) {  // only text with escapes is left to the JSON parser
    EXPECT_NE(text.find('\\'), std::string::npos) << text;
    return text;
  }
  EXPECT_TRUE(FromJson(json::parse(text), &slow).ok());
  EXPECT_EQ(ToJson(fast, TlsInfo{}), ToJson(slow, TlsInfo{})) << text;
  EXPECT_EQ(NodeRowJsonText(fast), text);
  return text;
}

TEST(JsonTextTest, NodeRowTextIsToJsonWithoutPlugins) {
  Node full = testing::FullNode();
  EXPECT_EQ(NodeRowViaTreeAndBack(full), NodeRowViaTree(full));
  EXPECT_EQ(NodeRowViaTreeAndBack(Node{}), NodeRowViaTree(Node{}));

  // Every optional field absent or present on its own, odd strings included.
  Node n = full;
  n.description.hostname = "quote\" tab\t \xff";
  n.description.engine_labels.clear();
  n.description.platform.architecture.clear();
  n.description.resources.memory_bytes = 0;
  n.status.addr.clear();
  n.manager_status = ManagerStatus{};
  n.manager_status->reachability.clear();
  n.version = 0;
  EXPECT_EQ(NodeRowViaTreeAndBack(n), NodeRowViaTree(n));
  n.description.engine_version.clear();
  n.description.engine_labels = {{"a", "b"}};
  n.description.platform = Platform{"", ""};
  n.description.resources = Resources{};
  n.status.message = "heartbeat failure";
  n.manager_status->leader = true;
  n.description.hostname.clear();
  EXPECT_EQ(NodeRowViaTreeAndBack(n), NodeRowViaTree(n));
  n.description.engine_labels.clear();
  n.description.resources.nano_cpus = 2'000'000'000;
  n.status.message.clear();
  n.manager_status = ManagerStatus{true, "", ""};
  EXPECT_EQ(NodeRowViaTreeAndBack(n), NodeRowViaTree(n));
  n.manager_status = ManagerStatus{false, "", ""};
  n.status.addr = "10.0.0.9";
  n.status.message = "m";
  EXPECT_EQ(NodeRowViaTreeAndBack(n), NodeRowViaTree(n));
  // Generic resources the node advertises (node add --generic-resource), named and discrete.
  GenericResource gpu;
  gpu.kind = "gpu";
  gpu.named = true;
  gpu.named_value = "GPU-\"0\"";
  GenericResource ssd;
  ssd.kind = "ssd";
  ssd.discrete_value = 2;
  n.description.resources.generic = {gpu, ssd};
  EXPECT_EQ(NodeRowViaTreeAndBack(n), NodeRowViaTree(n));
  n.description.resources = Resources{};
  n.description.resources.generic = {ssd};
  EXPECT_EQ(NodeRowViaTreeAndBack(n), NodeRowViaTree(n));

  // Other text is refused (the store parses it as JSON).
  Node back;
  EXPECT_FALSE(ParseNodeRowJsonText(NodeRowViaTree(full) + " ", &back));
  EXPECT_FALSE(ParseNodeRowJsonText(ToJson(full, TlsInfo{}).dump(), &back));  // with Plugins
  EXPECT_FALSE(ParseNodeRowJsonText(json::parse(NodeRowViaTree(full)).dump(1), &back));
  n = full;
  n.spec.labels["q"] = "a\"b";
  EXPECT_FALSE(ParseNodeRowJsonText(NodeRowJsonText(n), &back));
}

// The reader takes back what the writer wrote, and refuses anything else (the
// store then parses it as JSON).
TEST(JsonTextTest, DecisionTextReadsBack) {
  Decision full = testing::FullDecision();
  full.nodes[0].recent_failures = -3;  // any int64 survives
  for (const Decision& d : {full, Decision{}}) {
    std::string text = DecisionJsonText(d);
    Decision back;
    ASSERT_TRUE(ParseDecisionJsonText(text, &back)) << text;
    EXPECT_EQ(DecisionJsonText(back), text);
    Decision via_json;
    ASSERT_TRUE(FromJson(json::parse(text), &via_json).ok());
    EXPECT_EQ(DecisionJsonText(via_json), text);
  }
  Decision back;
  std::string text = DecisionJsonText(full);
  EXPECT_FALSE(ParseDecisionJsonText(text + " ", &back));
  EXPECT_FALSE(ParseDecisionJsonText(text.substr(0, text.size() - 1), &back));
  EXPECT_FALSE(ParseDecisionJsonText(json::parse(text).dump(2), &back));  // same JSON, other layout
  Decision escaped = full;
  escaped.nodes[0].hostname = "quote\"d";
  EXPECT_FALSE(ParseDecisionJsonText(DecisionJsonText(escaped), &back));
}

TEST(JsonTextTest, StringMapTextIsSortedJson) {
  std::map<std::string, std::string> m{{"b", "2"}, {"a", "x\"y"}, {"", ""}};
  std::string text = StringMapJsonText(m);
  EXPECT_EQ(text, R"({"":"","a":"x\"y","b":"2"})");
  EXPECT_EQ(StringMapJsonText(std::map<std::string, std::string>{}), "{}");
  EXPECT_EQ(StringMapJsonText(EventAttributes(m)), text);
  EXPECT_EQ(StringMapJsonText(EventAttributes{}), "{}");
}

TEST(JsonTextTest, InvalidUtf8BecomesReplacementCharacter) {
  std::string out;
  AppendJsonString(&out, std::string("a\xff" "b\xc3", 4));
  EXPECT_EQ(out, "\"a\xEF\xBF\xBD" "b\xEF\xBF\xBD\"");
  EXPECT_FALSE(json::parse(out, nullptr, false).is_discarded());

  EXPECT_TRUE(IsValidUtf8("plain"));
  EXPECT_TRUE(IsValidUtf8("\xc3\xa9\xe2\x82\xac\xf0\x9f\x90\xb3"));  // é € 🐳
  EXPECT_FALSE(IsValidUtf8("\xc0\xaf"));          // overlong
  EXPECT_FALSE(IsValidUtf8("\xed\xa0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xe2\x82"));          // cut short
  EXPECT_FALSE(IsValidUtf8("caf\xe9"));           // Latin-1
}

TEST(JsonTextTest, ControlCharactersAreEscaped) {
  std::string out;
  AppendJsonString(&out, std::string("\x01\x1f", 2));
  EXPECT_EQ(out, "\"\\u0001\\u001f\"");
}

}  // namespace
}  // namespace swarmsim
