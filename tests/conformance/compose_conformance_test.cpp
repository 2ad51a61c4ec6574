// `docker stack config` conformance: every compose file of the corpus
// (tests/conformance/compose/*.yml) goes through the real docker CLI and
// through LoadCompose + RenderStackConfig; stdout, the first stderr line and
// the exit status must be the same.
//
// A file `name.override.yml` is passed as a second -c after `name.yml` (and is
// not a case of its own); `*.env` files are the cases' env_file inputs. docker's
// logrus warnings carry the wall clock: the first stderr line is compared
// without its time="..." field. Both sides see the same environment: a temporary
// HOME/DOCKER_CONFIG (so the CLI needs no engine and `~` expands the same),
// PATH, and the fixed variables below that the interpolation cases use.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "core/compose/loader.h"
#include "core/compose/render.h"

namespace swarmsim {
namespace {

namespace fs = std::filesystem;

const char kCorpusDir[] = SWARMSIM_SOURCE_DIR "/tests/conformance/compose";

const std::map<std::string, std::string>& FixedVariables() {
  static const std::map<std::string, std::string> kVars = {
      {"TAG", "1.25"}, {"EMPTY", ""}, {"REPLICAS", "3"}, {"WEB_PORT", "8080"}, {"FROM_SHELL", "from-shell"},
  };
  return kVars;
}

struct Case {
  std::string name;  // test name: the file stem, non-alphanumerics as '_'
  std::vector<std::string> files;
};

std::vector<Case> Corpus() {
  std::vector<Case> cases;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(kCorpusDir, ec)) {
    std::string file = entry.path().filename().string();
    const std::string suffix = ".yml";
    if (file.size() <= suffix.size() || file.compare(file.size() - suffix.size(), suffix.size(), suffix) != 0) {
      continue;
    }
    if (file.find(".override.yml") != std::string::npos) continue;
    Case c;
    std::string stem = file.substr(0, file.size() - suffix.size());
    for (char ch : stem) c.name.push_back(std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_');
    c.files.push_back(entry.path().string());
    fs::path override_file = entry.path().parent_path() / (stem + ".override.yml");
    if (fs::exists(override_file)) c.files.push_back(override_file.string());
    cases.push_back(c);
  }
  std::sort(cases.begin(), cases.end(), [](const Case& a, const Case& b) { return a.name < b.name; });
  return cases;
}

std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out.push_back(c);
    }
  }
  return out + "'";
}

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

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The first stderr line, with a logrus warning's wall-clock time left out.
std::string FirstLine(const std::string& s) {
  std::string line = s.substr(0, s.find('\n'));
  if (line.rfind("time=\"", 0) == 0) line = line.substr(line.find('"', 6) + 1);
  return line;
}

struct Outcome {
  std::string out;
  std::string err;
  int status = 0;
};

class ComposeConformance : public ::testing::TestWithParam<Case> {
 protected:
  void SetUp() override {
    if (!DockerOnPath()) GTEST_SKIP() << "docker CLI not found: conformance oracle unavailable";
    char tmpl[] = "/tmp/swarmsim-compose-XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    home_ = tmpl;
    env_ = FixedVariables();
    env_["HOME"] = home_;
    env_["DOCKER_CONFIG"] = home_;
    env_["PATH"] = std::getenv("PATH");
  }
  void TearDown() override {
    if (!home_.empty()) {
      std::error_code ec;
      fs::remove_all(home_, ec);
    }
  }

  Outcome Docker(const std::vector<std::string>& files) {
    std::string cmd = "env -i";
    for (const auto& [k, v] : env_) cmd += " " + ShellQuote(k + "=" + v);
    cmd += " docker stack config";
    for (const auto& f : files) cmd += " -c " + ShellQuote(f);
    std::string err_file = home_ + "/stderr";
    cmd += " 2>" + ShellQuote(err_file);
    Outcome run;
    FILE* pipe = popen(cmd.c_str(), "r");
    if (!pipe) return run;
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) run.out.append(buf, n);
    int status = pclose(pipe);
    run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.err = ReadFile(err_file);
    return run;
  }

  Outcome Ours(const std::vector<std::string>& files) {
    std::vector<ComposeFile> compose_files;
    for (const auto& f : files) compose_files.push_back({f, ReadFile(f)});
    Outcome run;
    ComposeLoadOptions options;
    options.read_file = [](const std::string& path) -> Result<std::string> {
      if (!fs::is_regular_file(path)) return Status::NotFound("open " + path + ": no such file or directory");
      return ReadFile(path);
    };
    std::vector<std::string> logged;
    options.log_warnings = &logged;
    auto text = StackConfigText(compose_files, env_, options);
    for (const auto& w : logged) run.err += LogrusWarning(0, w);
    if (text.ok()) {
      run.out = *text;
    } else {
      run.err += text.status().message() + "\n";
      run.status = 1;
    }
    return run;
  }

  std::string home_;
  std::map<std::string, std::string> env_;
};

TEST_P(ComposeConformance, MatchesDockerStackConfig) {
  const Case& c = GetParam();
  Outcome docker = Docker(c.files);
  Outcome ours = Ours(c.files);
  EXPECT_EQ(ours.status, docker.status) << "docker stderr: " << docker.err << "ours: " << ours.err;
  EXPECT_EQ(ours.out, docker.out);
  EXPECT_EQ(FirstLine(ours.err), FirstLine(docker.err));
}

INSTANTIATE_TEST_SUITE_P(Corpus, ComposeConformance, ::testing::ValuesIn(Corpus()),
                         [](const ::testing::TestParamInfo<Case>& info) { return info.param.name; });

// The corpus must stay broad: at least 40 cases, both valid files and errors.
TEST(ComposeCorpus, IsLargeAndMixed) {
  auto cases = Corpus();
  EXPECT_GE(cases.size(), 40u);
  size_t errors = std::count_if(cases.begin(), cases.end(), [](const Case& c) { return c.name.rfind("err_", 0) == 0; });
  EXPECT_GE(errors, 15u);
  EXPECT_GE(cases.size() - errors, 15u);
}

}  // namespace
}  // namespace swarmsim
