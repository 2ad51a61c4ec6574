#include "core/engine_api/router.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/control/nodes.h"
#include "core/control/swarm.h"
#include "core/format/base64.h"
#include "core/orchestrator/reconcile.h"

namespace swarmsim {
namespace {

using nlohmann::json;

class RouterTest : public ::testing::Test {
 protected:
  RouterTest() {
    state.clock.now = 1'767'603'600LL * kSecond;
    InitOptions init;
    init.seed = 42;
    EXPECT_TRUE(InitSwarm(&state, init).ok());
    NodeOptions worker;
    worker.hostname = "node2";
    EXPECT_TRUE(AddNode(&state, worker).ok());
    ctx.state = &state;
  }

  EngineResponse Call(const std::string& method, const std::string& target, const std::string& body = "",
                      const std::string& node = "") {
    EngineRequest r{method, target, body, node};
    EngineResponse out = HandleEngineRequest(&ctx, r);
    if (IsMutatingMethod(method) && out.status < 400) Reconcile(&state);
    return out;
  }

  json Body(const EngineResponse& r) { return json::parse(r.body); }

  ClusterState state;
  CommandContext ctx;
};

TEST_F(RouterTest, PingAdvertisesTheApiVersionAndHeadHasNoBody) {
  EngineResponse get = Call("GET", "/_ping");
  EXPECT_EQ(get.status, 200);
  EXPECT_EQ(get.body, "OK");
  EXPECT_EQ(get.headers.at("Api-Version"), "1.50");
  EXPECT_EQ(get.headers.at("Swarm"), "active/manager");
  EXPECT_EQ(Call("HEAD", "/_ping").body, "");
  EXPECT_EQ(Call("GET", "/_ping", "", "node2").headers.at("Swarm"), "active/worker");
}

TEST_F(RouterTest, VersionNegotiation) {
  EXPECT_EQ(Call("GET", "/v1.41/version").status, 200);
  EngineResponse high = Call("GET", "/v1.99/version");
  EXPECT_EQ(high.status, 400);
  EXPECT_EQ(Body(high)["message"], "client version 1.99 is too new. Maximum supported API version is 1.50");
  EXPECT_EQ(Call("GET", "/v1.24/info").status, 400);
}

TEST_F(RouterTest, UnknownPathsAndWrongMethods) {
  EngineResponse nf = Call("GET", "/v1.47/nosuch");
  EXPECT_EQ(nf.status, 404);
  EXPECT_EQ(Body(nf)["message"], "page not found");
  EXPECT_EQ(Call("DELETE", "/v1.47/services").status, 405);
  EXPECT_EQ(Call("PUT", "/v1.47/info").status, 405);
}

TEST_F(RouterTest, InfoDescribesTheEndpointsNode) {
  json info = Body(Call("GET", "/v1.47/info"));
  EXPECT_EQ(info["Swarm"]["LocalNodeState"], "active");
  EXPECT_EQ(info["Swarm"]["ControlAvailable"], true);
  EXPECT_EQ(info["Swarm"]["Nodes"], 2);
  EXPECT_EQ(info["Swarm"]["Managers"], 1);
  EXPECT_EQ(info["Name"], "node1");
  EXPECT_NE(info["Warnings"][0].get<std::string>().find("Simulator"), std::string::npos);
  json worker = Body(Call("GET", "/v1.47/info", "", "node2"));
  EXPECT_EQ(worker["Name"], "node2");
  EXPECT_EQ(worker["Swarm"]["ControlAvailable"], false);
}

TEST_F(RouterTest, WorkersRefuseSwarmManagement) {
  EngineResponse r = Call("GET", "/v1.47/nodes", "", "node2");
  EXPECT_EQ(r.status, 503);
  EXPECT_EQ(Body(r)["message"].get<std::string>().rfind("This node is not a swarm manager. Worker nodes can't", 0), 0u);
}

TEST_F(RouterTest, ServiceCreateListInspectUpdateDelete) {
  const std::string spec =
      R"({"Name":"web","TaskTemplate":{"ContainerSpec":{"Image":"nginx:1.25"}},"Mode":{"Replicated":{}},)"
      R"("EndpointSpec":{"Ports":[{"TargetPort":80,"PublishedPort":8080}]}})";
  EngineResponse created = Call("POST", "/v1.47/services/create", spec);
  ASSERT_EQ(created.status, 201) << created.body;
  std::string id = Body(created)["ID"];
  json list = Body(Call("GET", "/v1.47/services?status=true"));
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["Spec"]["Mode"]["Replicated"]["Replicas"], 1);  // absent count: one task
  EXPECT_EQ(list[0]["Endpoint"]["Ports"][0]["PublishMode"], "ingress");
  EXPECT_EQ(list[0]["ServiceStatus"]["DesiredTasks"], 1);
  json svc = Body(Call("GET", "/v1.47/services/web"));
  uint64_t version = svc["Version"]["Index"];
  json s = svc["Spec"];
  s["Mode"]["Replicated"]["Replicas"] = 3;
  EXPECT_EQ(Call("POST", "/v1.47/services/" + id + "/update?version=1", s.dump()).status, 500);  // stale
  EngineResponse updated = Call("POST", "/v1.47/services/" + id + "/update?version=" + std::to_string(version), s.dump());
  ASSERT_EQ(updated.status, 200) << updated.body;
  EXPECT_EQ(Body(Call("GET", "/v1.47/services/web"))["Spec"]["Mode"]["Replicated"]["Replicas"], 3);
  json tasks = Body(Call("GET", "/v1.47/tasks?filters=" + std::string("%7B%22service%22%3A%7B%22web%22%3Atrue%7D%7D")));
  EXPECT_EQ(tasks.size(), 3u);
  EXPECT_EQ(Call("DELETE", "/v1.47/services/web").status, 200);
  EXPECT_EQ(Call("GET", "/v1.47/services/web").status, 404);
}

TEST_F(RouterTest, BadServiceBodiesChangeNothing) {
  uint64_t index = state.index;
  EngineResponse bad = Call("POST", "/v1.47/services/create", R"({"Name": "broken", )");
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(Body(bad).contains("message"));
  EXPECT_EQ(Call("POST", "/v1.47/services/create", "[1,2]").status, 400);
  EXPECT_EQ(Call("POST", "/v1.47/services/create", R"({"Name":"x","TaskTemplate":{"ContainerSpec":{"Image":7}}})").status, 400);
  EXPECT_EQ(Call("POST", "/v1.47/services/create",
                 R"({"Name":"x","TaskTemplate":{"ContainerSpec":{"Image":"nginx"},"Networks":[{"Target":"nosuch"}]}})")
                .status,
            404);
  EXPECT_EQ(state.index, index);
  EXPECT_TRUE(state.services.empty());
}

TEST_F(RouterTest, SecretsNeverReturnTheirData) {
  const std::string data = "TOP-SECRET";
  json body = {{"Name", "s1"}, {"Labels", json::object()}, {"Data", Base64Encode(data)}};
  EngineResponse created = Call("POST", "/v1.47/secrets/create", body.dump());
  ASSERT_EQ(created.status, 201) << created.body;
  std::string all = Call("GET", "/v1.47/secrets").body + Call("GET", "/v1.47/secrets/s1").body;
  EXPECT_EQ(all.find(Base64Encode(data)), std::string::npos);
  EXPECT_EQ(all.find(data), std::string::npos);
  EXPECT_EQ(Call("POST", "/v1.47/secrets/create", body.dump()).status, 409);
  EXPECT_EQ(Call("GET", "/v1.47/configs/nosuch").status, 404);
}

TEST_F(RouterTest, DistributionDigestIsStable) {
  json a = Body(Call("GET", "/v1.49/distribution/diamol/ch06-todo-list:latest/json"));
  json b = Body(Call("GET", "/v1.49/distribution/diamol/ch06-todo-list/json"));
  EXPECT_EQ(a["Descriptor"]["digest"], b["Descriptor"]["digest"]);
  EXPECT_EQ(a["Descriptor"]["digest"].get<std::string>().size(), 7u + 64u);
  EXPECT_NE(a["Descriptor"]["digest"], Body(Call("GET", "/v1.49/distribution/nginx:1.25/json"))["Descriptor"]["digest"]);
}

TEST_F(RouterTest, StackNetworksAreCreatedByNameAndServicesResolveThem) {
  json net = {{"Name", "todo_default"}, {"Driver", "overlay"}, {"Labels", {{"com.docker.stack.namespace", "todo"}}}};
  EngineResponse created = Call("POST", "/v1.47/networks/create", net.dump());
  ASSERT_EQ(created.status, 201) << created.body;
  std::string net_id = Body(created)["Id"];
  const std::string spec =
      R"({"Name":"todo_web","TaskTemplate":{"ContainerSpec":{"Image":"nginx"},"Networks":[{"Target":"todo_default"}]}})";
  ASSERT_EQ(Call("POST", "/v1.47/services/create", spec).status, 201);
  json svc = Body(Call("GET", "/v1.47/services/todo_web"));
  EXPECT_EQ(svc["Spec"]["TaskTemplate"]["Networks"][0]["Target"], net_id);
  EXPECT_EQ(Call("DELETE", "/v1.47/networks/todo_default").status, 400);  // in use
  EXPECT_EQ(Call("DELETE", "/v1.47/services/todo_web").status, 200);
  EXPECT_EQ(Call("DELETE", "/v1.47/networks/todo_default").status, 204);
}

TEST_F(RouterTest, SwarmUpdateTakesTheSpecBackAndRotatesTokens) {
  json swarm = Body(Call("GET", "/v1.47/swarm"));
  std::string worker_token = swarm["JoinTokens"]["Worker"];
  std::string version = std::to_string(swarm["Version"]["Index"].get<uint64_t>());
  json spec = swarm["Spec"];
  spec["Orchestration"]["TaskHistoryRetentionLimit"] = 2;
  EXPECT_EQ(Call("POST", "/v1.47/swarm/update?version=" + version + "&rotateWorkerToken=true", spec.dump()).status, 200);
  json after = Body(Call("GET", "/v1.47/swarm"));
  EXPECT_EQ(after["Spec"]["Orchestration"]["TaskHistoryRetentionLimit"], 2);
  EXPECT_NE(after["JoinTokens"]["Worker"], worker_token);
  EXPECT_EQ(after["JoinTokens"]["Manager"], swarm["JoinTokens"]["Manager"]);
  // The version the client read is stale now.
  EngineResponse stale = Call("POST", "/v1.47/swarm/update?version=" + version, spec.dump());
  EXPECT_EQ(stale.status, 500);
  EXPECT_EQ(Body(stale)["message"], "rpc error: code = Unknown desc = update out of sequence");
  // docker info's cluster object is the same swarm, without the tokens.
  json info = Body(Call("GET", "/v1.47/info"));
  EXPECT_EQ(info["Swarm"]["Cluster"]["Spec"]["Orchestration"]["TaskHistoryRetentionLimit"], 2);
  EXPECT_FALSE(info["Swarm"]["Cluster"].contains("JoinTokens"));
}

// One root CA: the swarm's TLSInfo (docker swarm ca prints its TrustRoot), every
// node's Description.TLSInfo (docker node inspect --pretty) and docker info's cluster.
TEST_F(RouterTest, TheSwarmAndEveryNodeShowTheRootCa) {
  json tls = Body(Call("GET", "/v1.47/swarm"))["TLSInfo"];
  EXPECT_EQ(tls["TrustRoot"].get<std::string>().rfind("-----BEGIN CERTIFICATE-----\n", 0), 0u);
  EXPECT_EQ(tls["CertIssuerSubject"], "MBMxETAPBgNVBAMTCHN3YXJtLWNh");
  EXPECT_EQ(tls["CertIssuerPublicKey"].get<std::string>().rfind("MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE", 0), 0u);
  json nodes = Body(Call("GET", "/v1.47/nodes"));
  ASSERT_FALSE(nodes.empty());
  for (const json& n : nodes) {
    EXPECT_EQ(n["Description"]["TLSInfo"], tls);
    std::string id = n["ID"];
    EXPECT_EQ(Body(Call("GET", "/v1.47/nodes/" + id))["Description"]["TLSInfo"], tls);
  }
  EXPECT_EQ(Body(Call("GET", "/v1.47/info"))["Swarm"]["Cluster"]["TLSInfo"], tls);
}

TEST_F(RouterTest, SwarmLeaveOfTheLastManagerNeedsForce) {
  EngineResponse refused = Call("POST", "/v1.47/swarm/leave");
  EXPECT_GE(refused.status, 400);
  EXPECT_NE(Body(refused)["message"].get<std::string>().find("You are attempting to leave the swarm"), std::string::npos);
  EXPECT_EQ(Call("POST", "/v1.47/swarm/leave?force=true").status, 200);
  EXPECT_EQ(Call("GET", "/v1.47/swarm").status, 503);
}

}  // namespace
}  // namespace swarmsim

namespace swarmsim {
namespace {

TEST_F(RouterTest, VolumeCreateMakesTheEndpointNodesLocalVolume) {
  EngineResponse created = Call("POST", "/v1.47/volumes/create",
                                R"({"Name":"data","Driver":"local","DriverOpts":{},"Labels":{"tier":"db"}})", "node2");
  ASSERT_EQ(created.status, 201) << created.body;
  json v = Body(created);
  EXPECT_EQ(v["Name"], "data");
  EXPECT_EQ(v["Driver"], "local");
  EXPECT_EQ(v["Scope"], "local");
  EXPECT_EQ(v["Mountpoint"], "/var/lib/docker/volumes/data/_data");
  EXPECT_EQ(v["Labels"]["tier"], "db");
  // node2's engine has it, node1's does not.
  EXPECT_EQ(Body(Call("GET", "/v1.47/volumes", "", "node2"))["Volumes"].size(), 1u);
  EXPECT_EQ(Body(Call("GET", "/v1.47/volumes"))["Volumes"].size(), 0u);
  EXPECT_EQ(Call("GET", "/v1.47/volumes/data").status, 404);
  // Again: the same volume, unchanged.
  uint64_t index = state.index;
  EXPECT_EQ(Call("POST", "/v1.47/volumes/create", R"({"Name":"data"})", "node2").status, 201);
  EXPECT_EQ(state.index, index);
  // No name: 64 hex digits.
  json anon = Body(Call("POST", "/v1.47/volumes/create", "{}"));
  EXPECT_EQ(anon["Name"].get<std::string>().size(), 64u);
  // GET /volumes/create inspects a volume called "create", as the daemon's router does.
  EXPECT_EQ(Body(Call("GET", "/v1.47/volumes/create"))["message"], "get create: no such volume");
}

TEST_F(RouterTest, VolumeCreateRefusesWhatTheDaemonRefuses) {
  uint64_t index = state.index;
  EngineResponse driver = Call("POST", "/v1.47/volumes/create", R"({"Name":"d","Driver":"rexray"})");
  EXPECT_EQ(driver.status, 404);
  EXPECT_EQ(Body(driver)["message"], "create d: error looking up volume plugin rexray: plugin \"rexray\" not found");
  EngineResponse name = Call("POST", "/v1.47/volumes/create", R"({"Name":"/srv/data"})");
  EXPECT_EQ(name.status, 400);
  EXPECT_NE(Body(name)["message"].get<std::string>().find("includes invalid characters for a local volume name"),
            std::string::npos);
  EXPECT_EQ(Call("POST", "/v1.47/volumes/create", R"({"Name":"x","Labels":["a"]})").status, 400);
  EXPECT_EQ(Call("POST", "/v1.47/volumes/create", R"({"Name": )").status, 400);
  EXPECT_EQ(Call("POST", "/v1.47/volumes/create", R"({"Name":"c","ClusterVolumeSpec":{"Group":"g"}})").status, 400);
  EXPECT_EQ(state.index, index);
  EXPECT_TRUE(state.volumes.empty());
}

}  // namespace
}  // namespace swarmsim
