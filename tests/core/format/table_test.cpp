#include "core/format/table.h"

#include <gtest/gtest.h>

namespace swarmsim {
namespace {

TEST(Table, PadsToMaxOfTenAndWidestPlusThree) {
  std::string t = RenderTable({{"NAME", "SERVICES"}, {"todo", "2"}});
  EXPECT_EQ(t, "NAME      SERVICES\ntodo      2\n");
}

TEST(Table, EmptyTrailingCellsKeepTheirPadding) {
  std::string t = RenderTable({{"ID", "ERROR", "PORTS"}, {"abc", "", ""}});
  EXPECT_EQ(t, "ID        ERROR     PORTS\nabc                 \n");
}

TEST(Table, WideColumns) {
  std::string t = RenderTable({{"ID", "NAME"}, {"6m3dk23f4qki", "todo_todo-web"}});
  EXPECT_EQ(t, "ID             NAME\n6m3dk23f4qki   todo_todo-web\n");
}

TEST(Table, HangulCountsTwoColumns) {
  EXPECT_EQ(DisplayWidth("노드"), 4u);
  std::string t = RenderTable({{"노드이름입니다", "x"}, {"a", "y"}});
  EXPECT_EQ(t, "노드이름입니다   x\na                y\n");
}

}  // namespace
}  // namespace swarmsim
