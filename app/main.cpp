// swarmsim: the command line. Finds the cluster database, syncs the virtual clock
// with the wall clock, runs one command as one transaction, prints its output.
//
// Environment: SWARMSIM_STATE (database path), SWARMSIM_SEED (ID seed for
// `swarm init`), SWARMSIM_WALL_CLOCK (RFC 3339 instant used instead of the real
// wall clock: tests use it so virtual time only moves when told), SWARMSIM_WAIT_LIMIT
// (how long, in wall time, `service create` and the like wait for convergence
// before they stop as Ctrl-C would; default 10m).
#include <malloc.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "app/lesson_cli.h"
#include "app/service_wait.h"
#include "app/state_path.h"
#include "core/command/command.h"
#include "core/command/session.h"
#include "core/format/go_duration.h"
#include "core/format/time_format.h"
#include "core/lesson/scenario_files.h"
#include "core/orchestrator/reconcile.h"
#include "server/serve_cli.h"


namespace {

// Transparent huge pages for the heap. This machine's kernel gives them only to
// memory that asks (madvise mode), and glibc asks only when told before main
// (GLIBC_TUNABLES); a command on 30,000 tasks spent about a sixth of its time
// faulting in fresh 4 KiB pages. So the heap is made to grow once by a large
// reserve now (address space only: a page takes memory when first touched), and
// that range is marked for huge pages. Allocations under 32 MiB then come from
// it rather than from mmap. If any step fails, the command runs as it is.
void UseHugePagesForTheHeap() {
  constexpr int kReserve = 1 << 30;
  if (mallopt(M_TOP_PAD, kReserve) == 0 || mallopt(M_MMAP_THRESHOLD, 32 << 20) == 0) return;
  char* before = static_cast<char*>(sbrk(0));
  std::vector<void*> blocks;  // enough small blocks to make the heap grow
  while (static_cast<char*>(sbrk(0)) == before && blocks.size() < 256) blocks.push_back(std::malloc(64 << 10));
  char* end = static_cast<char*>(sbrk(0));
  for (void* b : blocks) std::free(b);
  const uintptr_t page = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
  uintptr_t start = reinterpret_cast<uintptr_t>(before) & ~(page - 1);
  if (end > before) madvise(reinterpret_cast<void*>(start), reinterpret_cast<uintptr_t>(end) - start, MADV_HUGEPAGE);
}

swarmsim::Result<std::string> ReadStdin(const std::string&) {
  std::stringstream ss;
  ss << std::cin.rdbuf();
  return ss.str();
}

}  // namespace

int main(int argc, char** argv) {
  UseHugePagesForTheHeap();
  std::vector<std::string> args(argv + 1, argv + argc);
  std::map<std::string, std::string> env = swarmsim::ProcessEnvironment();

  std::string state_flag;
  if (!args.empty() && args[0].rfind("--state", 0) == 0) {
    if (args[0].size() > 8 && args[0][7] == '=') {
      state_flag = args[0].substr(8);
      args.erase(args.begin());
    } else if (args.size() >= 2) {
      state_flag = args[1];
      args.erase(args.begin(), args.begin() + 2);
    } else {
      std::cerr << "flag needs an argument: --state\n";
      return 1;
    }
  }
  std::string path = swarmsim::ResolveStatePath(state_flag, env);

  swarmsim::Time wall = std::chrono::duration_cast<std::chrono::nanoseconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
  if (auto it = env.find("SWARMSIM_WALL_CLOCK"); it != env.end()) {
    auto t = swarmsim::ParseRFC3339(it->second);
    if (!t.ok()) {
      std::cerr << "invalid SWARMSIM_WALL_CLOCK: " << t.status().message() << "\n";
      return 1;
    }
    wall = t.value();
  }
  swarmsim::Duration wait_limit = swarmsim::ServiceWaitOptions{}.limit;
  if (auto it = env.find("SWARMSIM_WAIT_LIMIT"); it != env.end()) {
    auto limit = swarmsim::ParseGoDuration(it->second);
    if (!limit.ok()) {
      std::cerr << "invalid SWARMSIM_WAIT_LIMIT: " << limit.status().message() << "\n";
      return 1;
    }
    wait_limit = limit.value();
  }
  // A debugging guard for the tests: every reconcile skipped as settled is checked
  // against a full pass (core/orchestrator/reconcile.h).
  if (env.count("SWARMSIM_CHECK_RECONCILE")) swarmsim::SetReconcileCheck(true);
  uint64_t seed = 0;
  if (auto it = env.find("SWARMSIM_SEED"); it != env.end()) seed = std::strtoull(it->second.c_str(), nullptr, 10);

  // Lessons drive many commands and talk to the terminal: app/lesson_cli.
  if (!args.empty() && args[0] == "lesson") {
    if (auto answer = swarmsim::AnswerWithoutCluster(args)) {
      std::cerr << answer->err;
      std::cout << answer->out;
      return answer->exit_code;
    }
    swarmsim::LessonCliOptions lesson;
    lesson.state_flag = state_flag;
    lesson.env = env;
    lesson.wall_now = wall;
    lesson.seed = seed;
    lesson.interactive = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
    return swarmsim::RunLessonCli(lesson, args);
  }

  swarmsim::SessionOptions options;
  options.database_path = path;
  options.wall_now = wall;
  options.seed = seed;
  options.env = env;
  // Files on disk; a name a lesson uses ("todo-list/v1.yml") also works from any folder.
  auto pwd = env.find("PWD");
  options.read_file = swarmsim::lesson::TypedFileReader(swarmsim::lesson::ScenarioFiles::FromEnvironment(env),
                                                        pwd == env.end() ? "" : pwd->second, ReadStdin);

  // The Docker Engine API over a socket: server/ (Asio), one request per session.
  if (!args.empty() && args[0] == "serve") {
    if (auto answer = swarmsim::AnswerWithoutCluster(args)) {  // --help, or words it refuses
      std::cerr << answer->err;
      std::cout << answer->out;
      return answer->exit_code;
    }
    swarmsim::Time fixed = env.count("SWARMSIM_WALL_CLOCK") ? wall : 0;
    return swarmsim::RunServeCli(args, options, fixed, std::cout, std::cerr);
  }
  options.may_stream = true;
  // One command, then the process ends: skip freeing the cluster it loaded.
  options.keep_state_until_exit = true;
  swarmsim::CommandOutput out = swarmsim::RunSessionCommand(options, args);
  options.keep_state_until_exit = false;  // `events` may follow with many more
  std::cerr << out.err;
  std::cout << out.out;
  std::cout.flush();
  // A long table, written as it is made (the transaction is over): `| head` sees
  // its first lines at once, and a closed pipe ends it quietly.
  if (out.stream) {
    out.stream([](std::string_view text) {
      std::cout.write(text.data(), static_cast<std::streamsize>(text.size()));
      std::cout.flush();
      return std::cout.good();
    });
  }
  // Without -d, `service create|update|scale|rollback` wait for convergence, like docker.
  if (out.exit_code == 0 && !out.converge.services.empty()) {
    swarmsim::ServiceWaitOptions wait;
    wait.terminal = isatty(STDOUT_FILENO);
    struct winsize size = {};
    if (wait.terminal && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0) wait.width = size.ws_col;
    wait.wall_clock_fixed = env.count("SWARMSIM_WALL_CLOCK") != 0;
    wait.limit = wait_limit;
    return swarmsim::WaitForServices(options, out.converge, wait, std::cout, std::cerr);
  }
  // `events` without --until keeps following, like docker: ask again every half
  // second for what happened since, without holding the database in between.
  while (out.exit_code == 0 && out.follow && std::cout.good()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    std::vector<std::string> again = args;
    again.push_back("--after-seq");
    again.push_back(std::to_string(out.follow_after_seq));
    options.wall_now = std::chrono::duration_cast<std::chrono::nanoseconds>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count();
    out = swarmsim::RunSessionCommand(options, again);
    std::cerr << out.err;
    std::cout << out.out;
    std::cout.flush();
  }
  return out.exit_code;
}
