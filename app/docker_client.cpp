#include "app/docker_client.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

namespace swarmsim {

namespace {

namespace fs = std::filesystem;

std::string FindOnPath(const std::string& name, const std::map<std::string, std::string>& env) {
  auto it = env.find("PATH");
  std::string path = it == env.end() ? "/usr/local/bin:/usr/bin:/bin" : it->second;
  std::stringstream ss(path);
  std::string dir;
  while (std::getline(ss, dir, ':')) {
    if (dir.empty()) continue;
    std::string candidate = dir + "/" + name;
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return "";
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Writes every scenario file under `path` (relative) into `dir`.
Status CopyScenarioFiles(const lesson::ScenarioFiles& files, const std::string& path, const fs::path& dir) {
  auto names = files.List(path);
  if (!names.ok()) return names.status();
  for (const auto& name : names.value()) {
    std::string rel = path.empty() ? name : path + "/" + name;
    if (auto content = files.Read(rel); content.ok()) {
      fs::create_directories((dir / rel).parent_path());
      std::ofstream out(dir / rel, std::ios::binary);
      out << content.value();
      if (!out) return Status::IOError("cannot write " + (dir / rel).string());
    } else {
      SWARMSIM_RETURN_IF_ERROR(CopyScenarioFiles(files, rel, dir));
    }
  }
  return Status::OK();
}

}  // namespace

Result<std::unique_ptr<DockerClient>> DockerClient::Start(const std::string& state_path,
                                                          const lesson::ScenarioFiles& files,
                                                          const std::map<std::string, std::string>& env) {
  std::unique_ptr<DockerClient> c(new DockerClient());
  c->docker_ = FindOnPath("docker", env);
  if (c->docker_.empty()) {
    return Status::FailedPrecondition(
        "--client docker runs each step with the real docker client, and there is none on PATH; install the "
        "docker CLI (Debian: docker.io or docker-ce-cli) or run the lesson without --client");
  }
  char tmpl[] = "/tmp/swarmsim-lesson-XXXXXX";
  if (!mkdtemp(tmpl)) return Status::IOError("cannot make a temporary directory for the lesson's socket");
  c->dir_ = tmpl;
  c->base_ = c->dir_ + "/scenarios";
  fs::create_directories(c->base_);
  SWARMSIM_RETURN_IF_ERROR(CopyScenarioFiles(files, "", c->base_));
  const std::string socket = c->dir_ + "/docker.sock";
  c->host_ = "unix://" + socket;
  const std::string log = c->dir_ + "/serve.log";
  pid_t pid = fork();
  if (pid < 0) return Status::IOError("cannot start swarmsim serve");
  if (pid == 0) {
    int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd >= 0) {
      dup2(fd, STDOUT_FILENO);
      dup2(fd, STDERR_FILENO);
      close(fd);
    }
    execl("/proc/self/exe", "swarmsim", "--state", state_path.c_str(), "serve", "-H", c->host_.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  c->server_pid_ = pid;
  for (int i = 0; i < 200; ++i) {
    struct stat st;
    if (stat(socket.c_str(), &st) == 0 && S_ISSOCK(st.st_mode) && Slurp(log).find("export DOCKER_HOST=") != std::string::npos) {
      return c;
    }
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) {
      c->server_pid_ = -1;
      return Status::IOError("swarmsim serve stopped: " + Slurp(log));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  return Status::IOError("swarmsim serve did not start on " + socket);
}

DockerClient::~DockerClient() {
  if (server_pid_ > 0) {
    kill(server_pid_, SIGTERM);
    int status = 0;
    waitpid(server_pid_, &status, 0);
  }
  std::error_code ec;
  if (!dir_.empty()) fs::remove_all(dir_, ec);
}

CommandOutput DockerClient::Run(const std::string& line) const {
  CommandOutput out;
  const std::string out_path = dir_ + "/out", err_path = dir_ + "/err";
  pid_t pid = fork();
  if (pid == 0) {
    if (chdir(base_.c_str()) != 0) _exit(127);
    int o = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int e = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int in = open("/dev/null", O_RDONLY);
    if (o < 0 || e < 0 || in < 0) _exit(127);
    dup2(in, STDIN_FILENO);
    dup2(o, STDOUT_FILENO);
    dup2(e, STDERR_FILENO);
    setenv("DOCKER_HOST", host_.c_str(), 1);
    // The lesson's forms say `docker ...`: run exactly that client.
    std::string dir = fs::path(docker_).parent_path().string();
    std::string path = dir + ":" + (getenv("PATH") ? getenv("PATH") : "/usr/bin:/bin");
    setenv("PATH", path.c_str(), 1);
    execl("/bin/sh", "sh", "-c", line.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  if (pid < 0 || waitpid(pid, &status, 0) != pid) {
    out.err = "cannot run: " + line + "\n";
    out.exit_code = 1;
    return out;
  }
  out.out = Slurp(out_path);
  out.err = Slurp(err_path);
  out.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 1;
  return out;
}

}  // namespace swarmsim
