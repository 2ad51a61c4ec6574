// The classroom window's panels, one per file (board.cpp, timeline.cpp,
// inspector.cpp, console.cpp), each a function taking the frame's data, the
// window's UI state and its open flag (handed to ImGui::Begin, so closing clears it).
// Panels read the cluster and send commands through Frame::run; they never change
// the cluster themselves.
#pragma once

#include <deque>
#include <functional>
#include <string>
#include <vector>

#include <imgui.h>

#include "core/cluster/state.h"
#include "core/command/command.h"
#include "core/model/decision.h"
#include "core/model/event.h"
#include "core/status.h"
#include "ui/fonts.h"
#include "ui/view/board_view.h"
#include "ui/view/event_pick.h"
#include "ui/view/lesson_view.h"
#include "ui/view/state_cache.h"

namespace swarmsim::ui {

struct PanelFlags {
  bool board = true;
  bool timeline = true;
  bool inspector = true;
  bool console = true;
  bool lesson = false;  // opened by $SWARMSIM_LESSON or the View menu
};

struct ConsoleLine {
  // kNote: stderr of a command that succeeded (docker's --detach notice): not an error.
  enum Kind { kCommand, kOut, kErr, kNote } kind = kOut;
  std::string text;
};

struct ConsoleState {
  std::string input;
  std::vector<ConsoleLine> lines;
  std::vector<std::string> history;  // commands typed, oldest first
  bool scroll_to_bottom = false;
};

// The classroom layout's proportions; the splitters between panels move them.
struct Layout {
  float right = 0.34f;     // the inspector and lesson column, of the display's width
  float bottom = 0.28f;    // the timeline and console row, of the height below the menu
  float lesson = 0.45f;    // the lesson panel, of the right column (the inspector has the rest)
  float timeline = 0.42f;  // the timeline, of the bottom row's width
};

// What the window keeps between frames (settings and selection), not the cluster.
struct UiState {
  PanelFlags open;
  std::string selected_task;
  std::string selected_node;
  std::string selected_volume;  // a volume name: every node's copy
  std::string selected_config;  // IDs
  std::string selected_secret;
  bool show_secrets = false;    // the inspector's "show as the container sees it"
  ConsoleState console;
  float zoom = 1.0f;          // font and spacing scale for projectors
  float drawn_zoom = 0;       // the zoom of the last frame (a change re-scrolls the console)
  Layout layout;
  bool force_columns = false; // large clusters: columns instead of the heat map
  // Select each new task as it appears (stepping through a redeploy shows every new
  // task's scheduling table without a click).
  bool follow_new_tasks = true;
  bool newest_seen_set = false;
  Time newest_seen = 0;
  bool refresh_now = false;   // a panel ran a command: re-read before the next frame
  // The timeline's rewind: while set, every panel shows the cluster at rewind_to,
  // read-only. rewind_started asks the window to re-read the command log.
  bool rewinding = false;
  bool rewind_started = false;
  bool rewind_held = false;  // the bar is being dragged this frame
  Time rewind_to = 0;
  LessonProgress lesson;
  bool lesson_folded = false;  // the lesson panel shows only its title bar
  StateCache cache;  // views of the state kept between frames (Frame::state_serial)
};

// One frame's data, shared by every panel.
struct Frame {
  const ClusterState* state = nullptr;
  const BoardView* board = nullptr;
  const std::deque<Event>* events = nullptr;      // up to `now` (rewound: up to the past instant)
  const std::deque<Event>* all_events = nullptr;  // every recent event, for the rewind bar (null: events)
  Time now = 0;             // virtual now, interpolated between refreshes (rewind_to when rewound)
  Time live_now = 0;        // the live cluster's virtual now, even when rewound
  Time history_start = 0;   // the first command's virtual time (the rewind's left end; 0: unknown)
  bool rewound = false;     // state is the past: panels send no commands
  // Changes whenever *state may have changed (a re-read, a rewind step); 0: unknown,
  // nothing derived from the state is kept between frames (StateCache).
  uint64_t state_serial = 0;
  std::string notice;       // shown when the last refresh failed
  const Fonts* fonts = nullptr;
  // Runs one swarmsim command (argv without the program name) as one transaction.
  std::function<CommandOutput(const std::vector<std::string>&)> run;
  // A stored scheduling decision by ID.
  std::function<Result<Decision>(const std::string&)> decision;
};

void DrawBoard(const Frame& frame, UiState* ui, bool* p_open);
void DrawTimeline(const Frame& frame, UiState* ui, bool* p_open);
void DrawInspector(const Frame& frame, UiState* ui, bool* p_open);
void DrawConsole(const Frame& frame, UiState* ui, bool* p_open);
void DrawLesson(const Frame& frame, UiState* ui, bool* p_open);
// What the lesson panel's "Run this step" button does: check the step's
// preconditions, then run its commands through RunAndLog (checks follow after the re-read).
void RunLessonStep(const Frame& frame, UiState* ui);

// The inspector's contents inside the current window (DrawInspector wraps it in
// its own; tests draw it in theirs).
void DrawInspectorContents(const Frame& frame, UiState* ui);

// The whole window: menu bar (language, zoom, panels), the classroom layout for the
// current display size, and one dispatch line per open panel.
void DrawClassroom(const Frame& frame, UiState* ui);

// Selects one thing for the inspector and nothing else.
void Select(UiState* ui, Pick what, const std::string& id);
bool IsSelected(const UiState& ui, const PickTarget& target);

// A clickable row the width of the panel whose contents the caller draws next, on
// the same line from the row's start (coloured parts, text cut to fit); true when
// clicked.
bool SelectableRow(const char* id, bool selected);

// Runs `args` through frame.run and appends the command and its output to the
// console (what the console's input line and the timeline's buttons both do).
// Returns the command's output (exit code 1 when refused: the past is read-only).
CommandOutput RunAndLog(const Frame& frame, UiState* ui, const std::vector<std::string>& args);

// Appends a command that ran and its output to the console.
void LogCommand(UiState* ui, const std::vector<std::string>& args, const CommandOutput& out);

// The classroom layout places every panel (the teacher moves the splitters between
// them); the class never sees one move on its own.
constexpr ImGuiWindowFlags kPanelWindowFlags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                               ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings;
// Panels that tile the display without overlapping leave their background to the
// frame's clear colour (WindowBg): a software rasteriser pays for every pixel of
// every fill, and these four covered the whole screen once more per frame.
constexpr ImGuiWindowFlags kTiledPanelFlags = kPanelWindowFlags | ImGuiWindowFlags_NoBackground;

// Above this many nodes the board draws a heat map (one tile per node) unless the
// user asks for columns.
constexpr size_t kMaxBoardColumns = 40;
// The narrowest a node column gets (in font heights) before the columns wrap.
constexpr float kMinColumnEms = 6.5f;

// Window names, stable across languages (the visible title changes, the ID does not).
constexpr const char* kBoardWindow = "###board";
constexpr const char* kTimelineWindow = "###timeline";
constexpr const char* kInspectorWindow = "###inspector";
constexpr const char* kConsoleWindow = "###console";
constexpr const char* kLessonWindow = "###lesson";

}  // namespace swarmsim::ui
