#include "core/lesson/library.h"

#include "core/lesson/command_check.h"
#include "core/lesson/lesson_parser.h"

namespace swarmsim::lesson {

Result<std::vector<std::string>> ListLessons(const ScenarioFiles& files) {
  auto entries = files.List("");
  if (!entries.ok()) return entries.status();
  std::vector<std::string> names;
  for (const auto& e : entries.value()) {
    if (e != "presets" && files.Exists(e + "/lesson.yml")) names.push_back(e);
  }
  return names;
}

std::vector<std::string> ListPresets(const ScenarioFiles& files) {
  std::vector<std::string> names;
  auto entries = files.List("presets");
  if (!entries.ok()) return names;
  const std::string ext = ".yml";
  for (const auto& e : entries.value()) {
    if (e.size() > ext.size() && e.compare(e.size() - ext.size(), ext.size(), ext) == 0) {
      names.push_back(e.substr(0, e.size() - ext.size()));
    }
  }
  return names;
}

Result<Cluster> LoadPreset(const ScenarioFiles& files, const std::string& name) {
  std::string rel = "presets/" + name + ".yml";
  if (name.empty() || name.find('/') != std::string::npos || !files.Exists(rel)) {
    std::string known;
    for (const auto& p : ListPresets(files)) known += (known.empty() ? "" : ", ") + p;
    return Status::NotFound("unknown cluster preset '" + name + "' (presets: " + known + ")");
  }
  auto text = files.Read(rel);
  if (!text.ok()) return text.status();
  return ParsePreset(text.value(), files.DisplayPath(rel));
}

Result<Lesson> LoadLesson(const ScenarioFiles& files, const std::string& name) {
  std::string rel = name + "/lesson.yml";
  if (name.empty() || name.find('/') != std::string::npos || name[0] == '.' || !files.Exists(rel)) {
    return Status::NotFound("unknown lesson: " + name + " (see swarmsim lesson list)");
  }
  std::string file = files.DisplayPath(rel);
  auto text = files.Read(rel);
  if (!text.ok()) return text.status();
  auto lesson = ParseLesson(text.value(), file, name);
  if (!lesson.ok()) return lesson.status();
  if (Status st = CheckCommandsExist(lesson.value()); !st.ok()) return st;
  Cluster& cluster = lesson->cluster;
  if (!cluster.preset.empty()) {
    auto preset = LoadPreset(files, cluster.preset);
    if (!preset.ok()) {
      if (preset.status().code() != Status::Code::kNotFound) return preset.status();
      return Status::InvalidArgument(file + ":" + std::to_string(cluster.preset_line) + ": " + preset.status().message());
    }
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
