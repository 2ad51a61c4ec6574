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
  std::string t = RenderTable({{"노드이름입니다", "x"}, {"a", "y"}});
  EXPECT_EQ(t, "노드이름입니다   x\na                y\n");
}

// docker stack ps todo, as the real CLI printed it (docker-engine-api.md §3.8):
// the ellipsis is one column wide, and rows end in the padding of empty cells.
TEST(Table, StackPsGolden) {
  std::string t = RenderTable({
      {"ID", "NAME", "IMAGE", "NODE", "DESIRED STATE", "CURRENT STATE", "ERROR", "PORTS"},
      {"8n2vjp146idi", "todo_todo-db.1", "diamol/postgres:11.5", "", "Running", "Pending less than a second ago",
       "\"no suitable node (scheduling \xe2\x80\xa6\"", ""},
      {"cumnt52dsun9", "todo_todo-web.1", "diamol/ch06-todo-list:latest", "docker-desktop", "Running",
       "Running less than a second ago", "", ""},
  });
  EXPECT_EQ(t,
            "ID             NAME              IMAGE                          NODE             DESIRED STATE   "
            "CURRENT STATE                    ERROR                              PORTS\n"
            "8n2vjp146idi   todo_todo-db.1    diamol/postgres:11.5                            Running         "
            "Pending less than a second ago   \"no suitable node (scheduling \xe2\x80\xa6\"   \n"
            "cumnt52dsun9   todo_todo-web.1   diamol/ch06-todo-list:latest   docker-desktop   Running         "
            "Running less than a second ago                                      \n");
}

TEST(Table, NodeLsGolden) {
  std::string t = RenderTable({
      {"ID", "HOSTNAME", "STATUS", "AVAILABILITY", "MANAGER STATUS", "ENGINE VERSION"},
      {"5vkg57aa3opux18dtwewh0l2q *", "docker-desktop", "Ready", "Active", "Leader", "28.2.2"},
  });
  EXPECT_EQ(t,
            "ID                            HOSTNAME         STATUS    AVAILABILITY   MANAGER STATUS   ENGINE VERSION\n"
            "5vkg57aa3opux18dtwewh0l2q *   docker-desktop   Ready     Active         Leader           28.2.2\n");
}

TEST(Table, HeaderOnly) {
  EXPECT_EQ(RenderTable({{"NAME", "SERVICES"}}), "NAME      SERVICES\n");
  EXPECT_EQ(RenderTable({}), "");
}

// text/tabwriter settles a column over a block of consecutive lines that have it;
// a shorter line ends the block, and a line with no tab ends the table.
TEST(Table, ColumnBlocksLikeTabwriter) {
  EXPECT_EQ(TabWrite("a\tb\tc\nlonger-than-ten\tx\n"), "a                 b         c\nlonger-than-ten   x\n");
  // The second column exists only on line 1, so line 2's "b" is not widened by line 3.
  EXPECT_EQ(TabWrite("a\tb\tc\nd\te\nf\tgggggggggggg\th\n"),
            "a         b         c\nd         e\nf         gggggggggggg   h\n");
  EXPECT_EQ(TabWrite("aaaaaaaaaaaaaaaa\tb\nno tabs here\nc\td\n"),
            "aaaaaaaaaaaaaaaa   b\nno tabs here\nc         d\n");
}

TEST(Table, TextWithoutFinalNewlineAndFormFeeds) {
  EXPECT_EQ(TabWrite("a\tb"), "a         b");
  EXPECT_EQ(TabWrite("a\tb\n"), "a         b\n");
  // An unfinished line's tab-terminated cell is its last one, so not a column.
  EXPECT_EQ(TabWrite("a\t"), "a");
  EXPECT_EQ(TabWrite("abc\td\fabcdefghijk\te\n"), "abc       d\nabcdefghijk   e\n");
  EXPECT_EQ(TabWrite(""), "");
}

TEST(Table, CellsWithNewlinesSplitAsInDocker) {
  // A template printing a newline inside a cell starts a new line in the writer.
  EXPECT_EQ(RenderTable({{"A", "B"}, {"x\ny", "z"}}), "A         B\nx\ny         z\n");
}

// Measured first, then written line by line: the same text as TabWrite, wide
// cells, Hangul, empty trailing cells and all.
TEST(StreamedTable, MatchesRenderTable) {
  std::vector<std::vector<std::string>> rows = {{"ID  ", "HOSTNAME", "STATUS", ""},
                                                {"abc *", "노드이름입니다", "", "x"},
                                                {"abcdefghijklmnop  ", "n", "Ready", ""}};
  StreamedTable table(4);
  for (const auto& row : rows) table.Measure(row);
  std::string text;
  for (const auto& row : rows) table.AppendLine(row, &text);
  EXPECT_EQ(text, RenderTable(rows));
  EXPECT_TRUE(StreamedTable::SplitsCell("a\tb"));
  EXPECT_TRUE(StreamedTable::SplitsCell("a\nb"));
  EXPECT_FALSE(StreamedTable::SplitsCell("a b"));
}

}  // namespace
}  // namespace swarmsim
