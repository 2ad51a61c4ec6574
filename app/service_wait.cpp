#include "app/service_wait.h"

#include <csignal>

#include <chrono>
#include <thread>

#include "core/command/loaded_cluster.h"
#include "core/command/service_progress.h"
#include "core/format/go_duration.h"
#include "core/format/progress_stream.h"

namespace swarmsim {

namespace {

constexpr auto kPollInterval = std::chrono::milliseconds(200);  // docker's
constexpr auto kSignalCheck = std::chrono::milliseconds(10);

volatile std::sig_atomic_t interrupted = 0;

void OnInterrupt(int) { interrupted = 1; }

// Ctrl-C sets a flag while this lives, so a poll's transaction always finishes.
class InterruptFlag {
 public:
  InterruptFlag() {
    interrupted = 0;
    struct sigaction action = {};
    action.sa_handler = OnInterrupt;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &previous_);
  }
  ~InterruptFlag() { sigaction(SIGINT, &previous_, nullptr); }
  InterruptFlag(const InterruptFlag&) = delete;
  InterruptFlag& operator=(const InterruptFlag&) = delete;

 private:
  struct sigaction previous_ = {};
};

Time WallNow() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Sleeps one poll interval; true if Ctrl-C came meanwhile.
bool SleepUnlessInterrupted() {
  const auto until = std::chrono::steady_clock::now() + kPollInterval;
  while (!interrupted && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(kSignalCheck);
  return interrupted != 0;
}

}  // namespace

int WaitForServices(const SessionOptions& session, const ConvergeWait& wait, const ServiceWaitOptions& options,
                    std::ostream& out, std::ostream& err) {
  InterruptFlag ctrl_c;
  const auto started = std::chrono::steady_clock::now();
  // Kept between polls: a poll that finds nothing new costs no load.
  LoadedCluster cluster;
  cluster.path = session.database_path;
  bool first_poll = true;
  std::string errors;  // docker reports failed waits together, at the end
  for (const std::string& service : wait.services) {
    ServiceProgress progress(service);
    ProgressDisplay display(options.terminal, options.width);
    auto show = [&](const std::vector<ProgressLine>& lines) {
      if (wait.quiet) return;
      for (const auto& line : lines) out << display.Render(line);
      out.flush();
    };
    for (;;) {
      Status st = RefreshLoadedCluster(&cluster, options.wall_clock_fixed ? session.wall_now : WallNow());
      if (!st.ok()) {
        err << errors << st.message() << "\n";
        return 1;
      }
      if (first_poll && !ClockMovesByItself(cluster.state.clock, options.wall_clock_fixed)) {
        err << kClockPausedNotWaiting << "\n";
        return 0;
      }
      ProgressPoll poll = progress.Poll(&cluster.state);
      first_poll = false;
      show(poll.lines);
      if (poll.done) {
        if (!poll.error.ok()) errors += (wait.name_errors ? service + ": " : "") + poll.error.message() + "\n";
        break;
      }
      const bool stop = SleepUnlessInterrupted();
      const bool too_long = std::chrono::steady_clock::now() - started >= std::chrono::nanoseconds(options.limit);
      if (stop || too_long) {
        show(progress.Interrupted());
        err << errors;
        if (!stop) {
          err << "Stopped waiting after " << FormatGoDuration(options.limit)
              << " (SWARMSIM_WAIT_LIMIT); the service goes on converging.\n";
        }
        return errors.empty() ? 0 : 1;
      }
    }
  }
  err << errors;
  return errors.empty() ? 0 : 1;
}

}  // namespace swarmsim
