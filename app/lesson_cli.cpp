#include "app/lesson_cli.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "app/state_path.h"
#include "core/lesson/lesson_page.h"
#include "core/lesson/library.h"
#include "core/lesson/runner.h"

namespace swarmsim {

namespace {

namespace fs = std::filesystem;
using lesson::Lang;

constexpr const char* kUsage =
    "Usage:  swarmsim lesson list [--scenarios DIR]\n"
    "        swarmsim lesson show NAME [--lang ko|en] [--scenarios DIR]\n"
    "        swarmsim lesson run NAME [--lang ko|en] [--auto] [--from STEP] [--scenarios DIR]\n"
    "        swarmsim lesson export NAME [--lang ko|en] -o FILE.html [--scenarios DIR]\n";

struct Args {
  std::string verb, name, from;
  std::string output;     // export: -o FILE
  std::string scenarios;  // --scenarios: another lesson directory
  Lang lang = Lang::kEn;
  bool auto_run = false;
};

Result<Args> ParseArgs(const std::vector<std::string>& args, const std::map<std::string, std::string>& env) {
  Args a;
  // Korean when the terminal's locale is Korean, unless --lang says otherwise.
  for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    auto it = env.find(var);
    if (it != env.end() && !it->second.empty()) {
      if (it->second.rfind("ko", 0) == 0) a.lang = Lang::kKo;
      break;
    }
  }
  std::vector<std::string> positional;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& w = args[i];
    auto value = [&](const std::string& flag) -> Result<std::string> {
      if (w.rfind(flag + "=", 0) == 0) return w.substr(flag.size() + 1);
      if (i + 1 >= args.size()) return Status::InvalidArgument("flag needs an argument: " + flag);
      return args[++i];
    };
    if (w == "--auto") {
      a.auto_run = true;
    } else if (w == "--lang" || w.rfind("--lang=", 0) == 0) {
      auto v = value("--lang");
      if (!v.ok()) return v.status();
      if (v.value() == "ko") a.lang = Lang::kKo;
      else if (v.value() == "en") a.lang = Lang::kEn;
      else return Status::InvalidArgument("invalid argument \"" + v.value() + "\" for \"--lang\" flag: must be ko or en");
    } else if (w == "--from" || w.rfind("--from=", 0) == 0) {
      auto v = value("--from");
      if (!v.ok()) return v.status();
      a.from = v.value();
    } else if (w == "--scenarios" || w.rfind("--scenarios=", 0) == 0) {
      auto v = value("--scenarios");
      if (!v.ok()) return v.status();
      a.scenarios = v.value();
    } else if (w == "-o" || w == "--output" || w.rfind("--output=", 0) == 0) {
      auto v = value("--output");
      if (!v.ok()) return v.status();
      a.output = v.value();
    } else if (w == "--help" || w == "-h") {
      return Status::OK();
    } else if (!w.empty() && w[0] == '-') {
      return Status::InvalidArgument("unknown flag: " + w);
    } else {
      positional.push_back(w);
    }
  }
  if (positional.empty()) return Status::InvalidArgument(std::string(kUsage).substr(0, std::string(kUsage).size() - 1));
  a.verb = positional[0];
  if (a.verb == "list" || a.verb == "ls") {
    if (positional.size() != 1) return Status::InvalidArgument("swarmsim: 'swarmsim lesson list' accepts no arguments");
    return a;
  }
  if (a.verb != "show" && a.verb != "run" && a.verb != "export") {
    return Status::InvalidArgument("swarmsim: '" + a.verb + "' is not a swarmsim lesson command.");
  }
  if (positional.size() != 2) {
    return Status::InvalidArgument("swarmsim: 'swarmsim lesson " + a.verb + "' requires exactly 1 argument");
  }
  a.name = positional[1];
  if (!a.from.empty() && a.verb != "run") return Status::InvalidArgument("unknown flag: --from");
  if (a.verb == "export" && a.output.empty()) {
    return Status::InvalidArgument("swarmsim: 'swarmsim lesson export' needs the page to write: -o FILE.html");
  }
  if (!a.output.empty() && a.verb != "export") return Status::InvalidArgument("unknown flag: --output");
  return a;
}

std::string Indent(const std::string& text, const std::string& pad) {
  std::string out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) out += (line.empty() ? "" : pad + line) + "\n";
  return out;
}

const char* Say(Lang lang, const char* en, const char* ko) { return lang == Lang::kKo ? ko : en; }

void PrintCommand(const lesson::LessonCommand& c, Lang lang) {
  std::cout << "  $ " << c.line << "\n";
  if (!c.docker.empty()) {
    std::cout << "    " << Say(lang, "docker: ", "docker 명령: ") << c.docker << "\n";
  } else {
    std::cout << "    " << Say(lang, "(simulator only: docker has no such command)", "(시뮬레이터 전용: docker에는 없는 명령)")
              << "\n";
  }
}

int List(const lesson::ScenarioFiles& files) {
  auto names = lesson::ListLessons(files);
  if (!names.ok()) {
    std::cerr << names.status().message() << "\n";
    return 1;
  }
  std::cout << "NAME             STEPS   TITLE\n";
  int rc = 0;
  for (const auto& n : names.value()) {
    auto l = lesson::LoadLesson(files, n);
    if (!l.ok()) {
      std::cerr << l.status().message() << "\n";
      rc = 1;
      continue;
    }
    std::string name = n + std::string(n.size() < 17 ? 17 - n.size() : 1, ' ');
    std::string steps = std::to_string(l->steps.size());
    steps += std::string(steps.size() < 8 ? 8 - steps.size() : 1, ' ');
    std::cout << name << steps << l->title.en << " / " << l->title.ko << "\n";
  }
  return rc;
}

void PrintCluster(const lesson::Lesson& l, Lang lang) {
  std::cout << Say(lang, "Cluster", "클러스터") << (l.cluster.preset.empty() ? "" : " (" + l.cluster.preset + ")")
            << ":\n";
  if (!l.cluster.description.en.empty()) std::cout << Indent(l.cluster.description.In(lang), "  ");
  for (const auto& n : l.cluster.nodes) {
    std::cout << "  " << n.hostname << "  " << n.role;
    if (!n.cpus.empty()) std::cout << "  " << n.cpus << " CPU";
    if (!n.memory.empty()) std::cout << "  " << n.memory;
    for (const auto& [k, v] : n.labels) std::cout << "  " << k << "=" << v;
    std::cout << "\n";
  }
}

int Show(const lesson::Lesson& l, Lang lang) {
  std::cout << l.title.In(lang) << "\n\n" << Indent(l.summary.In(lang), "") << "\n";
  PrintCluster(l, lang);
  std::cout << "\n" << Say(lang, "Steps:", "단계:") << "\n";
  // The step IDs are what --from takes; titles carry the lesson's own numbering.
  size_t width = 0;
  for (const auto& s : l.steps) width = std::max(width, s.id.size());
  for (const auto& s : l.steps) {
    std::cout << "  " << s.id << std::string(width - s.id.size() + 3, ' ') << s.title.In(lang) << "\n";
  }
  return 0;
}

void PrintOutput(const CommandOutput& out) {
  std::cout << out.out;
  if (!out.err.empty()) std::cout << out.err;
}

void PrintOutcomes(const std::vector<lesson::CheckOutcome>& outcomes) {
  for (const auto& o : outcomes) {
    std::cout << (o.ok ? "  ✓ " : "  ✗ ") << o.what << (o.ok ? "" : "  (" + o.found + ")") << "\n";
  }
}

// Returns false when the user asked to stop.
bool WaitForEnter(Lang lang, bool* stop) {
  std::cout << Say(lang, "[Enter] run this step, [q] stop here: ", "[Enter] 이 단계 실행, [q] 여기서 멈춤: ") << std::flush;
  std::string line;
  if (!std::getline(std::cin, line)) {
    *stop = true;
    return false;
  }
  *stop = line == "q" || line == "Q";
  return !*stop;
}

int Run(const LessonCliOptions& options, const Args& args, const lesson::Lesson& l,
        const lesson::ScenarioFiles& files) {
  Lang lang = args.lang;
  bool interactive = options.interactive && !args.auto_run;
  size_t start = 0;
  if (!args.from.empty()) {
    int i = l.FindStep(args.from);
    if (i < 0) {
      std::string known;
      for (const auto& s : l.steps) known += (known.empty() ? "" : ", ") + s.id;
      std::cerr << "lesson " << l.name << " has no step '" << args.from << "' (steps: " << known << ")\n";
      return 1;
    }
    start = static_cast<size_t>(i);
  }
  std::string state_path = options.state_flag;
  if (state_path.empty()) state_path = LessonStatePath(l.name, options.env);
  bool fresh = start == 0;
  if (fresh && options.state_flag.empty()) {
    RemoveDatabaseFiles(state_path);
  } else if (!fresh && !fs::exists(state_path)) {
    std::cerr << "no lesson state at " << state_path << ": run the lesson from its first step before --from "
              << args.from << "\n";
    return 1;
  }

  SessionOptions session;
  session.database_path = state_path;
  session.wall_now = options.wall_now;
  session.seed = options.seed;
  session.env = lesson::LessonEnvironment(files, options.env);
  session.read_file = lesson::LessonFileReader(files);

  std::cout << "== " << l.title.In(lang) << " ==\n\n" << Indent(l.summary.In(lang), "") << "\n";
  if (fresh) {
    PrintCluster(l, lang);
    std::vector<lesson::CommandRun> ran;
    Status st = lesson::StartCluster(session, l, &ran);
    if (!st.ok()) {
      std::cerr << Say(lang, "could not build the lesson's cluster: ", "레슨 클러스터를 만들 수 없습니다: ")
                << st.message() << "\n";
      if (!options.state_flag.empty()) {
        std::cerr << Say(lang, "(--state must name a file without a swarm, or add --from STEP)\n",
                         "(--state 에는 스웜이 없는 파일을 주거나 --from STEP 을 붙이세요)\n");
      }
      return 1;
    }
  }
  std::string state_arg = options.state_flag.empty() ? "--state " + state_path : "--state " + options.state_flag;
  std::cout << Say(lang, "Lesson state: ", "레슨 상태 파일: ") << state_path << "\n"
            << Say(lang, "  your own commands on it: swarmsim ", "  직접 명령을 입력하려면: swarmsim ") << state_arg
            << " ...\n\n";

  int predicted = 0, predicted_right = 0;  // the student's answers this run
  for (size_t i = start; i < l.steps.size(); ++i) {
    const lesson::Step& step = l.steps[i];
    std::cout << "--- [" << i + 1 << "/" << l.steps.size() << "] " << step.title.In(lang) << "  (" << step.id
              << ")\n\n";
    // With questions to answer, the explanation (which often gives the answer
    // away) comes after the answers.
    bool ask_first = !step.predicts.empty();
    if (!ask_first) std::cout << Indent(step.explain.In(lang), "  ") << "\n";
    if (!step.commands.empty()) {
      std::cout << Say(lang, "Commands:\n", "명령:\n");
      for (const auto& c : step.commands) PrintCommand(c, lang);
      std::cout << "\n";
    }
    std::vector<int> guesses;
    for (const auto& p : step.predicts) {
      std::cout << Say(lang, "Predict: ", "예측: ") << p.question.In(lang) << "\n";
      for (size_t k = 0; k < p.choices.size(); ++k) std::cout << "  " << k + 1 << ") " << p.choices[k].In(lang) << "\n";
      int guess = -1;
      if (interactive) {
        std::cout << Say(lang, "Your answer: ", "답: ") << std::flush;
        std::string line;
        if (std::getline(std::cin, line)) guess = std::atoi(line.c_str()) - 1;
      }
      guesses.push_back(guess);
      std::cout << "\n";
    }
    if (interactive) {
      bool stop = false;
      if (!WaitForEnter(lang, &stop)) {
        std::cout << "\n"
                  << Say(lang, "Stopped before step ", "다음 단계 전에 멈춤: ") << step.id << ".\n"
                  << Say(lang, "  type your own commands: swarmsim ", "  직접 명령 입력: swarmsim ") << state_arg
                  << " ...\n"
                  << Say(lang, "  then continue: swarmsim ", "  이어서 계속: swarmsim ")
                  << (options.state_flag.empty() ? "" : state_arg + " ") << "lesson run " << l.name
                  << " --from " << step.id << "\n";
        return 0;
      }
    }
    lesson::StepRun run = lesson::RunStep(session, l, i, lang);
    if (!run.unmet.empty()) {
      std::cout << Say(lang, "This step needs a cluster that is no longer there:\n",
                       "이 단계에 필요한 클러스터 상태가 더 이상 없습니다:\n");
      PrintOutcomes(run.unmet);
      std::cerr << Say(lang, "step ", "단계 ") << step.id
                << Say(lang, ": its preconditions no longer hold (the cluster was changed since); "
                             "rebuild it with `swarmsim lesson run ",
                       ": 사전 조건이 더 이상 맞지 않습니다(그 사이 클러스터가 바뀌었습니다); "
                       "`swarmsim lesson run ")
                << l.name << "` " << Say(lang, "or put it back by hand\n", "으로 다시 만들거나 직접 되돌리세요\n");
      return 1;
    }
    for (const auto& r : run.commands) {
      std::cout << "$ " << r.command.line << "\n";
      PrintOutput(r.output);
      if (!r.as_expected()) {
        std::cout << "  ✗ " << Say(lang, "exit code ", "종료 코드 ") << r.output.exit_code
                  << Say(lang, ", the lesson expects ", ", 레슨이 기대한 값 ") << r.command.exit_code << "\n";
      }
    }
    std::cout << "\n";
    for (size_t k = 0; k < step.predicts.size(); ++k) {
      const auto& p = step.predicts[k];
      std::cout << Say(lang, "Answer: ", "정답: ") << p.answer + 1 << ") " << p.choices[p.answer].In(lang);
      if (guesses[k] >= 0) {
        ++predicted;
        if (guesses[k] == p.answer) ++predicted_right;
        std::cout << (guesses[k] == p.answer ? Say(lang, "  ✓ you got it", "  ✓ 맞혔습니다")
                                             : Say(lang, "  ✗ not your answer", "  ✗ 예측과 다릅니다"));
      }
      std::cout << "\n" << Indent(p.explanation.In(lang), "  ") << "\n";
    }
    if (ask_first) std::cout << Indent(step.explain.In(lang), "  ") << "\n";
    if (!step.checks.empty()) {
      std::cout << Say(lang, "Checks:\n", "확인:\n");
      PrintOutcomes(run.outcomes);
      std::cout << "\n";
    }
    if (!run.ok()) {
      std::cerr << Say(lang, "step ", "단계 ") << step.id
                << Say(lang, ": the cluster does not match what the lesson says\n",
                       ": 클러스터가 레슨 설명과 다릅니다\n");
      return 1;
    }
  }
  std::cout << Say(lang, "Lesson complete: every check held.\n", "레슨 완료: 모든 확인을 통과했습니다.\n");
  if (predicted > 0) {
    std::cout << Say(lang, "Predictions right: ", "맞힌 예측: ") << predicted_right << "/" << predicted << "\n";
  }
  return 0;
}

// The window's binary beside this one, when there is a display to draw on
// (a desktop or Xvfb); empty otherwise.
std::string WindowBinary(const std::map<std::string, std::string>& env) {
  auto set = [&](const char* var) {
    auto it = env.find(var);
    return it != env.end() && !it->second.empty();
  };
  if (!set("DISPLAY") && !set("WAYLAND_DISPLAY")) return "";
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return "";
  fs::path ui = self.parent_path() / "swarmsim-ui";
  return fs::exists(ui, ec) ? ui.string() : "";
}

// The board after step `step` (0-based) as a PNG: the window runs the lesson to
// that step on a database under `dir` (the student's lesson state is left alone)
// and takes a screenshot.
Result<std::string> BoardPicture(const std::string& ui, const lesson::Lesson& l, size_t step, Lang lang,
                                 const std::string& dir, const LessonCliOptions& options,
                                 const std::string& scenarios) {
  std::string png = dir + "/step" + std::to_string(step + 1) + ".png";
  std::vector<std::string> args = {ui, "--lesson", l.name, "--step", std::to_string(step + 1),
                                   "--lang", lang == Lang::kKo ? "ko" : "en", "--size", "1280x720",
                                   "--screenshot", png};
  if (l.steps[step].picture != "board") args.insert(args.end(), {"--select-task", l.steps[step].picture});
  std::map<std::string, std::string> env = options.env;
  env["SWARMSIM_STATE"] = dir + "/cluster.db";
  if (!scenarios.empty()) env["SWARMSIM_SCENARIOS"] = fs::absolute(scenarios).string();
  std::vector<std::string> env_lines;
  for (const auto& [k, v] : env) env_lines.push_back(k + "=" + v);
  std::vector<char*> argv, envp;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  for (auto& e : env_lines) envp.push_back(e.data());
  envp.push_back(nullptr);
  std::cout.flush();
  pid_t pid = fork();
  if (pid < 0) return Status::IOError("fork: " + std::string(std::strerror(errno)));
  if (pid == 0) {
    int null = open("/dev/null", O_WRONLY);
    if (null >= 0) {
      dup2(null, STDOUT_FILENO);
      dup2(null, STDERR_FILENO);
    }
    execve(argv[0], argv.data(), envp.data());
    _exit(127);
  }
  int status = 0;
  if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return Status::IOError("swarmsim-ui could not draw step " + std::to_string(step + 1));
  }
  std::ifstream in(png, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in || bytes.str().empty()) return Status::IOError("no screenshot for step " + std::to_string(step + 1));
  return bytes.str();
}

// Runs the whole lesson unattended on a database of its own (the student's
// lesson state is left alone) and writes the page, even when a step fails.
int Export(const LessonCliOptions& options, const Args& args, const lesson::Lesson& l,
           const lesson::ScenarioFiles& files) {
  // Open the file first: a path that cannot be written fails before the run.
  std::ofstream out(args.output, std::ios::binary | std::ios::trunc);
  if (!out) {
    std::string reason = std::strerror(errno);
    if (!reason.empty()) reason[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(reason[0])));
    std::cerr << "open " << args.output << ": " << reason << "\n";
    return 1;
  }
  std::string state_path = LessonStatePath(l.name, options.env) + ".export";
  RemoveDatabaseFiles(state_path);
  SessionOptions session;
  session.database_path = state_path;
  session.wall_now = options.wall_now;
  session.seed = options.seed;
  session.env = lesson::LessonEnvironment(files, options.env);
  session.read_file = lesson::LessonFileReader(files);
  std::vector<lesson::CommandRun> ran;
  Status st = lesson::StartCluster(session, l, &ran);
  std::vector<lesson::StepRun> runs;
  bool ok = st.ok();
  for (size_t i = 0; ok && i < l.steps.size(); ++i) {
    runs.push_back(lesson::RunStep(session, l, i, args.lang));
    ok = runs.back().ok();
  }
  RemoveDatabaseFiles(state_path);
  // Pictures of the board at the steps the lesson marks, where a window can draw.
  std::map<size_t, std::string> pictures;
  bool wants_pictures = false;
  for (size_t i = 0; i < runs.size(); ++i) wants_pictures = wants_pictures || !l.steps[i].picture.empty();
  std::string ui = wants_pictures && st.ok() ? WindowBinary(options.env) : "";
  if (!ui.empty()) {
    std::error_code ec;
    fs::path dir = fs::path(state_path + ".pictures");
    fs::remove_all(dir, ec);
    fs::create_directories(dir, ec);
    for (size_t i = 0; i < runs.size(); ++i) {
      if (l.steps[i].picture.empty()) continue;
      auto png = BoardPicture(ui, l, i, args.lang, dir.string(), options, args.scenarios);
      if (!png.ok()) {
        std::cerr << png.status().message() << "\n";
        continue;
      }
      pictures[i] = png.value();
    }
    fs::remove_all(dir, ec);
  } else if (wants_pictures && st.ok()) {
    std::cout << Say(args.lang, "No display for the window (run under Xvfb for pictures): the page has none\n",
                     "창을 그릴 디스플레이가 없어(Xvfb 로 실행하면 그림이 들어갑니다) 페이지에 그림이 없습니다\n");
  }
  if (!st.ok()) {
    std::cerr << Say(args.lang, "could not build the lesson's cluster: ", "레슨 클러스터를 만들 수 없습니다: ")
              << st.message() << "\n";
    return 1;
  }
  out << lesson::LessonPage(l, args.lang, runs, pictures);
  out.close();
  if (!out) {
    std::cerr << "open " << args.output << ": cannot write the file\n";
    return 1;
  }
  std::cout << Say(args.lang, "Wrote ", "저장했습니다: ") << args.output << " (" << runs.size() << "/"
            << l.steps.size() << Say(args.lang, " steps", " 단계");
  if (!pictures.empty()) std::cout << ", " << pictures.size() << Say(args.lang, " pictures", " 그림");
  std::cout << ")\n";
  if (!ok) {
    std::cerr << Say(args.lang, "step ", "단계 ") << l.steps[runs.size() - 1].id
              << Say(args.lang, ": the cluster does not match what the lesson says (the page stops there)\n",
                     ": 클러스터가 레슨 설명과 다릅니다 (페이지는 거기까지입니다)\n");
  }
  return ok ? 0 : 1;
}

}  // namespace

int RunLessonCli(const LessonCliOptions& options, const std::vector<std::string>& args) {
  auto parsed = ParseArgs(args, options.env);
  if (!parsed.ok()) {
    std::cerr << parsed.status().message() << "\n";
    return 1;
  }
  if (parsed->verb.empty()) {
    std::cout << kUsage;
    return 0;
  }
  lesson::ScenarioFiles files = parsed->scenarios.empty() ? lesson::ScenarioFiles::FromEnvironment(options.env)
                                                         : lesson::ScenarioFiles(parsed->scenarios);
  if (parsed->verb == "list" || parsed->verb == "ls") return List(files);
  auto l = lesson::LoadLesson(files, parsed->name);
  if (!l.ok()) {
    std::cerr << l.status().message() << "\n";
    return 1;
  }
  if (parsed->verb == "show") return Show(l.value(), parsed->lang);
  if (parsed->verb == "export") return Export(options, parsed.value(), l.value(), files);
  return Run(options, parsed.value(), l.value(), files);
}

}  // namespace swarmsim
