#include "core/format/progress_stream.h"

#include <algorithm>
#include <utility>

namespace swarmsim {

namespace {

// The ANSI sequences jsonmessage moves the cursor with (morikuni/aec).
std::string CursorUp(unsigned n) { return n == 0 ? "" : "\x1b[" + std::to_string(n) + "A"; }
std::string CursorDown(unsigned n) { return n == 0 ? "" : "\x1b[" + std::to_string(n) + "B"; }
constexpr char kEraseLine[] = "\x1b[2K";

constexpr int kBarWidth = 50;         // '=' at 100%
constexpr int kBarMinTerminal = 110;  // narrower terminals get no bar

}  // namespace

ProgressLine ProgressMessage(std::string id, std::string message) {
  ProgressLine line;
  line.id = std::move(id);
  line.message = std::move(message);
  return line;
}

ProgressLine ProgressAction(std::string id, std::string action, int64_t current, int64_t total) {
  ProgressLine line;
  line.id = std::move(id);
  line.action = std::move(action);
  line.current = current;
  line.total = total;
  return line;
}

std::string ProgressBar(int64_t current, int64_t total, int terminal_width) {
  // Counts are hidden and no start time is sent, so only the bar itself can show.
  if (total <= 0 || terminal_width <= kBarMinTerminal) return "";
  // Go computes int(float64(current)/float64(total)*100) / 2.
  int percent = static_cast<int>(static_cast<double>(current) / static_cast<double>(total) * 100) / 2;
  percent = std::min(percent, kBarWidth);
  int spaces = std::max(kBarWidth - percent, 0);
  return "[" + std::string(std::max(percent, 0), '=') + ">" + std::string(spaces, ' ') + "] ";
}

std::string ProgressDisplay::Render(const ProgressLine& line) {
  std::string out;
  const bool action = line.message.empty();
  // A progress line with an ID owns a row of the block; anything else ends the block.
  unsigned up = 0;
  if (action && !line.id.empty()) {
    auto [it, added] = rows_.emplace(line.id, static_cast<unsigned>(rows_.size()));
    if (added && terminal_) out += "\n";
    up = static_cast<unsigned>(rows_.size()) - it->second;
    if (terminal_) out += CursorUp(up);
  } else {
    rows_.clear();
  }
  const std::string bar = action ? ProgressBar(line.current, line.total, width_) : "";
  std::string end;
  if (terminal_ && action) {
    out += kEraseLine;
    out += "\r";
    end = "\r";
  } else if (action && !bar.empty()) {
    return out;  // off a terminal docker drops a line that has a bar
  }
  if (!line.id.empty()) out += line.id + ": ";
  if (action && terminal_) {
    out += line.action + " " + bar + end;
  } else {
    out += (action ? line.action : line.message) + end + "\n";
  }
  if (!line.id.empty() && terminal_) out += CursorDown(up);
  return out;
}

}  // namespace swarmsim
