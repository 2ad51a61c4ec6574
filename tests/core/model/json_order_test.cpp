#include "core/model/json_order.h"

#include <gtest/gtest.h>

namespace swarmsim {
namespace {

TEST(JsonOrder, ServiceFieldsInGoStructOrder) {
  nlohmann::json j = {{"UpdatedAt", "u"}, {"Spec", {{"Name", "web"}, {"Mode", {{"Replicated", {{"Replicas", 2}}}}},
                                                    {"TaskTemplate", {{"ContainerSpec", {{"Image", "nginx"}}}}},
                                                    {"Labels", {{"z", "1"}, {"a", "2"}}}}},
                      {"ID", "x"}, {"Version", {{"Index", 3}}}, {"CreatedAt", "c"}, {"Endpoint", {{"Spec", nlohmann::json::object()}}}};
  EXPECT_EQ(InDockerOrder(j).dump(),
            "{\"ID\":\"x\",\"Version\":{\"Index\":3},\"CreatedAt\":\"c\",\"UpdatedAt\":\"u\",\"Spec\":{\"Name\":\"web\","
            "\"Labels\":{\"a\":\"2\",\"z\":\"1\"},\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"nginx\"}},"
            "\"Mode\":{\"Replicated\":{\"Replicas\":2}}},\"Endpoint\":{\"Spec\":{}}}");
}

TEST(JsonOrder, TaskStatusAndUnknownKeys) {
  nlohmann::json j = {{"Status", {{"Err", "e"}, {"Message", "m"}, {"State", "running"}, {"Timestamp", "t"}}},
                      {"zeta", 1}, {"alpha", 2}};
  EXPECT_EQ(InDockerOrder(j).dump(),
            "{\"Status\":{\"Timestamp\":\"t\",\"State\":\"running\",\"Message\":\"m\",\"Err\":\"e\"},\"alpha\":2,"
            "\"zeta\":1}");
}

}  // namespace
}  // namespace swarmsim
