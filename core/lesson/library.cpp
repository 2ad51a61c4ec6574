#include "core/lesson/library.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/lesson/command_check.h"
#include "core/lesson/lesson_parser.h"

namespace swarmsim::lesson {

namespace fs = std::filesystem;

namespace {

Result<std::string> ReadText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError("open " + path.string() + ": no such file or directory");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

std::string DefaultScenariosDir(const std::map<std::string, std::string>& env) {
  if (auto it = env.find("SWARMSIM_SCENARIOS"); it != env.end() && !it->second.empty()) return it->second;
#ifdef SWARMSIM_SCENARIOS_DIR
  return SWARMSIM_SCENARIOS_DIR;
#else
  return "scenarios";
#endif
}

Result<std::vector<std::string>> ListLessons(const std::string& scenarios_dir) {
  std::error_code ec;
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(scenarios_dir, ec)) {
    if (entry.is_directory() && fs::exists(entry.path() / "lesson.yml")) {
      names.push_back(entry.path().filename().string());
    }
  }
  if (ec) return Status::IOError("open " + scenarios_dir + ": " + ec.message());
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<std::string> ListPresets(const std::string& scenarios_dir) {
  std::error_code ec;
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(fs::path(scenarios_dir) / "presets", ec)) {
    if (entry.path().extension() == ".yml") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

Result<Lesson> LoadLesson(const std::string& scenarios_dir, const std::string& name) {
  if (name.empty() || name.find('/') != std::string::npos || name[0] == '.' ||
      !fs::exists(fs::path(scenarios_dir) / name / "lesson.yml")) {
    return Status::NotFound("unknown lesson: " + name + " (see swarmsim lesson list)");
  }
  fs::path file = fs::path(scenarios_dir) / name / "lesson.yml";
  auto text = ReadText(file);
  if (!text.ok()) return text.status();
  auto lesson = ParseLesson(text.value(), file.string(), name);
  if (!lesson.ok()) return lesson.status();
  if (Status st = CheckCommandsExist(lesson.value()); !st.ok()) return st;
  Cluster& cluster = lesson->cluster;
  if (!cluster.preset.empty()) {
    fs::path preset_file = fs::path(scenarios_dir) / "presets" / (cluster.preset + ".yml");
    if (!fs::exists(preset_file)) {
      std::string known;
      for (const auto& p : ListPresets(scenarios_dir)) known += (known.empty() ? "" : ", ") + p;
      return Status::InvalidArgument(file.string() + ":" + std::to_string(cluster.preset_line) +
                                     ": unknown cluster preset '" + cluster.preset + "' (presets: " + known + ")");
    }
    auto preset_text = ReadText(preset_file);
    if (!preset_text.ok()) return preset_text.status();
    auto preset = ParsePreset(preset_text.value(), preset_file.string());
    if (!preset.ok()) return preset.status();
    cluster.nodes = preset->nodes;
    if (cluster.description.en.empty()) cluster.description = preset->description;
  }
  return lesson;
}

std::vector<std::vector<std::string>> SetupCommands(const Cluster& cluster) {
  std::vector<std::vector<std::string>> cmds;
  for (size_t i = 0; i < cluster.nodes.size(); ++i) {
    const ClusterNode& n = cluster.nodes[i];
    std::vector<std::string> argv;
    if (i == 0) {
      argv = {"swarm", "init", "--hostname", n.hostname};
    } else {
      argv = {"node", "add", "--role", n.role};
    }
    if (!n.cpus.empty()) argv.insert(argv.end(), {"--cpus", n.cpus});
    if (!n.memory.empty()) argv.insert(argv.end(), {"--memory", n.memory});
    if (i > 0) {
      for (const auto& [k, v] : n.labels) argv.insert(argv.end(), {"--label", k + "=" + v});
      argv.push_back(n.hostname);
    }
    cmds.push_back(argv);
    if (i == 0 && !n.labels.empty()) {
      // swarm init takes no labels: label the first node as a teacher would.
      std::vector<std::string> update = {"node", "update"};
      for (const auto& [k, v] : n.labels) update.insert(update.end(), {"--label-add", k + "=" + v});
      update.push_back(n.hostname);
      cmds.push_back(update);
    }
  }
  cmds.push_back({"time", "pause"});
  return cmds;
}

}  // namespace swarmsim::lesson
