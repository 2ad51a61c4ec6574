#include "core/model/event_attributes.h"

#include <gtest/gtest.h>

namespace swarmsim {
namespace {

std::vector<std::pair<std::string, std::string>> Items(const EventAttributes& a) { return {a.begin(), a.end()}; }

TEST(EventAttributesTest, InitializerListSortsByKeyAndKeepsTheFirstOfTwo) {
  EventAttributes a{{"state", "running"}, {"node", "n1"}, {"message", "started"}, {"node", "n2"}};
  EXPECT_EQ(Items(a), (std::vector<std::pair<std::string, std::string>>{
                          {"message", "started"}, {"node", "n1"}, {"state", "running"}}));
  std::map<std::string, std::string> m{{"state", "running"}, {"node", "n1"}, {"message", "started"}, {"node", "n2"}};
  EXPECT_EQ(a.ToMap(), m);
  EXPECT_EQ(EventAttributes(m), a);
}

TEST(EventAttributesTest, AppendInKeyOrderEqualsTheSameList) {
  EventAttributes a;
  a.Append("message", "started");
  a.Append("node", "n1");
  a.Append("state", "running");
  EXPECT_EQ(a, (EventAttributes{{"state", "running"}, {"message", "started"}, {"node", "n1"}}));
}

TEST(EventAttributesTest, LookupsLikeAMap) {
  EventAttributes a{{"service", "web"}, {"node", "n1"}};
  ASSERT_NE(a.find("node"), a.end());
  EXPECT_EQ(a.find("node")->second, "n1");
  EXPECT_EQ(a.find("slot"), a.end());
  EXPECT_EQ(a.count("service"), 1u);
  EXPECT_EQ(a.count("slot"), 0u);
  EXPECT_EQ(a.at("service"), "web");
  EXPECT_EQ(a.at("slot"), "");  // missing: empty, nothing inserted
  EXPECT_EQ(a.size(), 2u);
}

TEST(EventAttributesTest, IndexInsertsInKeyOrderAndEraseRemoves) {
  EventAttributes a{{"service", "web"}, {"node", "n1"}};
  a["err"] = "boom";
  a["zone"] = "z";
  a["node"] = "n2";
  EXPECT_EQ(a.ToMap(), (std::map<std::string, std::string>{
                           {"err", "boom"}, {"node", "n2"}, {"service", "web"}, {"zone", "z"}}));
  EXPECT_EQ(a.erase("service"), 1u);
  EXPECT_EQ(a.erase("service"), 0u);
  EXPECT_EQ(Items(a), (std::vector<std::pair<std::string, std::string>>{{"err", "boom"}, {"node", "n2"}, {"zone", "z"}}));
  EventAttributes empty;
  EXPECT_TRUE(empty.empty());
  empty["k"];
  EXPECT_EQ(empty.at("k"), "");
  EXPECT_EQ(empty.size(), 1u);
}

TEST(EventAttributesTest, KeysSortAsStdStringDoes) {
  // Bytes compare as unsigned char: a key with a high byte sorts after ASCII.
  EventAttributes a{{"\xc3\xa9t\xc3\xa9", "1"}, {"zz", "2"}, {"A", "3"}};
  std::map<std::string, std::string> m{{"\xc3\xa9t\xc3\xa9", "1"}, {"zz", "2"}, {"A", "3"}};
  EXPECT_EQ(Items(a), (std::vector<std::pair<std::string, std::string>>{m.begin(), m.end()}));
  EventAttributes b;
  b["\xc3\xa9t\xc3\xa9"] = "1";
  b["zz"] = "2";
  b["A"] = "3";
  EXPECT_EQ(b, a);
}

}  // namespace
}  // namespace swarmsim
