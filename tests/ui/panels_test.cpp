// The panels drawn in a headless ImGui context (no window, no GL): what each shows
// for a given cluster, and which commands their buttons and input line send.
#include "ui/panels/panels.h"

#include <gtest/gtest.h>
#include <imgui_internal.h>

#include <algorithm>
#include <set>

#include "ui/i18n.h"
#include "window_fixture.h"

namespace swarmsim::ui {
namespace {

using PanelsTest = WindowFixture;

TEST_F(PanelsTest, BoardHasOneColumnPerNode) {
  ThreeNodesWithWeb();
  DrawFrame();
  DrawFrame();
  ImGuiWindow* board = Window(kBoardWindow);
  ASSERT_NE(board, nullptr);
  EXPECT_TRUE(board->Active);
  int columns = 0;
  for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) {
    if (w->ParentWindow == board && std::string(w->Name).find("column") != std::string::npos) ++columns;
  }
  EXPECT_EQ(columns, 3);
}

TEST_F(PanelsTest, AClosedPanelIsNotDrawn) {
  ThreeNodesWithWeb();
  ui_.open.console = false;
  DrawFrame();
  DrawFrame();
  ImGuiWindow* console = Window(kConsoleWindow);
  EXPECT_TRUE(console == nullptr || !console->Active);
  EXPECT_TRUE(Window(kTimelineWindow)->Active);
}

TEST_F(PanelsTest, ClickingACardSelectsTheTaskAndTheInspectorShowsIt) {
  ThreeNodesWithWeb();
  DrawFrame();
  DrawFrame();
  // The first card sits under node1's header, bars and separator; find it by
  // walking down the column until the selection changes.
  ImGuiWindow* column = nullptr;
  for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) {
    if (std::string(w->Name).find("column") != std::string::npos && !column) column = w;
  }
  ASSERT_NE(column, nullptr);
  for (float y = column->Pos.y + 10; y < column->Pos.y + column->Size.y && ui_.selected_task.empty(); y += 12) {
    imgui_.Click(ImVec2(column->Pos.x + column->Size.x / 2, y), [&] { DrawClassroom(frame_, &ui_); });
  }
  ASSERT_FALSE(ui_.selected_task.empty());
  ASSERT_EQ(live_.state.tasks.count(ui_.selected_task), 1u);
  // The first column is node1 (hostname order), so the card is a task placed there.
  const Task& task = live_.state.tasks.at(ui_.selected_task);
  EXPECT_EQ(live_.state.nodes.at(task.node_id).description.hostname, "node1");
  // The inspector loaded the task's decision to draw its table.
  DrawFrame();
  EXPECT_EQ(live_.decisions.count(live_.state.tasks.at(ui_.selected_task).decision_id), 1u);
}

TEST_F(PanelsTest, ConsoleRunsTheTypedCommandAndShowsItsOutput) {
  ThreeNodesWithWeb();
  DrawFrame();
  ui_.console.input = "docker service ls";
  // Press Run: the button at the right end of the console's input line.
  DrawFrame();
  ImGuiWindow* console = Window(kConsoleWindow);
  ASSERT_NE(console, nullptr);
  ImVec2 run(console->Pos.x + console->Size.x - 30, console->Pos.y + console->Size.y - 25);
  imgui_.Click(run, [&] { DrawClassroom(frame_, &ui_); });
  ASSERT_EQ(sent_.size(), 1u);
  EXPECT_EQ(sent_[0], (std::vector<std::string>{"service", "ls"}));
  ASSERT_GE(ui_.console.lines.size(), 2u);
  EXPECT_EQ(ui_.console.lines[0].text, "$ swarmsim service ls");
  EXPECT_NE(ui_.console.lines[1].text.find("web"), std::string::npos);
  EXPECT_TRUE(ui_.console.input.empty());
  EXPECT_TRUE(ui_.refresh_now);
}

TEST_F(PanelsTest, RunAndLogShowsErrorsInTheConsole) {
  ThreeNodesWithWeb();
  DrawFrame();
  frame_.run = [](const std::vector<std::string>&) {
    CommandOutput out;
    out.err = "Error: No such service: nope\n";
    out.exit_code = 1;
    return out;
  };
  RunAndLog(frame_, &ui_, {"service", "ps", "nope"});
  ASSERT_EQ(ui_.console.lines.size(), 2u);
  EXPECT_EQ(ui_.console.lines[1].kind, ConsoleLine::kErr);
  EXPECT_EQ(ui_.console.lines[1].text, "Error: No such service: nope\n");
}

TEST_F(PanelsTest, TimelineStepButtonRunsTimeStep) {
  ThreeNodesWithWeb();
  DrawFrame();
  DrawFrame();
  ImGuiWindow* timeline = Window(kTimelineWindow);
  ASSERT_NE(timeline, nullptr);
  // Sweep the button row until a click sends a command; the first buttons are
  // Resume (the clock is paused) and Step.
  float y0 = timeline->Pos.y + timeline->TitleBarHeight();
  for (float y = y0; y < y0 + 120 && sent_.size() < 2; y += 8) {
    for (float x = timeline->Pos.x + 15; x < timeline->Pos.x + 260 && sent_.size() < 2; x += 20) {
      size_t before = sent_.size();
      imgui_.Click(ImVec2(x, y), [&] { DrawClassroom(frame_, &ui_); });
      if (sent_.size() > before) x += 60;  // past this button
    }
  }
  ASSERT_GE(sent_.size(), 2u);
  EXPECT_EQ(sent_[0], (std::vector<std::string>{"time", "resume"}));
  EXPECT_EQ(sent_[1], (std::vector<std::string>{"time", "step"}));
}

TEST_F(PanelsTest, NewTasksAreSelectedAsTheyAppear) {
  ThreeNodesWithWeb();
  DrawFrame();
  EXPECT_TRUE(ui_.selected_task.empty());  // what existed at start is not new
  Run("service scale web=3");
  DrawFrame();
  ASSERT_EQ(live_.state.tasks.count(ui_.selected_task), 1u);
  EXPECT_EQ(live_.state.tasks.at(ui_.selected_task).slot, 3u);
  ui_.follow_new_tasks = false;
  ui_.selected_task.clear();
  Run("service scale web=4");
  DrawFrame();
  EXPECT_TRUE(ui_.selected_task.empty());
}

// The class watches a v1 -> v2 redeploy on a paused clock, one Step at a time:
// every step brings the next instant's events into the timeline, and every task
// the redeploy creates is selected as it appears, its scheduling table loaded for
// the inspector once the scheduler has decided.
TEST_F(PanelsTest, SteppingARedeployShowsEachEventAndEveryNewTasksDecision) {
  Run("swarm init");
  Run("node add --count 2");
  Run("time pause");
  Run("stack deploy -c scenarios/todo-list/v1.yml todo");
  Run("time advance 1m");
  DrawFrame();
  std::set<std::string> before;
  for (const auto& [id, t] : live_.state.tasks) before.insert(id);
  std::set<std::string> selected, decided;
  auto observe = [&] {
    if (ui_.selected_task.empty()) return;
    selected.insert(ui_.selected_task);
    const Task& t = live_.state.tasks.at(ui_.selected_task);
    if (!t.decision_id.empty()) {
      EXPECT_EQ(live_.decisions.count(t.decision_id), 1u) << "the inspector did not load the decision";
      decided.insert(ui_.selected_task);
    }
  };
  // The deploy itself scales up at once (web.2 is created and placed in the same
  // command); replacing web.1 is the rolling update the steps walk through.
  Run("stack deploy -c scenarios/todo-list/v2.yml todo");
  DrawFrame();
  observe();

  int steps = 0;
  for (; steps < 200; ++steps) {
    size_t events_before = live_.recent_events.size();
    Time event_time_before = live_.recent_events.empty() ? 0 : live_.recent_events.back().time;
    CommandOutput out = Run("time step");
    if (out.out.rfind("Nothing is due", 0) == 0) break;
    DrawFrame();
    // The step's events are on the timeline, stamped with the instant stepped to.
    ASSERT_GT(live_.recent_events.size(), events_before) << out.out;
    EXPECT_GT(live_.recent_events.back().time, event_time_before);
    EXPECT_EQ(live_.recent_events.back().time, live_.state.clock.now);
    observe();
  }
  ASSERT_LT(steps, 200) << "the redeploy never settled";
  EXPECT_GT(steps, 2);
  // v2 replaced web.1 and added web.2: both new tasks were followed and explained.
  std::set<std::string> created;
  for (const auto& [id, t] : live_.state.tasks) {
    if (!before.count(id)) created.insert(id);
  }
  EXPECT_EQ(created.size(), 2u);
  // Both appear in the same instant, so the board follows one of them...
  EXPECT_EQ(selected.size(), 1u);
  EXPECT_TRUE(std::includes(created.begin(), created.end(), selected.begin(), selected.end()));
  EXPECT_EQ(decided, selected);

  // ...and the event log opens the other: click down its rows, and every new
  // task's decision reaches the inspector.
  ImGuiWindow* events = nullptr;
  for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) {
    if (std::string(w->Name).find("/events") != std::string::npos) events = w;
  }
  ASSERT_NE(events, nullptr);
  std::set<std::string> clicked;
  for (float y = events->Pos.y + 4; y < events->Pos.y + events->Size.y; y += 6) {
    imgui_.Click(ImVec2(events->Pos.x + events->Size.x / 2, y), [&] { DrawClassroom(frame_, &ui_); });
    if (ui_.selected_task.empty()) continue;
    const Task& t = live_.state.tasks.at(ui_.selected_task);
    if (!t.decision_id.empty() && live_.decisions.count(t.decision_id)) clicked.insert(t.id);
  }
  EXPECT_TRUE(std::includes(clicked.begin(), clicked.end(), created.begin(), created.end()))
      << "clicked " << clicked.size() << " tasks with decisions";
}

TEST_F(PanelsTest, KoreanLabelsTitleThePanels) {
  ThreeNodesWithWeb();
  SetLanguage(Lang::kKorean);
  DrawFrame();
  DrawFrame();
  ImGuiWindow* board = Window(kBoardWindow);
  ASSERT_NE(board, nullptr);
  EXPECT_EQ(std::string(board->Name).rfind("클러스터", 0), 0u);
  SetLanguage(Lang::kEnglish);
}

TEST_F(PanelsTest, DraggingTheRewindBarGoesBackInTimeAndTheButtonReturnsToLive) {
  ThreeNodesWithWeb();
  DrawFrame();
  DrawFrame();
  ImGuiWindow* timeline = Window(kTimelineWindow);
  ASSERT_NE(timeline, nullptr);
  // Press in the middle of the panel's width, row by row, until the bar takes it.
  // (The sweep may press a speed button on its way: that is not the point here.)
  float x = timeline->Pos.x + timeline->Size.x * 0.6f;
  float y = timeline->Pos.y;
  for (; y < timeline->Pos.y + timeline->Size.y && !ui_.rewinding; y += 6) {
    imgui_.Click(ImVec2(x, y), [&] { DrawClassroom(frame_, &ui_); });
  }
  ASSERT_TRUE(ui_.rewinding);
  EXPECT_TRUE(ui_.rewind_started);
  EXPECT_LT(ui_.rewind_to, frame_.live_now);
  EXPECT_GT(ui_.rewind_to, frame_.live_now - 10 * kMinute);
  // "Back to live" sits at the bar's right end.
  imgui_.Click(ImVec2(timeline->Pos.x + timeline->Size.x - 40, y - 6), [&] { DrawClassroom(frame_, &ui_); });
  EXPECT_FALSE(ui_.rewinding);
}

TEST_F(PanelsTest, RewoundFramesRunNoCommands) {
  ThreeNodesWithWeb();
  DrawFrame();
  frame_.rewound = true;
  RunAndLog(frame_, &ui_, {"service", "scale", "web=5"});
  EXPECT_TRUE(sent_.empty());
  ASSERT_FALSE(ui_.console.lines.empty());
  EXPECT_EQ(ui_.console.lines.back().kind, ConsoleLine::kErr);
  EXPECT_EQ(ui_.console.lines.back().text, Tr(Str::kReadOnlyRefused));
}

// The splitter between the board and the inspector: dragged left, the inspector
// widens and the board narrows to match, every node column still inside it.
TEST_F(PanelsTest, DraggingASplitterResizesThePanels) {
  ThreeNodesWithWeb();
  DrawFrame();
  DrawFrame();
  ImGuiWindow* inspector = Window(kInspectorWindow);
  ImGuiWindow* board = Window(kBoardWindow);
  ASSERT_NE(inspector, nullptr);
  ASSERT_NE(board, nullptr);
  const float before = inspector->Size.x;
  const float gap_x = board->Pos.x + board->Size.x + 3;  // the splitter sits in the gap
  const float y = inspector->Pos.y + inspector->Size.y * 0.5f;
  ImGuiIO& io = ImGui::GetIO();
  auto draw = [&] { DrawClassroom(frame_, &ui_); };
  io.MousePos = ImVec2(gap_x, y);
  imgui_.Frame(draw);
  io.MouseDown[0] = true;
  imgui_.Frame(draw);
  io.MousePos = ImVec2(gap_x - 200, y);
  imgui_.Frame(draw);
  io.MouseDown[0] = false;
  imgui_.Frame(draw);
  imgui_.Frame(draw);
  EXPECT_GT(ui_.layout.right, 0.34f);
  EXPECT_NEAR(inspector->Size.x, before + 200, 2);
  EXPECT_NEAR(board->Pos.x + board->Size.x, inspector->Pos.x - 6, 1);
  for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) {
    if (w->ParentWindow == board && std::string(w->Name).find("column") != std::string::npos && w->Active) {
      EXPECT_LE(w->Pos.x + w->Size.x, board->Pos.x + board->Size.x) << w->Name;
    }
  }
}

// docker's --detach notice comes on stderr with exit 0: shown, but not as an error.
TEST_F(PanelsTest, StderrOfASuccessfulCommandIsANoteNotAnError) {
  ThreeNodesWithWeb();
  DrawFrame();
  RunAndLog(frame_, &ui_, {"stack", "deploy", "-c", "todo-list/v1.yml", "todo"});
  ASSERT_EQ(ui_.console.lines.size(), 3u);
  EXPECT_EQ(ui_.console.lines[2].kind, ConsoleLine::kNote);
  EXPECT_NE(ui_.console.lines[2].text.find("--detach"), std::string::npos);
}

// While rewound the board carries its own banner, whose button goes back to live.
TEST_F(PanelsTest, TheRewoundBoardSaysSoAndGoesBackToLive) {
  ThreeNodesWithWeb();
  DrawFrame();
  ui_.rewinding = true;
  ui_.rewind_to = frame_.live_now - 10 * kSecond;
  frame_.rewound = true;
  frame_.now = ui_.rewind_to;
  auto draw = [&] { DrawClassroom(frame_, &ui_); };
  imgui_.Frame(draw);
  imgui_.Frame(draw);
  ImGuiWindow* board = Window(kBoardWindow);
  ASSERT_NE(board, nullptr);
  // The banner is the board's first row: its button sits somewhere along it.
  float y = board->Pos.y + board->WindowPadding.y + ImGui::GetFrameHeight() * 0.5f;
  for (float x = board->Pos.x + 10; x < board->Pos.x + board->Size.x && ui_.rewinding; x += 8) {
    imgui_.Click(ImVec2(x, y), draw);
  }
  EXPECT_FALSE(ui_.rewinding);
}

}  // namespace
}  // namespace swarmsim::ui
