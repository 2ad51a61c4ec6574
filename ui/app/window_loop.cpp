#include "ui/app/window_loop.h"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cstdint>
#include <cstdlib>

#include "core/format/time_format.h"
#include "core/lesson/library.h"
#include "core/lesson/scenario_files.h"
#include "core/sim/clock.h"
#include "ui/app/lesson_start.h"
#include "ui/i18n.h"
#include "ui/panels/theme.h"
#include "ui/view/command_line.h"
#include "ui/view/window_title.h"

namespace swarmsim::ui {

namespace {

constexpr float kBaseFontPx = 19.0f;
constexpr Time kRefreshEvery = 100 * kMillisecond;
constexpr auto kSlowRewind = std::chrono::milliseconds(50);

// Set by the window's input callbacks: something may look different next frame.
bool g_input = false;

Time SteadyNow() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

Time WallNow(const std::map<std::string, std::string>& env) {
  if (auto it = env.find("SWARMSIM_WALL_CLOCK"); it != env.end()) {
    auto t = ParseRFC3339(it->second);
    if (t.ok()) return t.value();
  }
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string FindTaskByName(const ClusterState& state, const std::string& name) {
  auto dot = name.rfind('.');
  if (dot == std::string::npos) return "";
  std::string service = name.substr(0, dot);
  uint64_t slot = std::strtoull(name.c_str() + dot + 1, nullptr, 10);
  std::string best;
  Time best_time = -1;
  for (const auto& [id, t] : state.tasks) {
    if (t.service_name == service && t.slot == slot && t.created_at > best_time) {
      best = id;
      best_time = t.created_at;
    }
  }
  return best;
}

WindowLoop::WindowLoop(GLFWwindow* window, WindowOptions options)
    : window_(window), options_(std::move(options)), refresh_every_(kRefreshEvery) {
  live_.path = options_.state_path;
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.Fonts->Flags |= ImFontAtlasFlags_NoBakedLines;  // see SampleFontsNearest
  ApplyTheme(&base_style_);
  ui_.zoom = options_.zoom;
  if (options_.rewind_to) {
    ui_.rewinding = true;
    ui_.rewind_to = *options_.rewind_to;
  }
  // $SWARMSIM_LESSON opens that lesson in the lesson panel (script/run does).
  ui_.lesson.files = lesson::ScenarioFiles::FromEnvironment(options_.env);
  if (auto it = options_.env.find("SWARMSIM_LESSON"); it != options_.env.end() && !it->second.empty()) {
    ui_.lesson.requested = it->second;
    ui_.open.lesson = true;
  }
  ApplyZoom(ui_.zoom);
  // Our input callbacks go in first: ImGui's backend chains to them.
  glfwSetCursorPosCallback(window, [](GLFWwindow*, double, double) { g_input = true; });
  glfwSetMouseButtonCallback(window, [](GLFWwindow*, int, int, int) { g_input = true; });
  glfwSetScrollCallback(window, [](GLFWwindow*, double, double) { g_input = true; });
  glfwSetKeyCallback(window, [](GLFWwindow*, int, int, int, int) { g_input = true; });
  glfwSetCharCallback(window, [](GLFWwindow*, unsigned int) { g_input = true; });
  glfwSetWindowFocusCallback(window, [](GLFWwindow*, int) { g_input = true; });
  glfwSetCursorEnterCallback(window, [](GLFWwindow*, int) { g_input = true; });
  glfwSetFramebufferSizeCallback(window, [](GLFWwindow*, int, int) { g_input = true; });
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init(options_.glsl_version);

  session_.database_path = live_.path;
  session_.env = options_.env;
  // Files on disk, else the lesson file of that name: lesson steps and a student
  // typing `stack deploy -c todo-list/v1.yml todo` work from any folder.
  auto pwd = options_.env.find("PWD");
  session_.read_file =
      lesson::TypedFileReader(ui_.lesson.files, pwd == options_.env.end() ? "" : pwd->second, nullptr);
  if (auto it = options_.env.find("SWARMSIM_SEED"); it != options_.env.end()) {
    session_.seed = std::strtoull(it->second.c_str(), nullptr, 10);
  }
}

WindowLoop::~WindowLoop() {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
}

// Rebuilds fonts and spacing for `zoom`: sharp text at any size, unlike a scale.
void WindowLoop::ApplyZoom(float zoom) {
  if (fonts_.zoom == zoom) return;
  bool had_texture = fonts_.zoom != 0;
  fonts_.zoom = zoom;
  fonts_.fonts = LoadFonts(kBaseFontPx * zoom, options_.font_dir, options_.symbol_font_dir);
  fonts_.nearest_texture = ImTextureID{};  // a new texture (GL may reuse the name)
  ImGuiStyle style = base_style_;
  style.ScaleAllSizes(zoom);
  ImGui::GetStyle() = style;
  if (had_texture) {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
}

// The font atlas sampled nearest instead of linear. ImGui draws text at whole
// pixels at the atlas's own size, and every shape samples one white texel, so the
// picture is the same; but Mesa's software rasteriser (the classroom machines,
// Xvfb) pays for a filtered fetch on every pixel of every panel, which dominated
// the frame. Lines are drawn as geometry (ImFontAtlasFlags_NoBakedLines) so they
// stay smooth without filtering.
void WindowLoop::SampleFontsNearest() {
  ImTextureID tex = ImGui::GetIO().Fonts->TexID;
  if (tex == fonts_.nearest_texture || tex == ImTextureID{}) return;
  GLint previous = 0;
  glGetIntegerv(GL_TEXTURE_BINDING_2D, &previous);
  glBindTexture(GL_TEXTURE_2D, GLuint(reinterpret_cast<intptr_t>(tex)));
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  glBindTexture(GL_TEXTURE_2D, GLuint(previous));
  fonts_.nearest_texture = tex;
}

void WindowLoop::Reopen() {
  live_ = LiveCluster{};
  live_.path = options_.state_path;
  ui_.refresh_now = true;
  ui_.rewinding = false;
  ui_.selected_task.clear();
  ui_.selected_node.clear();
  ui_.newest_seen_set = false;
  board_stale_ = true;
  titled_updates_ = UINT64_MAX;
  Wake();
}

Frame WindowLoop::BuildFrame(std::string* rewind_error) {
  Time wall = WallNow(options_.env);
  Frame frame;
  frame.state = &live_.state;
  frame.live_now = live_.state.swarm_active ? LiveNow(live_.state.clock, wall) : wall;
  frame.now = frame.live_now;
  frame.history_start = RewindStart(live_.rewind);
  frame.events = &live_.recent_events;
  frame.all_events = &live_.recent_events;
  // On a large cluster one drag step can take a second (the past is rebuilt by
  // simulation): once a step has been slow, the past is rebuilt only when the
  // handle rests or is let go, and the bar keeps following the mouse meanwhile.
  // (The past last built stays in live.rewind until the log is re-read.)
  const Rewind& shown = live_.rewind;
  bool defer_rewind = ui_.rewinding && ui_.rewind_held && ui_.rewind_to != rewind_asked_ &&
                      rewind_cost_ > kSlowRewind && shown.cached_time.has_value();
  rewind_asked_ = ui_.rewind_to;
  if (defer_rewind) {
    frame.state = &shown.cached;
    frame.now = *shown.cached_time;
    frame.rewound = true;
    frame.events = &rewound_events_;
  } else if (ui_.rewinding) {
    auto started = std::chrono::steady_clock::now();
    auto past = RewoundState(&live_, ui_.rewind_to);
    rewind_cost_ = std::chrono::steady_clock::now() - started;
    if (past.ok()) {
      frame.state = past.value();
      frame.now = ui_.rewind_to;
      frame.rewound = true;
      if (!board_rewound_ || board_at_ != ui_.rewind_to) board_stale_ = true;
      rewound_events_.clear();
      for (const Event& e : live_.recent_events) {
        if (e.time <= ui_.rewind_to) rewound_events_.push_back(e);
      }
      frame.events = &rewound_events_;
    } else {
      *rewind_error = past.status().message();
      ui_.rewinding = false;
    }
  }
  if (board_rewound_ != frame.rewound) board_stale_ = true;
  // The board changes only with the state, except pull progress, which moves with
  // virtual time, and motion: rebuild it per frame only while something shown
  // moves. The board is a function of the state and the instant, so on a paused
  // clock (cards just created stay mid-fade) it is not rebuilt, nor for the heat
  // map's tiles, which show neither: at 100,000 tasks a rebuild is a quarter second.
  bool time_moved = frame.now != board_at_;
  bool heat_map = board_.columns.size() > kMaxBoardColumns && !ui_.force_columns;
  bool shown_moving = heat_map ? board_.pending_animating : board_.preparing || board_.animating;
  if (board_stale_) ++state_serial_;  // a re-read or another instant of the past
  if (board_stale_ || (shown_moving && time_moved)) {
    board_ = BuildBoardView(*frame.state, frame.now);
  }
  board_stale_ = false;
  board_rewound_ = frame.rewound;
  board_at_ = frame.now;
  frame.board = &board_;
  frame.state_serial = state_serial_;
  frame.fonts = &fonts_.fonts;
  if (!live_.last_error.ok()) {
    frame.notice = live_.last_error.code() == Status::Code::kIOError
                       ? std::string(Tr(Str::kLockedRetrying)) + ": " + live_.last_error.message()
                       : live_.last_error.message();
  }
  if (!rewind_error->empty()) frame.notice = *rewind_error;
  frame.run = [this](const std::vector<std::string>& args) {
    session_.wall_now = WallNow(options_.env);
    return RunSessionCommand(session_, args);
  };
  frame.decision = [this](const std::string& id) { return LoadDecision(&live_, id); };
  return frame;
}

void WindowLoop::RunInConsole(const std::vector<std::string>& args) {
  std::string rewind_error;
  Frame frame = BuildFrame(&rewind_error);
  RunAndLog(frame, &ui_, args);
  ui_.refresh_now = true;
  Wake();
}

bool WindowLoop::RunLessonTo(const std::string& name, int steps) {
  SessionOptions lesson_session = session_;
  lesson_session.wall_now = WallNow(options_.env);
  lesson_session.env = lesson::LessonEnvironment(ui_.lesson.files, options_.env);
  lesson_session.read_file = lesson::LessonFileReader(ui_.lesson.files);
  bool ok = ui::RunLessonTo(lesson_session, name, steps, &ui_);
  ui_.refresh_now = true;
  Wake();
  return ok;
}

void WindowLoop::RunLessonStep() {
  std::string rewind_error;
  Frame frame = BuildFrame(&rewind_error);
  ui::RunLessonStep(frame, &ui_);
  ui_.refresh_now = true;
  Wake();
}

bool WindowLoop::Step(int* fb_width, int* fb_height) {
  Time wall = WallNow(options_.env);
  // Cadence on the steady clock (the wall clock may be fixed for tests). A large
  // cluster takes longer to read: wait at least four times as long as the last
  // read took, so the window (and the lock) stay free most of the time.
  Time steady = SteadyNow();
  if (ui_.refresh_now || !live_.loaded || steady - last_refresh_ >= refresh_every_) {
    uint64_t updates_before = live_.updates;
    (void)Refresh(&live_, wall);  // on failure the last state stays and the board says why
    Time after = SteadyNow();
    refresh_every_ = std::max(kRefreshEvery, 4 * (after - steady));
    last_refresh_ = after;
    ui_.refresh_now = false;
    if (live_.updates != updates_before) board_stale_ = true;  // a skipped read changes nothing
    if (!options_.select_task.empty() && ui_.selected_task.empty()) {
      ui_.selected_task = FindTaskByName(live_.state, options_.select_task);
    }
    // The title counts running tasks: only an update changes it.
    if (live_.updates != titled_updates_) {
      titled_updates_ = live_.updates;
      if (std::string title = WindowTitle(live_.state); title != title_) {
        title_ = title;
        glfwSetWindowTitle(window_, title_.c_str());
      }
    }
  }
  ApplyZoom(ui_.zoom);
  if (g_input || ui_.refresh_now || live_.last_event_seq != drawn_seq_ || live_.updates != drawn_updates_) {
    frames_to_draw_ = 3;
  }
  g_input = false;
  drawn_seq_ = live_.last_event_seq;
  drawn_updates_ = live_.updates;

  if (live_.loaded && !live_.rewind_loaded) (void)LoadRewind(&live_);  // the rewind bar's left end
  if (ui_.rewind_started) {
    (void)LoadRewind(&live_);  // commands typed since the last drag
    ui_.rewind_started = false;
    board_stale_ = true;  // a new log replays the past afresh
  }

  std::string rewind_error;
  Frame frame = BuildFrame(&rewind_error);
  if (first_frame_) {
    for (const std::string& line : options_.console) {
      auto args = SplitCommandLine(line);
      if (args.ok() && !args.value().empty()) RunAndLog(frame, &ui_, args.value());
    }
    first_frame_ = false;
  }
  bool moving = board_.animating || board_.preparing ||
                (live_.state.swarm_active && !live_.state.clock.paused && !ui_.rewinding);
  if (!options_.headless && !moving && frames_to_draw_ <= 0) return false;  // at rest: nothing to draw
  if (frames_to_draw_ > 0) --frames_to_draw_;
  ImGui_ImplOpenGL3_NewFrame();  // (re)creates the font texture when needed
  SampleFontsNearest();
  ImGui_ImplGlfw_NewFrame();
  // A browser under virtual time (headless tests) may show no time passing
  // between two frames, and ImGui requires some.
  ImGuiIO& io = ImGui::GetIO();
  io.DeltaTime = std::max(io.DeltaTime, 1e-4f);
  // A picture shows no hover effects or tooltips from wherever the pointer rests.
  if (options_.headless) io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  ImGui::NewFrame();
  DrawClassroom(frame, &ui_);
  ImGui::Render();
  glfwGetFramebufferSize(window_, fb_width, fb_height);
  glViewport(0, 0, *fb_width, *fb_height);
  // The tiled panels draw no background of their own (kTiledPanelFlags).
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  return true;
}

}  // namespace swarmsim::ui
