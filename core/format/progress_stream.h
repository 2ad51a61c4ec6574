// docker's progress stream as the CLI shows it (pkg/progress -> streamformatter ->
// jsonmessage.DisplayJSONMessagesStream): what `docker service create` prints while it
// waits for a service to converge.
//
// On a terminal each ID keeps one line, rewritten in place with ANSI cursor moves;
// anything that is not a progress line starts a fresh block. Elsewhere (a pipe, a
// file) every line is printed as it comes, except those that carry a bar: docker
// drops them there, so a piped `service create` shows the overall counts and the
// verify lines but not the per-task states.
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace swarmsim {

// One progress.Progress: a message (printed as is, ending any block), or an action
// for an ID with an optional bar (current out of total; counts are always hidden,
// as in every service progress line).
struct ProgressLine {
  std::string id;
  std::string message;  // set: a message line; action and the bar are ignored
  std::string action;
  int64_t current = 0;
  int64_t total = 0;
  bool operator==(const ProgressLine&) const = default;
};

// A line that says `message` (docker's progress.Message).
ProgressLine ProgressMessage(std::string id, std::string message);
// A line for `id` whose text is `action`, with a bar at current/total (0/0: none).
ProgressLine ProgressAction(std::string id, std::string action, int64_t current = 0, int64_t total = 0);

// The bar jsonmessage draws for current/total with counts hidden: "[====>    ] " on
// a terminal wider than 110 columns, else "" (a bar with total 0 is "" too).
std::string ProgressBar(int64_t current, int64_t total, int terminal_width);

// Renders a stream of lines as the docker CLI writes them to stdout.
class ProgressDisplay {
 public:
  // `terminal`: stdout is a terminal of `width` columns. Off a terminal docker
  // measures no width, which draws every bar (and so drops its line).
  ProgressDisplay(bool terminal, int width) : terminal_(terminal), width_(terminal ? width : kNoTerminalWidth) {}

  // The bytes to write for `line` (possibly none).
  std::string Render(const ProgressLine& line);

 private:
  static constexpr int kNoTerminalWidth = 200;  // jsonmessage's width when it cannot ask

  const bool terminal_;
  const int width_;
  // Terminal rows of the current block, by ID, in order of first appearance.
  std::map<std::string, unsigned> rows_;
};

}  // namespace swarmsim
