// CLI transcript tests: each tests/transcripts/*.session file is a terminal session
// on a paused clock (SWARMSIM_WALL_CLOCK fixed) with a fixed seed. Lines starting
// with "$ swarmsim " are commands (run through sh, so quoting works); the lines
// after a command are its expected stdout; "! text" lines are expected stderr
// lines; "? N" is the expected exit code (0 when absent); "#" lines are comments.
// Set SWARMSIM_UPDATE_TRANSCRIPTS=1 to rewrite the files with actual output.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

struct Step {
  std::string command;  // after "$ swarmsim "
  std::string out;
  std::string err;
  int exit_code = 0;
  std::vector<std::string> comments_before;
};

std::vector<Step> ParseSession(const std::string& text, std::vector<std::string>* header) {
  std::vector<Step> steps;
  std::istringstream in(text);
  std::string line;
  std::vector<std::string> comments;
  while (std::getline(in, line)) {
    if (line.rfind("$ swarmsim", 0) == 0) {
      Step s;
      s.command = line.size() > 11 ? line.substr(11) : "";
      s.comments_before = comments;
      comments.clear();
      steps.push_back(s);
    } else if (steps.empty()) {
      header->push_back(line);
    } else if (line.rfind("! ", 0) == 0 || line == "!") {
      steps.back().err += (line.size() > 2 ? line.substr(2) : "") + "\n";
    } else if (line.rfind("? ", 0) == 0) {
      steps.back().exit_code = std::atoi(line.c_str() + 2);
    } else if (line.rfind("#", 0) == 0) {
      comments.push_back(line);
    } else {
      steps.back().out += line + "\n";
    }
  }
  return steps;
}

std::string Slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

struct Ran {
  std::string out, err;
  int exit_code = 0;
};

Ran RunShell(const std::string& cmd, const fs::path& dir) {
  fs::path out_file = dir / "stdout", err_file = dir / "stderr";
  // stdin is empty unless the step redirects it itself ("secret create s - < FILE").
  std::string full = "cd '" + std::string(SWARMSIM_SOURCE_DIR) + "' && { " + cmd + " ; } >'" + out_file.string() +
                     "' 2>'" + err_file.string() + "' </dev/null";
  int status = std::system(full.c_str());
  Ran r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = Slurp(out_file);
  r.err = Slurp(err_file);
  return r;
}

std::vector<std::string> SessionFiles() {
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(fs::path(SWARMSIM_SOURCE_DIR) / "tests/transcripts")) {
    if (e.path().extension() == ".session") files.push_back(e.path().filename().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

class Transcript : public ::testing::TestWithParam<std::string> {};

TEST_P(Transcript, MatchesRecordedSession) {
  fs::path file = fs::path(SWARMSIM_SOURCE_DIR) / "tests/transcripts" / GetParam();
  std::vector<std::string> header;
  std::vector<Step> steps = ParseSession(Slurp(file.string()), &header);
  ASSERT_FALSE(steps.empty()) << "no commands in " << file;
  fs::path dir = fs::temp_directory_path() / ("swarmsim-transcript-" + std::to_string(::getpid()) + "-" + GetParam());
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::string env = "SWARMSIM_STATE='" + (dir / "cluster.db").string() +
                    "' SWARMSIM_SEED=42 SWARMSIM_WALL_CLOCK=2026-01-05T09:00:00Z ";
  bool update = std::getenv("SWARMSIM_UPDATE_TRANSCRIPTS") != nullptr;
  std::string rewritten;
  for (const auto& h : header) rewritten += h + "\n";
  for (auto& step : steps) {
    Ran r = RunShell(env + "'" + std::string(SWARMSIM_BIN) + "' " + step.command, dir);
    if (update) {
      for (const auto& c : step.comments_before) rewritten += c + "\n";
      rewritten += "$ swarmsim " + step.command + "\n" + r.out;
      std::istringstream errs(r.err);
      std::string l;
      while (std::getline(errs, l)) rewritten += "! " + l + "\n";
      if (r.exit_code != 0) rewritten += "? " + std::to_string(r.exit_code) + "\n";
      continue;
    }
    EXPECT_EQ(r.out, step.out) << "stdout of: swarmsim " << step.command;
    EXPECT_EQ(r.err, step.err) << "stderr of: swarmsim " << step.command;
    EXPECT_EQ(r.exit_code, step.exit_code) << "exit code of: swarmsim " << step.command;
  }
  if (update) {
    std::ofstream(file, std::ios::binary) << rewritten;
  }
  fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Sessions, Transcript, ::testing::ValuesIn(SessionFiles()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param.substr(0, info.param.find('.'));
                           for (auto& c : name) if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

}  // namespace
