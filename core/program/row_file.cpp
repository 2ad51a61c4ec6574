#include "core/program/row_file.h"

#include "core/container/filesystem.h"

namespace swarmsim {

std::vector<std::string> ReadRows(const ClusterState& state, const Task& task, const std::string& path) {
  std::vector<std::string> rows;
  auto text = ReadTaskFile(state, task, path);
  if (!text.ok()) return rows;
  const std::string& t = text.value();
  size_t i = 0;
  while (i < t.size()) {
    size_t j = t.find('\n', i);
    if (j == std::string::npos) j = t.size();
    rows.push_back(t.substr(i, j - i));
    i = j + 1;
  }
  return rows;
}

Status AppendRow(ClusterState* state, const Task& task, const std::string& path, const std::string& row) {
  auto text = ReadTaskFile(*state, task, path);
  return WriteTaskFile(state, task, path, (text.ok() ? text.value() : "") + row + "\n");
}

}  // namespace swarmsim
