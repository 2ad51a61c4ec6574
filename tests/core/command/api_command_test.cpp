#include "core/command/api_command.h"

#include <gtest/gtest.h>

#include "core/cluster/canonical.h"
#include "core/command/command.h"
#include "core/command/replay.h"
#include "core/engine_api/engine_request.h"

namespace swarmsim {
namespace {

CommandOutput RunArgs(ClusterState* state, const std::vector<std::string>& args) {
  CommandContext ctx;
  ctx.state = state;
  ctx.seed = 42;
  return RunCommand(&ctx, args);
}

TEST(ApiCommandTest, PrintsTheHttpResponseAndFailsOnErrors) {
  ClusterState s;
  s.clock.now = 1'767'603'600LL * kSecond;
  ASSERT_EQ(RunArgs(&s, {"swarm", "init"}).exit_code, 0);
  CommandOutput ping = RunArgs(&s, {"api", "GET", "/_ping"});
  EXPECT_EQ(ping.exit_code, 0);
  auto r = ParseEngineResponse(ping.out);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "OK");
  CommandOutput missing = RunArgs(&s, {"api", "GET", "/v1.47/services/nosuch"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_EQ(ParseEngineResponse(missing.out)->status, 404);
}

TEST(ApiCommandTest, OnlyMutatingMethodsAreLogged) {
  EXPECT_TRUE(IsReadOnlyCommand({"api", "GET", "/v1.47/services"}));
  EXPECT_TRUE(IsReadOnlyCommand({"api", "--node=node2", "HEAD", "/_ping"}));
  EXPECT_TRUE(IsReadOnlyCommand({"api", "--node", "node2", "GET", "/info"}));
  EXPECT_FALSE(IsReadOnlyCommand({"api", "POST", "/v1.47/services/create", "{}"}));
  EXPECT_FALSE(IsReadOnlyCommand({"api", "--node=node2", "DELETE", "/v1.47/volumes/x"}));
}

// A cluster driven through the API replays from its log like one driven by commands.
TEST(ApiCommandTest, ApiRequestsReplay) {
  std::vector<CommandRecord> log;
  ClusterState s;
  Time now = 1'767'603'600LL * kSecond;
  auto run = [&](const std::vector<std::string>& args) {
    s.clock.now = std::max(s.clock.now, now);
    CommandOutput out = RunArgs(&s, args);
    ASSERT_EQ(out.exit_code, 0) << out.err << out.out;
    CommandRecord r;
    r.seq = log.size() + 1;
    r.time = s.clock.now;
    r.argv = args;
    r.env["SWARMSIM_SEED"] = "42";
    log.push_back(r);
    s.new_events.clear();
    s.new_decisions.clear();
  };
  run({"swarm", "init"});
  run({"api", "POST", "/v1.47/networks/create", R"({"Name":"app","Driver":"overlay"})"});
  run({"api", "POST", "/v1.47/services/create",
       R"({"Name":"web","TaskTemplate":{"ContainerSpec":{"Image":"nginx"},"Networks":[{"Target":"app"}]},)"
       R"("Mode":{"replicated":{"Replicas":2}}})"});
  auto rebuilt = ReplayCommands(log, s.clock.now);
  ASSERT_TRUE(rebuilt.ok()) << rebuilt.status().message();
  EXPECT_EQ(CanonicalState(rebuilt.value()), CanonicalState(s));
  EXPECT_EQ(s.services.begin()->second.spec.replicas, 2u);  // "replicated" matched as Go matches fields
}

}  // namespace
}  // namespace swarmsim
