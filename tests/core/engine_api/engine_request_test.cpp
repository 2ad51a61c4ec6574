#include "core/engine_api/engine_request.h"

#include <gtest/gtest.h>

namespace swarmsim {
namespace {

TEST(EngineRequestTest, TargetSplitsVersionSegmentsAndQuery) {
  auto t = ParseEngineTarget("/v1.49/distribution/diamol/ch06-todo-list:latest/json?a=1&filters=%7B%22x%22%3A1%7D");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->version, "1.49");
  EXPECT_EQ(t->segments, (std::vector<std::string>{"distribution", "diamol", "ch06-todo-list:latest", "json"}));
  EXPECT_EQ(t->query.at("a"), "1");
  EXPECT_EQ(t->query.at("filters"), "{\"x\":1}");
}

TEST(EngineRequestTest, TargetWithoutVersionAndBadEscapes) {
  auto t = ParseEngineTarget("/_ping");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->version, "");
  EXPECT_EQ(t->segments, std::vector<std::string>{"_ping"});
  EXPECT_FALSE(ParseEngineTarget("/services/%zz").ok());
  EXPECT_FALSE(ParseEngineTarget("services").ok());
}

TEST(EngineRequestTest, VersionsCompareNumerically) {
  EXPECT_LT(CompareApiVersions("1.9", "1.41"), 0);
  EXPECT_EQ(CompareApiVersions("1.50", "1.50"), 0);
  EXPECT_GT(CompareApiVersions("2.0", "1.50"), 0);
}

TEST(EngineRequestTest, FiltersInBothShapes) {
  auto f = ParseEngineFilters(R"({"label":{"com.docker.stack.namespace=todo":true},"name":["web"]})");
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->at("label"), std::vector<std::string>{"com.docker.stack.namespace=todo"});
  EXPECT_EQ(f->at("name"), std::vector<std::string>{"web"});
  EXPECT_FALSE(ParseEngineFilters("{not json").ok());
  EXPECT_FALSE(ParseEngineFilters(R"({"label":3})").ok());
}

TEST(EngineRequestTest, ErrorsTakeTheDaemonsStatusAndDropTheClientPrefix) {
  EngineResponse r = EngineError(Status::Daemon(Status::Code::kNotFound, "service web not found"));
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.content_type, "application/json");
  EXPECT_EQ(r.body, "{\"message\":\"service web not found\"}\n");
  EXPECT_EQ(EngineError(Status::AlreadyExists("x")).status, 409);
  EXPECT_EQ(EngineError(Status::InvalidArgument("x")).status, 400);
  EXPECT_EQ(EngineError(Status::FailedPrecondition("This node is not a swarm manager. Use ...")).status, 503);
  EXPECT_EQ(EngineError(Status::Unknown("update out of sequence")).status, 500);
}

TEST(EngineRequestTest, ResponseTextRoundTrips) {
  EngineResponse r;
  r.status = 201;
  r.headers["Api-Version"] = "1.50";
  r.body = "{\"ID\":\"abc\"}\n\r\n\r\nbinary";
  std::string text = FormatEngineResponse(r);
  EXPECT_EQ(text.rfind("HTTP/1.1 201 Created\r\n", 0), 0u);
  auto back = ParseEngineResponse(text);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->status, 201);
  EXPECT_EQ(back->content_type, "application/json");
  EXPECT_EQ(back->headers.at("Api-Version"), "1.50");
  EXPECT_EQ(back->body, r.body);
  EXPECT_FALSE(ParseEngineResponse("garbage").ok());
}

}  // namespace
}  // namespace swarmsim
