#include "core/control/configs.h"

#include <gtest/gtest.h>

#include "core/command/service_flags.h"
#include "core/control/services.h"
#include "core/control/stack.h"
#include "core/model/json.h"
#include "core/orchestrator/reconcile.h"

namespace swarmsim {
namespace {

constexpr char kSecretData[] = "Server=todo-db;Password=do-not-print-me";

class ConfigsTest : public ::testing::Test {
 protected:
  ConfigsTest() {
    s.swarm_active = true;
    s.id_seed = 11;
    s.clock.now = 1'700'000'000LL * kSecond;
    Node n;
    n.id = NewId(&s);
    n.description.hostname = "node1";
    Touch(&s, &n);
    s.nodes[n.id] = n;
  }

  ServiceSpec WebSpec(const std::string& name) {
    ServiceSpec spec;
    spec.name = name;
    spec.task_template.container.image = "nginx:1.25";
    return spec;
  }

  // Everything the cluster would show outside a container: events and decisions.
  std::string Outside() {
    std::string all;
    for (const auto& e : s.new_events) all += ToJson(e).dump();
    for (const auto& d : s.new_decisions) all += ToJson(d).dump();
    for (const auto& [id, c] : s.secrets) all += ToJson(c, BlobKind::kSecret).dump();
    return all;
  }

  ClusterState s;
};

TEST_F(ConfigsTest, CreateValidatesNameSizeAndUniqueness) {
  auto id = CreateBlob(&s, BlobKind::kConfig, "app.config-1", {{"a", "b"}}, "x");
  ASSERT_TRUE(id.ok()) << id.status().message();
  EXPECT_EQ(s.configs.at(id.value()).labels.at("a"), "b");
  EXPECT_EQ(CreateBlob(&s, BlobKind::kConfig, "app.config-1", {}, "y").status().message(),
            "Error response from daemon: rpc error: code = AlreadyExists desc = config app.config-1 already exists");
  // Configs and secrets are separate name spaces.
  EXPECT_TRUE(CreateBlob(&s, BlobKind::kSecret, "app.config-1", {}, "y").ok());
  for (const std::string& bad : std::vector<std::string>{"-x", "x-", "a b", std::string(65, 'a'), ""}) {
    EXPECT_EQ(CreateBlob(&s, BlobKind::kSecret, bad, {}, "y").status().code(), Status::Code::kInvalidArgument) << bad;
  }
  EXPECT_TRUE(CreateBlob(&s, BlobKind::kSecret, std::string(64, 'a'), {}, "y").ok());
  EXPECT_TRUE(CreateBlob(&s, BlobKind::kSecret, "max", {}, std::string(511999, 's')).ok());
  EXPECT_EQ(CreateBlob(&s, BlobKind::kSecret, "over", {}, std::string(512000, 's')).status().message(),
            "Error response from daemon: rpc error: code = InvalidArgument desc = secret data must be larger than 0 "
            "and less than 512000 bytes");
  EXPECT_TRUE(CreateBlob(&s, BlobKind::kConfig, "max", {}, std::string(1023999, 'c')).ok());
  EXPECT_FALSE(CreateBlob(&s, BlobKind::kConfig, "over", {}, std::string(1024000, 'c')).ok());
  EXPECT_FALSE(CreateBlob(&s, BlobKind::kConfig, "empty", {}, "").ok());
}

TEST_F(ConfigsTest, ResolveByIdNameAndUniquePrefix) {
  std::string a = CreateBlob(&s, BlobKind::kConfig, "alpha", {}, "1").value();
  std::string b = CreateBlob(&s, BlobKind::kConfig, "beta", {}, "2").value();
  EXPECT_EQ(ResolveBlob(&s, BlobKind::kConfig, a).value()->name, "alpha");
  EXPECT_EQ(ResolveBlob(&s, BlobKind::kConfig, "beta").value()->id, b);
  size_t common = 0;
  while (a[common] == b[common]) ++common;
  EXPECT_EQ(ResolveBlob(&s, BlobKind::kConfig, a.substr(0, common + 1)).value()->id, a);
  if (common > 0) {
    EXPECT_EQ(ResolveBlob(&s, BlobKind::kConfig, a.substr(0, common)).status().message(),
              "Error response from daemon: config " + a.substr(0, common) + " is ambiguous (2 matches found)");
  }
  EXPECT_EQ(ResolveBlob(&s, BlobKind::kConfig, "gamma").status().message(),
            "Error response from daemon: config gamma not found");
  EXPECT_EQ(ResolveBlob(&s, BlobKind::kSecret, "alpha").status().message(),
            "Error response from daemon: secret alpha not found");
}

TEST_F(ConfigsTest, RemoveRefusesWhileServicesReferenceIt) {
  std::string id = CreateBlob(&s, BlobKind::kSecret, "pw", {}, kSecretData).value();
  for (const char* name : {"web", "api"}) {
    ServiceSpec spec = WebSpec(name);
    spec.task_template.container.secrets.push_back({"pw", "0", "0", 0444, "", "pw"});
    ASSERT_TRUE(ResolveFileReferences(s, BlobKind::kSecret, &spec.task_template.container.secrets).ok());
    EXPECT_EQ(spec.task_template.container.secrets[0].id, id);
    ASSERT_TRUE(CreateService(&s, spec).ok());
  }
  EXPECT_EQ(RemoveBlob(&s, BlobKind::kSecret, id).message(),
            "Error response from daemon: rpc error: code = InvalidArgument desc = secret 'pw' is in use by the "
            "following services: api, web");
  EXPECT_EQ(BlobUsers(s, BlobKind::kSecret, id), (std::vector<std::string>{"api", "web"}));
  for (auto it = s.services.begin(); it != s.services.end();) {
    std::string sid = (it++)->first;
    ASSERT_TRUE(RemoveService(&s, sid).ok());
  }
  ASSERT_TRUE(RemoveBlob(&s, BlobKind::kSecret, id).ok());
  EXPECT_TRUE(s.secrets.empty());
  EXPECT_TRUE(s.removed_secrets.count(id));
}

TEST_F(ConfigsTest, RemoveTakesAReferenceIntoTheBlobItErases) {
  std::string id = CreateBlob(&s, BlobKind::kConfig, "c", {}, "data").value();
  // The Engine API passes the id held by the blob itself; it dies with the blob.
  ASSERT_TRUE(RemoveBlob(&s, BlobKind::kConfig, s.configs.at(id).id).ok());
  EXPECT_TRUE(s.configs.empty());
  EXPECT_TRUE(s.removed_configs.count(id));
  ASSERT_FALSE(s.new_events.empty());
  const Event& e = s.new_events.back();
  EXPECT_EQ(e.action, "remove");
  EXPECT_EQ(e.actor_id, id);
  EXPECT_EQ(e.attributes.at("name"), "c");
}

TEST_F(ConfigsTest, OnlyLabelsMayChange) {
  std::string id = CreateBlob(&s, BlobKind::kConfig, "c", {}, "data").value();
  uint64_t version = s.configs.at(id).version;
  ASSERT_TRUE(UpdateBlobLabels(&s, BlobKind::kConfig, id, {}, "data").ok());
  EXPECT_EQ(s.configs.at(id).version, version);  // nothing changed, nothing written
  ASSERT_TRUE(UpdateBlobLabels(&s, BlobKind::kConfig, id, {{"k", "v"}}, "data").ok());
  EXPECT_GT(s.configs.at(id).version, version);
  EXPECT_EQ(UpdateBlobLabels(&s, BlobKind::kConfig, id, {}, "other").message(),
            "Error response from daemon: rpc error: code = InvalidArgument desc = only updates to Labels are allowed");
}

TEST_F(ConfigsTest, FileReferencesResolveAndConflict) {
  CreateBlob(&s, BlobKind::kConfig, "c", {}, "1").value();
  auto ref = ParseFileReference("config", "source=c,target=/etc/c.json,uid=1,gid=2,mode=0400", BlobKind::kConfig);
  ASSERT_TRUE(ref.ok()) << ref.status().message();
  EXPECT_EQ(ref->file_name, "/etc/c.json");
  EXPECT_EQ(ref->mode, 0400u);
  EXPECT_EQ(ref->uid, "1");
  auto short_form = ParseFileReference("secret", "pw", BlobKind::kSecret);
  ASSERT_TRUE(short_form.ok());
  EXPECT_EQ(short_form->file_name, "pw");  // the daemon puts it at /run/secrets/pw
  EXPECT_EQ(short_form->mode, 0444u);
  EXPECT_EQ(ParseFileReference("secret", "src=pw,color=red", BlobKind::kSecret).status().message(),
            "invalid argument \"src=pw,color=red\" for \"--secret\" flag: invalid field in secret request: color");
  std::vector<FileReference> refs = {ref.value(), ref.value()};
  EXPECT_EQ(ResolveFileReferences(s, BlobKind::kConfig, &refs).message(), "duplicate config target for c not allowed");
  refs = {ref.value()};
  ASSERT_TRUE(ResolveFileReferences(s, BlobKind::kConfig, &refs).ok());
  refs.push_back(ref.value());  // already resolved + a new one on the same target: the daemon refuses
  refs.back().name = "d";
  refs.back().id = "x";
  EXPECT_EQ(CheckFileReferenceTargets(BlobKind::kConfig, refs).message(),
            "Error response from daemon: rpc error: code = InvalidArgument desc = config references 'c' and 'd' have "
            "a conflicting target: '/etc/c.json'");
  std::vector<FileReference> missing = {short_form.value()};
  EXPECT_EQ(ResolveFileReferences(s, BlobKind::kSecret, &missing).message(), "secret not found: pw");
}

StackSpec AppStack(const std::string& secret_data) {
  StackSpec stack;
  stack.name = "app";
  StackFileObject owned;
  owned.key = "pw";
  owned.name = "app_pw";
  owned.file = "/tmp/pw.txt";
  owned.data = secret_data;
  owned.labels = {{kStackNamespaceLabelKey, "app"}};
  StackFileObject external;
  external.key = "shared";
  external.name = "shared";
  external.external = true;
  stack.secrets = {owned, external};
  ServiceSpec web;
  web.name = "app_web";
  web.labels = {{kStackNamespaceLabelKey, "app"}};
  web.task_template.container.image = "nginx:1.25";
  web.task_template.container.secrets = {{"pw", "0", "0", 0444, "", "app_pw"},
                                         {"shared", "0", "0", 0444, "", "shared"}};
  stack.services = {web};
  return stack;
}

TEST_F(ConfigsTest, StackDeployCreatesOwnedAndLooksUpExternal) {
  std::vector<std::string> out;
  // As in docker, the stack's own secret is created before the services fail to
  // convert; the command's transaction (not tried here) rolls it back.
  ClusterState trial = s;
  EXPECT_EQ(DeployStack(&trial, AppStack(kSecretData), false, &out).message(), "service web: secret not found: shared");
  EXPECT_EQ(out, (std::vector<std::string>{"Creating secret app_pw"}));
  std::string shared = CreateBlob(&s, BlobKind::kSecret, "shared", {}, "external data").value();
  out.clear();
  ASSERT_TRUE(DeployStack(&s, AppStack(kSecretData), false, &out).ok());
  EXPECT_EQ(out, (std::vector<std::string>{"Creating secret app_pw", "Creating service app_web"}));
  const Service* web = StackServices(s, "app").at(0);
  ASSERT_EQ(web->spec.task_template.container.secrets.size(), 2u);
  EXPECT_EQ(web->spec.task_template.container.secrets[1].id, shared);
  EXPECT_FALSE(web->spec.task_template.container.secrets[0].id.empty());
  Reconcile(&s);
  // Same data again: nothing printed for the secret, the service spec unchanged.
  uint64_t spec_version = web->spec_version;
  out.clear();
  ASSERT_TRUE(DeployStack(&s, AppStack(kSecretData), false, &out).ok());
  EXPECT_EQ(out.size(), 1u);
  EXPECT_EQ(StackServices(s, "app").at(0)->spec_version, spec_version);
  out.clear();
  EXPECT_EQ(DeployStack(&s, AppStack("changed"), false, &out).message(),
            "failed to update secret app_pw: Error response from daemon: rpc error: code = InvalidArgument desc = "
            "only updates to Labels are allowed");
  // The secret's data shows in no event, decision or inspect output.
  EXPECT_EQ(Outside().find("do-not-print-me"), std::string::npos);
  bool found = false;
  out.clear();
  ASSERT_TRUE(RemoveStack(&s, "app", &out, &found).ok());
  EXPECT_TRUE(found);
  EXPECT_EQ(out, (std::vector<std::string>{"Removing service app_web", "Removing secret app_pw"}));
  ASSERT_EQ(s.secrets.size(), 1u);  // the external one stays
  EXPECT_EQ(s.secrets.begin()->second.name, "shared");
}

}  // namespace
}  // namespace swarmsim
