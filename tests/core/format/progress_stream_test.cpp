// docker's progress display: each ID keeps a terminal row rewritten in place; off a
// terminal lines come one after another and those carrying a bar are dropped.
#include "core/format/progress_stream.h"

#include <gtest/gtest.h>

namespace swarmsim {
namespace {

TEST(ProgressBarTest, FiftyColumnsOnWideTerminalsOnly) {
  EXPECT_EQ(ProgressBar(9, 9, 200), "[==================================================>] ");
  // 6/9 is 66%: 33 '=' then 17 spaces.
  EXPECT_EQ(ProgressBar(6, 9, 120), "[" + std::string(33, '=') + ">" + std::string(17, ' ') + "] ");
  EXPECT_EQ(ProgressBar(0, 10, 120), "[>" + std::string(50, ' ') + "] ");
  EXPECT_EQ(ProgressBar(6, 9, 110), "");  // 110 columns or fewer: no bar, and counts are hidden
  EXPECT_EQ(ProgressBar(0, 0, 200), "");
}

TEST(ProgressDisplayTest, OffATerminalLinesFollowEachOtherAndBarsAreDropped) {
  ProgressDisplay d(/*terminal=*/false, 0);
  EXPECT_EQ(d.Render(ProgressAction("overall progress", "0 out of 2 tasks")), "overall progress: 0 out of 2 tasks\n");
  EXPECT_EQ(d.Render(ProgressAction("1/2", " ")), "1/2:  \n");
  EXPECT_EQ(d.Render(ProgressAction("1/2", "preparing", 6, 9)), "");  // a bar: not shown off a terminal
  EXPECT_EQ(d.Render(ProgressAction("2/2", "No such image: nope:latest")), "2/2: No such image: nope:latest\n");
  EXPECT_EQ(d.Render(ProgressMessage("", "job complete")), "job complete\n");
  EXPECT_EQ(d.Render(ProgressMessage("rollback", "rollback completed")), "rollback: rollback completed\n");
}

TEST(ProgressDisplayTest, OnATerminalEachIdRewritesItsRow) {
  ProgressDisplay d(/*terminal=*/true, 80);
  // A new ID opens a row: newline, up to it, erase, write, back down.
  EXPECT_EQ(d.Render(ProgressAction("overall progress", "0 out of 2 tasks")),
            "\n\x1b[1A\x1b[2K\roverall progress: 0 out of 2 tasks \r\x1b[1B");
  EXPECT_EQ(d.Render(ProgressAction("1/2", " ")), "\n\x1b[1A\x1b[2K\r1/2:   \r\x1b[1B");
  EXPECT_EQ(d.Render(ProgressAction("2/2", " ")), "\n\x1b[1A\x1b[2K\r2/2:   \r\x1b[1B");
  // An update goes back up to its own row: the first of three.
  EXPECT_EQ(d.Render(ProgressAction("overall progress", "1 out of 2 tasks")),
            "\x1b[3A\x1b[2K\roverall progress: 1 out of 2 tasks \r\x1b[3B");
  // 80 columns: no bar, the state alone.
  EXPECT_EQ(d.Render(ProgressAction("1/2", "running  ", 9, 9)), "\x1b[2A\x1b[2K\r1/2: running   \r\x1b[2B");
  // A message is written where the cursor is and ends the block: the next ID starts
  // a new one.
  EXPECT_EQ(d.Render(ProgressMessage("", "Operation continuing in background.")),
            "Operation continuing in background.\n");
  EXPECT_EQ(d.Render(ProgressAction("verify", "Service web converged")),
            "\n\x1b[1A\x1b[2K\rverify: Service web converged \r\x1b[1B");
}

TEST(ProgressDisplayTest, AWideTerminalDrawsTheBar) {
  ProgressDisplay d(/*terminal=*/true, 150);
  EXPECT_EQ(d.Render(ProgressAction("1/1", "running  ", 9, 9)),
            "\n\x1b[1A\x1b[2K\r1/1: running   [==================================================>] \r\x1b[1B");
}

}  // namespace
}  // namespace swarmsim
