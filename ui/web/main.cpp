// The classroom in a browser: the window of ui/app compiled to WebAssembly. This
// file is the browser's platform layer: the main loop (the browser's animation
// frames), storage (the cluster database in memory, kept in the browser's
// IndexedDB across reloads), files (open, save, drop: page.js), the link's scene
// (the URL fragment, as flags from page.js) and the canvas size. Everything the
// class sees and does is the same code as the desktop window's.
//
//   index.html#lesson=NAME&step=N&lang=ko | #preset=NAME | #stack=YAML
//   page.js turns these into: [--lang ko|en] [--lesson NAME [--step N]]
//                             [--preset NAME] [--stack YAML [--stack-name NAME]]
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <imgui.h>
#include <imgui_internal.h>

#include "core/lesson/library.h"
#include "nlohmann/json.hpp"
#include "ui/app/window_loop.h"
#include "ui/i18n.h"
#include "ui/panels/panels.h"
#include "ui/view/command_line.h"
#include "ui/view/lesson_view.h"
#include "ui/view/window_title.h"
#include "ui/web/scene.h"

namespace {

using namespace swarmsim;
using namespace swarmsim::ui;

// page.js mounts IndexedDB at /persist before main runs.
constexpr const char* kStatePath = "/persist/cluster.db";
// Lessons name their files relative to the folder holding scenarios/; files the
// student opens land beside it, so `stack deploy -c NAME` finds them.
constexpr const char* kWorkDir = "/";
// How often, at most, the database is copied to IndexedDB while the clock runs.
constexpr double kPersistEveryMs = 1000;

struct Page {
  GLFWwindow* window = nullptr;
  std::unique_ptr<WindowLoop> loop;
  lesson::ScenarioFiles files;  // built in
  uint64_t persisted_updates = 0, persisted_seq = 0;
  double persisted_at = 0;
  bool persist_now = false;
  double first_frame_ms = -1;  // since navigation (performance.now()), when the first frame was drawn
  // Drawn frames since the last reset (window.swarmsim.resetFrameStats): the time
  // our code took (Step) and the time from one drawn frame to the next.
  int frames = 0;
  double step_ms_sum = 0, step_ms_worst = 0, interval_ms_sum = 0, interval_ms_worst = 0;
  double last_frame_at = -1;
};

Page* g_page = nullptr;

Result<std::string> ReadMemFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError("open " + path + ": no such file or directory");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool ParseArgs(int argc, char** argv, Scene* scene, std::string* lang) {
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--lang") *lang = value;
    else if (flag == "--lesson") scene->lesson = value;
    else if (flag == "--step") scene->step = std::atoi(value.c_str());
    else if (flag == "--preset") scene->preset = value;
    else if (flag == "--stack") scene->stack = value;
    else if (flag == "--stack-name") scene->stack_name = value;
    else {
      std::fprintf(stderr, "swarmsim: unknown flag %s\n", flag.c_str());
      return false;
    }
  }
  return true;
}

SessionOptions SceneSession() {
  SessionOptions options;
  options.database_path = kStatePath;
  options.wall_now = WallNow({});
  options.read_file = ReadMemFile;
  return options;
}

void RemoveState() {
  std::remove(kStatePath);
  std::remove((std::string(kStatePath) + "-journal").c_str());
}

// Starts the cluster over from `scene` without a lesson (the default preset when
// it is empty).
Status StartOver(const Scene& scene, const lesson::ScenarioFiles& files) {
  RemoveState();
  return BuildScene(SceneSession(), files, scene, "stack.yml");
}

// Copies the database to IndexedDB (page.js), after a command at once, else at
// most once a second while the live clock moves the cluster.
void PersistIfChanged(Page* page) {
  const LiveCluster& live = page->loop->live();
  double now = emscripten_get_now();
  bool changed = live.updates != page->persisted_updates || live.last_event_seq != page->persisted_seq;
  if (!page->persist_now && !(changed && now - page->persisted_at >= kPersistEveryMs)) return;
  page->persisted_updates = live.updates;
  page->persisted_seq = live.last_event_seq;
  page->persisted_at = now;
  page->persist_now = false;
  EM_ASM({ Module.swarmsimPersist(); });
}

// The canvas fills the page below the toolbar: follow its CSS size.
void FollowCanvasSize(GLFWwindow* window) {
  double css_w = 0, css_h = 0;
  if (emscripten_get_element_css_size("#canvas", &css_w, &css_h) != EMSCRIPTEN_RESULT_SUCCESS) return;
  int w = 0, h = 0;
  glfwGetWindowSize(window, &w, &h);
  if (int(css_w) > 0 && int(css_h) > 0 && (int(css_w) != w || int(css_h) != h)) {
    glfwSetWindowSize(window, int(css_w), int(css_h));
    g_page->loop->Wake();
  }
}

void OneFrame(void* arg) {
  auto* page = static_cast<Page*>(arg);
  FollowCanvasSize(page->window);
  glfwPollEvents();
  int fbw = 0, fbh = 0;
  double started = emscripten_get_now();
  bool drawn = page->loop->Step(&fbw, &fbh);  // the browser presents whatever was drawn
  double now = emscripten_get_now();
  if (drawn) {
    if (page->first_frame_ms < 0) page->first_frame_ms = now;
    ++page->frames;
    page->step_ms_sum += now - started;
    page->step_ms_worst = std::max(page->step_ms_worst, now - started);
    if (page->last_frame_at >= 0) {
      page->interval_ms_sum += started - page->last_frame_at;
      page->interval_ms_worst = std::max(page->interval_ms_worst, started - page->last_frame_at);
    }
    page->last_frame_at = started;
  }
  PersistIfChanged(page);
}

// Where the console's input line is (the browser test clicks there): the last row
// of the console panel, ImVec2(0, 0) when the panel is closed.
std::vector<float> ConsoleInputAt() {
  ImGuiWindow* console = ImGui::FindWindowByName(kConsoleWindow);
  if (!console || !console->WasActive) return {0, 0};
  const ImGuiStyle& style = ImGui::GetStyle();
  return {console->Pos.x + console->Size.x / 2,
          console->Pos.y + console->Size.y - style.WindowPadding.y - ImGui::GetFrameHeight() / 2};
}

}  // namespace

// The page's hooks (page.js, and the browser test through window.swarmsim).
extern "C" {

// Runs one command line (the words after "swarmsim") in the console.
EMSCRIPTEN_KEEPALIVE void swarmsim_run(const char* line) {
  auto args = SplitCommandLine(line);
  if (!args.ok() || args.value().empty()) return;
  g_page->loop->RunInConsole(args.value());
  g_page->persist_now = true;
}

// A file the student opened or dropped, already written at `path` by page.js: a
// saved database replaces the cluster; anything else stays for `stack deploy -c`.
// Returns "database" or "file".
EMSCRIPTEN_KEEPALIVE const char* swarmsim_open_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  char magic[16] = {};
  in.read(magic, sizeof magic);
  if (in.gcount() == sizeof magic && std::string(magic, sizeof magic) == std::string("SQLite format 3\0", 16)) {
    // Copied, not renamed: the state lives on another mount (IndexedDB's).
    in.seekg(0);
    std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // A desktop database is in WAL mode (header bytes 18 and 19 are 2), which the
    // page's SQLite (no WAL: no shared memory) refuses; a single downloaded file
    // has no -wal beside it, so it reads the same as a rollback-journal file.
    if (data.size() > 19 && data[18] == 2 && data[19] == 2) data[18] = data[19] = 1;
    RemoveState();
    std::ofstream out(kStatePath, std::ios::binary);
    out << data;
    if (!out.flush()) return "error";
    out.close();
    std::remove(path);
    g_page->loop->Reopen();
    g_page->persist_now = true;
    return "database";
  }
  g_page->loop->Wake();
  return "file";
}

// Starts over from the default preset.
EMSCRIPTEN_KEEPALIVE void swarmsim_reset() {
  Status st = StartOver(Scene{}, g_page->files);
  g_page->loop->Reopen();
  g_page->loop->ui()->console.lines.clear();
  if (!st.ok()) g_page->loop->ui()->console.lines.push_back({ConsoleLine::kErr, st.message()});
  g_page->persist_now = true;
}

// What is on the board, as JSON, for tests and the page's own use.
EMSCRIPTEN_KEEPALIVE const char* swarmsim_summary() {
  static std::string out;
  const LiveCluster& live = g_page->loop->live();
  size_t running = 0;
  for (const auto& [id, t] : live.state.tasks) running += t.status.state == TaskState::kRunning;
  nlohmann::json j = {{"title", WindowTitle(live.state)},
                      {"loaded", live.loaded},
                      {"nodes", live.state.nodes.size()},
                      {"services", live.state.services.size()},
                      {"tasks", live.state.tasks.size()},
                      {"running", running},
                      {"console_lines", g_page->loop->ui()->console.lines.size()},
                      {"console_input", ConsoleInputAt()},
                      {"first_frame_ms", g_page->first_frame_ms},
                      {"frames", g_page->frames},
                      {"step_ms_mean", g_page->frames ? g_page->step_ms_sum / g_page->frames : 0.0},
                      {"step_ms_worst", g_page->step_ms_worst},
                      {"frame_interval_ms_mean",
                       g_page->frames > 1 ? g_page->interval_ms_sum / (g_page->frames - 1) : 0.0},
                      {"frame_interval_ms_worst", g_page->interval_ms_worst}};
  out = j.dump();
  return out.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* swarmsim_state_path() { return kStatePath; }

EMSCRIPTEN_KEEPALIVE void swarmsim_reset_frame_stats() {
  g_page->frames = 0;
  g_page->step_ms_sum = g_page->step_ms_worst = g_page->interval_ms_sum = g_page->interval_ms_worst = 0;
  g_page->last_frame_at = -1;
}

}  // extern "C"

int main(int argc, char** argv) {
  Scene scene;
  std::string lang;
  if (!ParseArgs(argc, argv, &scene, &lang)) return 2;
  if (lang == "ko") SetLanguage(Lang::kKorean);
  (void)chdir(kWorkDir);

  static Page page;
  g_page = &page;
  std::ifstream existing(kStatePath);
  Status started;
  if (!scene.lesson.empty()) {
    RemoveState();  // the lesson builds its own cluster once the window is up
  } else if (!scene.empty() || !existing) {
    started = StartOver(scene, page.files);
  }

  if (!glfwInit()) {
    std::fprintf(stderr, "swarmsim: cannot start GLFW\n");
    return 1;
  }
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  double css_w = 1280, css_h = 800;
  emscripten_get_element_css_size("#canvas", &css_w, &css_h);
  page.window = glfwCreateWindow(int(css_w), int(css_h), "swarmsim", nullptr, nullptr);
  if (!page.window) {
    std::fprintf(stderr, "swarmsim: this browser offers no WebGL 2\n");
    return 1;
  }
  glfwMakeContextCurrent(page.window);

  WindowOptions wo;
  wo.state_path = kStatePath;
  wo.font_dir = "/fonts";  // the Nanum and DejaVu subsets script/build-web embeds
  wo.symbol_font_dir = "/fonts";
  wo.glsl_version = "#version 300 es";
  wo.env["PWD"] = kWorkDir;
  page.loop = std::make_unique<WindowLoop>(page.window, wo);
  if (!scene.lesson.empty()) page.loop->RunLessonTo(scene.lesson, scene.step);
  // A link that could not be opened says why where the student looks.
  if (!started.ok()) page.loop->ui()->console.lines.push_back({ConsoleLine::kErr, started.message()});
  page.persist_now = true;
  emscripten_set_main_loop_arg(OneFrame, &page, 0, false);
  return 0;
}
