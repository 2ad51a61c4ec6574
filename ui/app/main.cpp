// swarmsim-ui: the classroom window. Opens the same cluster database as the CLI
// and follows it live (re-read every ~100 ms with a short transaction of its own);
// the console and the clock buttons run commands exactly as the CLI does.
//
//   swarmsim-ui [--state PATH] [--lang ko|en] [--zoom Z] [--size WxH]
//               [--screenshot FILE.png [--frames N]] [--bench-frames N]
//               [--select-task SERVICE.SLOT] [--console "COMMAND"]...
//               [--rewind-to RFC3339]   (start rewound to that virtual instant)
//               [--lesson NAME [--step N]]  (the lesson on its own fresh database, run
//                                            to step N: with --screenshot, any moment of it)
//
// Environment: SWARMSIM_STATE, SWARMSIM_WALL_CLOCK (fixed RFC 3339 wall clock, as
// for the CLI), SWARMSIM_UI_FONT_DIR (default /usr/share/fonts/truetype/nanum).
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <stb_image_write.h>

#include <algorithm>
#include <cfloat>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <deque>
#include <map>
#include <string>
#include <vector>

#include "app/state_path.h"
#include "core/command/session.h"
#include "core/format/time_format.h"
#include "core/lesson/library.h"
#include "core/lesson/scenario_files.h"
#include "core/sim/clock.h"
#include "ui/fonts.h"
#include "ui/i18n.h"
#include "ui/live_cluster.h"
#include "ui/panels/panels.h"
#include "ui/panels/theme.h"
#include "ui/view/board_view.h"
#include "ui/view/command_line.h"


namespace {

using namespace swarmsim;
using namespace swarmsim::ui;

struct Options {
  std::string state_flag;
  std::string screenshot;
  int frames = 5;
  int bench_frames = 0;
  int width = 0, height = 0;  // --size; 0: the screen's size
  float zoom = 1.0f;
  std::string lang;
  std::string select_task;  // "web.1": preselect for screenshots
  std::vector<std::string> console;  // commands to run in the console at start
  std::string rewind_to;             // RFC 3339: start rewound to this virtual instant
  std::string lesson;                // run this lesson ...
  int step = 0;                      // ... to this step (1-based; 0: build its cluster only)
};

constexpr float kBaseFontPx = 19.0f;
constexpr Time kRefreshEvery = 100 * kMillisecond;
constexpr auto kSlowRewind = std::chrono::milliseconds(50);

bool ParseArgs(int argc, char** argv, Options* o) {
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&](std::string* out) {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "flag needs an argument: %s\n", a.c_str());
        return false;
      }
      *out = argv[++i];
      return true;
    };
    std::string v;
    if (a == "--state") {
      if (!next(&o->state_flag)) return false;
    } else if (a == "--screenshot") {
      if (!next(&o->screenshot)) return false;
    } else if (a == "--frames") {
      if (!next(&v)) return false;
      o->frames = std::max(1, std::atoi(v.c_str()));
    } else if (a == "--bench-frames") {
      if (!next(&v)) return false;
      o->bench_frames = std::max(1, std::atoi(v.c_str()));
    } else if (a == "--size") {
      if (!next(&v) || std::sscanf(v.c_str(), "%dx%d", &o->width, &o->height) != 2) {
        std::fprintf(stderr, "invalid --size, want WIDTHxHEIGHT\n");
        return false;
      }
    } else if (a == "--zoom") {
      if (!next(&v)) return false;
      o->zoom = std::clamp(float(std::atof(v.c_str())), 0.5f, 3.0f);
    } else if (a == "--lang") {
      if (!next(&o->lang)) return false;
    } else if (a == "--select-task") {
      if (!next(&o->select_task)) return false;
    } else if (a == "--rewind-to") {
      if (!next(&o->rewind_to)) return false;
      if (!ParseRFC3339(o->rewind_to).ok()) {
        std::fprintf(stderr, "invalid --rewind-to, want an RFC 3339 time\n");
        return false;
      }
    } else if (a == "--lesson") {
      if (!next(&o->lesson)) return false;
    } else if (a == "--step") {
      if (!next(&v)) return false;
      o->step = std::atoi(v.c_str());
      if (o->step < 1) {
        std::fprintf(stderr, "invalid --step, want a step number from 1\n");
        return false;
      }
    } else if (a == "--console") {
      if (!next(&v)) return false;
      o->console.push_back(v);
    } else {
      std::fprintf(stderr, "unknown flag: %s\n", a.c_str());
      return false;
    }
  }
  if (o->step > 0 && o->lesson.empty()) {
    std::fprintf(stderr, "--step needs --lesson\n");
    return false;
  }
  return true;
}

Time WallNow(const std::map<std::string, std::string>& env) {
  if (auto it = env.find("SWARMSIM_WALL_CLOCK"); it != env.end()) {
    auto t = ParseRFC3339(it->second);
    if (t.ok()) return t.value();
  }
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// --lesson NAME --step N: builds the lesson's cluster on `options` (a fresh
// database) and runs steps 1..N as `swarmsim lesson run` does, then opens the
// lesson panel on step N as if its button had just run it (its checks and
// changes appear on the first frame), with the step's commands in the console.
// Returns false, having said which step on stderr, when a command or check failed.
bool RunLessonTo(const SessionOptions& options, const std::string& name, int steps, UiState* ui) {
  OpenLesson(&ui->lesson, name);
  if (!ui->lesson.lesson) {
    std::fprintf(stderr, "swarmsim-ui: %s\n", ui->lesson.error.c_str());
    return false;
  }
  const lesson::Lesson& l = *ui->lesson.lesson;
  ui->open.lesson = true;
  if (steps > static_cast<int>(l.steps.size())) {
    std::fprintf(stderr, "swarmsim-ui: lesson %s has %zu steps\n", name.c_str(), l.steps.size());
    return false;
  }
  std::vector<lesson::CommandRun> setup;
  if (Status st = lesson::StartCluster(options, l, &setup); !st.ok()) {
    std::fprintf(stderr, "swarmsim-ui: could not build the lesson's cluster: %s\n", st.message().c_str());
    return false;
  }
  lesson::Lang lang = language() == Lang::kKorean ? lesson::Lang::kKo : lesson::Lang::kEn;
  bool ok = true;
  for (int i = 0; i < steps; ++i) {
    bool last = i + 1 == steps;
    StepSnapshot before;
    if (last) {
      auto state = lesson::SessionCheckContext(options).load();
      if (state.ok()) before = TakeSnapshot(*state.value());
    }
    lesson::StepRun run = lesson::RunStep(options, l, size_t(i), lang);
    if (!run.ok() && ok) {
      std::string why = !run.unmet.empty() ? "its preconditions do not hold" : "a command or check failed";
      for (const auto& c : run.commands) {
        if (!c.as_expected()) why = "`" + c.command.line + "` exited " + std::to_string(c.output.exit_code);
      }
      for (const auto& o : run.outcomes) {
        if (!o.ok) why = "check failed: " + o.what + " (" + o.found + ")";
      }
      std::fprintf(stderr, "swarmsim-ui: lesson %s step %d (%s): %s\n", name.c_str(), i + 1,
                   l.steps[size_t(i)].id.c_str(), why.c_str());
      ok = false;
    }
    if (!last) continue;
    GoToStep(&ui->lesson, size_t(i));
    LessonProgress& p = ui->lesson;
    p.before = before;
    p.unmet = run.unmet;
    p.ran = run.unmet.empty();
    p.checks_due = p.ran;  // the panel evaluates them on the window's own first read
    for (const auto& c : run.commands) {
      LogCommand(ui, c.command.argv, c.output);
      NoteStepCommand(&p, c.command, c.output);
    }
  }
  return ok;
}

// "web.1" -> the current task of that slot (running or newest).
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

bool WritePng(const std::string& path, int w, int h) {
  std::vector<unsigned char> px(size_t(w) * size_t(h) * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
  for (size_t i = 3; i < px.size(); i += 4) px[i] = 255;  // the window is opaque
  stbi_flip_vertically_on_write(1);
  return stbi_write_png(path.c_str(), w, h, 4, px.data(), w * 4) != 0;
}

struct FontState {
  Fonts fonts;
  float zoom = 0;
  ImGuiStyle base_style;
  ImTextureID nearest_texture{};  // the font texture already set to nearest sampling
};

// Rebuilds fonts and spacing for `zoom`: sharp text at any size, unlike a scale.
void ApplyZoom(FontState* fs, float zoom, const std::string& font_dir) {
  if (fs->zoom == zoom) return;
  bool had_texture = fs->zoom != 0;
  fs->zoom = zoom;
  fs->fonts = LoadFonts(kBaseFontPx * zoom, font_dir);
  fs->nearest_texture = ImTextureID{};  // a new texture (GL may reuse the name)
  ImGuiStyle style = fs->base_style;
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
void SampleFontsNearest(ImTextureID* done) {
  ImTextureID tex = ImGui::GetIO().Fonts->TexID;
  if (tex == *done || tex == ImTextureID{}) return;
  GLint previous = 0;
  glGetIntegerv(GL_TEXTURE_BINDING_2D, &previous);
  glBindTexture(GL_TEXTURE_2D, GLuint(reinterpret_cast<intptr_t>(tex)));
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  glBindTexture(GL_TEXTURE_2D, GLuint(previous));
  *done = tex;
}

// Set by the window's input callbacks: something may look different next frame.
bool g_input = false;

// CPU time of the whole process (every thread), in ms.
double ProcessCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
  Options opt;
  if (!ParseArgs(argc, argv, &opt)) return 2;
  std::map<std::string, std::string> env = ProcessEnvironment();
  std::string font_dir = kDefaultFontDir;
  if (auto it = env.find("SWARMSIM_UI_FONT_DIR"); it != env.end()) font_dir = it->second;
  if (opt.lang == "ko") SetLanguage(Lang::kKorean);

  LiveCluster live;
  live.path = ResolveStatePath(opt.state_flag, env);

  if (!glfwInit()) {
    std::fprintf(stderr, "swarmsim-ui: cannot open a window (no display?); the CLI works without one\n");
    return 1;
  }
  bool headless = !opt.screenshot.empty() || opt.bench_frames > 0;
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  if (opt.width <= 0 || opt.height <= 0) {
    // The screen's size (its work area, without panels or a dock): a classroom
    // laptop at 1280x720 or a projector gets the whole layout on screen.
    opt.width = 1600;
    opt.height = 900;
    if (GLFWmonitor* monitor = glfwGetPrimaryMonitor()) {
      int x = 0, y = 0, w = 0, h = 0;
      glfwGetMonitorWorkarea(monitor, &x, &y, &w, &h);
      if (w > 0 && h > 0) {
        opt.width = w;
        opt.height = h;
      }
    }
    if (!headless) glfwWindowHint(GLFW_MAXIMIZED, GLFW_TRUE);
  }
  GLFWwindow* window = glfwCreateWindow(opt.width, opt.height, Tr(Str::kAppTitle), nullptr, nullptr);
  if (!window) {
    std::fprintf(stderr, "swarmsim-ui: cannot create an OpenGL 3.3 window\n");
    glfwTerminate();
    return 1;
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(headless ? 0 : 1);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.Fonts->Flags |= ImFontAtlasFlags_NoBakedLines;  // see SampleFontsNearest
  ImGuiStyle base;
  ApplyTheme(&base);
  FontState font_state;
  font_state.base_style = base;
  UiState ui;
  ui.zoom = opt.zoom;
  if (!opt.rewind_to.empty()) {
    ui.rewinding = true;
    ui.rewind_to = ParseRFC3339(opt.rewind_to).value();
  }
  // $SWARMSIM_LESSON opens that lesson in the lesson panel (script/run does).
  ui.lesson.files = lesson::ScenarioFiles::FromEnvironment(env);
  if (auto it = env.find("SWARMSIM_LESSON"); it != env.end() && !it->second.empty()) {
    ui.lesson.requested = it->second;
    ui.open.lesson = true;
  }
  ApplyZoom(&font_state, ui.zoom, font_dir);
  if (!opt.lesson.empty()) {
    // The lesson's own database, made afresh, as `swarmsim lesson run` does.
    live.path = opt.state_flag.empty() ? LessonStatePath(opt.lesson, env) : opt.state_flag;
    if (opt.state_flag.empty()) RemoveDatabaseFiles(live.path);
  }
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
  ImGui_ImplOpenGL3_Init("#version 130");

  SessionOptions session;
  session.database_path = live.path;
  session.env = env;
  // Files on disk, else the lesson file of that name: lesson steps and a student
  // typing `stack deploy -c todo-list/v1.yml todo` work from any folder.
  auto pwd = env.find("PWD");
  session.read_file = lesson::TypedFileReader(ui.lesson.files, pwd == env.end() ? "" : pwd->second, nullptr);
  if (auto it = env.find("SWARMSIM_SEED"); it != env.end()) session.seed = std::strtoull(it->second.c_str(), nullptr, 10);
  int exit_code = 0;
  if (!opt.lesson.empty()) {
    SessionOptions lesson_session = session;
    lesson_session.wall_now = WallNow(env);
    lesson_session.env = lesson::LessonEnvironment(ui.lesson.files, env);
    lesson_session.read_file = lesson::LessonFileReader(ui.lesson.files);
    if (!RunLessonTo(lesson_session, opt.lesson, opt.step, &ui)) exit_code = 1;
  }

  Time last_refresh = 0;
  Time refresh_every = kRefreshEvery;
  BoardView board;
  bool board_stale = true;
  bool board_rewound = false;  // the board shows a rewound state
  Time board_at = 0;           // the instant the board shows
  std::deque<Event> rewound_events;
  Time rewind_asked = 0;  // the handle's instant last frame
  std::chrono::steady_clock::duration rewind_cost{};
  int frame_no = 0;
  std::vector<double> frame_ms;
  double cpu_after_first = 0;  // process CPU time (all threads, ms) when frame 1 ended
  int total_frames = opt.bench_frames > 0 ? opt.bench_frames : opt.frames;
  int frames_to_draw = 3;      // idle skipping: draw while > 0 (ImGui settles in a few frames)
  uint64_t drawn_seq = 0, drawn_reads = 0;
  while (!glfwWindowShouldClose(window)) {
    // An interactive window at rest (no input, nothing new, nothing moving, clock
    // paused) draws nothing: it waits for input or the next refresh instead.
    if (!headless && frames_to_draw <= 0) {
      glfwWaitEventsTimeout(double(kRefreshEvery) / double(kSecond));
    } else {
      glfwPollEvents();
    }
    auto t0 = std::chrono::steady_clock::now();
    Time wall = WallNow(env);
    // Cadence on the steady clock (the wall clock may be fixed for tests). A large
    // cluster takes longer to read: wait at least four times as long as the last
    // read took, so the window (and the lock) stay free most of the time.
    Time steady = std::chrono::duration_cast<std::chrono::nanoseconds>(
                      std::chrono::steady_clock::now().time_since_epoch()).count();
    if (ui.refresh_now || !live.loaded || steady - last_refresh >= refresh_every) {
      uint64_t reads_before = live.reads;
      (void)Refresh(&live, wall);  // on failure the last state stays and the board says why
      Time after = std::chrono::duration_cast<std::chrono::nanoseconds>(
                       std::chrono::steady_clock::now().time_since_epoch()).count();
      refresh_every = std::max(kRefreshEvery, 4 * (after - steady));
      last_refresh = after;
      ui.refresh_now = false;
      if (live.reads != reads_before) board_stale = true;  // skipped reads change nothing
      if (!opt.select_task.empty() && ui.selected_task.empty()) {
        ui.selected_task = FindTaskByName(live.state, opt.select_task);
      }
    }
    ApplyZoom(&font_state, ui.zoom, font_dir);
    if (g_input || ui.refresh_now || live.last_event_seq != drawn_seq || live.reads != drawn_reads) {
      frames_to_draw = 3;
    }
    g_input = false;
    drawn_seq = live.last_event_seq;
    drawn_reads = live.reads;

    if (live.loaded && !live.rewind_loaded) (void)LoadRewind(&live);  // the rewind bar's left end
    if (ui.rewind_started) {
      (void)LoadRewind(&live);  // commands typed since the last drag
      ui.rewind_started = false;
    }

    Frame frame;
    frame.state = &live.state;
    frame.live_now = live.state.swarm_active ? LiveNow(live.state.clock, wall) : wall;
    frame.now = frame.live_now;
    frame.history_start = RewindStart(live.rewind);
    frame.events = &live.recent_events;
    frame.all_events = &live.recent_events;
    std::string rewind_error;
    // On a large cluster one drag step can take a second (the past is rebuilt by
    // simulation): once a step has been slow, the past is rebuilt only when the
    // handle rests or is let go, and the bar keeps following the mouse meanwhile.
    // (The past last built stays in live.rewind until the log is re-read.)
    const Rewind& shown = live.rewind;
    bool defer_rewind = ui.rewinding && ui.rewind_held && ui.rewind_to != rewind_asked &&
                        rewind_cost > kSlowRewind && shown.cached_time.has_value();
    rewind_asked = ui.rewind_to;
    if (defer_rewind) {
      frame.state = &shown.cached;
      frame.now = *shown.cached_time;
      frame.rewound = true;
      frame.events = &rewound_events;
    } else if (ui.rewinding) {
      auto started = std::chrono::steady_clock::now();
      auto past = RewoundState(&live, ui.rewind_to);
      rewind_cost = std::chrono::steady_clock::now() - started;
      if (past.ok()) {
        frame.state = past.value();
        frame.now = ui.rewind_to;
        frame.rewound = true;
        if (!board_rewound || board_at != ui.rewind_to) board_stale = true;
        rewound_events.clear();
        for (const Event& e : live.recent_events) {
          if (e.time <= ui.rewind_to) rewound_events.push_back(e);
        }
        frame.events = &rewound_events;
      } else {
        rewind_error = past.status().message();
        ui.rewinding = false;
      }
    }
    if (board_rewound != frame.rewound) board_stale = true;
    // The board changes only with the state, except pull progress, which moves with
    // virtual time, and motion: rebuild it per frame only while something moves.
    if (board_stale || board.preparing || board.animating) board = BuildBoardView(*frame.state, frame.now);
    board_stale = false;
    board_rewound = frame.rewound;
    board_at = frame.now;
    frame.board = &board;
    frame.fonts = &font_state.fonts;
    if (!live.last_error.ok()) {
      frame.notice = live.last_error.code() == Status::Code::kIOError
                         ? std::string(Tr(Str::kLockedRetrying)) + ": " + live.last_error.message()
                         : live.last_error.message();
    }
    if (!rewind_error.empty()) frame.notice = rewind_error;
    frame.run = [&](const std::vector<std::string>& args) {
      session.wall_now = WallNow(env);
      return RunSessionCommand(session, args);
    };
    frame.decision = [&](const std::string& id) { return LoadDecision(&live, id); };

    if (frame_no == 0) {
      for (const std::string& line : opt.console) {
        auto args = SplitCommandLine(line);
        if (args.ok() && !args.value().empty()) RunAndLog(frame, &ui, args.value());
      }
    }
    bool moving = board.animating || board.preparing ||
                  (live.state.swarm_active && !live.state.clock.paused && !ui.rewinding);
    if (!headless && !moving && frames_to_draw <= 0) continue;  // at rest: nothing to draw
    if (frames_to_draw > 0) --frames_to_draw;
    ImGui_ImplOpenGL3_NewFrame();  // (re)creates the font texture when needed
    SampleFontsNearest(&font_state.nearest_texture);
    ImGui_ImplGlfw_NewFrame();
    // A picture shows no hover effects or tooltips from wherever the pointer rests.
    if (headless) ImGui::GetIO().MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    ImGui::NewFrame();
    DrawClassroom(frame, &ui);
    ImGui::Render();
    int fbw, fbh;
    glfwGetFramebufferSize(window, &fbw, &fbh);
    glViewport(0, 0, fbw, fbh);
    // The tiled panels draw no background of their own (kTiledPanelFlags).
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    ++frame_no;
    if (headless && frame_no >= total_frames) {
      if (!opt.screenshot.empty() && !WritePng(opt.screenshot, fbw, fbh)) {
        std::fprintf(stderr, "swarmsim-ui: cannot write %s\n", opt.screenshot.c_str());
        exit_code = 1;
      }
    }
    glfwSwapBuffers(window);
    frame_ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    if (frame_ms.size() == 1) cpu_after_first = ProcessCpuMs();
    if (headless && frame_no >= total_frames) break;
  }
  if (opt.bench_frames > 0 && frame_ms.size() > 1) {
    // The first frame builds the atlas and reads the database cold: report it apart.
    double sum = 0, worst = 0;
    for (size_t i = 1; i < frame_ms.size(); ++i) {
      sum += frame_ms[i];
      worst = std::max(worst, frame_ms[i]);
    }
    // CPU per frame counts the software rasteriser's threads too and, unlike the
    // wall clock, does not grow when other work shares the cores.
    double n = double(frame_ms.size() - 1);
    std::printf("frames: %zu  mean: %.2f ms  worst: %.2f ms  first: %.2f ms  cpu: %.2f ms/frame  nodes: %zu  tasks: %zu  reads: %llu\n",
                frame_ms.size() - 1, sum / n, worst, frame_ms[0], (ProcessCpuMs() - cpu_after_first) / n,
                live.state.nodes.size(), live.state.tasks.size(), static_cast<unsigned long long>(live.reads));
  }
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
  return exit_code;
}
