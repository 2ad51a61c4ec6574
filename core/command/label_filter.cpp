#include "core/command/label_filter.h"

namespace swarmsim {

bool LabelMatches(const std::map<std::string, std::string>& labels, const std::string& want) {
  auto eq = want.find('=');
  auto it = labels.find(want.substr(0, eq));
  return it != labels.end() && (eq == std::string::npos || it->second == want.substr(eq + 1));
}

}  // namespace swarmsim
