// libFuzzer target: raw bytes as they would arrive on the socket, through the
// same HTTP parser the server uses (Beast, with the server's limits), then the
// Engine API router on a small swarm in memory. Every input must come back as a
// response with a status in 100..599 and, for errors, docker's JSON shape; a
// rejected mutating request must leave the cluster exactly as it was.
#include <utility>  // before Boost (GCC 12 + C++20, asio's awaitable.hpp)

#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "core/cluster/canonical.h"
#include "core/control/nodes.h"
#include "core/control/swarm.h"
#include "core/engine_api/router.h"

namespace {

namespace http = boost::beast::http;

swarmsim::ClusterState MakeCluster() {
  swarmsim::ClusterState s;
  s.clock.now = 1'767'603'600LL * swarmsim::kSecond;
  swarmsim::InitOptions init;
  init.seed = 7;
  (void)swarmsim::InitSwarm(&s, init);
  swarmsim::NodeOptions worker;
  worker.hostname = "node2";
  (void)swarmsim::AddNode(&s, worker);
  return s;
}

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const swarmsim::ClusterState base = MakeCluster();
  http::request_parser<http::string_body> parser;
  parser.eager(true);
  parser.body_limit(4 << 20);
  parser.header_limit(64 * 1024);
  boost::beast::error_code ec;
  parser.put(boost::asio::buffer(data, size), ec);
  if (!ec && !parser.is_done()) parser.put_eof(ec);
  if (ec || !parser.is_done()) return 0;  // the server answers these with 400/413 itself
  const auto& req = parser.get();
  swarmsim::ClusterState state = base;
  swarmsim::CommandContext ctx;
  ctx.state = &state;
  swarmsim::EngineRequest request{std::string(req.method_string()), std::string(req.target()), req.body(),
                                  size > 0 && data[0] % 2 ? "node2" : ""};
  swarmsim::EngineResponse response = swarmsim::HandleEngineRequest(&ctx, request);
  Check(response.status >= 100 && response.status <= 599);
  if (response.status >= 400) {
    auto j = nlohmann::json::parse(response.body, nullptr, false);
    Check(j.is_object() && j.contains("message") && j["message"].is_string());
    Check(response.content_type == "application/json");
    Check(swarmsim::CanonicalState(state) == swarmsim::CanonicalState(base));
  }
  auto text = swarmsim::FormatEngineResponse(response);
  auto back = swarmsim::ParseEngineResponse(text);
  Check(back.ok() && back->status == response.status && back->body == response.body);
  return 0;
}
