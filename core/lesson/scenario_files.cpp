#include "core/lesson/scenario_files.h"

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "core/lesson/builtin_scenarios.h"

namespace swarmsim::lesson {

namespace fs = std::filesystem;

namespace {

Status NoSuchFile(const std::string& path) { return Status::IOError("open " + path + ": no such file or directory"); }

bool ReadDisk(const fs::path& path, std::string* out) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return false;
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

const char* FindBuiltin(const std::string& path) {
  for (size_t i = 0; i < kBuiltinScenarioFileCount; ++i) {
    if (path == kBuiltinScenarioFiles[i].path) return kBuiltinScenarioFiles[i].text;
  }
  return nullptr;
}

// "a/./b" -> "a/b"; "" when the path leaves the root ("../x") or is absolute.
std::string CleanRelative(const std::string& path) {
  fs::path p = fs::path(path).lexically_normal();
  if (p.empty() || p.is_absolute()) return "";
  std::string s = p.generic_string();
  if (s == "." || s == ".." || s.rfind("../", 0) == 0) return "";
  return s;
}

// The part of absolute `path` under `root` ("" when it is not under it).
std::string UnderRoot(const std::string& path, const std::string& root) {
  if (root.empty()) return "";
  std::string prefix = root.back() == '/' ? root : root + "/";
  if (path.rfind(prefix, 0) != 0) return "";
  return CleanRelative(path.substr(prefix.size()));
}

}  // namespace

ScenarioFiles::ScenarioFiles(const std::string& dir) : dir_(dir) {
  std::error_code ec;
  fs::path abs = fs::absolute(fs::path(dir), ec);
  absolute_ = (ec ? fs::path(dir) : abs).lexically_normal().string();
  if (absolute_.size() > 1 && absolute_.back() == '/') absolute_.pop_back();
}

ScenarioFiles ScenarioFiles::FromEnvironment(const std::map<std::string, std::string>& env) {
  if (auto it = env.find("SWARMSIM_SCENARIOS"); it != env.end() && !it->second.empty()) {
    return ScenarioFiles(it->second);
  }
  return ScenarioFiles();
}

std::string ScenarioFiles::root() const { return dir_.empty() ? kBuiltinScenariosRoot : absolute_; }

Result<std::string> ScenarioFiles::Read(const std::string& path) const {
  std::string rel = CleanRelative(path);
  if (rel.empty()) return NoSuchFile(path);
  std::string text;
  if (!dir_.empty() && ReadDisk(fs::path(dir_) / rel, &text)) return text;
  if (const char* builtin = FindBuiltin(rel)) return std::string(builtin);
  return NoSuchFile(path);
}

bool ScenarioFiles::Exists(const std::string& path) const {
  std::string rel = CleanRelative(path);
  if (rel.empty()) return false;
  std::error_code ec;
  if (!dir_.empty() && fs::is_regular_file(fs::path(dir_) / rel, ec)) return true;
  return FindBuiltin(rel) != nullptr;
}

Result<std::vector<std::string>> ScenarioFiles::List(const std::string& path) const {
  std::string rel = path.empty() ? "" : CleanRelative(path);
  if (!path.empty() && rel.empty()) return std::vector<std::string>{};
  std::set<std::string> names;
  if (!dir_.empty()) {
    fs::path folder = rel.empty() ? fs::path(dir_) : fs::path(dir_) / rel;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) names.insert(entry.path().filename().string());
    // Only the top folder must exist: a lesson folder may leave presets to the built-in ones.
    if (ec && rel.empty()) return Status::IOError("open " + dir_ + ": " + ec.message());
  }
  std::string prefix = rel.empty() ? "" : rel + "/";
  for (size_t i = 0; i < kBuiltinScenarioFileCount; ++i) {
    std::string p = kBuiltinScenarioFiles[i].path;
    if (p.rfind(prefix, 0) != 0) continue;
    std::string rest = p.substr(prefix.size());
    names.insert(rest.substr(0, rest.find('/')));
  }
  return std::vector<std::string>(names.begin(), names.end());
}

std::string ScenarioFiles::DisplayPath(const std::string& path) const {
  std::error_code ec;
  if (!dir_.empty() && fs::is_regular_file(fs::path(dir_) / path, ec)) return (fs::path(dir_) / path).string();
  return "scenarios/" + path;
}

FileReader LessonFileReader(const ScenarioFiles& files) {
  return [files](const std::string& path) -> Result<std::string> {
    if (path.empty() || path[0] != '/') return files.Read(path);
    std::string rel = UnderRoot(path, files.root());
    if (!rel.empty()) {
      auto text = files.Read(rel);
      if (!text.ok()) return NoSuchFile(path);
      return text;
    }
    std::string text;
    if (ReadDisk(path, &text)) return text;
    return NoSuchFile(path);
  };
}

std::map<std::string, std::string> LessonEnvironment(const ScenarioFiles& files,
                                                     std::map<std::string, std::string> env) {
  env["PWD"] = files.root();
  return env;
}

FileReader TypedFileReader(const ScenarioFiles& files, const std::string& pwd, FileReader read_stdin) {
  return [files, pwd, read_stdin](const std::string& path) -> Result<std::string> {
    if (path == "-") {
      if (!read_stdin) return NoSuchFile(path);
      return read_stdin(path);
    }
    bool absolute = !path.empty() && path[0] == '/';
    std::string text;
    if (ReadDisk(path, &text)) return text;
    // Not on disk: the scenario file of that name, as a lesson would read it
    // (compose makes a stack's own files absolute under PWD).
    std::string rel = absolute ? UnderRoot(path, pwd) : CleanRelative(path);
    if (absolute && rel.empty()) rel = UnderRoot(path, files.root());
    if (!rel.empty() && files.Exists(rel)) return files.Read(rel);
    return NoSuchFile(path);
  };
}

}  // namespace swarmsim::lesson
