#include "core/lesson/command_words.h"

#include <set>

namespace swarmsim::lesson {

Result<std::vector<std::string>> SplitWords(const std::string& line) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (c == ' ' || c == '\t' || c == '\n') {
      if (in_word) words.push_back(word);
      word.clear();
      in_word = false;
    } else if (c == '\'') {
      size_t end = line.find('\'', i + 1);
      if (end == std::string::npos) return Status::InvalidArgument("unterminated quote");
      word += line.substr(i + 1, end - i - 1);
      in_word = true;
      i = end;
    } else if (c == '"') {
      size_t j = i + 1;
      for (; j < line.size() && line[j] != '"'; ++j) {
        if (line[j] == '\\' && j + 1 < line.size() && (line[j + 1] == '"' || line[j + 1] == '\\')) ++j;
        word += line[j];
      }
      if (j >= line.size()) return Status::InvalidArgument("unterminated quote");
      in_word = true;
      i = j;
    } else if (c == '\\' && i + 1 < line.size()) {
      word += line[++i];
      in_word = true;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (in_word) words.push_back(word);
  return words;
}

std::string DockerForm(const std::vector<std::string>& argv) {
  if (argv.empty()) return "";
  static const std::set<std::string> kDockerGroups = {"swarm", "node",   "service", "stack",
                                                      "config", "secret", "volume",  "events"};
  const std::string& group = argv[0];
  std::string second = argv.size() > 1 ? argv[1] : "";
  if (group == "node" && (second == "add" || second == "down" || second == "up")) return "";
  auto join = [&](size_t from) {
    std::string s;
    for (size_t i = from; i < argv.size(); ++i) {
      const std::string& w = argv[i];
      bool quote = w.empty() || w.find_first_of(" \t'\"{}$|&;<>*?") != std::string::npos;
      s += (i > from ? " " : "") + (quote ? "'" + w + "'" : w);
    }
    return s;
  };
  if (group == "curl") return join(0);
  if (kDockerGroups.count(group)) return "docker " + join(0);
  return "";
}

}  // namespace swarmsim::lesson
