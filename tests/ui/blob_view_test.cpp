#include "ui/view/blob_view.h"

#include <gtest/gtest.h>

namespace swarmsim::ui {
namespace {

ClusterState WithBlobs() {
  ClusterState s;
  Config c;
  c.id = "cfg1";
  c.name = "todo-config";
  c.data = "{\"Logging\": \"info\"}";
  c.labels["app"] = "todo";
  s.configs[c.id] = c;
  Config sec;
  sec.id = "sec1";
  sec.name = "db-password";
  sec.data = "hunter2";
  s.secrets[sec.id] = sec;
  Service svc;
  svc.id = "s1";
  svc.spec.name = "todo_web";
  FileReference r;
  r.id = "cfg1";
  r.name = "todo-config";
  svc.spec.task_template.container.configs.push_back(r);
  FileReference rs;
  rs.id = "sec1";
  rs.name = "db-password";
  svc.spec.task_template.container.secrets.push_back(rs);
  s.services[svc.id] = svc;
  return s;
}

TEST(BlobView, AConfigShowsItsDataAndWhoUsesIt) {
  auto v = BuildBlobView(WithBlobs(), BlobKind::kConfig, "cfg1");
  ASSERT_TRUE(v.has_value());
  EXPECT_EQ(v->name, "todo-config");
  ASSERT_TRUE(v->data.has_value());
  EXPECT_EQ(*v->data, "{\"Logging\": \"info\"}");
  EXPECT_EQ(v->size, v->data->size());
  EXPECT_EQ(v->used_by, std::vector<std::string>{"todo_web"});
  EXPECT_EQ(v->labels.at("app"), "todo");
}

TEST(BlobView, ASecretNeverCarriesItsData) {
  auto v = BuildBlobView(WithBlobs(), BlobKind::kSecret, "sec1");
  ASSERT_TRUE(v.has_value());
  EXPECT_EQ(v->name, "db-password");
  EXPECT_FALSE(v->data.has_value());
  EXPECT_EQ(v->size, 7u);
  EXPECT_EQ(v->used_by, std::vector<std::string>{"todo_web"});
}

TEST(BlobView, MissingAndListed) {
  ClusterState s = WithBlobs();
  EXPECT_FALSE(BuildBlobView(s, BlobKind::kConfig, "sec1").has_value());
  auto names = BlobNames(s, BlobKind::kSecret);
  ASSERT_EQ(names.size(), 1u);
  EXPECT_EQ(names[0], std::make_pair(std::string("db-password"), std::string("sec1")));
}

}  // namespace
}  // namespace swarmsim::ui
