// docker's `label=KEY` / `label=KEY=VALUE` filter value, as every `ls` command and
// the Engine API's list endpoints read it.
#pragma once

#include <map>
#include <string>

namespace swarmsim {

// True when `labels` has KEY (and, with "=VALUE", has it with that value).
bool LabelMatches(const std::map<std::string, std::string>& labels, const std::string& want);

}  // namespace swarmsim
