// The classroom window's frame loop, shared by the desktop (ui/app/main.cpp) and
// the browser (ui/web/main.cpp). The platform opens the GLFW window and its GL
// context and drives the loop (a `while` on the desktop, the browser's animation
// frames on the web); WindowLoop does the rest: it re-reads the cluster, rewinds,
// runs commands through core/command/session and draws the classroom.
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/command/command.h"
#include "core/command/session.h"
#include "core/status.h"
#include "ui/fonts.h"
#include "ui/live_cluster.h"
#include "ui/panels/panels.h"
#include "ui/view/board_view.h"

struct GLFWwindow;

namespace swarmsim::ui {

struct WindowOptions {
  std::string state_path;
  std::map<std::string, std::string> env;  // the session's environment (seed, wall clock, ...)
  std::string font_dir;
  std::string symbol_font_dir = kDefaultSymbolFontDir;
  const char* glsl_version = "#version 130";  // handed to the OpenGL3 backend
  float zoom = 1.0f;
  std::string select_task;           // "web.1": preselect for screenshots
  std::vector<std::string> console;  // commands to run in the console on the first frame
  std::optional<Time> rewind_to;     // start rewound to this virtual instant
  bool headless = false;             // screenshots and benchmarks: draw every frame
};

class WindowLoop {
 public:
  // Creates the ImGui context and its GLFW + OpenGL3 backends on `window`, whose
  // context is current. The lesson named by $SWARMSIM_LESSON opens in the panel.
  // Commands read files from disk, else the lesson files ($SWARMSIM_SCENARIOS or
  // built in) of that name.
  WindowLoop(GLFWwindow* window, WindowOptions options);
  ~WindowLoop();
  WindowLoop(const WindowLoop&) = delete;
  WindowLoop& operator=(const WindowLoop&) = delete;

  // Nothing moves and nothing new came in: the desktop waits for input instead of
  // drawing (the browser just skips the frame).
  bool AtRest() const { return !options_.headless && frames_to_draw_ <= 0; }

  // One turn after the platform polled its events: re-reads the cluster when due,
  // and unless the window is at rest builds and renders the frame into the back
  // buffer. True when it drew (the platform then swaps). `fb_width`/`fb_height`
  // get the framebuffer's size.
  bool Step(int* fb_width, int* fb_height);

  // Runs one command as the console does (echoed, output appended) and re-reads
  // the cluster before the next frame.
  void RunInConsole(const std::vector<std::string>& args);

  // Runs lesson `name` on the (fresh) database up to step `steps` and opens the
  // panel there (RunLessonTo in lesson_start.h). False when a step failed.
  bool RunLessonTo(const std::string& name, int steps);

  // The lesson panel's "Run this step" for its current step (the cluster must have
  // been read: call after a Step).
  void RunLessonStep();

  // Something outside ImGui's input happened (input callbacks, a file opened):
  // draw the next few frames.
  void Wake() { frames_to_draw_ = 3; }

  // Drops the cluster read so far and opens the database afresh (after the file
  // at state_path was replaced).
  void Reopen();

  const LiveCluster& live() const { return live_; }
  UiState* ui() { return &ui_; }
  SessionOptions* session() { return &session_; }

 private:
  struct FontState {
    Fonts fonts;
    float zoom = 0;
    ImTextureID nearest_texture{};  // the font texture already set to nearest sampling
  };
  void ApplyZoom(float zoom);
  void SampleFontsNearest();
  Frame BuildFrame(std::string* rewind_error);

  GLFWwindow* window_;
  WindowOptions options_;
  ImGuiStyle base_style_;
  FontState fonts_;
  UiState ui_;
  LiveCluster live_;
  SessionOptions session_;
  Time last_refresh_ = 0;
  Time refresh_every_;
  BoardView board_;
  bool board_stale_ = true;
  bool board_rewound_ = false;  // the board shows a rewound state
  Time board_at_ = 0;           // the instant the board shows
  std::deque<Event> rewound_events_;
  Time rewind_asked_ = 0;  // the handle's instant last frame
  std::chrono::steady_clock::duration rewind_cost_{};
  int frames_to_draw_ = 3;  // idle skipping: draw while > 0 (ImGui settles in a few frames)
  uint64_t drawn_seq_ = 0, drawn_updates_ = 0;
  bool first_frame_ = true;
  std::string title_;  // the window title last set (WindowTitle)
  uint64_t titled_updates_ = UINT64_MAX;  // live_.updates when the title was last made
  uint64_t state_serial_ = 0;  // Frame::state_serial: counts the states shown
};

// The wall clock (ns since the epoch), or $SWARMSIM_WALL_CLOCK when it is set.
Time WallNow(const std::map<std::string, std::string>& env);

// The current task of slot "web.1" (running or newest); empty when none.
std::string FindTaskByName(const ClusterState& state, const std::string& name);

}  // namespace swarmsim::ui
