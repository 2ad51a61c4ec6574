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
#include <stb_image_write.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <map>
#include <string>
#include <vector>

#include "app/state_path.h"
#include "core/format/time_format.h"
#include "ui/app/window_loop.h"
#include "ui/fonts.h"
#include "ui/i18n.h"

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

bool WritePng(const std::string& path, int w, int h) {
  std::vector<unsigned char> px(size_t(w) * size_t(h) * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
  for (size_t i = 3; i < px.size(); i += 4) px[i] = 255;  // the window is opaque
  stbi_flip_vertically_on_write(1);
  return stbi_write_png(path.c_str(), w, h, 4, px.data(), w * 4) != 0;
}

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
  WindowOptions wo;
  wo.env = ProcessEnvironment();
  wo.font_dir = kDefaultFontDir;
  if (auto it = wo.env.find("SWARMSIM_UI_FONT_DIR"); it != wo.env.end()) wo.font_dir = it->second;
  if (opt.lang == "ko") SetLanguage(Lang::kKorean);
  wo.state_path = ResolveStatePath(opt.state_flag, wo.env);
  if (!opt.lesson.empty()) {
    // The lesson's own database, made afresh, as `swarmsim lesson run` does.
    wo.state_path = opt.state_flag.empty() ? LessonStatePath(opt.lesson, wo.env) : opt.state_flag;
    if (opt.state_flag.empty()) RemoveDatabaseFiles(wo.state_path);
  }
  wo.zoom = opt.zoom;
  wo.select_task = opt.select_task;
  wo.console = opt.console;
  if (!opt.rewind_to.empty()) wo.rewind_to = ParseRFC3339(opt.rewind_to).value();
  wo.headless = !opt.screenshot.empty() || opt.bench_frames > 0;

  if (!glfwInit()) {
    std::fprintf(stderr, "swarmsim-ui: cannot open a window (no display?); the CLI works without one\n");
    return 1;
  }
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
    if (!wo.headless) glfwWindowHint(GLFW_MAXIMIZED, GLFW_TRUE);
  }
  GLFWwindow* window = glfwCreateWindow(opt.width, opt.height, Tr(Str::kAppTitle), nullptr, nullptr);
  if (!window) {
    std::fprintf(stderr, "swarmsim-ui: cannot create an OpenGL 3.3 window\n");
    glfwTerminate();
    return 1;
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(wo.headless ? 0 : 1);

  int exit_code = 0;
  {
    WindowLoop loop(window, wo);
    if (!opt.lesson.empty() && !loop.RunLessonTo(opt.lesson, opt.step)) exit_code = 1;
    int frame_no = 0;
    std::vector<double> frame_ms;
    double cpu_after_first = 0;  // process CPU time (all threads, ms) when frame 1 ended
    int total_frames = opt.bench_frames > 0 ? opt.bench_frames : opt.frames;
    while (!glfwWindowShouldClose(window)) {
      // An interactive window at rest (no input, nothing new, nothing moving, clock
      // paused) draws nothing: it waits for input or the next refresh instead.
      if (loop.AtRest()) {
        glfwWaitEventsTimeout(0.1);
      } else {
        glfwPollEvents();
      }
      auto t0 = std::chrono::steady_clock::now();
      int fbw = 0, fbh = 0;
      if (!loop.Step(&fbw, &fbh)) continue;
      ++frame_no;
      if (wo.headless && frame_no >= total_frames) {
        if (!opt.screenshot.empty() && !WritePng(opt.screenshot, fbw, fbh)) {
          std::fprintf(stderr, "swarmsim-ui: cannot write %s\n", opt.screenshot.c_str());
          exit_code = 1;
        }
      }
      glfwSwapBuffers(window);
      frame_ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
      if (frame_ms.size() == 1) cpu_after_first = ProcessCpuMs();
      if (wo.headless && frame_no >= total_frames) break;
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
      const LiveCluster& live = loop.live();
      std::printf("frames: %zu  mean: %.2f ms  worst: %.2f ms  first: %.2f ms  cpu: %.2f ms/frame  nodes: %zu  tasks: %zu  reads: %llu\n",
                  frame_ms.size() - 1, sum / n, worst, frame_ms[0], (ProcessCpuMs() - cpu_after_first) / n,
                  live.state.nodes.size(), live.state.tasks.size(), static_cast<unsigned long long>(live.reads));
    }
  }
  glfwDestroyWindow(window);
  glfwTerminate();
  return exit_code;
}
