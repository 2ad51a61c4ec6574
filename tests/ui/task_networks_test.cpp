#include "ui/view/task_networks.h"

#include <gtest/gtest.h>

namespace swarmsim::ui {
namespace {

TEST(TaskNetworkRowsTest, NamesEachNetworkWithTheTaskAddressAndTheServiceVip) {
  ClusterState s;
  Network ingress;
  ingress.id = "ing";
  ingress.name = "ingress";
  s.networks[ingress.id] = ingress;
  Network backend;
  backend.id = "net1";
  backend.name = "backend";
  s.networks[backend.id] = backend;
  Service svc;
  svc.id = "s1";
  svc.virtual_ips = {{"ing", "10.0.0.2/24"}, {"net1", "10.0.1.2/24"}};
  s.services[svc.id] = svc;
  Task t;
  t.service_id = "s1";
  t.networks = {{"ing", "10.0.0.3/24"}, {"net1", "10.0.1.3/24"}, {"gone", "10.0.9.3/24"}};
  auto rows = TaskNetworkRows(s, t);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].network, "ingress");
  EXPECT_EQ(rows[0].address, "10.0.0.3/24");
  EXPECT_EQ(rows[0].vip, "10.0.0.2/24");
  EXPECT_EQ(rows[1].network, "backend");
  EXPECT_EQ(rows[1].vip, "10.0.1.2/24");
  EXPECT_EQ(rows[2].network, "gone");  // a removed network shows by ID
  EXPECT_EQ(rows[2].vip, "");
}

TEST(TaskNetworkRowsTest, NoAttachmentsNoRows) {
  ClusterState s;
  Task t;
  EXPECT_TRUE(TaskNetworkRows(s, t).empty());
}

}  // namespace
}  // namespace swarmsim::ui
