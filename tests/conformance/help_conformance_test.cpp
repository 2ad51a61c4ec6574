// `--help` conformance: for every registered command docker also has, the real
// docker CLI's help is the oracle for the description and for each flag both
// have (shorthand, value type, help text and default, compared with the
// wrapping undone). Flags only swarmsim has are left out; so are swarmsim's own
// commands (docker answers them with a group's help or an error).
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "core/command/help.h"
#include "core/command/registry.h"

namespace swarmsim {
namespace {

bool DockerOnPath() {
  const char* path = std::getenv("PATH");
  if (!path) return false;
  std::stringstream dirs(path);
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    if (!dir.empty() && access((dir + "/docker").c_str(), X_OK) == 0) return true;
  }
  return false;
}

std::string DockerHelp(const std::string& words) {
  char home[] = "/tmp/swarmsim-help-XXXXXX";
  if (!mkdtemp(home)) return "";
  std::string cmd = "env -i PATH=\"$PATH\" HOME=" + std::string(home) + " DOCKER_CONFIG=" + home + " docker " +
                    words + " --help 2>/dev/null </dev/null";
  std::string out;
  if (FILE* pipe = popen(cmd.c_str(), "r")) {
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
    pclose(pipe);
  }
  std::string rm = "rm -rf " + std::string(home);
  (void)std::system(rm.c_str());
  return out;
}

// Collapses runs of blanks and newlines into one space.
std::string Squash(const std::string& s) {
  std::string out;
  for (char c : s) {
    bool blank = c == ' ' || c == '\n' || c == '\t';
    if (blank && (out.empty() || out.back() == ' ')) continue;
    out += blank ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// The Options section as flag name -> its whole entry ("-f, --filter filter Filter ..."),
// wrapping undone.
std::map<std::string, std::string> FlagEntries(const std::string& help) {
  std::map<std::string, std::string> entries;
  size_t at = help.find("\nOptions:\n");
  if (at == std::string::npos) return entries;
  std::stringstream lines(help.substr(at + 10));
  std::string line, current;
  while (std::getline(lines, line) && !line.empty()) {
    bool starts = line.rfind("  -", 0) == 0 || line.rfind("      --", 0) == 0;
    if (starts) {
      size_t dashes = line.find("--");
      size_t end = line.find(' ', dashes);
      current = line.substr(dashes + 2, end - dashes - 2);
      entries[current] = line;
    } else if (!current.empty()) {
      entries[current] += " " + line;
    }
  }
  for (auto& [name, text] : entries) text = Squash(text);
  return entries;
}

// docker's names that swarmsim uses for something of its own: `exec` reads a
// simulated container, `image load` a catalogue file, `save`/`load` the cluster.
const std::set<std::string> kOwnMeaning = {"exec", "image load", "save", "load"};

TEST(HelpConformance, DescriptionsAndFlagsAreDockers) {
  if (!DockerOnPath()) GTEST_SKIP() << "docker CLI not found: conformance oracle unavailable";
  int compared_commands = 0, compared_flags = 0;
  for (const auto& def : AllCommands()) {
    if (def.front_end_only) continue;
    std::string words;
    for (const auto& w : def.path) words += (words.empty() ? "" : " ") + w;
    if (kOwnMeaning.count(words)) continue;
    std::string docker = DockerHelp(words);
    // docker prints a group's help for a word it does not know: not its command.
    if (docker.rfind("Usage:  docker " + words + " ", 0) != 0 && docker.rfind("Usage:  docker " + words + "\n", 0) != 0) {
      continue;
    }
    ++compared_commands;
    std::string ours = CommandHelp(def);
    auto line3 = [](const std::string& s) {
      std::stringstream in(s);
      std::string l;
      for (int i = 0; i < 3; ++i) std::getline(in, l);
      return l;
    };
    EXPECT_EQ(line3(ours), line3(docker)) << words;
    auto theirs = FlagEntries(docker);
    auto mine = FlagEntries(ours);
    for (const auto& [name, entry] : mine) {
      auto it = theirs.find(name);
      if (it == theirs.end()) continue;  // swarmsim's own flag
      ++compared_flags;
      EXPECT_EQ(entry, it->second) << words << " --" << name;
    }
  }
  EXPECT_GT(compared_commands, 30);
  EXPECT_GT(compared_flags, 100);
}

}  // namespace
}  // namespace swarmsim
