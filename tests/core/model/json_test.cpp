#include "core/model/json.h"

#include <gtest/gtest.h>

#include "tests/core/model/json_samples.h"

namespace swarmsim {
namespace {

using nlohmann::json;
using testing::kSampleTime;

TEST(JsonTest, TaskSpecRoundTripsEveryField) {
  TaskSpec in = testing::FullTaskSpec();
  TaskSpec out;
  ASSERT_TRUE(FromJson(ToJson(in), &out).ok());
  EXPECT_EQ(out, in);
}

// swarm.TLSInfo: TrustRoot as text, the DER fields as Go writes []byte (base64),
// each omitted when empty; a node carries the one it is given.
TEST(JsonTest, TlsInfoShapeAndRoundTrip) {
  EXPECT_EQ(ToJson(TlsInfo{}), json::object());
  TlsInfo in{"PEM\n", std::string("\x30\x13", 2), std::string("\x30\x59\xff", 3)};
  json j = ToJson(in);
  EXPECT_EQ(j, (json{{"TrustRoot", "PEM\n"}, {"CertIssuerSubject", "MBM="}, {"CertIssuerPublicKey", "MFn/"}}));
  TlsInfo out{"stale", "stale", "stale"};
  ASSERT_TRUE(FromJson(j, &out).ok());
  EXPECT_EQ(out, in);
  ASSERT_TRUE(FromJson(json::object(), &out).ok());
  EXPECT_TRUE(out.empty());
  EXPECT_FALSE(FromJson(json{{"CertIssuerSubject", "not base64!"}}, &out).ok());
  Node node = testing::FullNode();
  EXPECT_EQ(ToJson(node, in)["Description"]["TLSInfo"], j);
  EXPECT_EQ(ToJson(node, TlsInfo{})["Description"]["TLSInfo"], json::object());
}

TEST(JsonTest, EmptyTaskSpecRoundTrips) {
  TaskSpec in;
  in.container.image = "nginx";
  TaskSpec out = testing::FullTaskSpec();  // every field must be overwritten
  ASSERT_TRUE(FromJson(ToJson(in), &out).ok());
  EXPECT_EQ(out, in);
}

TEST(JsonTest, EndpointSpecRoundTrips) {
  EndpointSpec in = testing::FullEndpointSpec();
  EndpointSpec out;
  ASSERT_TRUE(FromJson(ToJson(in), &out).ok());
  EXPECT_EQ(out, in);
}

TEST(JsonTest, ServiceSpecRoundTripsReplicatedAndGlobal) {
  ServiceSpec in = testing::FullServiceSpec();
  ServiceSpec out;
  ASSERT_TRUE(FromJson(ToJson(in), &out).ok());
  EXPECT_EQ(out, in);

  in.mode = ServiceMode::kGlobal;
  in.replicas = 1;  // not in a global service's JSON: reads back as the default
  in.update_config.reset();
  in.rollback_config.reset();
  ASSERT_TRUE(FromJson(ToJson(in), &out).ok());
  EXPECT_EQ(out, in);
}

TEST(JsonTest, ReplicatedZeroReplicasIsWrittenAndReadBack) {
  ServiceSpec in;
  in.replicas = 0;
  json j = ToJson(in);
  EXPECT_EQ(j["Mode"], json::parse(R"({"Replicated":{"Replicas":0}})"));
  ServiceSpec out;
  ASSERT_TRUE(FromJson(j, &out).ok());
  EXPECT_EQ(out.replicas, 0u);
}

TEST(JsonTest, ServiceRoundTripsAndLeavesSimulationFieldsAlone) {
  Service in = testing::FullService();
  Service out;
  out.spec_version = 99;
  out.wake_at = 1;
  ASSERT_TRUE(FromJson(ToJson(in), &out).ok());
  EXPECT_EQ(out.id, in.id);
  EXPECT_EQ(out.version, in.version);
  EXPECT_EQ(out.created_at, in.created_at);
  EXPECT_EQ(out.updated_at, in.updated_at);
  EXPECT_EQ(out.spec, in.spec);
  ASSERT_TRUE(out.previous_spec.has_value());
  EXPECT_EQ(*out.previous_spec, *in.previous_spec);
  ASSERT_TRUE(out.update_status.has_value());
  EXPECT_EQ(out.update_status->state, "updating");
  EXPECT_EQ(out.update_status->started_at, in.update_status->started_at);
  EXPECT_EQ(out.update_status->completed_at, in.update_status->completed_at);
  EXPECT_EQ(out.update_status->message, in.update_status->message);
  EXPECT_EQ(ToJson(out), ToJson(in));
  // Simulation bookkeeping is not Engine API: untouched by FromJson, absent from ToJson.
  EXPECT_EQ(out.spec_version, 99u);
  EXPECT_EQ(out.wake_at, 1);
  std::string text = ToJson(in).dump();
  EXPECT_EQ(text.find("spec_version"), std::string::npos);
  EXPECT_EQ(text.find("wake"), std::string::npos);
}

TEST(JsonTest, ServiceWithoutOptionalsDropsThem) {
  Service in;
  in.id = "s1";
  in.spec.name = "web";
  json j = ToJson(in);
  EXPECT_FALSE(j.contains("PreviousSpec"));
  EXPECT_FALSE(j.contains("UpdateStatus"));
  EXPECT_FALSE(j["Spec"].contains("UpdateConfig"));
  EXPECT_FALSE(j["Spec"]["TaskTemplate"].contains("RestartPolicy"));
  EXPECT_EQ(j["Version"], json::object());  // Index is omitempty
  Service out = testing::FullService();
  ASSERT_TRUE(FromJson(j, &out).ok());
  EXPECT_FALSE(out.previous_spec.has_value());
  EXPECT_FALSE(out.update_status.has_value());
  EXPECT_EQ(out.spec, in.spec);
}

// The todo-web service of the book (docker-engine-api.md §3.5.1, §3.7), as
// `service inspect` must print it.
TEST(JsonTest, ServiceGoldenShape) {
  Service s;
  s.id = "ds4coj9zk04qpye7oihp84np4";
  s.version = 16;
  s.created_at = kSampleTime;
  s.updated_at = kSampleTime + 500'000'000;
  s.spec.name = "todo_todo-web";
  s.spec.labels = {{"com.docker.stack.image", "diamol/ch06-todo-list"}, {"com.docker.stack.namespace", "todo"}};
  ContainerSpec& c = s.spec.task_template.container;
  c.image = "diamol/ch06-todo-list:latest@sha256:ce5c";
  c.labels = {{"com.docker.stack.namespace", "todo"}};
  FileReference secret;
  secret.file_name = "/app/config/secrets.json";
  secret.id = "0e9tiyv1w2blspyhpkovj038f";
  secret.name = "todo-list-secret";
  c.secrets = {secret};
  FileReference config;
  config.file_name = "/app/config/config.json";
  config.id = "0o1jhyo1g5med92qk4a5033u9";
  config.name = "todo-list-config";
  c.configs = {config};
  s.spec.task_template.resources.limits = {500'000'000, 104'857'600};
  s.spec.task_template.networks = {{"q2a0bgv8qde1vg1w5d0j3a9xv", {"todo-web"}}};
  s.spec.replicas = 2;
  PortConfig port;
  port.target_port = 80;
  port.published_port = 8080;
  s.spec.endpoint.ports = {port};

  json want = json::parse(R"({
    "ID": "ds4coj9zk04qpye7oihp84np4",
    "Version": {"Index": 16},
    "CreatedAt": "2026-11-26T17:10:16.478803Z",
    "UpdatedAt": "2026-11-26T17:10:16.978803Z",
    "Spec": {
      "Name": "todo_todo-web",
      "Labels": {"com.docker.stack.image": "diamol/ch06-todo-list", "com.docker.stack.namespace": "todo"},
      "TaskTemplate": {
        "ContainerSpec": {
          "Image": "diamol/ch06-todo-list:latest@sha256:ce5c",
          "Labels": {"com.docker.stack.namespace": "todo"},
          "Secrets": [{"File": {"Name": "/app/config/secrets.json", "UID": "0", "GID": "0", "Mode": 292},
                       "SecretID": "0e9tiyv1w2blspyhpkovj038f", "SecretName": "todo-list-secret"}],
          "Configs": [{"File": {"Name": "/app/config/config.json", "UID": "0", "GID": "0", "Mode": 292},
                       "ConfigID": "0o1jhyo1g5med92qk4a5033u9", "ConfigName": "todo-list-config"}],
          "Isolation": "default"
        },
        "Resources": {"Limits": {"NanoCPUs": 500000000, "MemoryBytes": 104857600}},
        "Placement": {},
        "Networks": [{"Target": "q2a0bgv8qde1vg1w5d0j3a9xv", "Aliases": ["todo-web"]}],
        "ForceUpdate": 0,
        "Runtime": "container"
      },
      "Mode": {"Replicated": {"Replicas": 2}},
      "EndpointSpec": {
        "Mode": "vip",
        "Ports": [{"Protocol": "tcp", "TargetPort": 80, "PublishedPort": 8080, "PublishMode": "ingress"}]
      }
    },
    "Endpoint": {
      "Spec": {
        "Mode": "vip",
        "Ports": [{"Protocol": "tcp", "TargetPort": 80, "PublishedPort": 8080, "PublishMode": "ingress"}]
      },
      "Ports": [{"Protocol": "tcp", "TargetPort": 80, "PublishedPort": 8080, "PublishMode": "ingress"}]
    }
  })");
  EXPECT_EQ(ToJson(s), want) << ToJson(s).dump(2);
}

TEST(JsonTest, UpdateConfigShapeFollowsGo) {
  ServiceSpec s;
  UpdateConfig u;  // defaults: parallelism 1, no delay, pause, stop-first
  s.update_config = u;
  EXPECT_EQ(ToJson(s)["UpdateConfig"],
            json::parse(R"({"Parallelism":1,"FailureAction":"pause","MaxFailureRatio":0,"Order":"stop-first"})"));
  // A whole ratio prints like Go's float32 (0, not 0.0).
  EXPECT_EQ(ToJson(s)["UpdateConfig"]["MaxFailureRatio"].dump(), "0");
}

TEST(JsonTest, HealthcheckFieldsAreOmitempty) {
  TaskSpec t;
  t.container.image = "nginx";
  t.container.healthcheck = HealthConfig{{"NONE"}};
  EXPECT_EQ(ToJson(t)["ContainerSpec"]["Healthcheck"], json::parse(R"({"Test":["NONE"]})"));
  t.container.healthcheck = HealthConfig{{"CMD", "true"}, 5 * kSecond, 0, 0, 2};
  EXPECT_EQ(ToJson(t)["ContainerSpec"]["Healthcheck"],
            json::parse(R"({"Test":["CMD","true"],"Interval":5000000000,"Retries":2})"));
}

TEST(JsonTest, NodeRoundTripsAndMatchesTheEngineShape) {
  Node in = testing::FullNode();
  json j = ToJson(in, TlsInfo{});
  EXPECT_EQ(j["Spec"], json::parse(R"({"Labels":{"storage":"raid","zone":"a"},"Role":"manager",
                                      "Availability":"drain"})"));
  EXPECT_EQ(j["Status"], json::parse(R"({"State":"down","Message":"heartbeat failure","Addr":"10.0.0.2"})"));
  EXPECT_EQ(j["ManagerStatus"], json::parse(R"({"Leader":true,"Reachability":"reachable","Addr":"10.0.0.2:2377"})"));
  EXPECT_EQ(j["Description"]["Platform"], json::parse(R"({"Architecture":"aarch64","OS":"linux"})"));
  EXPECT_EQ(j["Description"]["Engine"]["EngineVersion"], "28.2.2");
  EXPECT_EQ(j["Description"]["Engine"]["Plugins"][0], json::parse(R"({"Type":"Log","Name":"awslogs"})"));
  EXPECT_FALSE(j.dump().find("postgres") != std::string::npos) << "the image cache is not Engine API";

  Node out;
  ASSERT_TRUE(FromJson(j, &out).ok());
  EXPECT_EQ(out.id, in.id);
  EXPECT_EQ(out.version, in.version);
  EXPECT_EQ(out.created_at, in.created_at);
  EXPECT_EQ(out.updated_at, in.updated_at);
  EXPECT_EQ(out.spec.labels, in.spec.labels);
  EXPECT_EQ(out.spec.role, in.spec.role);
  EXPECT_EQ(out.spec.availability, in.spec.availability);
  EXPECT_EQ(out.description.hostname, "node1");
  EXPECT_EQ(out.description.platform.architecture, "aarch64");
  EXPECT_EQ(out.description.resources, in.description.resources);
  EXPECT_EQ(out.description.engine_labels, in.description.engine_labels);
  EXPECT_EQ(out.status.state, NodeState::kDown);
  EXPECT_EQ(out.status.message, in.status.message);
  ASSERT_TRUE(out.manager_status.has_value());
  EXPECT_TRUE(out.manager_status->leader);
  EXPECT_EQ(out.manager_status->addr, in.manager_status->addr);
  EXPECT_TRUE(out.images.empty());
  EXPECT_EQ(ToJson(out, TlsInfo{}), j);
}

TEST(JsonTest, WorkerHasNoManagerStatus) {
  Node in = testing::FullNode();
  in.manager_status.reset();
  in.spec.labels.clear();
  json j = ToJson(in, TlsInfo{});
  EXPECT_FALSE(j.contains("ManagerStatus"));
  EXPECT_EQ(j["Spec"]["Labels"], json::object());
  Node out = testing::FullNode();
  ASSERT_TRUE(FromJson(j, &out).ok());
  EXPECT_FALSE(out.manager_status.has_value());
  EXPECT_TRUE(out.spec.labels.empty());
}

TEST(JsonTest, TaskRoundTripsItsEngineFields) {
  Task in = testing::FullTask();
  json j = ToJson(in);
  EXPECT_EQ(j["DesiredState"], "shutdown");
  EXPECT_EQ(j["Status"]["State"], "failed");
  EXPECT_EQ(j["Status"]["Timestamp"], "2026-11-26T17:10:16.478803002Z");
  EXPECT_EQ(j["Spec"], ToJson(*in.spec));
  Task out;
  out.due_at = 5;
  ASSERT_TRUE(FromJson(j, &out).ok());
  EXPECT_EQ(out.id, in.id);
  EXPECT_EQ(out.version, in.version);
  EXPECT_EQ(out.created_at, in.created_at);
  EXPECT_EQ(out.updated_at, in.updated_at);
  EXPECT_EQ(out.service_id, in.service_id);
  EXPECT_EQ(out.slot, in.slot);
  EXPECT_EQ(out.node_id, in.node_id);
  ASSERT_NE(out.spec, nullptr);
  EXPECT_EQ(*out.spec, *in.spec);
  EXPECT_EQ(out.desired_state, in.desired_state);
  EXPECT_EQ(out.status.timestamp, in.status.timestamp);
  EXPECT_EQ(out.status.state, in.status.state);
  EXPECT_EQ(out.status.message, in.status.message);
  EXPECT_EQ(out.status.err, in.status.err);
  EXPECT_EQ(out.due_at, 5) << "simulation fields are left alone";
  EXPECT_EQ(ToJson(out), j);
}

TEST(JsonTest, PendingTaskHasNoNodeID) {
  Task t = testing::FullTask();
  t.node_id.clear();
  t.status.state = TaskState::kPending;
  t.status.err.clear();
  json j = ToJson(t);
  EXPECT_FALSE(j.contains("NodeID"));
  EXPECT_FALSE(j["Status"].contains("Err"));
  EXPECT_EQ(j["Status"]["PortStatus"], json::object());
  EXPECT_TRUE(j["Spec"].contains("ContainerSpec"));  // the CLI dereferences it
}

TEST(JsonTest, NetworkRoundTrips) {
  Network in = testing::FullNetwork();
  json j = ToJson(in);
  EXPECT_EQ(j["Id"], in.id);
  EXPECT_EQ(j["Created"], "2026-11-26T17:10:16.478803Z");
  Network out;
  ASSERT_TRUE(FromJson(j, &out).ok());
  EXPECT_EQ(out.id, in.id);
  EXPECT_EQ(out.name, in.name);
  EXPECT_EQ(out.created_at, in.created_at);
  EXPECT_EQ(out.driver, in.driver);
  EXPECT_EQ(out.scope, in.scope);
  EXPECT_EQ(out.ingress, in.ingress);
  EXPECT_EQ(out.attachable, in.attachable);
  EXPECT_EQ(out.labels, in.labels);
  EXPECT_EQ(ToJson(out), j);
}

TEST(JsonTest, EventRoundTripsInDockersShape) {
  Event in = testing::FullEvent();
  json j = ToJson(in);
  EXPECT_EQ(j["time"], 1795713016);
  EXPECT_EQ(j["timeNano"], kSampleTime);
  EXPECT_EQ(j["Actor"]["ID"], in.actor_id);
  Event out;
  out.seq = 9;
  ASSERT_TRUE(FromJson(j, &out).ok());
  EXPECT_EQ(out.seq, 9u);
  EXPECT_EQ(out.time, in.time);
  EXPECT_EQ(out.type, in.type);
  EXPECT_EQ(out.action, in.action);
  EXPECT_EQ(out.actor_id, in.actor_id);
  EXPECT_EQ(out.attributes, in.attributes);
}

TEST(JsonTest, DecisionRoundTrips) {
  Decision in = testing::FullDecision();
  Decision out;
  ASSERT_TRUE(FromJson(ToJson(in), &out).ok());
  EXPECT_EQ(out.id, in.id);
  EXPECT_EQ(out.time, in.time);
  EXPECT_EQ(out.service_id, in.service_id);
  EXPECT_EQ(out.service_name, in.service_name);
  EXPECT_EQ(out.spec_version, in.spec_version);
  ASSERT_EQ(out.nodes.size(), 2u);
  EXPECT_EQ(out.nodes[1].node_id, "n2");
  EXPECT_EQ(out.nodes[0].recent_failures, 1);
  EXPECT_EQ(out.nodes[0].service_tasks, 2);
  EXPECT_EQ(out.nodes[0].total_tasks, 3);
  ASSERT_EQ(out.nodes[1].filters.size(), 2u);
  EXPECT_EQ(out.nodes[1].filters[1].filter, "Constraint");
  EXPECT_FALSE(out.nodes[1].filters[1].passed);
  EXPECT_EQ(out.nodes[1].filters[1].reason, in.nodes[1].filters[1].reason);
  EXPECT_FALSE(out.nodes[0].filters[1].enabled);
  EXPECT_FALSE(out.nodes[1].eligible());
  ASSERT_EQ(out.placements.size(), 2u);
  EXPECT_EQ(out.placements[0].task_id, "t1");
  EXPECT_EQ(out.placements[0].slot, 1u);
  EXPECT_EQ(out.placements[0].service_tasks_before, 2);
  EXPECT_EQ(out.placements[0].total_tasks_before, 3);
  EXPECT_EQ(out.placements[1].node_id, "");
  EXPECT_EQ(out.error, in.error);
  EXPECT_EQ(ToJson(out), ToJson(in));
}

TEST(JsonTest, WrongShapesAreErrorsNotExceptions) {
  ServiceSpec spec;
  Status st = FromJson(json::parse(R"({"Name": 5, "Mode": {"Replicated": {}}})"), &spec);
  EXPECT_EQ(st.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(st.message().find("\"Name\""), std::string::npos) << st.message();

  EXPECT_FALSE(FromJson(json::parse(R"({"Mode": {}})"), &spec).ok());
  EXPECT_FALSE(FromJson(json::parse(R"({"Mode": {"Replicated": {"Replicas": -1}}})"), &spec).ok());
  EXPECT_FALSE(FromJson(json::parse("[1, 2]"), &spec).ok());

  Task task;
  EXPECT_FALSE(FromJson(json::parse(R"({"Status": {"State": "dancing"}, "DesiredState": "running"})"), &task).ok());
  EXPECT_FALSE(FromJson(json::parse(R"({"CreatedAt": "yesterday"})"), &task).ok());

  Node node;
  EXPECT_FALSE(FromJson(json::parse(R"({"Spec": {"Role": "king", "Availability": "active"}})"), &node).ok());
  EXPECT_FALSE(FromJson(json::parse(R"({"Spec": {"Labels": {"a": 1}}})"), &node).ok());

  Decision decision;
  EXPECT_FALSE(FromJson(json::parse(R"({"Nodes": {}})"), &decision).ok());
  Event event;
  EXPECT_FALSE(FromJson(json::parse(R"({"Actor": []})"), &event).ok());
}

}  // namespace
}  // namespace swarmsim
