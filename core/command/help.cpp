#include "core/command/help.h"

#include <algorithm>

namespace swarmsim {

namespace {

std::string Spaces(size_t n) { return std::string(n, ' '); }

std::string ReplaceNewlines(const std::string& s, const std::string& with) {
  std::string out;
  for (char c : s) {
    if (c == '\n') out += with;
    else out += c;
  }
  return out;
}

// Splits `s` at the last blank within its first `width` bytes (pflag's wrapN):
// the whole of `s` when it fits with `slop` to spare, and an earlier newline wins.
std::pair<std::string, std::string> WrapOnce(size_t width, size_t slop, const std::string& s) {
  if (width + slop > s.size()) return {s, ""};
  std::string head = s.substr(0, width);
  size_t blank = head.find_last_of(" \t\n");
  if (blank == std::string::npos || blank == 0) return {s, ""};
  size_t newline = head.rfind('\n');
  if (newline != std::string::npos && newline > 0 && newline < blank) {
    return {s.substr(0, newline), s.substr(newline + 1)};
  }
  return {s.substr(0, blank), s.substr(blank + 1)};
}

// Wraps `s` into the columns between `indent` and `cols`; the first line's
// indent is the caller's. Too narrow a column moves the text under the flags.
std::string Wrap(size_t indent, size_t cols, const std::string& s) {
  const size_t kMinWidth = 24, kSlop = 5;
  std::string out;
  size_t width = cols > indent ? cols - indent : 0;
  if (width < kMinWidth) {
    indent = 16;
    width = cols > indent ? cols - indent : 0;
    out += "\n" + Spaces(indent);
  }
  if (width < kMinWidth) return out + ReplaceNewlines(s, out);
  width -= kSlop;
  std::string pad = "\n" + Spaces(indent);
  auto [line, rest] = WrapOnce(width, kSlop, s);
  out += ReplaceNewlines(line, pad);
  while (!rest.empty()) {
    auto [next, after] = WrapOnce(width, kSlop, rest);
    out += pad + ReplaceNewlines(next, pad);
    rest = after;
  }
  return out;
}

std::string TrimRight(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\t')) s.pop_back();
  return s;
}

std::string Join(const std::vector<std::string>& v, const std::string& sep) {
  std::string s;
  for (size_t i = 0; i < v.size(); ++i) s += (i ? sep : "") + v[i];
  return s;
}

// One "  name   description" line per entry, names padded as cobra pads them
// (to the longest name, at least 11).
std::string CommandList(std::vector<std::pair<std::string, std::string>> entries) {
  std::sort(entries.begin(), entries.end());
  size_t pad = 11;
  for (const auto& [name, text] : entries) pad = std::max(pad, name.size());
  std::string out;
  for (const auto& [name, text] : entries) out += "\n  " + name + Spaces(pad - name.size()) + " " + text;
  return out;
}

}  // namespace

std::string FlagUsages(const std::vector<FlagSpec>& flags, int cols) {
  std::vector<const FlagSpec*> shown;
  for (const auto& f : flags) {
    if (!f.hidden) shown.push_back(&f);
  }
  std::sort(shown.begin(), shown.end(), [](const FlagSpec* a, const FlagSpec* b) { return a->name < b->name; });
  std::vector<std::pair<std::string, std::string>> lines;  // the flag, its help
  size_t widest = 0;
  for (const FlagSpec* f : shown) {
    std::string left = f->shorthand ? std::string("  -") + f->shorthand + ", --" + f->name : "      --" + f->name;
    if (!f->is_bool && !f->type.empty()) left += " " + f->type;
    std::string help = f->help;
    if (!f->default_shown.empty()) {
      help += f->type == "string" ? " (default \"" + f->default_shown + "\")" : " (default " + f->default_shown + ")";
    }
    // pflag counts the separator it later replaces by the padding.
    widest = std::max(widest, left.size() + 1);
    lines.emplace_back(left, help);
  }
  std::string out;
  for (const auto& [left, help] : lines) {
    out += left + " " + Spaces(widest - (left.size())) + " " + Wrap(widest + 2, cols, help) + "\n";
  }
  return out;
}

std::string UseLine(const CommandDef& def) { return "swarmsim " + def.usage; }

std::string CommandHelp(const CommandDef& def) {
  std::string out = "Usage:  " + UseLine(def) + "\n\n" + def.description;
  if (!def.aliases.empty()) {
    std::string path = "swarmsim " + Join(def.path, " ");
    std::string parent = "swarmsim " + Join(std::vector<std::string>(def.path.begin(), def.path.end() - 1), " ");
    if (def.path.size() > 1) parent += " ";
    out += "\n\nAliases:\n  " + path;
    for (const auto& a : def.aliases) out += ", " + parent + a;
  }
  std::string flags = TrimRight(FlagUsages(def.flags));
  if (!flags.empty()) out += "\n\nOptions:\n" + flags;
  return out + "\n";
}

std::string GroupHelp(const CommandGroup& group) {
  std::vector<std::pair<std::string, std::string>> entries;
  for (const auto& def : AllCommands()) {
    if (def.path.size() == 2 && def.path[0] == group.name) entries.emplace_back(def.path[1], def.description);
  }
  return "Usage:  swarmsim " + group.name + " COMMAND\n\n" + group.description + "\n\nCommands:" +
         CommandList(entries) + "\n\nRun 'swarmsim " + group.name +
         " COMMAND --help' for more information on a command.\n";
}

std::string RootHelp() {
  std::vector<std::pair<std::string, std::string>> swarm, management, commands;
  for (const auto& g : AllCommandGroups()) (g.swarm ? swarm : management).emplace_back(g.name, g.description);
  for (const auto& def : AllCommands()) {
    if (def.path.size() == 1) commands.emplace_back(def.path[0], def.description);
  }
  return "Usage:  swarmsim [OPTIONS] COMMAND\n\n"
         "A Docker Swarm cluster simulated in one process, for teaching\n\n"
         "Management Commands:" +
         CommandList(management) + "\n\nSwarm Commands:" + CommandList(swarm) + "\n\nCommands:" +
         CommandList(commands) +
         "\n\nGlobal Options:\n" +
         TrimRight(FlagUsages({FlagSpec::Value("state", 0, "string",
                                               "The cluster database (default $SWARMSIM_STATE, else "
                                               "~/.local/state/swarmsim/cluster.db)")})) +
         "\n\nRun 'swarmsim COMMAND --help' for more information on a command.\n";
}

const CommandGroup* FindCommandGroup(const std::string& name) {
  for (const auto& g : AllCommandGroups()) {
    if (g.name == name) return &g;
  }
  return nullptr;
}

}  // namespace swarmsim
