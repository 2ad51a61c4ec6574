#include "ui/view/board_view.h"

#include <gtest/gtest.h>

namespace swarmsim::ui {
namespace {

TEST(ShortImage, KeepsLastPathPartAndTag) {
  EXPECT_EQ(ShortImage("nginx"), "nginx:latest");
  EXPECT_EQ(ShortImage("docker.io/library/nginx:1.25@sha256:abc"), "nginx:1.25");
  EXPECT_EQ(ShortImage("diamol/ch06-todo-list:v2"), "ch06-todo-list:v2");
  EXPECT_EQ(ShortImage("localhost:5000/app"), "app:latest");
}

}  // namespace
}  // namespace swarmsim::ui
